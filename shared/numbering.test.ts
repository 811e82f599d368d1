import { describe, expect, it } from 'vitest';
import { insertSuffix, numberParagraphs, paragraphsOf } from './numbering.js';
import { schema } from './schema.js';

const {
  doc,
  title,
  section,
  preambular: pp,
  operative: op,
} = schema.nodes as Record<string, import('prosemirror-model').NodeType>;
const t = (s: string) => schema.text(s);

describe('numbering', () => {
  it('numbers preambular and operative paragraphs separately, in order', () => {
    const d = doc!.create(null, [
      title!.create(null, t('Declaration')),
      pp!.create({ pid: 'a' }, t('Recalling')),
      pp!.create({ pid: 'b' }, t('Reaffirming')),
      section!.create(null, t('Commitments')),
      op!.create({ pid: 'c' }, t('We commit')),
      op!.create({ pid: 'd' }, t('We decide')),
    ]);
    expect([...numberParagraphs(paragraphsOf(d))]).toEqual([
      ['a', 'PP1'],
      ['b', 'PP2'],
      ['c', 'OP1'],
      ['d', 'OP2'],
    ]);
  });

  it('renumbers from order when paragraphs move, keeping identity', () => {
    const labels = numberParagraphs([
      { pid: 'd', kind: 'operative' },
      { pid: 'c', kind: 'operative' },
    ]);
    expect(labels.get('d')).toBe('OP1');
    expect(labels.get('c')).toBe('OP2');
  });

  it('counts a preambular paragraph placed after operative ones in its own series', () => {
    const labels = numberParagraphs([
      { pid: 'x', kind: 'operative' },
      { pid: 'y', kind: 'preambular' },
      { pid: 'z', kind: 'operative' },
    ]);
    expect(Object.fromEntries(labels)).toEqual({ x: 'OP1', y: 'PP1', z: 'OP2' });
  });

  it('names inserted paragraphs bis, ter, quater', () => {
    expect([1, 2, 3].map(insertSuffix)).toEqual(['bis', 'ter', 'quater']);
    expect(() => insertSuffix(0)).toThrow(RangeError);
  });
});
