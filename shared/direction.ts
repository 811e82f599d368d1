/**
 * The writing direction of a paragraph's text, for Arabic (and any right-to-left script) among
 * the six official languages: a paragraph is right to left when its first strong directional
 * character is (the Unicode Bidirectional Algorithm's rules P2 and P3), and the characters of a
 * mixed paragraph go right to left or left to right as the algorithm resolves them. Used by the
 * Word export (`w:bidi`, `w:rtl`) and the screens (`dir`). Built on bidi-js, an implementation of
 * the algorithm with Unicode's own character data.
 */
import bidiFactory from 'bidi-js';

/** A paragraph's or a span's direction, as HTML's `dir` names it. */
export type TextDirection = 'ltr' | 'rtl';

/** A stretch of a paragraph's text that goes in one direction. */
export interface DirectionSpan {
  from: number;
  to: number;
  direction: TextDirection;
}

const bidi = bidiFactory();

/**
 * The direction of a paragraph by its first strong directional character, skipping isolates
 * (P2, P3): right to left for Arabic or Hebrew letters, left to right for Latin, Cyrillic or
 * Chinese ones, and left to right when there are none (digits and punctuation only).
 */
export function paragraphDirection(text: string): TextDirection {
  if (text === '') return 'ltr';
  const levels = bidi.getEmbeddingLevels(text, 'auto');
  return (levels.paragraphs[0]?.level ?? 0) % 2 === 1 ? 'rtl' : 'ltr';
}

/**
 * The text cut where its resolved direction changes, in a paragraph of direction `base`: each
 * span's characters are right to left (an odd embedding level) or left to right. A paragraph of
 * one direction is one span; an empty text has none.
 */
export function directionSpans(text: string, base: TextDirection): DirectionSpan[] {
  if (text === '') return [];
  const { levels } = bidi.getEmbeddingLevels(text, base);
  const spans: DirectionSpan[] = [];
  for (let i = 0; i < text.length; i++) {
    const direction: TextDirection = levels[i]! % 2 === 1 ? 'rtl' : 'ltr';
    const last = spans.at(-1);
    if (last && last.direction === direction) last.to = i + 1;
    else spans.push({ from: i, to: i + 1, direction });
  }
  return spans;
}
