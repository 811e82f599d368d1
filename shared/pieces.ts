/**
 * Pieces of text as brackets and comparisons show them: unchanged words, words struck out and
 * words put in, each with the italics and bold of the base text it was cut from. One rule makes
 * them readable wherever they are rendered (screen, print, Word): a deletion and the insertion
 * that replaces it are set apart by one space, and the spaces at the edges of marked words stand
 * outside the marks, never doubled and never lost.
 */
import { type SnapshotRun, sliceRuns } from './snapshot.js';

/** What a piece is: unchanged context, deleted words, or inserted words. */
export type PieceKind = 'text' | 'del' | 'ins';

/** A run of text inside a bracket or a comparison, with the marks of the base text it comes from. */
export interface Piece {
  kind: PieceKind;
  text: string;
  /** Italic in the base text (the italic opening words of a paragraph, a title cited). */
  em?: true;
  /** Bold in the base text. */
  strong?: true;
}

/**
 * The characters [from, from + text.length) of a paragraph as pieces of one kind, cut where the
 * paragraph's marks change. Plain when `runs` are absent or do not spell `text` there.
 */
export function styledPieces(
  kind: PieceKind,
  text: string,
  from: number,
  runs?: readonly SnapshotRun[] | null,
): Piece[] {
  if (text === '') return [];
  const slices = runs ? sliceRuns(runs, from, from + text.length) : [];
  if (slices.map((s) => s.text).join('') !== text) return [{ kind, text }];
  return slices.map((s) => {
    const piece: Piece = { kind, text: s.text };
    if (s.em) piece.em = true;
    if (s.strong) piece.strong = true;
    return piece;
  });
}

const LEADING_SPACE = /^\s+/;
const TRAILING_SPACE = /\s+$/;

/**
 * The pieces made readable: the spaces at the edges of struck or inserted words moved outside
 * them, one space between a deletion and an insertion that touch ("~~new~~ **innovative**"),
 * and never two spaces where pieces meet. Pieces that are only a change of spacing stay as
 * they are; neighbours of the same kind and marks are joined. The text the pieces spell keeps
 * its words in order.
 */
export function readablePieces(pieces: readonly Piece[]): Piece[] {
  const out: Piece[] = [];
  /** Ends `out` with one space unless it already ends with one (or is empty). */
  const space = () => {
    const last = out.at(-1);
    if (last && !TRAILING_SPACE.test(last.text)) out.push({ kind: 'text', text: ' ' });
  };
  let pending = false;
  let lastMarked: PieceKind | null = null;
  for (const group of kindGroups(pieces)) {
    const kind = group[0]!.kind;
    const whole = group.map((p) => p.text).join('');
    if (kind === 'text' || whole.trim() === '') {
      if (pending && !LEADING_SPACE.test(whole)) space();
      out.push(...group);
      pending = false;
      lastMarked = kind === 'text' ? null : kind;
      continue;
    }
    const lead = LEADING_SPACE.exec(whole)?.[0] ?? '';
    const trail = TRAILING_SPACE.exec(whole)?.[0] ?? '';
    if (lead && out.length === 0) out.push({ kind: 'text', text: lead });
    else if (lead || pending || (lastMarked !== null && lastMarked !== kind)) space();
    out.push(...trimGroup(group, lead.length, trail.length));
    pending = trail !== '';
    lastMarked = kind;
  }
  if (pending) space();
  return mergedPieces(out);
}

/** Neighbouring pieces of the same kind and marks joined into one. */
export function mergedPieces(pieces: readonly Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const p of pieces) {
    const last = out.at(-1);
    if (last && last.kind === p.kind && last.em === p.em && last.strong === p.strong)
      out[out.length - 1] = { ...last, text: last.text + p.text };
    else out.push(p);
  }
  return out;
}

/** Readable pieces without spaces at the very start and end, which a bracket itself stands for. */
export function bracketPieces(pieces: readonly Piece[]): Piece[] {
  const out = readablePieces(pieces);
  while (out.length > 0 && out[0]!.text.trimStart() === '') out.shift();
  while (out.length > 0 && out.at(-1)!.text.trimEnd() === '') out.pop();
  if (out.length > 0) out[0] = { ...out[0]!, text: out[0]!.text.trimStart() };
  if (out.length > 0) out[out.length - 1] = { ...out.at(-1)!, text: out.at(-1)!.text.trimEnd() };
  return out;
}

/** Consecutive non-empty pieces of the same kind, whatever their marks. */
function kindGroups(pieces: readonly Piece[]): Piece[][] {
  const groups: Piece[][] = [];
  for (const p of pieces) {
    if (p.text === '') continue;
    const last = groups.at(-1);
    if (last && last[0]!.kind === p.kind) last.push(p);
    else groups.push([p]);
  }
  return groups;
}

/** A group of pieces without its first `start` and last `end` characters. */
function trimGroup(group: readonly Piece[], start: number, end: number): Piece[] {
  const total = group.reduce((n, p) => n + p.text.length, 0);
  const out: Piece[] = [];
  let at = 0;
  for (const p of group) {
    const from = Math.max(0, start - at);
    const to = Math.min(p.text.length, total - end - at);
    if (from < to) out.push({ ...p, text: p.text.slice(from, to) });
    at += p.text.length;
  }
  return out;
}
