/**
 * The side-by-side comparison of two snapshots of a text (any two, not only neighbours):
 * paragraph against paragraph by identity, with word-level insertions and deletions, moves,
 * renumbering ("OP12 → OP14"), split and merged paragraphs, and the proposals that made it in
 * or were left out. Pure: rendered by the client and exported to Word by the server.
 */
import { alignBlocks, isHeading } from './align.js';
import { splitMergeHints } from './compareHints.js';
import { proposalLinks } from './compareProposals.js';
import type { RenumberEntry } from './numbering.js';
import type { Piece } from './pieces.js';
import type { ProposalView } from './proposals.js';
import type { CanonicalSnapshot, SnapshotBlock, SnapshotKind, SnapshotRun } from './snapshot.js';
import { trackedSides } from './trackChanges.js';

/**
 * What happened to a block: a paragraph `unchanged`, `changed` (its words), `added`, `deleted`
 * or `moved` (its place among the others; possibly changed too); the title and section headings
 * are `heading` whatever happened to them.
 */
export type RowKind = 'unchanged' | 'changed' | 'added' | 'deleted' | 'moved' | 'heading';

/** One side of a row: the block as it stands in that version. */
export interface RowSide {
  /** Paragraph id; null for headings. */
  pid: string | null;
  /** PP1, OP12 …; null for headings. */
  label: string | null;
  text: string;
  kind: SnapshotBlock['type'];
  /** The text in pieces: on the left `text` and `del`, on the right `text` and `ins`. */
  pieces: Piece[];
  /** The text's runs with their italics and bold, exactly as in the version (the pieces are made readable). */
  runs: SnapshotRun[];
  /** Position of the block among its version's blocks (where a moved paragraph stood, or stands). */
  index: number;
}

/** One row of the comparison: a block of the older text against the same block in the newer one. */
export interface ComparisonRow {
  kind: RowKind;
  /** The block in the older text, null when added. */
  left: RowSide | null;
  /** The block in the newer text, null when deleted. */
  right: RowSide | null;
  /** Both sides in one track-changes sequence: older text with `del` and `ins` pieces interleaved. */
  pieces: Piece[];
  /** True when the text differs between the two sides. */
  changed: boolean;
  /** True when the paragraph's number changed (OP12 → OP14). */
  renumbered: boolean;
  /** For an added paragraph: the pid of the paragraph it was split from. */
  splitFrom?: string;
  /** For a deleted paragraph: the pid of the paragraph it was merged into. */
  mergedInto?: string;
  /** Proposals incorporated (wholly or partly) or applied. */
  incorporated: ProposalView[];
  /** Proposals on the older text that were not retained or were superseded. */
  notRetained: ProposalView[];
  /** Proposals on the older text carried forward to a later reading, neither in nor out. */
  carried: ProposalView[];
}

/** Number of paragraph rows of each kind (headings are not counted); `renumbered` overlaps the others. */
export interface ComparisonSummary {
  changed: number;
  added: number;
  deleted: number;
  moved: number;
  unchanged: number;
  renumbered: number;
}

/** Which snapshot a side of the comparison shows. */
export interface ComparedVersion {
  label: string;
  kind: SnapshotKind;
  takenAt: string;
}

/** The comparison of two snapshots, rows in the newer text's order. */
export interface Comparison {
  older: ComparedVersion;
  newer: ComparedVersion;
  rows: ComparisonRow[];
  summary: ComparisonSummary;
  /** When the newer is a revision: the table of old → new numbers it recorded at circulation. */
  renumbering: RenumberEntry[] | null;
}

/**
 * Compares two snapshots paragraph against paragraph. Rows follow the newer text, with deleted
 * blocks where they stood; O(n log n) in the number of blocks plus a word diff per changed block.
 */
export function compareSnapshots(older: CanonicalSnapshot, newer: CanonicalSnapshot): Comparison {
  const rows = alignBlocks(older.blocks, newer.blocks).map((pair) =>
    rowOf(
      pair.older === null ? null : { block: older.blocks[pair.older]!, index: pair.older },
      pair.newer === null ? null : { block: newer.blocks[pair.newer]!, index: pair.newer },
      pair.moved,
    ),
  );
  const hints = splitMergeHints(rows);
  const links = proposalLinks(rows, older.proposals, newer.proposals);
  rows.forEach((row, i) => {
    const splitFrom = hints.splitFrom[i];
    const mergedInto = hints.mergedInto[i];
    if (splitFrom !== undefined) row.splitFrom = splitFrom;
    if (mergedInto !== undefined) row.mergedInto = mergedInto;
    row.incorporated = links.incorporated[i]!;
    row.notRetained = links.notRetained[i]!;
    row.carried = links.carried[i]!;
  });
  return {
    older: versionOf(older),
    newer: versionOf(newer),
    rows,
    summary: summarize(rows),
    renumbering: newer.renumbering ?? null,
  };
}

/** What tells a change row: the row's kind and sides (a full row or one in brief, `compareBrief.ts`). */
export type ChangeMarks = Pick<ComparisonRow, 'kind' | 'changed'> & {
  left: object | null;
  right: object | null;
};

/** True when a row shows a change: anything but an unchanged paragraph or an unchanged heading. */
export function isChangeRow(row: ChangeMarks): boolean {
  if (row.kind === 'heading') return row.changed || row.left === null || row.right === null;
  return row.kind !== 'unchanged';
}

/** Indexes of the rows that show a change, in order, for "next / previous change" navigation. */
export function changedRowIndexes(c: { rows: readonly ChangeMarks[] }): number[] {
  return c.rows.flatMap((row, i) => (isChangeRow(row) ? [i] : []));
}

/** A block of one version and its position there. */
interface Placed {
  block: SnapshotBlock;
  index: number;
}

function rowOf(l: Placed | null, r: Placed | null, moved: boolean): ComparisonRow {
  const left = l?.block ?? null;
  const right = r?.block ?? null;
  const block = (left ?? right)!;
  const changed = left !== null && right !== null && left.text !== right.text;
  const tracked = trackedSides(left, right);
  return {
    kind: kindOf(block, left, right, moved, changed),
    left: l && sideOf(l, tracked.older),
    right: r && sideOf(r, tracked.newer),
    pieces: tracked.both,
    changed,
    renumbered: left?.label !== undefined && right?.label !== undefined && left.label !== right.label,
    incorporated: [],
    notRetained: [],
    carried: [],
  };
}

function kindOf(
  block: SnapshotBlock,
  left: SnapshotBlock | null,
  right: SnapshotBlock | null,
  moved: boolean,
  changed: boolean,
): RowKind {
  if (isHeading(block)) return 'heading';
  if (!left) return 'added';
  if (!right) return 'deleted';
  if (moved) return 'moved';
  return changed ? 'changed' : 'unchanged';
}

/** One side of a row: the block with its own pieces (on the left no insertions, on the right no deletions). */
function sideOf({ block, index }: Placed, pieces: Piece[]): RowSide {
  return {
    pid: block.pid ?? null,
    label: block.label ?? null,
    text: block.text,
    kind: block.type,
    pieces,
    runs: block.runs,
    index,
  };
}

function summarize(rows: readonly ComparisonRow[]): ComparisonSummary {
  const summary: ComparisonSummary = {
    changed: 0,
    added: 0,
    deleted: 0,
    moved: 0,
    unchanged: 0,
    renumbered: 0,
  };
  for (const row of rows) {
    if (row.kind !== 'heading') summary[row.kind]++;
    if (row.renumbered) summary.renumbered++;
  }
  return summary;
}

function versionOf(s: CanonicalSnapshot): ComparedVersion {
  return { label: s.label, kind: s.kind, takenAt: s.takenAt };
}
