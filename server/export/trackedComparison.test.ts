/**
 * The comparison export in Word's tracked changes: accepting every change gives exactly the newer
 * text and rejecting every change exactly the older one (paragraph by paragraph, number and
 * text, italics and bold), each change by the delegation whose incorporated proposal made it, and
 * LibreOffice reads the changes as revisions it could accept or reject.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { compareSnapshots } from '../../shared/compare.js';
import type { ResolvedProposal } from '../../shared/compilation.js';
import { delegationRef, type ProposalView } from '../../shared/proposals.js';
import { proposalView } from '../../shared/proposalView.fixture.js';
import type { CanonicalSnapshot, SnapshotBlock, SnapshotRun } from '../../shared/snapshot.js';
import { convertTo, findOnPath } from '../../test/support/office.js';
import {
  joinedRevisions,
  joinedRuns,
  type ReadParagraph,
  type ReadRun,
  resolveRevisions,
  revisionsOf,
} from '../../test/support/wordRevisions.js';
import { comparisonToDocx } from './docx.js';

const OLDER_AT = '2022-03-17T13:00:00Z';
const NEWER_AT = '2022-04-04T14:00:00Z';
const EU_APPLIED = '2022-04-01T16:30:00.000Z';
const USA_APPLIED = '2022-04-01T16:31:00.000Z';
const CHE_APPLIED = '2022-04-01T16:32:00.000Z';

/** A block from its runs: `_words_` in italics, `*words*` in bold. */
function block(type: SnapshotBlock['type'], marked: string, pid?: string, label?: string): SnapshotBlock {
  const runs: SnapshotRun[] = marked
    .split(/(_[^_]+_|\*[^*]+\*)/)
    .filter((t) => t !== '')
    .map((t) =>
      t.startsWith('_')
        ? { text: t.slice(1, -1), em: true }
        : t.startsWith('*')
          ? { text: t.slice(1, -1), strong: true }
          : { text: t },
    );
  const text = runs.map((r) => r.text).join('');
  return { type, text, runs, ...(pid ? { pid } : {}), ...(label ? { label } : {}) };
}
const op = (pid: string, label: string, marked: string) => block('operative', marked, pid, label);
const pp = (pid: string, label: string, marked: string) => block('preambular', marked, pid, label);

function snapshot(
  label: string,
  takenAt: string,
  blocks: SnapshotBlock[],
  proposals: ResolvedProposal[] = [],
): CanonicalSnapshot {
  return {
    format: 1,
    negotiationId: 'n1',
    kind: 'revision',
    label,
    takenAt,
    blocks,
    proposals,
    paragraphStatuses: {},
  };
}

const decided = (over: Partial<ProposalView>): ResolvedProposal => ({
  proposal: proposalView({ status: 'incorporated', ...over }),
  ranges: null,
});

const ZERO = snapshot(
  'Zero draft',
  OLDER_AT,
  [
    block('title', 'Progress Declaration of the International Migration Review Forum'),
    block('section', 'Preamble'),
    pp('pp1', 'PP1', '_Recalling_ the Global Compact for Safe, Orderly and Regular Migration,'),
    pp('pp2', 'PP2', '_Noting_ with concern the *lack* of data,'),
    block('section', 'Commitments'),
    op('op1', 'OP1', 'We commit to strengthen cooperation, in line with international law.'),
    op('op2', 'OP2', 'We request the Secretary-General to report annually.'),
    op('op3', 'OP3', 'We invite States to share good practices.'),
    op('op4', 'OP4', 'We recognise the contribution of migrants.'),
    op('op5', 'OP5', 'We will review progress in 2026. We will hold a forum every four years.'),
    op('op6', 'OP6', 'We decide to conclude our work.'),
  ],
  [
    // The older version's proposals left out or carried forward.
    decided({ pid: 'op3', kind: 'delete', status: 'not-retained', delegation: delegationRef('JPN') }),
    decided({
      pid: 'op5',
      kind: 'alt',
      status: 'carried-forward',
      text: 'We will review.',
      delegation: delegationRef('G77'),
    }),
  ],
);

const REV1 = snapshot(
  'Rev.1',
  NEWER_AT,
  [
    block('title', 'Progress Declaration of the International Migration Review Forum'),
    block('section', 'Preamble'),
    pp('pp1', 'PP1', '_Reaffirming_ the Global Compact for Safe, Orderly and Regular Migration,'),
    pp('pp2', 'PP2', '_Noting_ with concern the *lack* of data,'),
    block('section', 'Commitments and follow-up'),
    op('op1', 'OP1', 'We commit to further strengthen cooperation, consistent with international law.'),
    op('op7', 'OP2', 'We decide to meet again.'),
    op('op4', 'OP3', 'We recognise the *positive* contribution of migrants.'),
    op('op3', 'OP4', 'We invite States to share good practices.'),
    op('op5', 'OP5', 'We will review progress in 2026.'),
    op('op8', 'OP6', 'We will hold a forum every four years.'),
  ],
  [
    decided({
      pid: 'op1',
      changes: [{ from: 'a', to: 'b', deleted: '', inserted: 'further ' }],
      supporters: [delegationRef('NOR')],
      appliedAt: EU_APPLIED,
    }),
    decided({
      pid: 'op1',
      delegation: delegationRef('USA'),
      changes: [{ from: 'a', to: 'b', deleted: 'in line with', inserted: 'consistent with' }],
      appliedAt: USA_APPLIED,
    }),
    decided({ pid: 'op2', kind: 'delete', delegation: delegationRef('USA'), appliedAt: USA_APPLIED }),
    decided({
      pid: 'op1',
      kind: 'insert',
      text: 'We decide to meet again.',
      delegation: delegationRef('CHE'),
      appliedAt: CHE_APPLIED,
    }),
    decided({ pid: 'op3', kind: 'delete', status: 'not-retained', delegation: delegationRef('JPN') }),
    decided({
      pid: 'op5',
      kind: 'alt',
      status: 'carried-forward',
      text: 'We will review.',
      delegation: delegationRef('G77'),
    }),
  ],
);

async function documentXml(
  older: CanonicalSnapshot,
  newer: CanonicalSnapshot,
): Promise<Record<string, string>> {
  const data = await comparisonToDocx(compareSnapshots(older, newer), {
    title: 'Progress Declaration IMRF 2022',
    olderLabel: older.label,
    newerLabel: newer.label,
  });
  const zip = await JSZip.loadAsync(data);
  const parts: Record<string, string> = { docx: data.toString('base64') };
  for (const name of ['word/document.xml', 'word/comments.xml', 'word/settings.xml'])
    parts[name] = (await zip.file(name)?.async('string')) ?? '';
  return parts;
}

/** A version as Word should read it: each block's number, a tab and its text, with its italics and bold. */
function expected(s: CanonicalSnapshot): ReadParagraph[] {
  return s.blocks.map((b) => {
    const heading = b.label === undefined;
    const spelled = b.runs.map((r) => r.text).join('') === b.text ? b.runs : [{ text: b.text }];
    const runs: ReadRun[] = [
      ...(heading ? [] : [{ text: `${b.label}\t`, italics: false, bold: false }]),
      ...spelled.map((r) => ({ text: r.text, italics: r.em === true, bold: heading || r.strong === true })),
    ];
    const joined = joinedRuns(runs);
    return { text: joined.map((r) => r.text).join(''), runs: joined };
  });
}

describe('a comparison in tracked changes', () => {
  it('gives exactly the newer text when every change is accepted, and the older when every change is rejected', async () => {
    const xml = (await documentXml(ZERO, REV1))['word/document.xml']!;
    expect(resolveRevisions(xml, 'accept')).toEqual(expected(REV1));
    expect(resolveRevisions(xml, 'reject')).toEqual(expected(ZERO));
  });

  it('writes real revisions: no underline or strike-through, deleted words as w:delText, added and deleted paragraphs on their mark', async () => {
    const parts = await documentXml(ZERO, REV1);
    const xml = parts['word/document.xml']!;
    expect(xml).not.toContain('<w:strike/>');
    expect(xml).not.toContain('<w:u ');
    const revisions = revisionsOf(xml);
    const texts = (kind: 'ins' | 'del') =>
      revisions.filter((r) => r.kind === kind && !r.mark).map((r) => r.text);
    expect(texts('ins')).toEqual(
      expect.arrayContaining(['Reaffirming', 'further ', 'consistent', 'OP2\t', 'OP4', 'OP6\t']),
    );
    expect(texts('del')).toEqual(
      expect.arrayContaining(['Recalling', 'in line', 'OP2\t', 'OP3', 'OP4\t', 'OP6\t']),
    );
    expect(revisions.filter((r) => r.mark).length).toBeGreaterThanOrEqual(4);
    // Ids are unique across the document (revisions and comments).
    const ids = [...xml.matchAll(/<w:(?:ins|del|commentRangeStart) w:id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    // Word keeps tracking the reader's own changes.
    expect(parts['word/settings.xml']).toContain('<w:trackRevisions/>');
  });

  it('attributes each change to the delegation whose incorporated proposal made it, dated when applied; others to the co-facilitators', async () => {
    const revisions = revisionsOf((await documentXml(ZERO, REV1))['word/document.xml']!);
    const by = (text: string, kind: 'ins' | 'del' = 'ins') => {
      const r = revisions.find((x) => x.kind === kind && x.text === text);
      if (!r) throw new Error(`no ${kind} of ${JSON.stringify(text)}`);
      return { author: r.author, date: r.date };
    };
    expect(by('further ')).toEqual({ author: 'European Union', date: '2022-04-01T16:30:00Z' });
    expect(by('consistent')).toEqual({ author: 'United States', date: '2022-04-01T16:31:00Z' });
    expect(by('in line', 'del')).toEqual({ author: 'United States', date: '2022-04-01T16:31:00Z' });
    // The deleted paragraph: its number, words and mark by the United States.
    expect(by('OP2\t', 'del')).toEqual({ author: 'United States', date: '2022-04-01T16:31:00Z' });
    expect(by('We request the Secretary-General to report annually.', 'del').author).toBe('United States');
    // The new paragraph by Switzerland, whose proposal it was.
    expect(by('We decide to meet again.')).toEqual({ author: 'Switzerland', date: '2022-04-01T16:32:00Z' });
    // No proposal explains these: the co-facilitators, at the newer text's time.
    expect(by('Reaffirming')).toEqual({ author: 'Co-facilitators', date: '2022-04-04T14:00:00Z' });
    expect(by(' and follow-up')).toEqual({ author: 'Co-facilitators', date: '2022-04-04T14:00:00Z' });
    // OP3 renumbered OP4: its number, by the co-facilitators.
    expect(by('OP3', 'del')).toEqual({ author: 'Co-facilitators', date: '2022-04-04T14:00:00Z' });
    expect(by('OP4')).toEqual({ author: 'Co-facilitators', date: '2022-04-04T14:00:00Z' });
    // Supporters and tabling members never make an author.
    expect(new Set(revisions.map((r) => r.author))).toEqual(
      new Set(['European Union', 'United States', 'Switzerland', 'Co-facilitators']),
    );
  });

  it('keeps italics and bold on inserted, deleted and unchanged words', async () => {
    const xml = (await documentXml(ZERO, REV1))['word/document.xml']!;
    const accepted = resolveRevisions(xml, 'accept');
    const rejected = resolveRevisions(xml, 'reject');
    expect(accepted[2]!.runs[1]).toEqual({ text: 'Reaffirming', italics: true, bold: false });
    expect(rejected[2]!.runs[1]).toEqual({ text: 'Recalling', italics: true, bold: false });
    expect(accepted[3]!.runs).toContainEqual({ text: 'Noting', italics: true, bold: false });
    expect(accepted[3]!.runs).toContainEqual({ text: 'lack', italics: false, bold: true });
    expect(accepted[7]!.runs).toContainEqual({ text: 'positive', italics: false, bold: true });
  });

  it('puts everything that is not text of either version in comments: overview, proposals by their delegation, moves, splits', async () => {
    const parts = await documentXml(ZERO, REV1);
    const comments = parts['word/comments.xml']!;
    const said = [
      ...comments.matchAll(/<w:comment [^>]*w:author="([^"]*)"[^>]*>([\s\S]*?)<\/w:comment>/g),
    ].map((m) => ({
      author: m[1],
      text: [...m[2]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(' '),
    }));
    expect(said[0]!.text).toContain('Comparison of Zero draft and Rev.1');
    expect(said[0]!.text).toContain(
      'From Zero draft to Rev.1: 3 paragraphs changed, 2 added, 2 deleted, 1 moved, 2 renumbered; 2 unchanged.',
    );
    expect(said).toContainEqual({
      author: 'European Union',
      text: 'Incorporated: amendment — European Union, supported by Norway.',
    });
    expect(said).toContainEqual({
      author: 'Japan',
      text: 'Not retained: deletion of the paragraph — Japan.',
    });
    expect(said).toContainEqual({
      author: 'G77 and China',
      text: 'Carried forward: alternative text — G77 and China.',
    });
    expect(said.map((s) => s.text)).toEqual(
      expect.arrayContaining(['Split from OP5.', 'Moved: now OP3.', 'Moved here (was OP4).']),
    );
    // Every comment is anchored in the body.
    const anchored = [...parts['word/document.xml']!.matchAll(/<w:commentReference w:id="(\d+)"\/>/g)].length;
    expect(anchored).toBe(said.length);
  });

  it('survives any two texts: accept gives the newer, reject the older (random paragraphs added, deleted, moved, reworded)', async () => {
    const WORDS = [
      'States',
      'shall',
      'should',
      'migrants',
      'the',
      'rights',
      'of',
      'and',
      'cooperation,',
      'law.',
      'further',
    ];
    const text = fc
      .array(fc.record({ word: fc.constantFrom(...WORDS), em: fc.boolean() }), { minLength: 1, maxLength: 8 })
      .map((ws) =>
        ws
          .map((w, i) => (w.em ? `_${w.word}_` : w.word) + (i < ws.length - 1 ? ' ' : ''))
          .join('')
          .replace(/_ _/g, ' '),
      );
    const version = fc.array(
      fc.record({ pid: fc.integer({ min: 1, max: 8 }), text, heading: fc.boolean() }),
      { maxLength: 7 },
    );
    const blocksOf = (v: { pid: number; text: string; heading: boolean }[]) => {
      const seen = new Set<number>();
      let n = 0;
      return v.flatMap((b) => {
        if (b.heading) return [block('section', b.text)];
        if (seen.has(b.pid)) return [];
        seen.add(b.pid);
        return [op(`p${b.pid}`, `OP${++n}`, b.text)];
      });
    };
    await fc.assert(
      fc.asyncProperty(version, version, async (a, b) => {
        const older = snapshot('A', OLDER_AT, blocksOf(a));
        const newer = snapshot('B', NEWER_AT, blocksOf(b));
        // A text needs a paragraph to stand on; Word keeps one empty paragraph where none is left.
        fc.pre(older.blocks.length > 0 && newer.blocks.length > 0);
        const xml = (await documentXml(older, newer))['word/document.xml']!;
        expect(resolveRevisions(xml, 'accept')).toEqual(expected(newer));
        expect(resolveRevisions(xml, 'reject')).toEqual(expected(older));
      }),
      { numRuns: 150 },
    );
  }, 60_000);
});

const soffice = findOnPath('soffice');

describe('LibreOffice', () => {
  it.skipIf(soffice === '')(
    'reads the export’s changes as tracked changes with their authors',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'tracked-'));
      try {
        const parts = await documentXml(ZERO, REV1);
        const file = join(dir, 'comparison.docx');
        writeFileSync(file, Buffer.from(parts.docx!, 'base64'));
        const fodt = readFileSync(await convertTo(soffice, file, dir, 'fodt'), 'utf8');
        const regions = [...fodt.matchAll(/<text:changed-region[\s\S]*?<\/text:changed-region>/g)].map(
          (m) => ({
            kind: /<text:(insertion|deletion)>/.exec(m[0])![1] === 'insertion' ? 'ins' : 'del',
            author: /<dc:creator>([^<]*)<\/dc:creator>/.exec(m[0])![1],
            date: `${/<dc:date>([^<]*)<\/dc:date>/.exec(m[0])![1]}Z`,
          }),
        );
        // The changes a reader of the Word file sees, one by one, are LibreOffice's, in order.
        const changes = joinedRevisions(revisionsOf(parts['word/document.xml']!));
        expect(regions).toEqual(changes.map((r) => ({ kind: r.kind, author: r.author, date: r.date })));
        expect(regions.filter((r) => r.kind === 'ins').length).toBeGreaterThanOrEqual(8);
        expect(regions.filter((r) => r.kind === 'del').length).toBeGreaterThanOrEqual(8);
        expect(new Set(regions.map((r) => r.author))).toEqual(
          new Set(['European Union', 'United States', 'Switzerland', 'Co-facilitators']),
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    240_000,
  );
});
