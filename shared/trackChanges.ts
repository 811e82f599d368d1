/**
 * Two versions of a text as track changes: pieces of unchanged words, words struck out and
 * words put in, made readable (`pieces.ts`) and keeping each text's italics and bold. The
 * comparison of readings shows them side by side; "since your last visit" and the Word export
 * of a comparison show them in one sequence.
 */
import { mergedPieces, type Piece, type PieceKind, readablePieces, styledPieces } from './pieces.js';
import type { SnapshotRun } from './snapshot.js';
import { wordChanges } from './wordDiff.js';

/** A version of a text, with its runs when its marks are known. */
export interface TrackedText {
  text: string;
  runs?: readonly SnapshotRun[] | undefined;
}

/** One text's pieces on each side and both in one sequence. */
export interface TrackedSides {
  /** The older text: unchanged and deleted words. */
  older: Piece[];
  /** The newer text: unchanged and inserted words. */
  newer: Piece[];
  /** The older text with deletions and insertions interleaved. */
  both: Piece[];
}

/**
 * The word-level differences between two texts as one sequence of pieces: unchanged `text`,
 * `del` for words only in `older`, `ins` for words only in `newer` (a deletion before the
 * insertion that replaces it, set apart by a space). Changes separated only by spaces are
 * merged. With the texts' runs, each piece keeps the italics and bold it has in its text
 * (unchanged and deleted words those of `older`, inserted words those of `newer`).
 */
export function trackChanges(
  older: string,
  newer: string,
  olderRuns?: readonly SnapshotRun[],
  newerRuns?: readonly SnapshotRun[],
): Piece[] {
  return styledStretches(stretchesOf(older, newer), olderRuns, newerRuns);
}

/**
 * The pieces of each side and of both together; a text absent on one side (a paragraph added
 * or deleted) is wholly inserted or deleted.
 */
export function trackedSides(older: TrackedText | null, newer: TrackedText | null): TrackedSides {
  const stretches: Stretch[] =
    older && newer
      ? older.text === newer.text
        ? // Most rows of a comparison are unchanged: no word diff for them.
          [{ kind: 'text', text: older.text, older: 0, newer: 0 }]
        : stretchesOf(older.text, newer.text)
      : older
        ? [{ kind: 'del', text: older.text, older: 0, newer: 0 }]
        : newer
          ? [{ kind: 'ins', text: newer.text, older: 0, newer: 0 }]
          : [];
  return {
    older: styledStretches(
      stretches.filter((s) => s.kind !== 'ins'),
      older?.runs,
      undefined,
    ),
    newer: styledStretches(
      stretches.filter((s) => s.kind !== 'del'),
      undefined,
      newer?.runs,
      'newer',
    ),
    both: styledStretches(stretches, older?.runs, newer?.runs),
  };
}

/**
 * The changes between two versions as pieces that spell each text exactly: without the `ins`
 * pieces they are the older text, without the `del` pieces the newer one, character for
 * character (no space added or moved for reading, unlike `trackedSides`), each piece with its
 * italics and bold. Word's tracked changes need this: accepting or rejecting them all must give
 * back each text. A text absent on one side is wholly inserted or deleted.
 */
export function exactChanges(older: TrackedText | null, newer: TrackedText | null): Piece[] {
  const stretches: Stretch[] =
    older && newer
      ? stretchesOf(older.text, newer.text)
      : older
        ? [{ kind: 'del', text: older.text, older: 0, newer: 0 }]
        : newer
          ? [{ kind: 'ins', text: newer.text, older: 0, newer: 0 }]
          : [];
  return mergedPieces(
    stretches.flatMap((s) =>
      s.kind === 'ins'
        ? styledPieces(s.kind, s.text, s.newer, newer?.runs)
        : s.kind === 'del'
          ? styledPieces(s.kind, s.text, s.older, older?.runs)
          : sameWords(
              styledPieces('text', s.text, s.older, older?.runs),
              styledPieces('text', s.text, s.newer, newer?.runs),
            ),
    ),
  );
}

/**
 * Words the same in both texts, cut where the marks of either change: unchanged where their
 * italics and bold agree, else struck out as they were and put in as they are.
 */
function sameWords(older: readonly Piece[], newer: readonly Piece[]): Piece[] {
  const out: Piece[] = [];
  const marks = (p: Piece) => ({
    ...(p.em ? { em: true as const } : {}),
    ...(p.strong ? { strong: true as const } : {}),
  });
  let i = 0;
  let j = 0;
  let a = 0; // offset within older[i]
  let b = 0; // offset within newer[j]
  while (i < older.length && j < newer.length) {
    const o = older[i]!;
    const n = newer[j]!;
    const length = Math.min(o.text.length - a, n.text.length - b);
    const text = o.text.slice(a, a + length);
    if (o.em === n.em && o.strong === n.strong) out.push({ kind: 'text', text, ...marks(o) });
    else out.push({ kind: 'del', text, ...marks(o) }, { kind: 'ins', text, ...marks(n) });
    a += length;
    b += length;
    if (a === o.text.length) [i, a] = [i + 1, 0];
    if (b === n.text.length) [j, b] = [j + 1, 0];
  }
  return out;
}

/** Words the same in both texts, only in the older or only in the newer, with their offset in each. */
interface Stretch {
  kind: PieceKind;
  text: string;
  older: number;
  newer: number;
}

function stretchesOf(older: string, newer: string): Stretch[] {
  const out: Stretch[] = [];
  let at = 0;
  let shift = 0;
  const push = (kind: PieceKind, text: string, o: number, n: number) => {
    if (text !== '') out.push({ kind, text, older: o, newer: n });
  };
  for (const c of wordChanges(older, newer)) {
    push('text', older.slice(at, c.from), at, at + shift);
    push('del', c.deleted, c.from, c.from + shift);
    push('ins', c.inserted, c.to, c.from + shift);
    shift += c.inserted.length - c.deleted.length;
    at = c.to;
  }
  push('text', older.slice(at), at, at + shift);
  return out;
}

/**
 * Stretches as readable pieces with their marks: deleted words by their offset in the older
 * text with `olderRuns`, inserted words by theirs in the newer text with `newerRuns`, unchanged
 * words by their offset in the text `same` names, with its runs.
 */
function styledStretches(
  stretches: readonly Stretch[],
  olderRuns: readonly SnapshotRun[] | undefined,
  newerRuns: readonly SnapshotRun[] | undefined,
  same: 'older' | 'newer' = 'older',
): Piece[] {
  return readablePieces(
    stretches.flatMap((s) =>
      s.kind === 'ins' || (s.kind === 'text' && same === 'newer')
        ? styledPieces(s.kind, s.text, s.newer, newerRuns)
        : styledPieces(s.kind, s.text, s.older, olderRuns),
    ),
  );
}
