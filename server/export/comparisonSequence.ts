/**
 * The order of the paragraphs of a comparison exported with Word's tracked changes: one sequence
 * that reads as the newer text when every change is accepted and as the older text when every
 * change is rejected. Blocks in their place in both versions appear once with their word
 * changes; a block only in the older text (or a moved one where it stood) appears as a deleted
 * paragraph, a block only in the newer text (or a moved one where it stands now) as an inserted one.
 */
import { longestIncreasingSubsequence } from '../../shared/align.js';
import type { ComparisonRow } from '../../shared/compare.js';

/**
 * What a paragraph of the export shows of its row: `both` sides with the word changes between
 * them, only the `older` side (wholly deleted) or only the `newer` side (wholly inserted).
 */
export type Showing = 'both' | 'older' | 'newer';

/**
 * A paragraph mark's revision: inserted or deleted with the paragraph of row `of` (which is the
 * next paragraph's row when the revision was moved up), or `both` (gone either way), or none.
 */
export type MarkRevision = { revision: 'ins' | 'del' | 'both'; of: ComparisonRow } | null;

/** One paragraph of the export. */
export interface SequenceItem {
  row: ComparisonRow;
  showing: Showing;
  /** The revision on this paragraph's mark (not always its own: see `comparisonSequence`). */
  mark: MarkRevision;
}

/**
 * The paragraphs in order. Rows present on both sides whose place agrees in both versions (a
 * longest run in order; moved paragraphs never) stay shared; between two shared rows come the
 * older text's other blocks in older order, then the newer text's in newer order.
 *
 * Word cannot delete the last paragraph mark of a document, so when the text ends with inserted
 * or deleted paragraphs their mark revisions are moved one paragraph up (the mark before each
 * takes the revision of the mark after it, and the last mark none): the text read either way is
 * the same, and nothing is left over when the last paragraph goes (`withLastMarkPlain`).
 */
export function comparisonSequence(rows: readonly ComparisonRow[]): SequenceItem[] {
  const candidates = rows.filter((r) => r.left !== null && r.right !== null && r.kind !== 'moved');
  const kept = new Set(
    longestIncreasingSubsequence(candidates.map((r) => r.left!.index)).map((k) => candidates[k]!),
  );
  const olderOnly = rows
    .filter((r) => r.left !== null && !kept.has(r))
    .sort((a, b) => a.left!.index - b.left!.index);
  const items: SequenceItem[] = [];
  let o = 0;
  let pendingNewer: ComparisonRow[] = [];
  const flushUntil = (olderIndex: number) => {
    while (o < olderOnly.length && olderOnly[o]!.left!.index < olderIndex) {
      const row = olderOnly[o++]!;
      items.push({ row, showing: 'older', mark: { revision: 'del', of: row } });
    }
    for (const row of pendingNewer) items.push({ row, showing: 'newer', mark: { revision: 'ins', of: row } });
    pendingNewer = [];
  };
  for (const row of rows) {
    if (kept.has(row)) {
      flushUntil(row.left!.index);
      items.push({ row, showing: 'both', mark: null });
    } else if (row.right !== null) pendingNewer.push(row);
  }
  flushUntil(Number.POSITIVE_INFINITY);
  return withLastMarkPlain(items);
}

/**
 * The mark revisions of the trailing inserted or deleted paragraphs moved one paragraph up. When
 * every paragraph is inserted or deleted, no paragraph before them stays either way: the mark
 * before the first inserted paragraph is then gone either way (accepting, it would leave an empty
 * paragraph before it), and so is the mark before the first deleted one.
 */
function withLastMarkPlain(items: SequenceItem[]): SequenceItem[] {
  let first = items.length;
  while (first > 0 && items[first - 1]!.mark !== null) first--;
  if (first === items.length) return items;
  const shifted = items.map((item, i) =>
    i < first - 1 ? item : { ...item, mark: i + 1 < items.length ? items[i + 1]!.mark : null },
  );
  if (first > 0) return shifted;
  for (const revision of ['ins', 'del'] as const) {
    const at = items.findIndex((item) => item.mark?.revision === revision);
    if (at > 0) shifted[at - 1] = { ...shifted[at - 1]!, mark: { revision: 'both', of: items[at]!.row } };
  }
  return shifted;
}
