/**
 * Carrying a delegate's edits onto a base text that moved: the delegate changed the words of the
 * paragraph as they saw it (`seen` → `proposed`) while the co-facilitators changed the same
 * paragraph (`seen` → `current`). The delegate's own word changes are applied to `current`; the
 * co-facilitators' changes stay as they are; where both changed the same words (or both added
 * words at one place) the result keeps the co-facilitators' words and reports a conflict that
 * shows both versions, for the delegate to decide. A three-way merge over word changes (the
 * `wordChanges` of `shared/wordDiff.ts`), so that a proposal never strikes out words the
 * delegation did not touch.
 */
import { applyChanges, type TextChange, wordChanges } from './wordDiff.js';

/** A place where the delegate and the co-facilitators changed the same words. */
export interface RebaseConflict {
  /** The words both started from, in the text the delegate saw (empty when both added words at one place). */
  original: string;
  /** What the co-facilitators' text reads there now. */
  theirs: string;
  /** What the delegate wanted there. */
  mine: string;
}

/** A run of the rebased text: settled words, or the place of a conflict (by its index). */
export type RebasePart = { type: 'text'; text: string } | { type: 'conflict'; index: number };

/** The delegate's proposal carried onto the current text. */
export interface Rebased {
  /** The proposal on the current text, each conflict read as the co-facilitators' words. */
  text: string;
  /** The same text in runs, conflicts apart, for `resolveRebase`. */
  parts: RebasePart[];
  conflicts: RebaseConflict[];
}

/**
 * Carries the delegate's edits (`seen` → `proposed`) onto `current`. With no conflicts, the word
 * changes of the result against `current` are the delegate's own; when `current` equals `seen`
 * the result is `proposed`, and when `proposed` equals `seen` it is `current`.
 */
export function rebase(seen: string, proposed: string, current: string): Rebased {
  if (seen === current || proposed === current) return settled(proposed);
  if (proposed === seen) return settled(current);
  const mine = leftmost(seen, wordChanges(seen, proposed));
  const theirs = leftmost(seen, wordChanges(seen, current));
  const edits = [...mine.map((c) => ({ c, mine: true })), ...theirs.map((c) => ({ c, mine: false }))];
  // Group the changes that touch the same words (union-find over overlapping pairs).
  const root = edits.map((_, i) => i);
  const find = (i: number): number => {
    while (root[i] !== i) i = root[i] = root[root[i]!]!;
    return i;
  };
  for (let i = 0; i < edits.length; i++)
    for (let j = i + 1; j < edits.length; j++)
      if (collide(seen, edits[i]!.c, edits[j]!.c)) root[find(i)] = find(j);
  const groups = new Map<number, typeof edits>();
  edits.forEach((e, i) => {
    const g = groups.get(find(i)) ?? [];
    g.push(e);
    groups.set(find(i), g);
  });

  const parts: RebasePart[] = [];
  const conflicts: RebaseConflict[] = [];
  const push = (text: string) => {
    const last = parts.at(-1);
    if (last?.type === 'text') last.text += text;
    else if (text !== '') parts.push({ type: 'text', text });
  };
  const ordered = [...groups.values()]
    .map((members) => {
      const from = Math.min(...members.map((e) => e.c.from));
      const to = Math.max(...members.map((e) => e.c.to));
      return { from, to, members };
    })
    .sort((a, b) => a.from - b.from || a.to - b.to);
  let at = 0;
  for (const g of ordered) {
    push(seen.slice(at, g.from));
    const original = seen.slice(g.from, g.to);
    const within = (side: boolean) =>
      applyChanges(
        original,
        g.members
          .filter((e) => e.mine === side)
          .map(({ c }) => ({ ...c, from: c.from - g.from, to: c.to - g.from })),
      );
    const hasMine = g.members.some((e) => e.mine);
    const hasTheirs = g.members.some((e) => !e.mine);
    const ours = within(true);
    const their = within(false);
    if (hasMine && hasTheirs && ours !== their) {
      parts.push({ type: 'conflict', index: conflicts.length });
      conflicts.push({ original, theirs: their, mine: ours });
    } else {
      push(hasTheirs ? their : ours);
    }
    at = g.to;
  }
  push(seen.slice(at));
  return {
    text: resolveRebase(
      { parts, conflicts },
      conflicts.map((c) => c.theirs),
    ),
    parts,
    conflicts,
  };
}

/** The rebased text with conflict `i` read as `choices[i]` (its `mine`, its `theirs`, or new words). */
export function resolveRebase(r: Pick<Rebased, 'parts' | 'conflicts'>, choices: readonly string[]): string {
  if (choices.length !== r.conflicts.length) throw new RangeError('one choice per conflict');
  return r.parts.map((p) => (p.type === 'text' ? p.text : choices[p.index]!)).join('');
}

/**
 * Where `offset` in `before` lands in `after` (a caret carried across a change of the text):
 * moved by the changes before it, kept at the start of a change it falls inside.
 */
export function carryOffset(before: string, after: string, offset: number): number {
  let shift = 0;
  for (const c of wordChanges(before, after)) {
    if (c.to <= offset) shift += c.inserted.length - (c.to - c.from);
    else if (c.from < offset) return c.from + shift + Math.min(offset - c.from, c.inserted.length);
    else break;
  }
  return offset + shift;
}

function settled(text: string): Rebased {
  return { text, parts: text === '' ? [] : [{ type: 'text', text }], conflicts: [] };
}

/**
 * True when two changes of `text` cannot both be applied as they stand: they touch the same
 * characters, add words at the same place, or meet with no space between, so that their words
 * would run together into one ("CF" added before ";" that the other side replaced by "DL": "CFDL").
 */
function collide(text: string, a: TextChange, b: TextChange): boolean {
  if (overlap(a, b)) return true;
  const [first, second] = a.from < b.from || (a.from === b.from && a.to <= b.to) ? [a, b] : [b, a];
  if (first.to !== second.from) return false;
  const left = first.inserted !== '' ? first.inserted.at(-1) : text[first.from - 1];
  const right = second.inserted !== '' ? second.inserted[0] : text[second.to];
  return WORD_CHAR.test(left ?? '') && WORD_CHAR.test(right ?? '');
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;

/** True when two changes of the same text touch the same characters or add words at the same place. */
function overlap(a: TextChange, b: TextChange): boolean {
  const aPoint = a.from === a.to;
  const bPoint = b.from === b.to;
  if (aPoint && bPoint) return a.from === b.from;
  if (aPoint) return b.from < a.from && a.from < b.to;
  if (bPoint) return a.from < b.from && b.from < a.to;
  return a.from < b.to && b.from < a.to;
}

/**
 * The changes with their edge spaces moved as far left as they can go without changing what
 * they do ("b " deleted → " b" deleted, "X " added before "c" → " X" added after "b"), and
 * without running into the change before. Both sides' changes are then placed alike, so that a
 * deletion next to an addition of the other side does not count as touching the same words.
 */
function leftmost(text: string, changes: readonly TextChange[]): TextChange[] {
  const out: TextChange[] = [];
  for (const change of changes) {
    let c = change;
    const prev = out.at(-1);
    const limit = prev ? prev.to : 0;
    for (;;) {
      const moved = slideLeft(text, c);
      if (!moved || moved.from < limit) break;
      if (prev && prev.from === prev.to && moved.from === moved.to && moved.from === prev.from) break;
      c = moved;
    }
    out.push(c);
  }
  return out;
}

/** The same change one character to the left, across a space, or null when that changes its result. */
function slideLeft(text: string, c: TextChange): TextChange | null {
  if (c.from === 0) return null;
  const before = text[c.from - 1]!;
  if (!/\s/.test(before)) return null;
  // before + inserted + text[to…] must read as inserted′ + text[to - 1…]: the character that
  // leaves the end of the change (the last deleted one, or the last inserted one for an
  // addition) must equal the space that joins it at the start.
  const leaving = c.inserted === '' ? (c.to > c.from ? text[c.to - 1] : undefined) : c.inserted.at(-1);
  if (leaving !== before || (c.to > c.from && text[c.to - 1] !== before)) return null;
  return {
    from: c.from - 1,
    to: c.to - 1,
    deleted: text.slice(c.from - 1, c.to - 1),
    inserted: c.inserted === '' ? '' : before + c.inserted.slice(0, -1),
  };
}
