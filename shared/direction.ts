/**
 * The writing direction of a paragraph's text, for Arabic (and any right-to-left script) among
 * the six official languages: a paragraph is right to left when its first strong directional
 * character is (the Unicode Bidirectional Algorithm's rules P2 and P3). Used by the Word export
 * (`w:bidi`) and the screens (`dir`). The stretches of a mixed paragraph, which need the whole
 * algorithm, are the Word export's alone (`server/export/directionSpans.ts`).
 */

/** A paragraph's or a span's direction, as HTML's `dir` names it. */
export type TextDirection = 'ltr' | 'rtl';

/** Letters of the right-to-left scripts (bidirectional types R and AL), and the marks RLM and ALM. */
const RIGHT_TO_LEFT =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\u200F\u061C]/u;
/** Strong characters: letters of any script, and the marks LRM, RLM and ALM. */
const STRONG = /[\p{L}\u200E\u200F\u061C]/u;
const ISOLATE_START = /[\u2066\u2067\u2068]/;
const ISOLATE_END = '\u2069';

/**
 * The direction of a paragraph by its first strong directional character, skipping what
 * isolates hold (P2, P3): right to left for Arabic or Hebrew letters, left to right for Latin,
 * Cyrillic or Chinese ones, and left to right when there are none (digits and punctuation only).
 */
export function paragraphDirection(text: string): TextDirection {
  let isolates = 0;
  for (const ch of text) {
    if (ISOLATE_START.test(ch)) isolates++;
    else if (ch === ISOLATE_END) isolates = Math.max(0, isolates - 1);
    else if (isolates === 0 && STRONG.test(ch)) return RIGHT_TO_LEFT.test(ch) ? 'rtl' : 'ltr';
  }
  return 'ltr';
}
