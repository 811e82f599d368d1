import { describe, expect, it } from 'vitest';
import type { SnapshotRun } from '../../../shared/snapshot.js';
import { baseOf, docFromRuns, docRuns, docText, styledRuns, suggestionDoc } from './suggestionDoc.js';

/** Compact builders: an italic run, a bold run, a plain run. */
const em = (text: string): SnapshotRun => ({ text, em: true });
const strong = (text: string): SnapshotRun => ({ text, strong: true });
const t = (text: string): SnapshotRun => ({ text });

const OP5 = [em('We note with appreciation'), t(' the widening of regular pathways in some regions.')];

describe('the suggestion document', () => {
  it('is the paragraph with its formatting, and its text is the proposed text', () => {
    const doc = suggestionDoc(
      baseOf('We note with appreciation the widening of regular pathways in some regions.', OP5),
      'We note with appreciation the widening of regular pathways in some regions.',
    );
    expect(docText(doc)).toBe('We note with appreciation the widening of regular pathways in some regions.');
    expect(docRuns(doc)).toEqual(OP5);
  });

  it('round-trips runs through a document', () => {
    const runs = [em('We'), t(' take '), strong('note'), t('.')];
    expect(docRuns(docFromRuns(runs))).toEqual(runs);
    expect(docText(docFromRuns([]))).toBe('');
  });
});

describe('styledRuns', () => {
  it('keeps the italic opening words and sets inserted words plain', () => {
    const text = 'We note with appreciation the expansion of safe regular pathways in some regions.';
    const runs = styledRuns(OP5, text);
    expect(runs.map((r) => r.text).join('')).toBe(text);
    expect(runs[0]).toEqual(em('We note with appreciation'));
    expect(runs.filter((r) => r.em).map((r) => r.text)).toEqual(['We note with appreciation']);
  });

  it('gives a word typed inside the italic opening no italics', () => {
    const runs = styledRuns(
      OP5,
      'We note with deep appreciation the widening of regular pathways in some regions.',
    );
    expect(runs.filter((r) => r.em).map((r) => r.text.trim())).toEqual(['We note with', 'appreciation']);
    expect(runs.find((r) => r.text.includes('deep'))).toEqual(t('deep '));
  });

  it('puts the italics back on a word deleted and typed again', () => {
    expect(styledRuns(OP5, runsOf(OP5))).toEqual(OP5);
  });

  it('sets everything plain against an empty base (a new paragraph)', () => {
    expect(styledRuns([], 'We commit to expand regular pathways.')).toEqual([
      t('We commit to expand regular pathways.'),
    ]);
    expect(styledRuns([], '')).toEqual([]);
  });

  it('carries today’s formatting onto the base a delegate saw earlier', () => {
    const seen = 'We note with appreciation the widening of pathways in some regions.';
    const base = baseOf(seen, OP5);
    expect(base.runs.map((r) => r.text).join('')).toBe(seen);
    expect(base.runs[0]).toEqual(em('We note with appreciation'));
  });
});

function runsOf(runs: readonly SnapshotRun[]): string {
  return runs.map((r) => r.text).join('');
}
