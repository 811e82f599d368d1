/**
 * Hints for paragraphs that were split or merged between two versions. Splitting a paragraph in
 * the editor keeps its pid on one half and gives the other half a new pid, so a split shows as a
 * shortened paragraph next to an added one; a merge as a lengthened paragraph next to a deleted one.
 */

/** What the hints need to know of a comparison row. */
export interface HintRow {
  kind: string;
  /** True when the text differs between the two sides. */
  changed: boolean;
  left: { pid: string | null; text: string } | null;
  right: { pid: string | null; text: string } | null;
}

/** For each row: the pid an added paragraph was split from, or the pid a deleted one was merged into. */
export interface SplitMergeHints {
  splitFrom: (string | undefined)[];
  mergedInto: (string | undefined)[];
}

/** Text with runs of whitespace collapsed to one space and the ends trimmed, for containment tests. */
export function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Finds splits and merges among the rows (in display order). An added paragraph was split from
 * the neighbouring paragraph present in both versions (before it, else after it, within the same
 * section) when its text left that paragraph's older text; a deleted paragraph was merged into
 * such a neighbour when its text arrived in that paragraph's newer text.
 */
export function splitMergeHints(rows: readonly HintRow[]): SplitMergeHints {
  const { before, after } = alignedNeighbours(rows);
  const splitFrom: (string | undefined)[] = new Array(rows.length).fill(undefined);
  const mergedInto: (string | undefined)[] = new Array(rows.length).fill(undefined);
  rows.forEach((row, i) => {
    const candidates = [before[i]!, after[i]!].filter((c) => c >= 0).map((c) => rows[c]!);
    if (row.kind === 'added' && row.right) {
      const text = normalizeSpace(row.right.text);
      const source = candidates.find((c) => text !== '' && movedOut(c, text));
      splitFrom[i] = source?.right?.pid ?? undefined;
    } else if (row.kind === 'deleted' && row.left) {
      const text = normalizeSpace(row.left.text);
      const target = candidates.find((c) => text !== '' && movedIn(c, text));
      mergedInto[i] = target?.right?.pid ?? undefined;
    }
  });
  return { splitFrom, mergedInto };
}

/** True when `text` was in the row's older text and is no longer in its newer text. */
function movedOut(row: HintRow, text: string): boolean {
  return (
    row.changed &&
    normalizeSpace(row.left?.text ?? '').includes(text) &&
    !normalizeSpace(row.right?.text ?? '').includes(text)
  );
}

/** True when `text` is in the row's newer text and was not in its older text. */
function movedIn(row: HintRow, text: string): boolean {
  return (
    row.changed &&
    normalizeSpace(row.right?.text ?? '').includes(text) &&
    !normalizeSpace(row.left?.text ?? '').includes(text)
  );
}

/** Index of the nearest row before and after each row that is a paragraph in both versions; -1 across a heading. */
function alignedNeighbours(rows: readonly HintRow[]): { before: number[]; after: number[] } {
  const isAligned = (r: HintRow) => r.kind !== 'heading' && r.left !== null && r.right !== null;
  const before = new Array<number>(rows.length);
  const after = new Array<number>(rows.length);
  let last = -1;
  for (let i = 0; i < rows.length; i++) {
    before[i] = last;
    if (rows[i]!.kind === 'heading') last = -1;
    else if (isAligned(rows[i]!)) last = i;
  }
  last = -1;
  for (let i = rows.length - 1; i >= 0; i--) {
    after[i] = last;
    if (rows[i]!.kind === 'heading') last = -1;
    else if (isAligned(rows[i]!)) last = i;
  }
  return { before, after };
}
