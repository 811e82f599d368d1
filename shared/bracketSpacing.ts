/**
 * Where a bracket stands inside running text: the spaces at its own edges are dropped
 * (`bracketPieces`), so the space they stood for is set outside it when the text beside it has
 * none ("to [further — EU] strengthen"), and never a second one. A bracket never touches a word
 * of the text either: where the words around it were rewritten since it was tabled, or its
 * words were put in without a space, one is set between ("wider [wider — EU] national").
 */
import type { Segment } from './compilation.js';

const SPACE = /\s/;
/** A letter or a digit, of any script. */
const WORD = /[\p{L}\p{N}]/u;
/** Characters a bracket needs no space before (spaces, closing punctuation). */
const NO_SPACE_BEFORE = /[\s.,;:!?)\]}»”’]/u;
/** Characters a bracket needs no space after (spaces, opening punctuation). */
const NO_SPACE_AFTER = /[\s([{«“‘]/u;
/** Punctuation that belongs to the word before it ("cooperation[, — EU]"). */
const CLOSING = /[.,;:!?)\]}»”’]/u;

/**
 * Marks the spaces a cluster's or point's brackets need and the text beside them lacks:
 * - the words they stand for begin (end) with a space: the base words of a cluster, the words
 *   its proposals put in, or for a point `pointWords`, the words it took the place of as they
 *   were tabled (spaces included); or a point sits before (after) a space;
 * - or the text before (after) them ends (begins) with a letter or digit, unless the bracket's
 *   own words begin with punctuation that belongs to the word before.
 */
export function setSpacing(
  text: string,
  s: Extract<Segment, { type: 'cluster' | 'point' }>,
  pointWords: readonly string[] = [],
): void {
  const from = s.type === 'cluster' ? s.from : s.at;
  const to = s.type === 'cluster' ? s.to : s.at;
  const shown = s.entries.map((e) => e.pieces.map((p) => p.text).join(''));
  const words = s.type === 'cluster' ? [s.base, ...shown] : pointWords;
  const leads =
    words.some((w) => SPACE.test(w[0] ?? '')) ||
    (s.type === 'point' && (to === text.length || SPACE.test(text[to]!)));
  const trails =
    words.some((w) => SPACE.test(w.at(-1) ?? '')) ||
    (s.type === 'point' && (from === 0 || SPACE.test(text[from - 1]!)));
  const before = text[from - 1];
  const after = text[to];
  const opening = shown[0]?.trimStart()[0] ?? '';
  if (
    before !== undefined &&
    !NO_SPACE_AFTER.test(before) &&
    (leads || (WORD.test(before) && !CLOSING.test(opening)))
  )
    s.spaceBefore = true;
  if (after !== undefined && !NO_SPACE_BEFORE.test(after) && (trails || WORD.test(after)))
    s.spaceAfter = true;
}
