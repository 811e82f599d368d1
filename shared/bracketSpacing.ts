/**
 * Where a bracket stands inside running text: the spaces at its own edges are dropped
 * (`bracketPieces`), so the space they stood for is set outside it when the text beside it has
 * none ("to [further — EU] strengthen"), and never a second one.
 */
import type { Segment } from './compilation.js';

const SPACE = /\s/;
/** Characters a bracket needs no space before (spaces, closing punctuation). */
const NO_SPACE_BEFORE = /[\s.,;:!?)\]}»”’]/u;
/** Characters a bracket needs no space after (spaces, opening punctuation). */
const NO_SPACE_AFTER = /[\s([{«“‘]/u;

/**
 * Marks the spaces a cluster's or point's brackets stand for that the text beside them lacks:
 * the base words or proposed words they cover begin (end) with a space, or a point sits after
 * (before) a space, while the text before (after) them has none.
 */
export function setSpacing(text: string, s: Extract<Segment, { type: 'cluster' | 'point' }>): void {
  const from = s.type === 'cluster' ? s.from : s.at;
  const to = s.type === 'cluster' ? s.to : s.at;
  const words = s.type === 'cluster' ? s.entries.map((e) => e.pieces.map((p) => p.text).join('')) : [];
  const leads =
    s.type === 'cluster'
      ? (from < to && SPACE.test(text[from]!)) || words.some((w) => SPACE.test(w[0] ?? ''))
      : to === text.length || SPACE.test(text[to]!);
  const trails =
    s.type === 'cluster'
      ? (from < to && SPACE.test(text[to - 1]!)) || words.some((w) => SPACE.test(w.at(-1) ?? ''))
      : from === 0 || SPACE.test(text[from - 1]!);
  if (leads && from > 0 && !NO_SPACE_AFTER.test(text[from - 1]!)) s.spaceBefore = true;
  if (trails && to < text.length && !NO_SPACE_BEFORE.test(text[to]!)) s.spaceAfter = true;
}
