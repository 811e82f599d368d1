import { describe, expect, it } from 'vitest';
import { applyChanges, wordChanges } from '../../../shared/wordDiff.js';
import { describeChanges, shownChanges } from './suggestionChanges.js';

const BASE = 'We note with appreciation the widening of regular pathways in some regions.';

describe('shownChanges', () => {
  it('places each change in the proposed text: inserted words at their offsets, deleted words before them', () => {
    const proposed = 'We note with appreciation the expansion of safe and regular pathways in some regions.';
    const shown = shownChanges(BASE, proposed);
    expect(shown.map((c) => [c.deleted.trim(), c.inserted.trim()])).toEqual([
      ['widening', 'expansion'],
      ['', 'safe and'],
    ]);
    for (const c of shown) expect(proposed.slice(c.at, c.at + c.inserted.length)).toBe(c.inserted);
    for (const c of shown) expect(BASE.slice(c.baseFrom, c.baseFrom + c.deleted.length)).toBe(c.deleted);
  });

  it('matches the word changes the server records', () => {
    const proposed = 'We note the widening of pathways in all regions, as appropriate.';
    const changes = wordChanges(BASE, proposed);
    const shown = shownChanges(BASE, proposed);
    expect(shown.map((c) => [c.deleted, c.inserted])).toEqual(changes.map((c) => [c.deleted, c.inserted]));
    expect(applyChanges(BASE, changes)).toBe(proposed);
  });

  it('shows a whole new paragraph as inserted', () => {
    expect(shownChanges('', 'We commit.')).toEqual([
      { at: 0, baseFrom: 0, deleted: '', inserted: 'We commit.' },
    ]);
    expect(shownChanges('', '')).toEqual([]);
  });
});

describe('describeChanges', () => {
  it('says what the proposal does, change by change', () => {
    expect(describeChanges(shownChanges(BASE, BASE.replace('widening', 'expansion')))).toBe(
      'Deletes “widening”. Inserts “expansion”.',
    );
    expect(describeChanges(shownChanges(BASE, BASE.replace('regular ', '')))).toBe('Deletes “regular”.');
    expect(describeChanges([])).toBe('No change yet.');
  });
});
