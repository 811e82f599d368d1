import { describe, expect, it } from 'vitest';
import { bracketPieces, type Piece, readablePieces, styledPieces } from './pieces.js';

const text = (t: string): Piece => ({ kind: 'text', text: t });
const del = (t: string): Piece => ({ kind: 'del', text: t });
const ins = (t: string): Piece => ({ kind: 'ins', text: t });
/** The pieces as a line: ~~struck~~, **inserted**, _italic_. */
const line = (pieces: readonly Piece[]) =>
  pieces
    .map((p) => {
      const t = p.em ? `_${p.text}_` : p.text;
      return p.kind === 'del' ? `~~${t}~~` : p.kind === 'ins' ? `**${t}**` : t;
    })
    .join('');

describe('readablePieces', () => {
  it('sets a deletion and the insertion that replaces it apart by one space', () => {
    expect(line(readablePieces([del('new'), ins('innovative')]))).toBe('~~new~~ **innovative**');
    expect(line(readablePieces([ins('innovative'), del('new')]))).toBe('**innovative** ~~new~~');
  });

  it('moves spaces at the edges of marked words outside them, never doubling one', () => {
    expect(line(readablePieces([text('the '), del('new '), ins('innovative '), text('plan')]))).toBe(
      'the ~~new~~ **innovative** plan',
    );
    expect(line(readablePieces([text('the'), del(' new'), ins(' innovative'), text(' plan')]))).toBe(
      'the ~~new~~ **innovative** plan',
    );
    expect(line(readablePieces([text('the '), ins(' further '), text(' plan')]))).toBe(
      'the **further** plan',
    );
  });

  it('adds no space where the words already meet punctuation or text without one', () => {
    expect(line(readablePieces([text('cooperation'), ins(','), text(' law')]))).toBe('cooperation**,** law');
    expect(line(readablePieces([text('We '), del('commit'), text(' to')]))).toBe('We ~~commit~~ to');
  });

  it('keeps a change of spacing alone as it is', () => {
    expect(readablePieces([text('a'), ins(' '), text('b')])).toEqual([text('a'), ins(' '), text('b')]);
  });

  it('keeps the marks of each piece and trims only the edges of a group of one kind', () => {
    const pieces = readablePieces([
      { kind: 'del', text: 'We welcome ', em: true },
      del('the progress '),
      ins('our progress'),
    ]);
    expect(pieces).toEqual([
      { kind: 'del', text: 'We welcome ', em: true },
      del('the progress'),
      text(' '),
      ins('our progress'),
    ]);
  });

  it('joins neighbours of the same kind and marks', () => {
    expect(readablePieces([text('a '), text('b'), del('c'), del(' d')])).toEqual([text('a b'), del('c d')]);
  });
});

describe('bracketPieces', () => {
  it('drops the spaces at the very start and end, which the bracket stands for', () => {
    expect(bracketPieces([text(' '), del('new '), ins('innovative'), text(' ')])).toEqual([
      del('new'),
      text(' '),
      ins('innovative'),
    ]);
    expect(bracketPieces([ins('further '), text(' ')])).toEqual([ins('further')]);
  });
});

describe('styledPieces', () => {
  const runs = [{ text: 'We welcome', em: true as const }, { text: ' the progress made.' }];

  it('cuts the words where the paragraph’s marks change', () => {
    expect(styledPieces('del', 'welcome the', 3, runs)).toEqual([
      { kind: 'del', text: 'welcome', em: true },
      { kind: 'del', text: ' the' },
    ]);
  });

  it('is plain without runs, or when the runs do not spell the words', () => {
    expect(styledPieces('text', 'We', 0)).toEqual([text('We')]);
    expect(styledPieces('text', 'Xx', 0, runs)).toEqual([text('Xx')]);
    expect(styledPieces('ins', '', 0, runs)).toEqual([]);
  });
});
