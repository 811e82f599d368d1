import { describe, expect, it } from 'vitest';
import { paragraphsOfText, recognise } from './importText.js';
import { schema } from './schema.js';

const types = (r: ReturnType<typeof recognise>) => (r.doc.content as { type: string }[]).map((b) => b.type);
const texts = (r: ReturnType<typeof recognise>) =>
  (r.doc.content as { content?: { text: string }[] }[]).map((b) =>
    (b.content ?? []).map((c) => c.text).join(''),
  );

describe('recognise', () => {
  it('tells title, headings, preambular and operative paragraphs apart in pasted text and strips typed numbers', () => {
    const r = recognise(
      paragraphsOfText(`Progress Declaration
PP1 Recalling the Global Compact,
PP2 Reaffirming our commitment,
OP1 We commit to act.
OP2 We decide to meet again.`),
    );
    expect(types(r)).toEqual(['title', 'preambular', 'preambular', 'operative', 'operative']);
    expect(texts(r)[1]).toBe('Recalling the Global Compact,');
    expect(texts(r)[4]).toBe('We decide to meet again.');
    expect(r.summary).toEqual({ title: 'Progress Declaration', sections: 0, preambular: 2, operative: 2 });
    schema.nodeFromJSON(r.doc).check();
  });

  it('uses italic opening words, bold headings and list numbering from Word', () => {
    const r = recognise([
      { runs: [{ text: 'Declaration' }], style: 'Title' },
      { runs: [{ text: 'Recognizing', em: true }, { text: ' that migration matters,' }] },
      { runs: [{ text: 'Commitments', strong: true }] },
      { runs: [{ text: '1. We commit to cooperate.' }] },
      { runs: [{ text: 'We further decide to review progress.' }], listItem: true },
    ]);
    expect(types(r)).toEqual(['title', 'preambular', 'section', 'operative', 'operative']);
    const pp = r.doc.content[1] as { content: { marks?: { type: string }[] }[] };
    expect(pp.content[0]!.marks).toEqual([{ type: 'em' }]);
    expect(texts(r)[3]).toBe('We commit to cooperate.');
    schema.nodeFromJSON(r.doc).check();
  });

  it('numbers nothing by hand: "1." and "(a)" prefixes are removed, and unnumbered paragraphs after operative ones stay operative', () => {
    const r = recognise(paragraphsOfText('Title\n1. First.\n(a) Sub item,\nRecalling late,'));
    expect(types(r)).toEqual(['title', 'operative', 'operative', 'operative']);
    expect(texts(r).slice(1)).toEqual(['First.', 'Sub item,', 'Recalling late,']);
  });

  it('gives every paragraph a fresh id', () => {
    const r = recognise(paragraphsOfText('T\nOP1 a.\nOP2 b.'));
    const pids = (r.doc.content as { attrs?: { pid: string } }[]).flatMap((b) =>
      b.attrs ? [b.attrs.pid] : [],
    );
    expect(new Set(pids).size).toBe(2);
  });
});
