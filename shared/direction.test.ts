import { describe, expect, it } from 'vitest';
import { paragraphDirection } from './direction.js';

const ARABIC = 'نلتزم بتعزيز التعاون الدولي';

describe('paragraphDirection', () => {
  it('follows the first strong character (P2, P3)', () => {
    expect(paragraphDirection(ARABIC)).toBe('rtl');
    expect(paragraphDirection('We commit to cooperate.')).toBe('ltr');
    expect(paragraphDirection('Мы обязуемся')).toBe('ltr');
    expect(paragraphDirection('我们承诺')).toBe('ltr');
    // Digits and punctuation are not strong: the first letter decides.
    expect(paragraphDirection(`1. «${ARABIC}» and UNHCR`)).toBe('rtl');
    expect(paragraphDirection(`2030 Agenda: ${ARABIC}`)).toBe('ltr');
    // Hebrew is right to left too; a text without letters is left to right.
    expect(paragraphDirection('שלום')).toBe('rtl');
    expect(paragraphDirection('2022.')).toBe('ltr');
    expect(paragraphDirection('')).toBe('ltr');
  });

  it('takes the marks RLM and LRM as strong', () => {
    expect(paragraphDirection('\u200F2022')).toBe('rtl');
    expect(paragraphDirection(`\u200E${ARABIC}`)).toBe('ltr');
  });

  it('skips what an isolate holds', () => {
    expect(paragraphDirection(`\u2068UNHCR\u2069 ${ARABIC}`)).toBe('rtl');
  });
});
