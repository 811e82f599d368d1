/**
 * Aligning the blocks of two versions of a text, the groundwork of the side-by-side comparison.
 * Paragraphs are matched by identity (pid), headings (title, sections) by exact text and then
 * by position. Rows follow the newer text; a paragraph whose relative order changed is marked
 * moved (it is not in a longest increasing subsequence of the older positions); a block only in
 * the older text is placed where it stood, after its nearest predecessor that did not move.
 * O(n log n) in the number of paragraphs, plus O(h²) in the number of unmatched headings.
 */
import type { SnapshotBlock } from './snapshot.js';

/** One row of an alignment: the index of the older and of the newer block, null on the side it is missing from. */
export interface AlignedPair {
  older: number | null;
  newer: number | null;
  /** True for a paragraph present in both whose place relative to the others changed. */
  moved: boolean;
}

/** True for the title and section headings, which have no paragraph id. */
export function isHeading(block: SnapshotBlock): boolean {
  return block.type === 'title' || block.type === 'section';
}

/**
 * Positions in `values` of one longest strictly increasing subsequence, in order
 * (patience sorting with predecessor links, O(n log n)).
 */
export function longestIncreasingSubsequence(values: readonly number[]): number[] {
  /** tails[k]: position of the smallest last value of an increasing subsequence of length k + 1. */
  const tails: number[] = [];
  const previous = new Array<number>(values.length).fill(-1);
  values.forEach((value, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (values[tails[mid]!]! < value) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1]!;
    tails[lo] = i;
  });
  const out: number[] = [];
  for (let at = tails.at(-1) ?? -1; at >= 0; at = previous[at]!) out.push(at);
  return out.reverse();
}

/** Aligns the blocks of two versions of a text, in the newer text's order. */
export function alignBlocks(older: readonly SnapshotBlock[], newer: readonly SnapshotBlock[]): AlignedPair[] {
  const olderToNewer = new Array<number>(older.length).fill(-1);
  const newerToOlder = new Array<number>(newer.length).fill(-1);
  const link = (o: number, n: number) => {
    olderToNewer[o] = n;
    newerToOlder[n] = o;
  };
  matchParagraphs(older, newer, link);
  matchHeadingsByText(older, newer, newerToOlder, link);
  matchHeadingsByPlace(older, newer, olderToNewer, newerToOlder, link);

  const moved = movedParagraphs(newer, newerToOlder);
  const stable = (n: number) => n >= 0 && !moved[n];

  // Blocks only in the older text, grouped after the newer index of their stable predecessor (-1: at the start).
  const deletedAfter = new Map<number, number[]>();
  let anchor = -1;
  older.forEach((_, o) => {
    const n = olderToNewer[o]!;
    if (stable(n)) anchor = n;
    else if (n < 0) {
      const group = deletedAfter.get(anchor) ?? [];
      group.push(o);
      deletedAfter.set(anchor, group);
    }
  });

  const rows: AlignedPair[] = [];
  const flush = (after: number) => {
    for (const o of deletedAfter.get(after) ?? []) rows.push({ older: o, newer: null, moved: false });
  };
  flush(-1);
  newer.forEach((_, n) => {
    const o = newerToOlder[n]!;
    rows.push({ older: o >= 0 ? o : null, newer: n, moved: moved[n]! });
    flush(n);
  });
  return rows;
}

/** Pairs paragraphs with the same pid; a pid repeated on one side matches only once. */
function matchParagraphs(
  older: readonly SnapshotBlock[],
  newer: readonly SnapshotBlock[],
  link: (o: number, n: number) => void,
): void {
  const byPid = new Map<string, number>();
  older.forEach((b, o) => {
    if (b.pid !== undefined && !isHeading(b) && !byPid.has(b.pid)) byPid.set(b.pid, o);
  });
  newer.forEach((b, n) => {
    if (b.pid === undefined || isHeading(b)) return;
    const o = byPid.get(b.pid);
    if (o === undefined) return;
    byPid.delete(b.pid);
    link(o, n);
  });
}

/** Pairs headings of the same type and exact text, in order. */
function matchHeadingsByText(
  older: readonly SnapshotBlock[],
  newer: readonly SnapshotBlock[],
  newerToOlder: readonly number[],
  link: (o: number, n: number) => void,
): void {
  const byText = new Map<string, number[]>();
  older.forEach((b, o) => {
    if (!isHeading(b)) return;
    const key = `${b.type}\n${b.text}`;
    const queue = byText.get(key) ?? [];
    queue.push(o);
    byText.set(key, queue);
  });
  newer.forEach((b, n) => {
    if (!isHeading(b) || newerToOlder[n]! >= 0) return;
    const o = byText.get(`${b.type}\n${b.text}`)?.shift();
    if (o !== undefined) link(o, n);
  });
}

/**
 * Pairs a remaining newer heading with the first remaining older heading of the same type that
 * stood between the same matched neighbours: a heading reworded in place.
 */
function matchHeadingsByPlace(
  older: readonly SnapshotBlock[],
  newer: readonly SnapshotBlock[],
  olderToNewer: readonly number[],
  newerToOlder: readonly number[],
  link: (o: number, n: number) => void,
): void {
  const free = older.flatMap((b, o) => (isHeading(b) && olderToNewer[o]! < 0 ? [o] : []));
  if (free.length === 0) return;
  // Older index of the nearest matched block before and after each newer block.
  const before = new Array<number>(newer.length);
  const after = new Array<number>(newer.length);
  let last = -1;
  for (let n = 0; n < newer.length; n++) {
    before[n] = last;
    if (newerToOlder[n]! >= 0) last = newerToOlder[n]!;
  }
  last = older.length;
  for (let n = newer.length - 1; n >= 0; n--) {
    after[n] = last;
    if (newerToOlder[n]! >= 0) last = newerToOlder[n]!;
  }
  newer.forEach((b, n) => {
    if (!isHeading(b) || newerToOlder[n]! >= 0) return;
    const at = free.findIndex((o) => older[o]!.type === b.type && o > before[n]! && o < after[n]!);
    if (at < 0) return;
    link(free[at]!, n);
    free.splice(at, 1);
  });
}

/** For each newer block: true for a paragraph in both versions that is not in the longest run kept in order. */
function movedParagraphs(newer: readonly SnapshotBlock[], newerToOlder: readonly number[]): boolean[] {
  const positions: number[] = [];
  const olderIndexes: number[] = [];
  newer.forEach((b, n) => {
    if (!isHeading(b) && newerToOlder[n]! >= 0) {
      positions.push(n);
      olderIndexes.push(newerToOlder[n]!);
    }
  });
  const moved = new Array<boolean>(newer.length).fill(false);
  for (const n of positions) moved[n] = true;
  for (const k of longestIncreasingSubsequence(olderIndexes)) moved[positions[k]!] = false;
  return moved;
}
