import { describe, expect, it } from 'vitest';
import { placeWords } from './RebaseConflicts.js';

const reads = (before: string, words: string, after: string) => {
  const p = placeWords(before, words, after);
  return `${before}${p.lead}<${p.core}>${p.trail}${after}`;
};

describe('placeWords', () => {
  it('sets the spaces at the edges of the words outside their mark', () => {
    expect(reads('steps taken to', ' strengthen', ' the collection')).toBe(
      'steps taken to <strengthen> the collection',
    );
    expect(reads('steps taken to ', 'improve ', 'the collection')).toBe(
      'steps taken to <improve> the collection',
    );
  });

  it('keeps a space on each side of “nothing”, where the context has none', () => {
    expect(reads('steps taken to', '', ' the collection')).toBe('steps taken to <> the collection');
    expect(reads('steps taken to', ' ', 'the collection')).toBe('steps taken to <> the collection');
    expect(reads('', '', 'The collection')).toBe('<> The collection');
  });

  it('adds no space next to punctuation that had none', () => {
    expect(reads('migration', ';', ' data')).toBe('migration<;> data');
  });
});
