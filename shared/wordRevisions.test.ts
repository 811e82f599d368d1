import { describe, expect, it } from 'vitest';
import { leadingLabel, readParagraph, type WordSegment } from './wordRevisions.js';

const T = (text: string): WordSegment => ({ kind: 'text', text });
const I = (text: string, author = 'A'): WordSegment => ({ kind: 'ins', text, author, date: null });
const D = (text: string, author = 'A'): WordSegment => ({ kind: 'del', text, author, date: null });
const read = (...segments: WordSegment[]) => readParagraph({ segments, mark: null });

describe('leadingLabel', () => {
  it('reads our export’s numbers before a tab, "OP3 bis" written apart too', () => {
    expect(leadingLabel('OP12\tWe')).toEqual({ label: 'OP12', length: 5 });
    expect(leadingLabel('OP3 bis\tNew')).toEqual({ label: 'OP3bis', length: 8 });
    expect(leadingLabel('PP3ter\tx')?.label).toBe('PP3ter');
    expect(leadingLabel('OP3 We commit')).toBeNull();
    expect(leadingLabel('Title')).toBeNull();
  });
});

describe('readParagraph', () => {
  it('gives the text as it was and as wanted, one revision per stretch of adjacent changes', () => {
    const r = read(
      T('OP3\tWe commit to '),
      D('enhance'),
      I('strengthen', 'B'),
      T(' safe and '),
      I('regular '),
      T('migration.'),
    );
    expect(r.label).toBe('OP3');
    expect(r.before).toBe('We commit to enhance safe and migration.');
    expect(r.after).toBe('We commit to strengthen safe and regular migration.');
    expect(r.revisions).toEqual([
      { from: 13, to: 20, deleted: 'enhance', inserted: 'strengthen', author: 'A', date: null },
      { from: 30, to: 30, deleted: '', inserted: 'regular ', author: 'A', date: null },
    ]);
    expect(r.labelChanged).toBe(false);
  });

  it('takes a new paragraph’s number from its inserted words', () => {
    const r = read(I('OP3bis\tWe also act.'));
    expect(r).toMatchObject({ label: 'OP3bis', before: '', after: 'We also act.' });
  });

  it('deleting a paragraph whole, number included, is not a change of its number', () => {
    const r = read(D('OP4\tGone for good.'));
    expect(r).toMatchObject({ label: 'OP4', before: 'Gone for good.', after: '', labelChanged: false });
    expect(r.revisions).toEqual([
      { from: 0, to: 14, deleted: 'Gone for good.', inserted: '', author: 'A', date: null },
    ]);
  });

  it('notices a changed number', () => {
    expect(read(T('OP'), D('4'), I('5'), T('\tText.')).labelChanged).toBe(true);
  });
});
