/**
 * A comparison in brief: what the compare page shows of `compareSnapshots`' result, and what
 * `GET /api/negotiations/:id/compare` sends. Each side keeps its pieces (not its text again), a
 * row drops the combined track-changes pieces (only the Word export uses them), and a proposal
 * keeps what its bracket shows. Less than half the size of the full comparison of two readings.
 */
import type { Comparison, ComparisonRow, RowSide } from './compare.js';
import type { ProposalBrief, ProposalKind } from './proposals.js';

/** One side of a row in brief: the block's pieces, without its text and runs (the pieces spell it) or position. */
export type SideBrief = Omit<RowSide, 'text' | 'runs' | 'index'>;

/** One row in brief. */
export type RowBrief = Omit<
  ComparisonRow,
  'left' | 'right' | 'pieces' | 'incorporated' | 'notRetained' | 'carried'
> & {
  left: SideBrief | null;
  right: SideBrief | null;
  incorporated: ProposalBrief[];
  notRetained: ProposalBrief[];
  carried: ProposalBrief[];
};

/** A comparison in brief, rows in the newer text's order. */
export type ComparisonBrief = Omit<Comparison, 'rows'> & { rows: RowBrief[] };

/** The kinds of proposal whose bracket shows their `text` (a new paragraph, an alternative, a comment). */
const SHOWS_TEXT: ReadonlySet<ProposalKind> = new Set(['insert', 'alt', 'comment']);

/** The comparison as the compare page needs it. */
export function briefComparison(c: Comparison): ComparisonBrief {
  return {
    older: c.older,
    newer: c.newer,
    summary: c.summary,
    rows: c.rows.map(briefRow),
    renumbering: c.renumbering,
  };
}

function briefRow(row: ComparisonRow): RowBrief {
  const brief: RowBrief = {
    kind: row.kind,
    left: row.left && briefSide(row.left),
    right: row.right && briefSide(row.right),
    changed: row.changed,
    renumbered: row.renumbered,
    incorporated: row.incorporated.map(briefProposal),
    notRetained: row.notRetained.map(briefProposal),
    carried: row.carried.map(briefProposal),
  };
  if (row.splitFrom !== undefined) brief.splitFrom = row.splitFrom;
  if (row.mergedInto !== undefined) brief.mergedInto = row.mergedInto;
  return brief;
}

function briefSide(side: RowSide): SideBrief {
  return { pid: side.pid, label: side.label, kind: side.kind, pieces: side.pieces };
}

/** A proposal as its bracket shows it; `text` only for the kinds that show it, else empty. */
export function briefProposal(p: ProposalBrief): ProposalBrief {
  return {
    id: p.id,
    kind: p.kind,
    status: p.status,
    delegation: p.delegation,
    tabledBy: p.tabledBy,
    supporters: p.supporters,
    text: SHOWS_TEXT.has(p.kind) ? p.text : '',
    reservation: p.reservation,
    byFacilitators: p.byFacilitators,
    changes: p.changes.map((c) => ({ deleted: c.deleted, inserted: c.inserted })),
  };
}
