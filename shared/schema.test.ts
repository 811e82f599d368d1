import { describe, expect, it } from 'vitest';
import { isParagraphType, schema } from './schema.js';

describe('schema', () => {
  it('accepts a title followed by headings and paragraphs with ids', () => {
    const d = schema.nodeFromJSON({
      type: 'doc',
      content: [
        { type: 'title', content: [{ type: 'text', text: 'Declaration' }] },
        {
          type: 'preambular',
          attrs: { pid: 'p1' },
          content: [{ type: 'text', text: 'Recalling', marks: [{ type: 'em' }] }],
        },
        { type: 'section', content: [{ type: 'text', text: 'Commitments' }] },
        { type: 'operative', attrs: { pid: 'o1' }, content: [{ type: 'text', text: 'We commit' }] },
      ],
    });
    d.check();
    expect(d.child(1).attrs.pid).toBe('p1');
    expect(d.child(1).firstChild!.marks[0]!.type.name).toBe('em');
  });

  it('requires the title first', () => {
    expect(() =>
      schema.nodeFromJSON({ type: 'doc', content: [{ type: 'operative', attrs: { pid: 'o1' } }] }).check(),
    ).toThrow();
  });

  it('tells numbered paragraphs from other blocks', () => {
    expect(isParagraphType('operative')).toBe(true);
    expect(isParagraphType('preambular')).toBe(true);
    expect(isParagraphType('section')).toBe(false);
  });
});
