import { describe, expect, it } from 'vitest';
import { type Comparison, type ComparisonRow, changedRowIndexes } from './compare.js';
import { briefComparison } from './compareBrief.js';
import type { ProposalView } from './proposals.js';
import { proposalView } from './proposalView.fixture.js';

const EU = { code: 'EU', name: 'European Union' };

const proposal = (over: Partial<ProposalView>): ProposalView =>
  proposalView({
    id: 'p1',
    pid: 'a',
    delegation: EU,
    createdAt: '2022-03-28T10:00:00Z',
    updatedAt: '2022-03-28T10:00:00Z',
    readingId: 'r1',
    status: 'incorporated',
    version: 2,
    supporters: [{ code: 'NO', name: 'Norway' }],
    changes: [{ from: 'AAE=', to: 'AAI=', deleted: 'shall', inserted: 'should' }],
    text: 'States should act.',
    ...over,
  });

const side = (pid: string, text: string, pieces: ComparisonRow['pieces']) => ({
  pid,
  label: 'OP1',
  text,
  kind: 'operative' as const,
  pieces,
  runs: [{ text }],
  index: 0,
});

const amend = proposal({});
const alt = proposal({ id: 'p2', kind: 'alt', status: 'not-retained', text: 'States may act.' });

const comparison: Comparison = {
  older: { label: 'Rev.1', kind: 'revision', takenAt: '2022-04-01T10:00:00Z' },
  newer: { label: 'Rev.2', kind: 'revision', takenAt: '2022-04-08T10:00:00Z' },
  rows: [
    {
      kind: 'changed',
      left: side('a', 'States shall act.', [
        { kind: 'text', text: 'States ' },
        { kind: 'del', text: 'shall' },
        { kind: 'text', text: ' act.' },
      ]),
      right: side('a', 'States should act.', [
        { kind: 'text', text: 'States ' },
        { kind: 'ins', text: 'should' },
        { kind: 'text', text: ' act.' },
      ]),
      pieces: [
        { kind: 'text', text: 'States ' },
        { kind: 'del', text: 'shall' },
        { kind: 'ins', text: 'should' },
        { kind: 'text', text: ' act.' },
      ],
      changed: true,
      renumbered: false,
      incorporated: [amend],
      notRetained: [alt],
      carried: [],
    },
    {
      kind: 'added',
      left: null,
      right: side('b', 'New.', [{ kind: 'ins', text: 'New.' }]),
      pieces: [{ kind: 'ins', text: 'New.' }],
      changed: false,
      renumbered: false,
      splitFrom: 'a',
      incorporated: [],
      notRetained: [],
      carried: [alt],
    },
  ],
  summary: { changed: 1, added: 1, deleted: 0, moved: 0, unchanged: 0, renumbered: 0 },
  renumbering: null,
};

describe('briefComparison', () => {
  const brief = briefComparison(comparison);

  it('keeps what the page shows: versions, summary, kinds, marks and each side’s pieces', () => {
    expect(brief.older).toEqual(comparison.older);
    expect(brief.summary).toEqual(comparison.summary);
    expect(brief.rows[0]!.right).toEqual({
      pid: 'a',
      label: 'OP1',
      kind: 'operative',
      pieces: comparison.rows[0]!.right!.pieces,
    });
    expect(brief.rows[1]).toMatchObject({ kind: 'added', left: null, splitFrom: 'a', changed: false });
    expect(changedRowIndexes(brief)).toEqual(changedRowIndexes(comparison));
  });

  it('leaves out the sides’ text, the combined pieces and what a bracket does not show', () => {
    expect(brief.rows[0]).not.toHaveProperty('pieces');
    expect(brief.rows[0]!.left).not.toHaveProperty('text');
    expect(brief.rows[0]).not.toHaveProperty('mergedInto');
    expect(brief.rows[0]!.incorporated).toEqual([
      {
        id: 'p1',
        kind: 'amend',
        status: 'incorporated',
        delegation: EU,
        tabledBy: null,
        supporters: [{ code: 'NO', name: 'Norway' }],
        text: '',
        reservation: false,
        byFacilitators: false,
        changes: [{ deleted: 'shall', inserted: 'should' }],
      },
    ]);
    expect(brief.rows[0]!.notRetained[0]).toMatchObject({ id: 'p2', kind: 'alt', text: 'States may act.' });
    expect(brief.rows[1]!.carried.map((p) => p.id)).toEqual(['p2']);
  });
});
