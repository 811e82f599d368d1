import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { directionSpans } from './directionSpans.js';

const ARABIC = 'نلتزم بتعزيز التعاون الدولي';

describe('directionSpans', () => {
  it('keeps a Latin name in an Arabic paragraph left to right', () => {
    const text = `${ARABIC} UNHCR ${ARABIC}`;
    const spans = directionSpans(text, 'rtl').map((s) => [text.slice(s.from, s.to), s.direction]);
    expect(spans).toEqual([
      [`${ARABIC} `, 'rtl'],
      ['UNHCR', 'ltr'],
      [` ${ARABIC}`, 'rtl'],
    ]);
  });

  it('is one span for a text of one direction', () => {
    expect(directionSpans('We commit.', 'ltr')).toEqual([{ from: 0, to: 10, direction: 'ltr' }]);
    expect(directionSpans('', 'ltr')).toEqual([]);
  });
});

describe('directionSpans on any text', () => {
  it('covers every character once, in order, for random mixed text', () => {
    const letters = fc.constantFrom(
      'a',
      'Z',
      ' ',
      '1',
      '.',
      '(',
      'ب',
      'ع',
      'ש',
      '我',
      'Ж',
      '\u2068',
      '\u2069',
      '\u200F',
      '\n',
    );
    fc.assert(
      fc.property(
        fc.array(letters, { maxLength: 400 }),
        fc.constantFrom<'ltr' | 'rtl'>('ltr', 'rtl'),
        (chars, base) => {
          const text = chars.join('');
          const spans = directionSpans(text, base);
          let at = 0;
          for (const s of spans) {
            expect(s.from).toBe(at);
            expect(s.to).toBeGreaterThan(s.from);
            at = s.to;
          }
          expect(at).toBe(text.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});
