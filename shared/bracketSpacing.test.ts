import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { AnchorResolver, anchorChanges } from './anchors.js';
import { compileParagraph, type ResolvedProposal } from './compilation.js';
import { bracketPieces } from './pieces.js';
import { proposalView } from './proposalView.fixture.js';
import { DRAFT_FRAGMENT } from './schema.js';
import { applyChanges, type TextChange, wordChanges } from './wordDiff.js';

const WORDS = ['promote', 'sustainable', 'national', 'development', 'and', 'the', 'wider', 'public', 'law'];

/** A small seeded generator (a linear congruential one), so that a failure can be replayed. */
function generator(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
}

/** A paragraph as a reader sees it: brackets inside the text, with the spaces the segments set. */
function reading(text: string, proposals: ResolvedProposal[]): { line: string; base: string } {
  const c = compileParagraph(
    { pid: 'op1', kind: 'operative', label: 'OP1', text, status: 'pending' },
    proposals,
  );
  let line = '';
  let base = '';
  for (const s of c.segments) {
    if (s.type === 'text' || s.type === 'incorporated') {
      line += s.text;
      base += s.text;
      continue;
    }
    const space = (set: boolean | undefined) => (set ? ' ' : '');
    const brackets = s.entries
      .map(
        (e) =>
          `[${bracketPieces(e.pieces)
            .map((p) => p.text)
            .join('')} — EU]`,
      )
      .join(' ');
    line += space(s.spaceBefore) + brackets + space(s.spaceAfter);
    base += space(s.spaceBefore) + (s.type === 'cluster' ? s.base : '') + space(s.spaceAfter);
  }
  return { line, base };
}

describe('brackets in running text', () => {
  it('never touch a word and keep the words of the text, whatever became of the words around them', () => {
    const random = generator(20220329);
    const sentence = () =>
      Array.from({ length: 5 + random(4) }, () => WORDS[random(WORDS.length)]!).join(' ') +
      (random(2) ? '.' : '');
    const edited = (base: string) => {
      const end = base.endsWith('.') ? '.' : '';
      const words = (end ? base.slice(0, -1) : base).split(' ');
      const at = random(words.length);
      const op = random(3);
      if (op === 0) words.splice(at, 1 + random(2));
      else if (op === 1) words.splice(at, 0, WORDS[random(WORDS.length)]!);
      else words[at] = WORDS[random(WORDS.length)]!;
      return words.join(' ') + end;
    };
    for (let round = 0; round < 1500; round++) {
      const doc = new Y.Doc();
      const paragraph = new Y.XmlElement('operative');
      paragraph.setAttribute('pid', 'op1');
      doc.getXmlFragment(DRAFT_FRAGMENT).insert(0, [paragraph]);
      const y = new Y.XmlText();
      paragraph.insert(0, [y]);
      const base = sentence();
      y.insert(0, base);
      const tabled = Array.from({ length: 1 + random(3) }, () => wordChanges(base, edited(base)))
        .filter((changes) => changes.length > 0)
        .map((changes) => ({ changes, anchored: anchorChanges(y, changes) }));
      // The co-facilitators then apply the first proposal, or rewrite words of their own.
      const applied = random(2) === 0 && tabled.length > 0;
      const edit: TextChange[] = applied ? tabled[0]!.changes : wordChanges(base, edited(base));
      for (const c of [...edit].reverse()) {
        if (c.to > c.from) y.delete(c.from, c.to - c.from);
        if (c.inserted) y.insert(c.from, c.inserted);
      }
      const text = applyChanges(base, edit);
      const anchors = new AnchorResolver(doc);
      const proposals = tabled.map(
        ({ anchored }, i): ResolvedProposal => ({
          proposal: proposalView({
            changes: anchored,
            ...(applied && i === 0 ? { appliedAt: '2022-03-30T15:00:00Z', status: 'incorporated' } : {}),
          }),
          ranges: anchors.resolve('op1', anchored),
          located: anchors.locate('op1', anchored),
        }),
      );
      const { line, base: kept } = reading(text, proposals);
      const context = `${JSON.stringify(base)} → ${JSON.stringify(text)}: ${line}`;
      expect(/\][\p{L}\p{N}]/u.test(line), context).toBe(false);
      expect(/[\p{L}\p{N}]\[(?![.,;:!?])/u.test(line), context).toBe(false);
      expect(kept.replace(/\s+/g, ' ').trim(), context).toBe(text.replace(/\s+/g, ' ').trim());
    }
  });
});
