import { describe, expect, it } from 'vitest';
import { trackChanges, trackedSides } from './trackChanges.js';

describe('trackChanges', () => {
  it('sets the words struck out and those put in apart by one space', () => {
    expect(trackChanges('the new plan', 'the innovative plan')).toEqual([
      { kind: 'text', text: 'the ' },
      { kind: 'del', text: 'new' },
      { kind: 'text', text: ' ' },
      { kind: 'ins', text: 'innovative' },
      { kind: 'text', text: ' plan' },
    ]);
  });

  it('keeps the older text’s marks on kept and struck words, the newer’s on inserted ones', () => {
    const pieces = trackChanges(
      'We welcome it.',
      'We note it.',
      [{ text: 'We welcome', em: true }, { text: ' it.' }],
      [{ text: 'We ' }, { text: 'note', strong: true }, { text: ' it.' }],
    );
    expect(pieces).toEqual([
      { kind: 'text', text: 'We ', em: true },
      { kind: 'del', text: 'welcome', em: true },
      { kind: 'text', text: ' ' },
      { kind: 'ins', text: 'note', strong: true },
      { kind: 'text', text: ' it.' },
    ]);
  });
});

describe('trackedSides', () => {
  it('spells each text on its own side', () => {
    const older = { text: 'in line with the law', runs: [{ text: 'in line with the law' }] };
    const newer = { text: 'consistent with the law' };
    const sides = trackedSides(older, newer);
    expect(sides.older.map((p) => p.text).join('')).toBe(older.text);
    expect(sides.newer.map((p) => p.text).join('')).toBe(newer.text);
    expect(sides.both.map((p) => p.text).join('')).toBe('in line consistent with the law');
  });

  it('deletes or inserts a whole text absent on one side', () => {
    expect(trackedSides({ text: 'Gone.' }, null).older).toEqual([{ kind: 'del', text: 'Gone.' }]);
    expect(trackedSides(null, { text: 'New.' }).newer).toEqual([{ kind: 'ins', text: 'New.' }]);
    expect(trackedSides(null, { text: '' }).both).toEqual([]);
  });
});
