import { describe, expect, it } from 'vitest';
import {
  describeTextProblem,
  hasVisible,
  invisibleChange,
  normalizeText,
  textProblem,
  writable,
  writableDeep,
} from './textValidation.js';

describe('textProblem', () => {
  it('accepts ordinary text in every script of the UN, emoji and the marks right-to-left text uses', () => {
    for (const t of [
      'Recalling the Global Compact for Safe, Orderly and Regular Migration',
      'Réaffirmant l’engagement — «\u00A0migrations sûres\u00A0»',
      'إذ نؤكد من جديد التزامنا\u200F بالاتفاق العالمي',
      '重申我们对《全球契约》的承诺',
      'Подтверждая нашу приверженность',
      'Reaffirming 🇺🇳 and 👩‍👩‍👧 (ZWJ sequence)',
    ])
      expect(textProblem(t)).toBeNull();
  });

  it('names the first noncharacter, lone surrogate, control or override, with its position', () => {
    expect(textProblem('ab\uFFFEcd')).toEqual({ kind: 'noncharacter', codePoint: 0xfffe, index: 2 });
    expect(textProblem('x\uFDD0')).toMatchObject({ kind: 'noncharacter', codePoint: 0xfdd0 });
    expect(textProblem('x\u{10FFFF}')).toMatchObject({ kind: 'noncharacter', codePoint: 0x10ffff });
    expect(textProblem('a\uD800b')).toEqual({ kind: 'surrogate', codePoint: 0xd800, index: 1 });
    expect(textProblem('a\uDC00')).toMatchObject({ kind: 'surrogate', codePoint: 0xdc00 });
    expect(textProblem('bell\u0007')).toMatchObject({ kind: 'control', codePoint: 7 });
    expect(textProblem('c1\u0085')).toMatchObject({ kind: 'control', codePoint: 0x85 });
    expect(textProblem('del\u007F')).toMatchObject({ kind: 'control', codePoint: 0x7f });
    expect(textProblem('safe \u202Eevil')).toMatchObject({ kind: 'bidi-override', codePoint: 0x202e });
    // An astral character before the problem counts as two UTF-16 units.
    expect(textProblem('🇺\uFFFF')).toMatchObject({ index: 2 });
  });

  it('allows tab and line feed only where several lines are', () => {
    expect(textProblem('one\ntwo')).toMatchObject({ kind: 'control', codePoint: 10 });
    expect(textProblem('one\ttwo')).toMatchObject({ kind: 'control', codePoint: 9 });
    expect(textProblem('one\ntwo\tthree', { multiline: true })).toBeNull();
    expect(textProblem('one\rtwo', { multiline: true })).toMatchObject({ kind: 'control', codePoint: 13 });
  });

  it('refuses a text with nothing visible', () => {
    expect(textProblem('\u200B')).toEqual({ kind: 'invisible' });
    expect(textProblem(' \u200D\uFEFF\u2060 ')).toEqual({ kind: 'invisible' });
    expect(textProblem('')).toBeNull();
    expect(hasVisible('\u200Bx')).toBe(true);
  });

  it('describes each problem in words that name it', () => {
    const d = (t: string, m = false) => describeTextProblem(textProblem(t, { multiline: m })!, 'text');
    expect(d('ab\uFFFE')).toBe(
      'text: the text contains U+FFFE at position 3, a Unicode noncharacter that documents may not hold.',
    );
    expect(d('\uD83D')).toContain('lone surrogate (U+D83D');
    expect(d('\u0000')).toContain('control character U+0000');
    expect(d('\u202D')).toContain('bidirectional override');
    expect(d('\u200B')).toContain('nothing visible');
  });
});

describe('normalizeText', () => {
  it('composes to NFC and turns carriage returns into line feeds where lines are allowed', () => {
    expect(normalizeText('Re\u0301sume\u0301')).toBe('Résumé');
    expect(normalizeText('a\r\nb\rc', { multiline: true })).toBe('a\nb\nc');
    expect(normalizeText('a\r\nb')).toBe('a\r\nb');
    expect(normalizeText('lone \uD800')).toBe('lone \uD800');
  });
});

describe('invisibleChange', () => {
  it('is true for changes that add or remove only invisible characters, or recompose', () => {
    const base = 'We commit to safe migration.';
    expect(invisibleChange(base, 'We commit to \u200Bsafe migration.')).toBe(true);
    expect(invisibleChange('We\u2060 commit', 'We commit')).toBe(true);
    expect(invisibleChange('café', 'cafe\u0301')).toBe(true);
    expect(invisibleChange(base, base)).toBe(false);
    expect(invisibleChange(base, 'We commit to safe and regular migration.')).toBe(false);
    expect(invisibleChange(base, `${base} `)).toBe(false);
  });
});

describe('writable', () => {
  it('drops what XML and iCalendar cannot hold and keeps everything else', () => {
    expect(writable('a\uFFFEb\uD800c\u0007d\u0085e\tf\ng\r\u200Bh')).toBe('abcde\tf\ng\r\u200Bh');
    expect(writable('إذ نؤكد 🇺🇳')).toBe('إذ نؤكد 🇺🇳');
  });

  it('cleans every string of a nested value and leaves other values as they are', () => {
    const at = new Date(0);
    const out = writableDeep({ a: 'x\uFFFF', b: [{ c: '\u0001y' }, 3, null], at, ok: true });
    expect(out).toEqual({ a: 'x', b: [{ c: 'y' }, 3, null], at, ok: true });
    expect(out.at).toBe(at);
  });
});
