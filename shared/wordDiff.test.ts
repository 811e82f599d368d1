import { describe, expect, it } from 'vitest';
import { applyChanges, changeKind, wordChanges } from './wordDiff.js';

const BASE = 'We commit to strengthen cooperation, in line with international law.';

function roundTrip(base: string, proposed: string) {
  const changes = wordChanges(base, proposed);
  expect(applyChanges(base, changes)).toBe(proposed);
  return changes;
}

describe('wordChanges', () => {
  it('finds an addition', () => {
    const [c, ...rest] = roundTrip(
      BASE,
      'We commit to further strengthen cooperation, in line with international law.',
    );
    expect(rest).toHaveLength(0);
    expect(changeKind(c!)).toBe('add');
    expect(c!.inserted.trim()).toBe('further');
    expect(BASE.slice(0, c!.from)).toBe('We commit to ');
  });

  it('finds a deletion with its exact base range', () => {
    const [c] = roundTrip(BASE, 'We commit to strengthen cooperation, in line with law.');
    expect(changeKind(c!)).toBe('delete');
    expect(BASE.slice(c!.from, c!.to)).toBe(c!.deleted);
    expect(c!.deleted.trim()).toBe('international');
  });

  it('merges neighbouring words into one replacement', () => {
    const changes = roundTrip(
      BASE,
      'We commit to strengthen cooperation, consistent with international law.',
    );
    expect(changes).toEqual([{ from: 37, to: 44, deleted: 'in line', inserted: 'consistent' }]);
    expect(changeKind(changes[0]!)).toBe('replace');
  });

  it('keeps several separate changes in one paragraph apart', () => {
    const changes = roundTrip(
      BASE,
      'We decide to strengthen regular cooperation, in line with international law and standards.',
    );
    expect(changes.map(changeKind)).toEqual(['replace', 'add', 'add']);
  });

  it('treats punctuation as its own token', () => {
    const changes = roundTrip('migrants, refugees and others', 'migrants; refugees and others');
    expect(changes).toEqual([{ from: 8, to: 9, deleted: ',', inserted: ';' }]);
  });

  it('reports whitespace-only edits as changes and identical texts as none', () => {
    expect(wordChanges(BASE, BASE)).toEqual([]);
    roundTrip('a b', 'a  b');
  });

  it('aligns words, not the spaces between them, when words repeat', () => {
    // Matching spaces alone would strike out "CF2 CF3 CF4" and put them back.
    expect(
      roundTrip('CF0 CF1 the b CF2 CF3 CF4', 'DL3 DL4 CF2 CF3 CF4 DL6').map((c) => [c.deleted, c.inserted]),
    ).toEqual([
      ['CF0 CF1 the b', 'DL3 DL4'],
      ['', ' DL6'],
    ]);
    expect(roundTrip('the the; CF0; the', 'the the DL0; CF0')).toEqual([
      { from: 7, to: 7, deleted: '', inserted: ' DL0' },
      { from: 12, to: 17, deleted: '; the', inserted: '' },
    ]);
  });

  it('reads accented words as words', () => {
    expect(roundTrip('la coopération régionale', 'la coopération sous-régionale')).toEqual([
      { from: 15, to: 15, deleted: '', inserted: 'sous-' },
    ]);
  });

  it('refuses overlapping changes', () => {
    expect(() =>
      applyChanges('abc', [
        { from: 1, to: 2, deleted: 'b', inserted: '' },
        { from: 0, to: 1, deleted: 'a', inserted: '' },
      ]),
    ).toThrow(RangeError);
  });
});
