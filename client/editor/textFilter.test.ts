import { Slice } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { schema } from '../../shared/schema.js';
import { cleanSlice, draftText } from './textFilter.js';

describe('the draft text filter', () => {
  it('leaves ordinary text and right-to-left marks as they are', () => {
    expect(draftText('Reaffirming our commitment')).toBe('Reaffirming our commitment');
    expect(draftText('نؤكد\u200F التزامنا')).toBe('نؤكد\u200F التزامنا');
  });

  it('drops what a record may not hold and composes to NFC', () => {
    expect(draftText('a\uFFFEb\u0007c\uDC00d\u202Ee\tf')).toBe('abcde f');
    expect(draftText('Re\u0301sume\u0301')).toBe('Résumé');
  });

  it('cleans every text node of a pasted slice and keeps its marks', () => {
    const bold = schema.marks.strong ?? Object.values(schema.marks)[0]!;
    const para = Object.values(schema.nodes).find((t) => t.isTextblock)!;
    const slice = new Slice(
      schema.nodes.doc!.create(null, [
        para.create(null, [schema.text('x\uFFFF', [bold.create()]), schema.text('\u0000')]),
      ]).content,
      0,
      0,
    );
    const cleaned = cleanSlice(slice);
    expect(cleaned.content.textBetween(0, cleaned.content.size)).toBe('x');
    expect(cleaned.content.firstChild!.firstChild!.marks).toHaveLength(1);
  });
});
