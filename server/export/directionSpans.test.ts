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
