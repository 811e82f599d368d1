/**
 * Collisions: open proposals of one paragraph that would change the same words, so that the
 * room cannot accept one without deciding about the others. Pure; the compilation marks them,
 * the paragraph's panel groups them and its margin counts them.
 *
 * What collides (decided here, one place):
 * - two amendments when a change of one and a change of the other cover a common character of
 *   the text, or start at the same offset (two insertions at one place, an insertion where
 *   another's struck words begin): exactly the changes `compileParagraph` puts in one cluster;
 * - a proposal to delete the paragraph or an alternative text (each rewrites all of its words)
 *   with every amendment placed in the paragraph and with each other;
 * - never: a comment, a proposal to retain the paragraph (it changes no word), a new paragraph
 *   after it, an amendment no longer placed in the text (outdated: its words changed since), an
 *   applied proposal or one not open.
 * Collision is transitive: A with B and B with C make one group {A, B, C}.
 */
import { placedRanges, type ResolvedProposal } from './compilation.js';
import type { ProposalView } from './proposals.js';

/** A group of two or more open proposals that collide, directly or through others. */
export interface Collision {
  /** The proposals in the order they were tabled (then by id). */
  proposals: ProposalView[];
}

interface Span {
  from: number;
  to: number;
}

/**
 * The collisions among a paragraph's proposals (`text`: its current words; ranges as resolved
 * for `compileParagraph`). Groups in the order of their first words in the text, then of their
 * first proposal; the result does not depend on the order of `proposals`.
 */
export function findCollisions(text: string, proposals: readonly ResolvedProposal[]): Collision[] {
  const open = proposals.filter((r) => r.proposal.status === 'open' && !r.proposal.appliedAt);
  const spans = new Map<ProposalView, Span[]>();
  const whole: ProposalView[] = [];
  for (const r of open) {
    if (r.proposal.kind === 'delete' || r.proposal.kind === 'alt') whole.push(r.proposal);
    else if (r.proposal.kind === 'amend') {
      const ranges = placedRanges(text, r);
      if (ranges && ranges.length > 0) spans.set(r.proposal, ranges);
    }
  }
  const all = [...spans.keys(), ...whole];
  const groups = new UnionFind<ProposalView>(all);
  // Whole-paragraph proposals collide with everything changing words: one group with all of them.
  if (whole.length > 0) for (const p of all) groups.union(whole[0]!, p);
  const changes = [...spans].flatMap(([p, ranges]) => ranges.map((r) => ({ ...r, p })));
  for (let i = 0; i < changes.length; i++)
    for (let j = i + 1; j < changes.length; j++)
      if (changes[i]!.p !== changes[j]!.p && overlap(changes[i]!, changes[j]!))
        groups.union(changes[i]!.p, changes[j]!.p);
  const firstAt = (p: ProposalView) => Math.min(...(spans.get(p) ?? [{ from: 0 }]).map((s) => s.from));
  return groups
    .sets()
    .filter((set) => set.length > 1)
    .map((set) => set.sort(byTabling))
    .map((set) => ({ set, at: Math.min(...set.map(firstAt)) }))
    .sort((a, b) => a.at - b.at || byTabling(a.set[0]!, b.set[0]!))
    .map(({ set }) => ({ proposals: set }));
}

/**
 * For each colliding proposal's id, how many other proposals it collides with (the others of
 * its group), as the compilation's marks say it.
 */
export function collisionPartners(collisions: readonly Collision[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of collisions) for (const p of c.proposals) out.set(p.id, c.proposals.length - 1);
  return out;
}

/** True when two changes touch the same words of the text (see the module's comment). */
function overlap(a: Span, b: Span): boolean {
  return a.from === b.from || (a.from < b.to && b.from < a.to);
}

function byTabling(a: ProposalView, b: ProposalView): number {
  return a.createdAt.localeCompare(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Disjoint sets over a fixed list of items. */
class UnionFind<T> {
  private readonly parent = new Map<T, T>();

  constructor(items: readonly T[]) {
    for (const item of items) this.parent.set(item, item);
  }

  find(item: T): T {
    let root = item;
    while (this.parent.get(root) !== root) root = this.parent.get(root)!;
    this.parent.set(item, root);
    return root;
  }

  union(a: T, b: T): void {
    this.parent.set(this.find(a), this.find(b));
  }

  sets(): T[][] {
    const out = new Map<T, T[]>();
    for (const item of this.parent.keys()) {
      const root = this.find(item);
      const set = out.get(root);
      if (set) set.push(item);
      else out.set(root, [item]);
    }
    return [...out.values()];
  }
}
