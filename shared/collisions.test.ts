import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collisionPartners, findCollisions } from './collisions.js';
import type { ResolvedProposal } from './compilation.js';
import type { ProposalKind, ProposalView } from './proposals.js';
import { proposalView } from './proposalView.fixture.js';

const TEXT = 'We commit to strengthen cooperation, in line with international law.';

/** An amendment changing each of `spans` of TEXT ([from, to] pairs). */
function amend(spans: [number, number][], over: Partial<ProposalView> = {}): ResolvedProposal {
  return {
    proposal: proposalView({
      changes: spans.map(([from, to]) => ({
        from: 'a',
        to: 'b',
        deleted: TEXT.slice(from, to),
        inserted: 'x',
      })),
      ...over,
    }),
    ranges: spans.map(([from, to]) => ({ from, to })),
  };
}

const whole = (kind: ProposalKind, over: Partial<ProposalView> = {}): ResolvedProposal => ({
  proposal: proposalView({ kind, ...over }),
  ranges: null,
});

const ids = (text: string, rs: readonly ResolvedProposal[]) =>
  findCollisions(text, rs).map((c) => c.proposals.map((p) => p.id));

describe('findCollisions', () => {
  it('groups amendments that change common words, transitively, and leaves the others out', () => {
    const a = amend([[13, 23]]); // "strengthen"
    const b = amend([[20, 35]]); // "hen cooperation"
    const c = amend([[30, 40]]); // overlaps b only
    const d = amend([[50, 63]]); // "international", alone
    expect(ids(TEXT, [d, c, b, a])).toEqual([[a.proposal.id, b.proposal.id, c.proposal.id]]);
  });

  it('counts two insertions at one place, and an insertion where struck words begin, but not words that only touch', () => {
    const ins1 = amend([[13, 13]]);
    const ins2 = amend([[13, 13]]);
    const del = amend([[13, 23]]);
    const after = amend([[23, 23]]); // right after "strengthen": no common word
    expect(ids(TEXT, [ins1, ins2, del, after])).toEqual([
      [ins1.proposal.id, ins2.proposal.id, del.proposal.id],
    ]);
  });

  it('joins groups through an amendment with several changes, but never one with itself', () => {
    const two = amend([
      [0, 9],
      [50, 63],
    ]);
    expect(ids(TEXT, [two])).toEqual([]);
    const first = amend([[3, 9]]);
    const last = amend([[55, 60]]);
    expect(ids(TEXT, [first, two, last])).toEqual([[two.proposal.id, first.proposal.id, last.proposal.id]]);
  });

  it('puts a deletion of the paragraph and an alternative with every placed amendment', () => {
    const a = amend([[0, 2]]);
    const b = amend([[50, 63]]);
    const del = whole('delete');
    const alt = whole('alt');
    expect(ids(TEXT, [a, b, del, alt])).toEqual([
      [a.proposal.id, b.proposal.id, del.proposal.id, alt.proposal.id],
    ]);
    expect(ids(TEXT, [whole('delete'), amend([[3, 9]])])).toHaveLength(1);
  });

  it('leaves out what changes no placed words: retain, comments, new paragraphs, outdated, applied, closed', () => {
    const a = amend([[13, 23]]);
    expect(
      ids(TEXT, [
        a,
        whole('retain'),
        whole('comment'),
        whole('insert'),
        amend([[13, 23]], { outdated: true }),
        amend([[13, 23]], { appliedAt: '2022-03-28T10:00:00.000Z' }),
        amend([[13, 23]], { status: 'withdrawn' }),
        whole('delete', { status: 'not-retained' }),
        // Anchors resolved to words that are no longer those it struck: not placed.
        { ...amend([[13, 23]]), ranges: [{ from: 0, to: 10 }] },
      ]),
    ).toEqual([]);
  });

  it('orders groups by where their words start and tells each proposal how many others it meets', () => {
    const late1 = amend([[50, 63]]);
    const late2 = amend([[55, 60]]);
    const early1 = amend([[3, 9]]);
    const early2 = amend([[5, 12]]);
    const early3 = amend([[8, 8]]);
    const groups = findCollisions(TEXT, [late1, late2, early1, early2, early3]);
    expect(groups.map((g) => g.proposals.length)).toEqual([3, 2]);
    const partners = collisionPartners(groups);
    expect(partners.get(early1.proposal.id)).toBe(2);
    expect(partners.get(late2.proposal.id)).toBe(1);
  });
});

describe('findCollisions (property)', () => {
  const spanArb = fc
    .tuple(fc.nat(TEXT.length), fc.nat(8))
    .map(([from, len]): [number, number] => [from, Math.min(TEXT.length, from + len)]);
  const propArb = fc.oneof(
    { weight: 8, arbitrary: fc.array(spanArb, { minLength: 1, maxLength: 3 }).map((s) => ({ spans: s })) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom<ProposalKind>('delete', 'alt', 'retain', 'comment')
        .map((k) => ({ kind: k })),
    },
  );
  const caseArb = fc
    .array(propArb, { maxLength: 9 })
    .map((list) => list.map((p) => ('spans' in p ? amend(p.spans) : whole(p.kind))));

  /** Whether two proposals collide directly, written out from the rules without the module. */
  function direct(a: ResolvedProposal, b: ResolvedProposal): boolean {
    const rewrites = (r: ResolvedProposal) => r.proposal.kind === 'delete' || r.proposal.kind === 'alt';
    const changes = (r: ResolvedProposal) => (r.proposal.kind === 'amend' ? (r.ranges ?? []) : []);
    if (rewrites(a) || rewrites(b))
      return (rewrites(a) || changes(a).length > 0) && (rewrites(b) || changes(b).length > 0);
    return changes(a).some((x) =>
      changes(b).some((y) => x.from === y.from || (x.from < y.to && y.from < x.to)),
    );
  }

  it('partitions the colliding proposals; proposals of different groups never collide; order does not matter', () => {
    fc.assert(
      fc.property(caseArb, fc.infiniteStream(fc.nat()), (rs, seeds) => {
        const groups = findCollisions(TEXT, rs);
        const groupOf = new Map<string, number>();
        groups.forEach((g, i) => {
          expect(g.proposals.length).toBeGreaterThan(1);
          for (const p of g.proposals) {
            expect(groupOf.has(p.id)).toBe(false);
            groupOf.set(p.id, i);
          }
        });
        const colliding = rs.filter((a) => rs.some((b) => a !== b && direct(a, b))).map((r) => r.proposal.id);
        expect([...groupOf.keys()].sort()).toEqual(colliding.sort());
        for (const a of rs)
          for (const b of rs)
            if (a !== b && direct(a, b)) expect(groupOf.get(a.proposal.id)).toBe(groupOf.get(b.proposal.id));
        const shuffled = [...rs]
          .map((r) => ({ r, k: seeds.next().value as number }))
          .sort((x, y) => x.k - y.k)
          .map((x) => x.r);
        expect(ids(TEXT, shuffled)).toEqual(groups.map((g) => g.proposals.map((p) => p.id)));
      }),
    );
  });
});
