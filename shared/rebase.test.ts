import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { carryOffset, rebase, resolveRebase } from './rebase.js';
import { applyChanges, wordChanges } from './wordDiff.js';

const OP4 =
  'We recognize the important contribution of migrants and diasporas to sustainable development in countries of origin, transit and destination.';

describe('rebase', () => {
  it('carries an added word onto a text the co-facilitators extended (issue 13, case 1)', () => {
    const mine = OP4.replace('important contribution', 'essential and important contribution');
    const theirs = OP4.replace('destination.', 'destination, and call for their continued inclusion.');
    const r = rebase(OP4, mine, theirs);
    expect(r.conflicts).toEqual([]);
    expect(r.text).toBe(theirs.replace('important contribution', 'essential and important contribution'));
    // Against the current text, the proposal is exactly the delegation's addition.
    const changes = wordChanges(theirs, r.text);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.deleted).toBe('');
    expect(changes[0]!.inserted.trim()).toBe('essential and');
  });

  it('keeps the co-facilitators’ deletion and rewording elsewhere', () => {
    const seen = 'We commit to strengthen cooperation, in line with international law.';
    const mine = 'We commit to further strengthen cooperation, in line with international law.';
    const theirs = 'We decide to strengthen cooperation, consistent with international law.';
    const r = rebase(seen, mine, theirs);
    expect(r.conflicts).toEqual([]);
    expect(r.text).toBe('We decide to further strengthen cooperation, consistent with international law.');
  });

  it('reports a conflict with both versions where both changed the same words', () => {
    const seen = 'We commit to strengthen cooperation, in line with international law.';
    const mine = 'We commit to strengthen cooperation, consistent with international law.';
    const theirs = 'We commit to strengthen cooperation, in accordance with international law.';
    const r = rebase(seen, mine, theirs);
    expect(r.conflicts).toEqual([{ original: 'in line', theirs: 'in accordance', mine: 'consistent' }]);
    expect(r.text).toBe(theirs);
    expect(resolveRebase(r, ['consistent'])).toBe(mine);
    expect(resolveRebase(r, ['in conformity'])).toBe(
      'We commit to strengthen cooperation, in conformity with international law.',
    );
    expect(() => resolveRebase(r, [])).toThrow(RangeError);
  });

  it('reports words added by both at one place as a conflict, so the delegate orders them', () => {
    const seen = 'migrants and refugees';
    const r = rebase(
      seen,
      'migrants, displaced persons and refugees',
      'migrants, stateless persons and refugees',
    );
    expect(r.conflicts).toHaveLength(1);
    expect(r.conflicts[0]!.theirs).toContain('stateless');
    expect(r.conflicts[0]!.mine).toContain('displaced');
    expect(r.text).toBe('migrants, stateless persons and refugees');
  });

  it('takes a change both made alike once, without a conflict', () => {
    const seen = 'the the Global Compact';
    const fixed = 'the Global Compact';
    const r = rebase(seen, `${fixed} for Migration`, fixed);
    expect(r.conflicts).toEqual([]);
    expect(r.text).toBe('the Global Compact for Migration');
  });

  it('does not count a deletion next to the other side’s addition as a conflict', () => {
    // The delegate deletes "b"; the co-facilitators add "X" after it.
    expect(rebase('a b c', 'a c', 'a b X c')).toMatchObject({ text: 'a X c', conflicts: [] });
    // The other way round.
    expect(rebase('a b c', 'a b X c', 'a c')).toMatchObject({ text: 'a X c', conflicts: [] });
    // Both delete neighbouring words.
    expect(rebase('a b c d', 'a c d', 'a b d')).toMatchObject({ text: 'a d', conflicts: [] });
  });

  it('counts an addition inside words the co-facilitators replaced as a conflict', () => {
    const r = rebase('in line with law', 'in full line with law', 'consistent with law');
    expect(r.conflicts).toHaveLength(1);
    expect(r.conflicts[0]).toMatchObject({ theirs: 'consistent', original: 'in line' });
  });

  it('returns the delegate’s text when the base did not move, and the new base when nothing was changed', () => {
    expect(rebase(OP4, `${OP4} More.`, OP4)).toEqual({
      text: `${OP4} More.`,
      parts: [{ type: 'text', text: `${OP4} More.` }],
      conflicts: [],
    });
    expect(rebase(OP4, OP4, `${OP4} More.`).text).toBe(`${OP4} More.`);
    expect(rebase('a', '', 'b')).toMatchObject({ conflicts: [{ original: 'a', theirs: 'b', mine: '' }] });
  });
});

describe('carryOffset', () => {
  it('moves a caret by the changes before it and keeps it inside a changed run', () => {
    expect(carryOffset('a b c', 'a X b c', 4)).toBe(6);
    expect(carryOffset('a b c', 'a b c d', 3)).toBe(3);
    expect(carryOffset('one two three', 'one 2 three', 6)).toBe(5);
    expect(carryOffset('one two', 'one two', 5)).toBe(5);
  });
});

// Property tests: texts are made of words, so that whose words are whose can be told apart.
// Base words come from a small vocabulary (repeats stress the alignment) or are all distinct;
// the co-facilitators' words are CF0, CF1 …; the delegate's DL0, DL1 …

type Op = { at: number; del: number; add: number };

const opArb = fc.record({ at: fc.nat(40), del: fc.nat(3), add: fc.nat(3) });
const VOCAB = ['the', 'and', 'of', 'migrants', 'law', ',', ';', 'rights', 'a', 'b'];

/** Applies word edits in turn; inserted words are `prefix` + a counter. */
function edit(words: readonly string[], ops: readonly Op[], prefix: string): string[] {
  let out = [...words];
  let n = 0;
  for (const op of ops) {
    const at = out.length === 0 ? 0 : op.at % (out.length + 1);
    const added = Array.from({ length: op.add }, () => `${prefix}${n++}`);
    out = [...out.slice(0, at), ...added, ...out.slice(at + op.del)];
  }
  return out;
}

function join(words: readonly string[]): string {
  return words.join(' ').replace(/ ([,;])/g, '$1');
}

const tokens = (text: string) => text.match(/[A-Za-z0-9]+|[,;]/g) ?? [];

const caseArb = (base: fc.Arbitrary<string[]>) =>
  fc.record({
    base,
    theirs: fc.array(opArb, { maxLength: 4 }),
    mine: fc.array(opArb, { maxLength: 4 }),
  });

const repeatedWords = fc.array(fc.constantFrom(...VOCAB), { minLength: 0, maxLength: 14 });
const distinctWords = fc.nat(14).map((n) => Array.from({ length: n }, (_, i) => `w${i}`));

describe('rebase, property', () => {
  it('never deletes or rewrites words the co-facilitators added, unless the delegate chose to in a conflict', () => {
    fc.assert(
      fc.property(caseArb(fc.oneof(repeatedWords, distinctWords)), ({ base, theirs, mine }) => {
        const seen = join(base);
        const current = join(edit(base, theirs, 'CF'));
        const proposed = join(edit(base, mine, 'DL'));
        const r = rebase(seen, proposed, current);
        // Conflicts read as theirs: every word the co-facilitators added is still there.
        for (const c of wordChanges(current, r.text))
          expect(tokens(c.deleted).filter((t) => t.startsWith('CF'))).toEqual([]);
        expect(tokens(r.text).filter((t) => t.startsWith('CF'))).toEqual(
          tokens(current).filter((t) => t.startsWith('CF')),
        );
        // Conflicts read as mine: the co-facilitators' words that go are those of a conflict.
        const taken = new Set(
          tokens(
            resolveRebase(
              r,
              r.conflicts.map((c) => c.mine),
            ),
          ),
        );
        const inConflicts = new Set(r.conflicts.flatMap((c) => tokens(c.theirs)));
        for (const t of tokens(current))
          if (t.startsWith('CF') && !inConflicts.has(t)) expect(taken).toContain(t);
        // The delegate's added words are all carried over, but for those in a conflict.
        const mineInConflicts = new Set(r.conflicts.flatMap((c) => tokens(c.mine)));
        for (const t of tokens(proposed))
          if (t.startsWith('DL') && !mineInConflicts.has(t)) expect(tokens(r.text)).toContain(t);
        // The proposal applies to the current text as the server will compute it.
        expect(applyChanges(current, wordChanges(current, r.text))).toBe(r.text);
      }),
      { numRuns: 1500 },
    );
  });

  it('with no co-facilitator edits gives the delegate’s text; with no delegate edits, the current text', () => {
    fc.assert(
      fc.property(caseArb(fc.oneof(repeatedWords, distinctWords)), ({ base, theirs, mine }) => {
        const seen = join(base);
        const proposed = join(edit(base, mine, 'DL'));
        const current = join(edit(base, theirs, 'CF'));
        expect(rebase(seen, proposed, seen)).toMatchObject({ text: proposed, conflicts: [] });
        expect(rebase(seen, seen, current)).toMatchObject({ text: current, conflicts: [] });
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps each base word as both sides left it, when base words are distinct', () => {
    fc.assert(
      fc.property(caseArb(distinctWords), ({ base, theirs, mine }) => {
        const current = edit(base, theirs, 'CF');
        const proposed = edit(base, mine, 'DL');
        const r = rebase(join(base), join(proposed), join(current));
        const result = new Set(tokens(r.text));
        const theirsInConflicts = new Set(r.conflicts.flatMap((c) => tokens(c.theirs)));
        for (const w of base) {
          const kept = { mine: proposed.includes(w), theirs: current.includes(w) };
          if (kept.mine && kept.theirs) expect(result).toContain(w);
          if (!kept.theirs) expect(result).not.toContain(w);
          if (!kept.mine && kept.theirs && !theirsInConflicts.has(w)) expect(result).not.toContain(w);
        }
      }),
      { numRuns: 1500 },
    );
  });
});
