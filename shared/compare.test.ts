import { describe, expect, it } from 'vitest';
import { type ComparisonRow, changedRowIndexes, compareSnapshots } from './compare.js';
import { numberParagraphs } from './numbering.js';
import type { ProposalView } from './proposals.js';
import { proposalView } from './proposalView.fixture.js';
import type { CanonicalSnapshot, SnapshotBlock } from './snapshot.js';

type Block = Omit<SnapshotBlock, 'label' | 'runs'>;

const title = (text: string): Block => ({ type: 'title', text });
const section = (text: string): Block => ({ type: 'section', text });
const pp = (pid: string, text: string): Block => ({ type: 'preambular', pid, text });
const op = (pid: string, text: string): Block => ({ type: 'operative', pid, text });

/** A snapshot of the blocks, numbered as the editor numbers them. */
function snap(blocks: Block[], proposals: ProposalView[] = [], label = 'Rev.1'): CanonicalSnapshot {
  const labels = numberParagraphs(
    blocks.flatMap((b) =>
      b.type === 'preambular' || b.type === 'operative' ? [{ pid: b.pid!, kind: b.type }] : [],
    ),
  );
  return {
    format: 1,
    negotiationId: 'n1',
    kind: 'revision',
    label,
    takenAt: '2022-04-04T12:00:00Z',
    blocks: blocks.map((b) => ({
      ...b,
      ...(b.pid === undefined ? {} : { label: labels.get(b.pid)! }),
      runs: [{ text: b.text }],
    })),
    proposals: proposals.map((proposal) => ({ proposal, ranges: null })),
    paragraphStatuses: {},
  };
}

const proposal = (over: Partial<ProposalView>): ProposalView => proposalView({ pid: 'a', ...over });

/** Rows as `kind:pid` for compact expectations. */
const shape = (rows: ComparisonRow[]) =>
  rows.map((r) => `${r.kind}:${(r.right ?? r.left)!.pid ?? r.right?.text}`);
const rowOf = (rows: ComparisonRow[], pid: string) => rows.find((r) => (r.right ?? r.left)!.pid === pid)!;

const ZERO = { changed: 0, added: 0, deleted: 0, moved: 0, unchanged: 0, renumbered: 0 };

describe('compareSnapshots', () => {
  it('finds nothing between identical texts', () => {
    const blocks = [title('Declaration'), section('Preamble'), pp('a', 'Recalling A.'), op('b', 'Commit B.')];
    const c = compareSnapshots(snap(blocks), snap(blocks));
    expect(c.rows.map((r) => r.kind)).toEqual(['heading', 'heading', 'unchanged', 'unchanged']);
    expect(c.summary).toEqual({ ...ZERO, unchanged: 2 });
    expect(changedRowIndexes(c)).toEqual([]);
    expect(c.rows[2]!.pieces).toEqual([{ kind: 'text', text: 'Recalling A.' }]);
  });

  it('marks edited words on each side', () => {
    const c = compareSnapshots(
      snap([op('a', 'We commit to strengthen cooperation, in line with international law.')]),
      snap([op('a', 'We commit to further strengthen cooperation, consistent with international law.')]),
    );
    const [row] = c.rows;
    expect(row!.kind).toBe('changed');
    expect(row!.changed).toBe(true);
    expect(row!.left!.pieces.filter((p) => p.kind !== 'text')).toEqual([{ kind: 'del', text: 'in line' }]);
    expect(row!.right!.pieces.filter((p) => p.kind !== 'text').map((p) => p.text.trim())).toEqual([
      'further',
      'consistent',
    ]);
    expect(row!.left!.pieces.map((p) => p.text).join('')).toBe(row!.left!.text);
    expect(row!.right!.pieces.map((p) => p.text).join('')).toBe(row!.right!.text);
    expect(row!.pieces.map((p) => p.kind)).toEqual(['text', 'ins', 'text', 'del', 'text', 'ins', 'text']);
    // The deletion and the insertion that replaces it are set apart by one space.
    expect(row!.pieces.map((p) => p.text).join('')).toBe(
      'We commit to further strengthen cooperation, in line consistent with international law.',
    );
    expect(c.summary).toEqual({ ...ZERO, changed: 1 });
    expect(changedRowIndexes(c)).toEqual([0]);
  });

  it('keeps the italics and bold of each text on its side and in the track changes', () => {
    const older = snap([op('a', 'We welcome the progress.')]);
    const newer = snap([op('a', 'We note the progress.')]);
    older.blocks[0]!.runs = [{ text: 'We welcome', em: true }, { text: ' the progress.' }];
    newer.blocks[0]!.runs = [
      { text: 'We note', em: true },
      { text: ' the ' },
      { text: 'progress', strong: true },
      { text: '.' },
    ];
    const [row] = compareSnapshots(older, newer).rows;
    expect(row!.left!.pieces).toEqual([
      { kind: 'text', text: 'We ', em: true },
      { kind: 'del', text: 'welcome', em: true },
      { kind: 'text', text: ' the progress.' },
    ]);
    expect(row!.right!.pieces).toEqual([
      { kind: 'text', text: 'We ', em: true },
      { kind: 'ins', text: 'note', em: true },
      { kind: 'text', text: ' the ' },
      { kind: 'text', text: 'progress', strong: true },
      { kind: 'text', text: '.' },
    ]);
    expect(row!.pieces).toEqual([
      { kind: 'text', text: 'We ', em: true },
      { kind: 'del', text: 'welcome', em: true },
      { kind: 'text', text: ' ' },
      { kind: 'ins', text: 'note', em: true },
      { kind: 'text', text: ' the progress.' },
    ]);
  });

  it('keeps the marks of a whole paragraph added or deleted', () => {
    const older = snap([op('a', 'Recalling A.')]);
    const newer = snap([op('b', 'Noting B.')]);
    older.blocks[0]!.runs = [{ text: 'Recalling', em: true }, { text: ' A.' }];
    newer.blocks[0]!.runs = [{ text: 'Noting', em: true }, { text: ' B.' }];
    const rows = compareSnapshots(older, newer).rows;
    expect(rowOf(rows, 'a').left!.pieces).toEqual([
      { kind: 'del', text: 'Recalling', em: true },
      { kind: 'del', text: ' A.' },
    ]);
    expect(rowOf(rows, 'b').right!.pieces).toEqual([
      { kind: 'ins', text: 'Noting', em: true },
      { kind: 'ins', text: ' B.' },
    ]);
  });

  it('shows an inserted paragraph as added and renumbers those after it', () => {
    const c = compareSnapshots(
      snap([op('a', 'One.'), op('b', 'Two.')]),
      snap([op('a', 'One.'), op('new', 'Inserted.'), op('b', 'Two.')]),
    );
    expect(shape(c.rows)).toEqual(['unchanged:a', 'added:new', 'unchanged:b']);
    const added = c.rows[1]!;
    expect(added.left).toBeNull();
    expect(added.right!.pieces).toEqual([{ kind: 'ins', text: 'Inserted.' }]);
    expect(c.rows[2]!.renumbered).toBe(true);
    expect(c.summary).toEqual({ ...ZERO, added: 1, unchanged: 2, renumbered: 1 });
    expect(changedRowIndexes(c)).toEqual([1]);
  });

  it('places a deleted paragraph where it stood', () => {
    const c = compareSnapshots(
      snap([op('a', 'One.'), op('b', 'Two.'), op('c', 'Three.'), op('d', 'Four.')]),
      snap([op('b', 'Two.'), op('d', 'Four.')]),
    );
    expect(shape(c.rows)).toEqual(['deleted:a', 'unchanged:b', 'deleted:c', 'unchanged:d']);
    expect(c.rows[2]!.left!.pieces).toEqual([{ kind: 'del', text: 'Three.' }]);
    expect(c.rows[2]!.right).toBeNull();
    expect(c.summary).toEqual({ ...ZERO, deleted: 2, unchanged: 2, renumbered: 2 });
  });

  it('marks paragraphs whose order changed as moved, keeping the longest run in place', () => {
    const c = compareSnapshots(
      snap([op('a', 'A.'), op('b', 'B.'), op('c', 'C.'), op('d', 'D.')]),
      snap([op('a', 'A.'), op('c', 'C.'), op('d', 'D.'), op('b', 'B moved and edited.')]),
    );
    expect(shape(c.rows)).toEqual(['unchanged:a', 'unchanged:c', 'unchanged:d', 'moved:b']);
    const moved = c.rows[3]!;
    expect(moved.changed).toBe(true);
    expect(moved.renumbered).toBe(true);
    expect(moved.right!.pieces.some((p) => p.kind === 'ins')).toBe(true);
    expect(c.summary).toEqual({ ...ZERO, moved: 1, unchanged: 3, renumbered: 3 });
  });

  it('places a deleted paragraph after its predecessor that did not move', () => {
    const c = compareSnapshots(
      snap([op('a', 'A.'), op('b', 'B.'), op('x', 'X.'), op('c', 'C.')]),
      snap([op('a', 'A.'), op('c', 'C.'), op('b', 'B.')]),
    );
    expect(shape(c.rows)).toEqual(['unchanged:a', 'moved:c', 'unchanged:b', 'deleted:x']);
  });

  it('renumbers OP12 to OP14 after two paragraphs are inserted before it', () => {
    const ops = Array.from({ length: 12 }, (_, i) => op(`o${i + 1}`, `Paragraph ${i + 1}.`));
    const newer = [...ops.slice(0, 10), op('n1', 'New one.'), op('n2', 'New two.'), ...ops.slice(10)];
    const c = compareSnapshots(snap(ops), snap(newer));
    const row = rowOf(c.rows, 'o12');
    expect(row.kind).toBe('unchanged');
    expect(row.renumbered).toBe(true);
    expect([row.left!.label, row.right!.label]).toEqual(['OP12', 'OP14']);
    expect(c.summary).toEqual({ ...ZERO, added: 2, unchanged: 12, renumbered: 2 });
    expect(changedRowIndexes(c)).toEqual([10, 11]);
  });

  it('detects a split paragraph', () => {
    const c = compareSnapshots(
      snap([op('a', 'We commit to act.  We shall report in 2026.'), op('b', 'Other.')]),
      snap([
        op('a', 'We commit to act.'),
        op('a2', 'We shall report in 2026.'),
        op('z', 'Something new.'),
        op('b', 'Other.'),
      ]),
    );
    expect(shape(c.rows)).toEqual(['changed:a', 'added:a2', 'added:z', 'unchanged:b']);
    expect(c.rows[1]!.splitFrom).toBe('a');
    expect(c.rows[2]!.splitFrom).toBeUndefined();
  });

  it('does not take a copied sentence for a split', () => {
    const c = compareSnapshots(
      snap([op('a', 'We commit to act. We shall report.')]),
      snap([op('a', 'We commit to act. We shall report.'), op('a2', 'We shall report.')]),
    );
    expect(c.rows[1]!.kind).toBe('added');
    expect(c.rows[1]!.splitFrom).toBeUndefined();
  });

  it('detects merged paragraphs, into the paragraph before or after', () => {
    const c = compareSnapshots(
      snap([op('a', 'First part.'), op('b', 'Second part.'), op('c', 'Third.'), op('d', 'Fourth part.')]),
      snap([op('a', 'First part. Second part.'), op('d', 'Third. Fourth part.')]),
    );
    expect(shape(c.rows)).toEqual(['changed:a', 'deleted:b', 'deleted:c', 'changed:d']);
    expect(c.rows[1]!.mergedInto).toBe('a');
    expect(c.rows[2]!.mergedInto).toBe('d');
  });

  it('aligns headings by text, then by place', () => {
    const c = compareSnapshots(
      snap([
        title('Progress Declaration'),
        section('Preamble'),
        pp('a', 'Recalling.'),
        section('Commitments'),
        op('b', 'Commit.'),
        section('Follow-up'),
        op('c', 'Review.'),
      ]),
      snap([
        title('Progress Declaration'),
        section('Preamble'),
        pp('a', 'Recalling.'),
        section('Our commitments'),
        op('b', 'Commit.'),
        op('c', 'Review.'),
        section('Annex'),
      ]),
    );
    const headings = c.rows.filter((r) => r.kind === 'heading');
    expect(headings.map((r) => [r.left?.text ?? null, r.right?.text ?? null, r.changed])).toEqual([
      ['Progress Declaration', 'Progress Declaration', false],
      ['Preamble', 'Preamble', false],
      ['Commitments', 'Our commitments', true],
      ['Follow-up', null, false],
      [null, 'Annex', false],
    ]);
    expect(headings[2]!.pieces).toEqual([
      { kind: 'del', text: 'Commitments' },
      { kind: 'text', text: ' ' },
      { kind: 'ins', text: 'Our commitments' },
    ]);
    expect(c.summary).toEqual({ ...ZERO, unchanged: 3 });
    expect(changedRowIndexes(c).map((i) => c.rows[i]!.left?.text ?? c.rows[i]!.right?.text)).toEqual([
      'Commitments',
      'Follow-up',
      'Annex',
    ]);
  });

  it('links incorporated, left-out and carried proposals to their rows', () => {
    const merged = proposal({ pid: 'a', status: 'open' });
    const mergedLater = { ...merged, status: 'incorporated' as const };
    const applied = proposal({ pid: 'b', appliedAt: '2022-04-01T10:00:00Z', status: 'open' });
    const refused = proposal({
      pid: 'a',
      status: 'open',
      delegation: { code: 'USA', name: 'United States' },
    });
    const refusedLater = { ...refused, status: 'not-retained' as const };
    const superseded = proposal({ pid: 'b', status: 'superseded' });
    const stillOpen = proposal({ pid: 'a', status: 'open' });
    const carried = proposal({ pid: 'b', status: 'open' });
    const carriedLater = { ...carried, status: 'carried-forward' as const };
    const insert = proposal({ pid: 'a', kind: 'insert', text: 'A  new paragraph.', status: 'incorporated' });
    const reworded = proposal({ pid: 'b', kind: 'insert', text: 'Not as applied.', status: 'incorporated' });
    const c = compareSnapshots(
      snap([op('a', 'One.'), op('b', 'Two.')], [merged, applied, refused, superseded, stillOpen, carried]),
      snap(
        [op('a', 'One, amended.'), op('n', 'A new paragraph.'), op('b', 'Two.'), op('m', 'As applied.')],
        [mergedLater, refusedLater, stillOpen, insert, reworded, carriedLater],
      ),
    );
    const ids = (ps: ProposalView[]) => ps.map((p) => p.id);
    expect(ids(rowOf(c.rows, 'a').incorporated)).toEqual([merged.id]);
    expect(ids(rowOf(c.rows, 'a').notRetained)).toEqual([refused.id]);
    expect(ids(rowOf(c.rows, 'n').incorporated)).toEqual([insert.id]);
    expect(ids(rowOf(c.rows, 'b').incorporated)).toEqual([applied.id, reworded.id]);
    expect(ids(rowOf(c.rows, 'b').notRetained)).toEqual([superseded.id]);
    expect(ids(rowOf(c.rows, 'm').incorporated)).toEqual([]);
    // Carried forward: neither in nor out, but shown on its paragraph, not lost.
    expect(ids(rowOf(c.rows, 'b').carried)).toEqual([carried.id]);
    expect(ids(rowOf(c.rows, 'a').carried)).toEqual([]);
  });

  it('compares 300 paragraphs against 300 with edits, moves, insertions and deletions', () => {
    const words = ['cooperation', 'migration', 'regular', 'safe', 'orderly', 'rights', 'States', 'commit'];
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const sentence = () =>
      Array.from({ length: 40 }, () => words[Math.floor(random() * words.length)]).join(' ');
    const older = Array.from({ length: 300 }, (_, i) => op(`p${i}`, sentence()));
    const newer = older.filter((_, i) => i % 30 !== 5); // 10 deleted
    for (let i = 0; i < newer.length; i += 10) newer[i] = { ...newer[i]!, text: `${newer[i]!.text} further` };
    const [movedBlock] = newer.splice(100, 1);
    newer.splice(250, 0, movedBlock!);
    for (let k = 0; k < 10; k++) newer.splice(k * 29, 0, op(`new${k}`, sentence()));

    const c = compareSnapshots(snap(older), snap(newer));
    expect(c.rows).toHaveLength(310);
    expect(c.rows.filter((r) => r.right).map((r) => r.right!.pid)).toEqual(newer.map((b) => b.pid));
    expect(c.summary.added).toBe(10);
    expect(c.summary.deleted).toBe(10);
    expect(c.summary.moved).toBe(1);
    const { renumbered, ...kinds } = c.summary;
    expect(Object.values(kinds).reduce((a, b) => a + b, 0)).toBe(310);
    expect(renumbered).toBeGreaterThan(0);
  });
});
