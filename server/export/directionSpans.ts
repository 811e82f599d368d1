/**
 * The right-to-left and left-to-right stretches of a mixed paragraph, for the Word export's
 * `w:rtl` runs: Unicode's Bidirectional Algorithm as bidi-js implements it, with Unicode's own
 * character data. Server only: the screens let the browser resolve runs themselves.
 */
import bidiFactory from 'bidi-js';
import type { TextDirection } from '../../shared/direction.js';

/** A stretch of a paragraph's text that goes in one direction. */
export interface DirectionSpan {
  from: number;
  to: number;
  direction: TextDirection;
}

const bidi = bidiFactory();

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
