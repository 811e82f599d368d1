import { describe, expect, it } from 'vitest';
import {
  insertionPoint,
  insertProposalLabels,
  insertSuffix,
  numberedFromLabels,
  numberParagraphs,
  numberWithBasis,
  paragraphsOf,
  parseLabel,
  proposedInsertLabels,
  renumberedEntries,
  renumberingTable,
  shownAfter,
} from './numbering.js';
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

const ops = (...pids: string[]) => pids.map((pid) => ({ pid, kind: 'operative' as const }));
const basisOf = (entries: Record<string, string>) => new Map(Object.entries(entries));

describe('numbering against a basis (the latest circulated revision)', () => {
  const basis = basisOf({ a: 'OP1', b: 'OP2', c: 'OP3' });

  it('keeps basis labels and names added paragraphs bis, ter after the one they follow', () => {
    const labels = numberParagraphs(ops('a', 'b', 'x', 'y', 'c'), basis);
    expect(Object.fromEntries(labels)).toEqual({ a: 'OP1', b: 'OP2', x: 'OP2bis', y: 'OP2ter', c: 'OP3' });
  });

  it('numbers sequentially when no revision was circulated yet', () => {
    expect(Object.fromEntries(numberParagraphs(ops('a', 'x', 'b'), new Map()))).toEqual({
      a: 'OP1',
      x: 'OP2',
      b: 'OP3',
    });
  });

  it('does not reuse the number of a deleted basis paragraph', () => {
    const labels = numberParagraphs(ops('a', 'c', 'x'), basis);
    expect(Object.fromEntries(labels)).toEqual({ a: 'OP1', c: 'OP3', x: 'OP3bis' });
    expect(Object.fromEntries(numberParagraphs(ops('a', 'x', 'c'), basis))).toEqual({
      a: 'OP1',
      x: 'OP1bis',
      c: 'OP3',
    });
  });

  it('numbers paragraphs added before the first of their part OP0, OP0bis', () => {
    const labels = numberParagraphs(ops('x', 'y', 'a'), basis);
    expect(Object.fromEntries(labels)).toEqual({ x: 'OP0', y: 'OP0bis', a: 'OP1' });
  });

  it('numbers a basis paragraph whose kind changed as a new paragraph of its new kind', () => {
    const b2 = basisOf({ p: 'PP1', a: 'OP1', b: 'OP2' });
    const labels = numberParagraphs(
      [
        { pid: 'p', kind: 'preambular' },
        { pid: 'a', kind: 'preambular' },
        { pid: 'b', kind: 'operative' },
      ],
      b2,
    );
    expect(Object.fromEntries(labels)).toEqual({ p: 'PP1', a: 'PP1bis', b: 'OP2' });
  });

  it('keeps the series of each part apart when parts interleave', () => {
    const b2 = basisOf({ p: 'PP1', a: 'OP1' });
    const labels = numberParagraphs(
      [
        { pid: 'p', kind: 'preambular' },
        { pid: 'a', kind: 'operative' },
        { pid: 'x', kind: 'operative' },
        { pid: 'q', kind: 'preambular' },
        { pid: 'y', kind: 'operative' },
      ],
      b2,
    );
    expect(Object.fromEntries(labels)).toEqual({ p: 'PP1', a: 'OP1', x: 'OP1bis', q: 'PP1bis', y: 'OP1ter' });
  });

  it('keeps a moved basis paragraph its label', () => {
    expect(Object.fromEntries(numberParagraphs(ops('c', 'a', 'b'), basis))).toEqual({
      c: 'OP3',
      a: 'OP1',
      b: 'OP2',
    });
  });

  it('gives every paragraph a distinct label, whatever the order and the basis', () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 200; round++) {
      const pool = Array.from({ length: 12 }, (_, i) => ({
        pid: `p${i}`,
        kind: rand(2) === 0 ? ('preambular' as const) : ('operative' as const),
      }));
      const b = new Map<string, string>();
      const counters = { PP: 0, OP: 0 };
      for (const p of pool)
        if (rand(3) > 0) {
          const prefix = rand(4) === 0 ? 'PP' : 'OP';
          counters[prefix] += 1;
          b.set(p.pid, `${prefix}${counters[prefix]}`);
        }
      const order = pool.filter(() => rand(5) > 0).sort(() => rand(3) - 1);
      const labels = [...numberParagraphs(order, b).values()];
      expect(new Set(labels).size).toBe(labels.length);
    }
  });
});

describe('new paragraphs proposed after others', () => {
  it('continue the series after the paragraphs already in it, and go after its last one', () => {
    const numbered = numberWithBasis(ops('a', 'x', 'b'), basisOf({ a: 'OP1', b: 'OP2' }));
    const labels = proposedInsertLabels(numbered, [
      { id: 'i1', pid: 'a' },
      { id: 'i2', pid: 'x' },
      { id: 'i3', pid: 'b' },
    ]);
    expect(Object.fromEntries(labels)).toEqual({ i1: 'OP1ter', i2: 'OP1quater', i3: 'OP2bis' });
    expect(insertionPoint(numbered, 'a')).toBe('x');
    expect(insertionPoint(numbered, 'b')).toBe('b');
    expect(insertionPoint(numbered, 'nope')).toBeUndefined();
  });

  it('are shown after the last paragraph of their series; other proposals at their own paragraph', () => {
    const numbered = numberWithBasis(ops('a', 'x', 'b'), basisOf({ a: 'OP1', b: 'OP2' }));
    const p = (kind: 'insert' | 'amend', appliedAt: string | null = null) => ({ pid: 'a', kind, appliedAt });
    expect(shownAfter(numbered, p('insert'))).toBe('x');
    expect(shownAfter(numbered, p('amend'))).toBe('a');
    expect(shownAfter(numbered, p('insert', '2022-04-01'))).toBe('a');
  });

  it('are numbered bis, ter after their paragraph before any revision is circulated', () => {
    const numbered = numberWithBasis(ops('a', 'b'));
    const labels = proposedInsertLabels(numbered, [
      { id: 'i1', pid: 'a' },
      { id: 'i2', pid: 'a' },
    ]);
    expect(Object.fromEntries(labels)).toEqual({ i1: 'OP1bis', i2: 'OP1ter' });
    expect(insertionPoint(numbered, 'a')).toBe('a');
  });

  it('after a paragraph added before the first one, continue OP0bis', () => {
    const numbered = numberWithBasis(ops('x', 'a'), basisOf({ a: 'OP1' }));
    expect(Object.fromEntries(proposedInsertLabels(numbered, [{ id: 'i', pid: 'x' }]))).toEqual({
      i: 'OP0bis',
    });
  });
});

describe('the renumbering table recorded at circulation', () => {
  it('maps every number during the reading to the new one, gone paragraphs to null, by old number', () => {
    const basis = basisOf({ a: 'OP1', b: 'OP2', c: 'OP3', d: 'OP4' });
    const before = numberWithBasis(ops('a', 'x', 'c', 'b', 'd'), basis);
    const after = numberParagraphs(ops('a', 'x', 'c', 'b', 'd'));
    const gone = numberWithBasis(ops('a', 'x', 'd'), basis);
    expect(renumberingTable(before, after, basis)).toEqual([
      { pid: 'a', from: 'OP1', to: 'OP1' },
      { pid: 'x', from: 'OP1bis', to: 'OP2' },
      { pid: 'b', from: 'OP2', to: 'OP4' },
      { pid: 'c', from: 'OP3', to: 'OP3' },
      { pid: 'd', from: 'OP4', to: 'OP5' },
    ]);
    const table = renumberingTable(gone, numberParagraphs(ops('a', 'x', 'd')), basis);
    expect(renumberedEntries(table)).toEqual([
      { pid: 'x', from: 'OP1bis', to: 'OP2' },
      { pid: 'b', from: 'OP2', to: null },
      { pid: 'c', from: 'OP3', to: null },
      { pid: 'd', from: 'OP4', to: 'OP3' },
    ]);
  });

  it('orders preambular before operative and bis before ter', () => {
    const basis = basisOf({ p: 'PP1', a: 'OP1' });
    const refs = [
      { pid: 'a', kind: 'operative' as const },
      { pid: 'y', kind: 'operative' as const },
      { pid: 'x', kind: 'operative' as const },
      { pid: 'p', kind: 'preambular' as const },
    ];
    const before = numberWithBasis(refs, basis);
    expect(renumberingTable(before, numberParagraphs(refs), basis).map((e) => e.from)).toEqual([
      'PP1',
      'OP1',
      'OP1bis',
      'OP1ter',
    ]);
  });
});

describe('labels read back from a recorded text', () => {
  it('parse into series and place, so proposed new paragraphs continue them', () => {
    expect(parseLabel('OP16ter')).toEqual({ series: 'OP16', index: 2 });
    expect(parseLabel('OP0')).toEqual({ series: 'OP0', index: 1 });
    expect(parseLabel('OP0bis')).toEqual({ series: 'OP0', index: 2 });
    expect(parseLabel('PP3')).toEqual({ series: 'PP3', index: 0 });
    expect(parseLabel('Annex')).toBeNull();
    const numbered = numberedFromLabels([
      { pid: 'a', kind: 'operative', label: 'OP1' },
      { pid: 'x', kind: 'operative', label: 'OP1bis' },
    ]);
    expect(numbered).toEqual(numberWithBasis(ops('a', 'x'), basisOf({ a: 'OP1' })));
  });

  it('number open proposed paragraphs before withdrawn ones, applied ones not at all', () => {
    const numbered = numberWithBasis(ops('a'));
    const p = (
      id: string,
      status: 'open' | 'withdrawn',
      createdAt: string,
      appliedAt: string | null = null,
    ) => ({
      id,
      pid: 'a',
      kind: 'insert' as const,
      status,
      createdAt,
      appliedAt,
    });
    const labels = insertProposalLabels(numbered, [
      p('w', 'withdrawn', '2022-01-01'),
      p('o', 'open', '2022-01-02'),
      p('done', 'open', '2022-01-01', '2022-01-03'),
    ]);
    expect(Object.fromEntries(labels)).toEqual({ o: 'OP1bis', w: 'OP1ter' });
  });
});
