import { describe, expect, it } from 'vitest';
import { type CompilationParagraph, compileParagraph, type ResolvedProposal } from './compilation.js';
import type { ProposalView } from './proposals.js';
import { proposalView } from './proposalView.fixture.js';

const TEXT = 'We commit to strengthen cooperation, in line with international law.';
const para: CompilationParagraph = {
  pid: 'op05',
  kind: 'operative',
  label: 'OP5',
  text: TEXT,
  status: 'bracketed',
};
const proposal = (over: Partial<ProposalView>): ProposalView => proposalView({ pid: 'op05', ...over });

function amend(code: string, from: number, to: number, inserted: string): ResolvedProposal {
  return {
    proposal: proposal({
      delegation: { code, name: code },
      changes: [{ from: 'a', to: 'b', deleted: TEXT.slice(from, to), inserted }],
    }),
    ranges: [{ from, to }],
  };
}

describe('compileParagraph', () => {
  it('places an amendment inside the text between unchanged runs', () => {
    const c = compileParagraph(para, [amend('EU', 13, 13, 'further ')]);
    expect(c.segments.map((s) => s.type)).toEqual(['text', 'cluster', 'text']);
    const cluster = c.segments[1]!;
    // The space after the inserted words stands outside them (a bracket drops it at its edge).
    expect(cluster.type === 'cluster' && cluster.entries[0]!.pieces).toEqual([
      { kind: 'ins', text: 'further' },
      { kind: 'text', text: ' ' },
    ]);
  });

  it('groups conflicting proposals on the same words so that all show', () => {
    const del = amend('USA', 50, 64, ''); // "international "
    const rep = amend('G77', 50, 63, 'applicable'); // "international" → "applicable"
    const c = compileParagraph(para, [del, rep]);
    const clusters = c.segments.filter((s) => s.type === 'cluster');
    expect(clusters).toHaveLength(1);
    const cl = clusters[0]!;
    if (cl.type !== 'cluster') throw new Error('no cluster');
    expect(cl.base).toBe('international ');
    expect(cl.entries.map((e) => e.proposal.delegation.code)).toEqual(['USA', 'G77']);
    expect(cl.entries[1]!.pieces).toEqual([
      { kind: 'del', text: 'international' },
      { kind: 'text', text: ' ' },
      { kind: 'ins', text: 'applicable' },
      { kind: 'text', text: ' ' },
    ]);
  });

  it('keeps the base text whole when the segments are joined', () => {
    const c = compileParagraph(para, [amend('EU', 13, 13, 'further '), amend('USA', 37, 44, 'consistent')]);
    const joined = c.segments
      .map((s) =>
        s.type === 'text' || s.type === 'incorporated' ? s.text : s.type === 'cluster' ? s.base : '',
      )
      .join('');
    expect(joined).toBe(TEXT);
  });

  it('numbers new paragraphs bis, ter and sorts whole-paragraph proposals apart', () => {
    const c = compileParagraph(para, [
      { proposal: proposal({ kind: 'insert', text: 'New one' }), ranges: null },
      { proposal: proposal({ kind: 'insert', text: 'New two' }), ranges: null },
      { proposal: proposal({ kind: 'delete' }), ranges: null },
      { proposal: proposal({ kind: 'alt', text: 'Alternative' }), ranges: null },
      { proposal: proposal({ kind: 'comment', text: 'Reservation', reservation: true }), ranges: null },
    ]);
    expect(c.inserts.map((i) => i.label)).toEqual(['OP5bis', 'OP5ter']);
    expect(c.wholeParagraph).toHaveLength(1);
    expect(c.alternatives).toHaveLength(1);
    expect(c.comments).toHaveLength(1);
  });

  it('does not show an amendment again inside the text it was applied to', () => {
    const done = amend('EU', 13, 13, 'further ');
    done.proposal.appliedAt = '2022-03-30T15:00:00Z';
    const c = compileParagraph(para, [done]);
    expect(c.applied).toHaveLength(1);
    expect(c.segments).toEqual([{ type: 'text', text: TEXT }]);
  });

  it('lists an amendment whose words changed as outdated instead of misplacing it', () => {
    const stale = amend('EU', 13, 23, 'reinforce'); // targets "strengthen"
    stale.ranges = [{ from: 13, to: 20 }];
    const flagged = amend('USA', 0, 2, 'They');
    flagged.proposal.outdated = true;
    const c = compileParagraph(para, [stale, flagged]);
    expect(c.outdated.map((p) => p.delegation.code)).toEqual(['EU', 'USA']);
    expect(c.segments).toEqual([{ type: 'text', text: TEXT }]);
  });
});

describe('compileParagraph: outdated and applied amendments in place', () => {
  it('shows an outdated amendment where its words were, marked outdated', () => {
    const stale = amend('EU', 13, 23, 'reinforce'); // targeted "strengthen", since rewritten
    stale.proposal.outdated = true;
    stale.ranges = null;
    stale.located = [{ from: 13, to: 13 }];
    const c = compileParagraph(para, [stale]);
    expect(c.outdated).toEqual([]);
    expect(c.segments.map((s) => s.type)).toEqual(['text', 'point', 'text']);
    const point = c.segments[1]!;
    expect(point).toMatchObject({ type: 'point', at: 13 });
    if (point.type !== 'point') throw new Error('no point');
    expect(point.entries[0]).toMatchObject({ state: 'outdated', proposal: { id: stale.proposal.id } });
    expect(point.entries[0]!.pieces).toEqual([
      { kind: 'del', text: 'strengthen' },
      { kind: 'text', text: ' ' },
      { kind: 'ins', text: 'reinforce' },
    ]);
    // Still listed after the paragraph when its place is unknown or beyond the text.
    stale.located = [{ from: TEXT.length + 5, to: TEXT.length + 5 }];
    expect(compileParagraph(para, [stale]).outdated).toHaveLength(1);
    stale.located = null;
    expect(compileParagraph(para, [stale]).outdated).toHaveLength(1);
  });

  it('moves an outdated amendment’s place out of the words of an open bracket', () => {
    const stale = amend('EU', 15, 20, 'X');
    stale.proposal.outdated = true;
    stale.located = [{ from: 16, to: 16 }];
    const open = amend('USA', 13, 23, 'reinforce');
    const c = compileParagraph(para, [stale, open]);
    expect(c.segments.map((s) => s.type)).toEqual(['text', 'point', 'cluster', 'text']);
    expect(c.segments[1]).toMatchObject({ type: 'point', at: 13 });
  });

  it('marks the words an applied amendment put in, with its attribution', () => {
    // "further " was put in at 13 and the text now reads it.
    const text = 'We commit to further strengthen cooperation, in line with international law.';
    const done = amend('EU', 13, 13, 'further ');
    done.proposal.appliedAt = '2022-03-30T15:00:00Z';
    done.proposal.status = 'incorporated';
    done.located = [{ from: 13, to: 13 }];
    const c = compileParagraph({ ...para, text }, [done]);
    expect(c.applied).toEqual([]);
    expect(c.segments).toEqual([
      { type: 'text', text: 'We commit to ' },
      { type: 'incorporated', from: 13, to: 20, text: 'further', proposal: done.proposal },
      { type: 'text', text: ' strengthen cooperation, in line with international law.' },
    ]);
    // Words changed since: no longer marked, listed after the paragraph.
    const changed = compileParagraph({ ...para, text: text.replace('further', 'farther') }, [done]);
    expect(changed.applied).toEqual([done.proposal]);
    expect(changed.segments.map((s) => s.type)).toEqual(['text']);
  });

  it('marks an applied deletion where the words were, and lets open brackets win over marks', () => {
    const gone = amend('USA', 50, 64, '');
    gone.proposal.appliedAt = '2022-03-30T15:00:00Z';
    gone.located = [{ from: 13, to: 13 }];
    const c = compileParagraph(para, [gone]);
    expect(c.segments[1]).toMatchObject({
      type: 'point',
      at: 13,
      entries: [{ state: 'incorporated', pieces: [{ kind: 'del', text: 'international' }] }],
    });

    const done = amend('EU', 13, 13, 'strengthen');
    done.proposal.appliedAt = '2022-03-30T15:00:00Z';
    done.located = [{ from: 13, to: 13 }];
    const open = amend('G77', 13, 23, 'deepen');
    const both = compileParagraph(para, [done, open]);
    expect(both.applied).toEqual([done.proposal]);
    expect(both.segments.map((s) => s.type)).toEqual(['text', 'cluster', 'text']);
  });
});

describe('spaces around brackets in running text', () => {
  const spacing = (c: ReturnType<typeof compileParagraph>) =>
    c.segments.flatMap((s) =>
      s.type === 'cluster' || s.type === 'point'
        ? [{ before: s.spaceBefore === true, after: s.spaceAfter === true }]
        : [],
    );

  it('sets a space after words put in before a word ("to [further — EU] strengthen")', () => {
    expect(spacing(compileParagraph(para, [amend('EU', 13, 13, 'further ')]))).toEqual([
      { before: false, after: true },
    ]);
  });

  it('sets a space after words struck out with the space after them', () => {
    expect(spacing(compileParagraph(para, [amend('USA', 50, 64, '')]))).toEqual([
      { before: false, after: true },
    ]);
  });

  it('sets none where the text beside the bracket has its space or punctuation', () => {
    // "in line" → "consistent": the text after begins with its own space.
    expect(spacing(compileParagraph(para, [amend('USA', 37, 44, 'consistent')]))).toEqual([
      { before: false, after: false },
    ]);
    // A comma put in after "cooperation" needs no space before it.
    expect(spacing(compileParagraph(para, [amend('EU', 35, 35, ',')]))).toEqual([
      { before: false, after: false },
    ]);
  });

  it('sets a space before words struck out with the space before them', () => {
    expect(spacing(compileParagraph(para, [amend('USA', 49, 63, '')]))).toEqual([
      { before: true, after: false },
    ]);
  });

  it('spaces a point between words where the text had a space', () => {
    const gone = amend('USA', 50, 64, '');
    gone.proposal.appliedAt = '2022-03-30T15:00:00Z';
    gone.located = [{ from: 50, to: 50 }];
    const c = compileParagraph({ ...para, text: 'We commit, in line with law.' }, [
      { ...gone, located: [{ from: 24, to: 24 }] },
    ]);
    expect(spacing(c)).toEqual([{ before: false, after: true }]);
  });

  it('spaces an applied deletion that took a space with it from the word before ("officials [… — UK].")', () => {
    const text = 'We note that it remains little known among public officials.';
    const gone: ResolvedProposal = {
      proposal: proposal({
        appliedAt: '2022-03-30T15:00:00Z',
        status: 'incorporated',
        changes: [{ from: 'a', to: 'b', deleted: ' and the wider public', inserted: '' }],
      }),
      ranges: null,
      located: [{ from: text.length - 1, to: text.length - 1 }],
    };
    expect(spacing(compileParagraph({ ...para, text }, [gone]))).toEqual([{ before: true, after: false }]);
  });

  it('never lets a bracket touch the word after it, even where the words around it changed', () => {
    // " wider" was put in after the last word; that word was rewritten since, so the bracket now
    // stands before "national" with no space of its own to set.
    const text = 'We commit to wider national';
    const c = compileParagraph({ ...para, text }, [
      {
        proposal: proposal({ changes: [{ from: 'a', to: 'b', deleted: '', inserted: ' wider' }] }),
        ranges: [{ from: 19, to: 19 }],
      },
    ]);
    expect(spacing(c)).toEqual([{ before: false, after: true }]);
  });

  it('sets a space between a word and a bracket that put words in without one', () => {
    const c = compileParagraph(para, [amend('EU', 23, 23, 'ing')]); // after "strengthen"
    expect(spacing(c)).toEqual([{ before: true, after: false }]);
  });
});

describe('compileParagraph with the paragraph’s marks', () => {
  const ITALIC = 'We welcome the progress made.';
  const runs = [{ text: 'We welcome', em: true as const }, { text: ' the progress made.' }];
  const italicPara: CompilationParagraph = { ...para, text: ITALIC, runs };
  const change = (code: string, from: number, to: number, inserted: string): ResolvedProposal => ({
    proposal: proposal({
      delegation: { code, name: code },
      changes: [{ from: 'a', to: 'b', deleted: ITALIC.slice(from, to), inserted }],
    }),
    ranges: [{ from, to }],
  });
  const entries = (c: ReturnType<typeof compileParagraph>) =>
    c.segments.flatMap((s) => (s.type === 'cluster' ? s.entries.map((e) => e.pieces) : []));

  it('keeps italic base words italic when struck out, and inserted words plain', () => {
    const c = compileParagraph(italicPara, [change('EU', 3, 10, 'acknowledge')]); // "welcome"
    expect(entries(c)).toEqual([
      [
        { kind: 'del', text: 'welcome', em: true },
        { kind: 'text', text: ' ' },
        { kind: 'ins', text: 'acknowledge' },
      ],
    ]);
  });

  it('keeps italic context words of a cluster italic', () => {
    const wide = change('USA', 0, 14, 'Noting'); // "We welcome the"
    const narrow = change('EU', 11, 14, 'our'); // "the"
    const [first, second] = entries(compileParagraph(italicPara, [wide, narrow]));
    expect(first).toEqual([
      { kind: 'del', text: 'We welcome', em: true },
      { kind: 'del', text: ' the' },
      { kind: 'text', text: ' ' },
      { kind: 'ins', text: 'Noting' },
    ]);
    expect(second).toEqual([
      { kind: 'text', text: 'We welcome', em: true },
      { kind: 'text', text: ' ' },
      { kind: 'del', text: 'the' },
      { kind: 'text', text: ' ' },
      { kind: 'ins', text: 'our' },
    ]);
  });
});

describe('sliceRuns', () => {
  it('cuts runs at any offsets and keeps their marks', async () => {
    const { sliceRuns } = await import('./snapshot.js');
    const runs = [{ text: 'Recalling', em: true as const }, { text: ' the Compact,' }];
    expect(sliceRuns(runs, 0, 9)).toEqual([{ text: 'Recalling', em: true }]);
    expect(sliceRuns(runs, 4, 13)).toEqual([{ text: 'lling', em: true }, { text: ' the' }]);
    expect(sliceRuns(runs, 9, 22)).toEqual([{ text: ' the Compact,' }]);
  });
});
