import { describe, expect, it } from 'vitest';
import { type DraftParagraphInfo, matchRevisions } from './amendmentImport.js';
import { applyChanges } from './wordDiff.js';
import type { WordParagraph, WordRevisions, WordSegment } from './wordRevisions.js';

const T = (text: string): WordSegment => ({ kind: 'text', text });
const I = (text: string): WordSegment => ({
  kind: 'ins',
  text,
  author: 'Capital',
  date: '2022-03-28T10:00:00Z',
});
const D = (text: string): WordSegment => ({
  kind: 'del',
  text,
  author: 'Capital',
  date: '2022-03-28T10:00:00Z',
});
const P = (...segments: WordSegment[]): WordParagraph => ({ segments, mark: null });

const draft: DraftParagraphInfo[] = [
  { pid: 'pp1', kind: 'preambular', label: 'PP1', text: 'Recalling the Global Compact,', open: true },
  { pid: 'op1', kind: 'operative', label: 'OP1', text: 'We commit to enhance cooperation.', open: true },
  { pid: 'op2', kind: 'operative', label: 'OP2', text: 'We  welcome progress.', open: true },
  { pid: 'op3', kind: 'operative', label: 'OP3', text: 'We note the report.', open: false },
  { pid: 'op4', kind: 'operative', label: 'OP4', text: 'We decide to meet again.', open: true },
];
const match = (word: Partial<WordRevisions>) =>
  matchRevisions({ paragraphs: [], comments: [], ...word }, draft, { maxText: 5000 });

describe('matchRevisions', () => {
  it('makes one amendment per revision, each the paragraph with only that revision', () => {
    const { items, unmatched } = match({
      paragraphs: [
        P(
          T('OP1\tWe commit to '),
          D('enhance'),
          I('strengthen'),
          T(' cooperation'),
          I(' and dialogue'),
          T('.'),
        ),
      ],
    });
    expect(unmatched).toEqual([]);
    expect(items.map((i) => [i.kind, i.pid, i.label, i.after, i.matchedBy])).toEqual([
      ['amend', 'op1', 'OP1', 'We commit to strengthen cooperation.', 'label'],
      ['amend', 'op1', 'OP1', 'We commit to enhance cooperation and dialogue.', 'label'],
    ]);
    for (const i of items) expect(applyChanges(i.before, i.changes)).toBe(i.after);
    expect(items[0]!).toMatchObject({
      before: draft[1]!.text,
      author: 'Capital',
      date: '2022-03-28T10:00:00Z',
    });
  });

  it('compares texts in NFC with white space collapsed, and maps the change onto the draft’s own characters', () => {
    const { items } = match({ paragraphs: [P(T('OP2\tWe welcome '), I('the '), T('progress.'))] });
    expect(items).toHaveLength(1);
    expect(items[0]!.before).toBe('We  welcome progress.');
    expect(items[0]!.after).toBe('We  welcome the progress.');
  });

  it('a number whose text changed since is not matched; the same words under another number are, flagged', () => {
    const { items, unmatched } = match({
      paragraphs: [
        P(T('OP1\tWe commit to enhance '), I('regional '), T('partnerships.')),
        P(T('OP9\tWe decide to meet '), I('once more, and '), T('again.')),
        P(T('Nothing like it '), D('here')),
      ],
    });
    expect(unmatched.map((u) => [u.label, u.reason])).toEqual([
      ['OP1', 'text-changed'],
      [null, 'not-found'],
    ]);
    expect(items.map((i) => [i.pid, i.matchedBy, i.documentLabel])).toEqual([['op4', 'text', 'OP9']]);
  });

  it('refuses closed paragraphs, identical texts and split or joined paragraphs', () => {
    const twice: DraftParagraphInfo[] = [...draft, { ...draft[4]!, pid: 'op5', label: 'OP5' }];
    const r = matchRevisions(
      {
        paragraphs: [
          P(T('OP3\tWe note the '), I('annual '), T('report.')),
          P(T('We decide to meet '), I('soon '), T('again.')),
          { segments: [T('OP1\tWe commit to enhance'), I('.')], mark: 'inserted' },
          P(T('cooperation.')),
        ],
        comments: [],
      },
      twice,
      { maxText: 5000 },
    );
    expect(r.items).toEqual([]);
    expect(r.unmatched.map((u) => u.reason)).toEqual(['paragraph-closed', 'ambiguous', 'split-or-joined']);
  });

  it('a paragraph deleted whole is a deletion; one typed in whole a new paragraph after the one before it', () => {
    const { items, unmatched } = match({
      paragraphs: [
        { segments: [D('OP1\tWe commit to enhance cooperation.')], mark: 'deleted' },
        P(T('OP2\tWe welcome progress.')),
        { segments: [I('OP2bis\tWe welcome the report.')], mark: 'inserted' },
        P(T('OP4\tWe decide to meet again.')),
      ],
    });
    expect(unmatched).toEqual([]);
    expect(items.map((i) => [i.kind, i.pid, i.after])).toEqual([
      ['delete', 'op1', ''],
      ['insert', 'op2', 'We welcome the report.'],
    ]);
    expect(items[1]).toMatchObject({ text: 'We welcome the report.', documentLabel: 'OP2bis' });
  });

  it('a new paragraph after nothing matched, or numbered for the other part, is listed, not guessed', () => {
    const { items, unmatched } = match({
      paragraphs: [
        P(T('Title')),
        P(I('Something new.')),
        P(T('PP1\tRecalling the Global Compact,')),
        P(I('OP0bis\tWe open.')),
      ],
    });
    expect(items).toEqual([]);
    expect(unmatched.map((u) => [u.kind, u.reason])).toEqual([
      ['paragraph', 'no-anchor'],
      ['paragraph', 'other-part'],
    ]);
  });

  it('makes each comment a comment on its paragraph, and lists those it cannot place', () => {
    const { items, unmatched } = match({
      paragraphs: [P(T('PP1\tRecalling the Global Compact,')), P(T('OP7\tUnknown.'))],
      comments: [
        { paragraph: 0, text: 'Add the year.', quoted: 'Global Compact', author: 'Capital', date: null },
        { paragraph: 1, text: 'Where is this?', quoted: '', author: 'Capital', date: null },
      ],
    });
    expect(items.map((i) => [i.kind, i.pid, i.text, i.quoted])).toEqual([
      ['comment', 'pp1', 'Add the year.', 'Global Compact'],
    ]);
    expect(unmatched).toEqual([
      {
        kind: 'comment',
        label: 'OP7',
        text: 'Where is this?',
        reason: 'not-found',
        author: 'Capital',
        date: null,
      },
    ]);
  });

  it('lists a revision that would put characters a record may not hold', () => {
    const { items, unmatched } = match({ paragraphs: [P(T('OP4\tWe decide to meet again.'), I('\u202e'))] });
    expect(items).toEqual([]);
    expect(unmatched[0]!.reason).toBe('invalid-text');
  });

  it('never echoes more than 500 characters of what it cannot match', () => {
    const { unmatched } = match({
      paragraphs: [P(T('Title')), P(T('OP4\tWe decide to meet again.'))],
      comments: [{ paragraph: 0, text: 'x'.repeat(100_000), quoted: '', author: null, date: null }],
    });
    expect(unmatched[0]!.text).toHaveLength(501);
  });
});
