/**
 * Word-level differences between two versions of a paragraph's text, as the changes a
 * delegation proposes: add, delete or replace words, each anchored to a range of the base text.
 * Built on jsdiff's array diff over words; changes separated only by spaces are merged ("in line
 * with" → "consistent with" is one replacement, not two).
 */
import { diffArrays } from 'diff';

/** One change to the base text: `deleted` (base[from, to)) becomes `inserted`. */
export interface TextChange {
  from: number;
  to: number;
  deleted: string;
  inserted: string;
}

/** Kind of a change as a compilation text names it. */
export type ChangeKind = 'add' | 'delete' | 'replace';

/** Whether a change adds, deletes or replaces words. */
export function changeKind(c: TextChange): ChangeKind {
  if (c.deleted === '') return 'add';
  if (c.inserted === '') return 'delete';
  return 'replace';
}

/**
 * The changes that turn `base` into `proposed`, in base order; empty when they are equal.
 * Words and punctuation are aligned with the spaces after them riding along (a space alone
 * never counts as common ground, so a rewrite never reads as common words struck and put back
 * between kept spaces); a change of spacing alone is still a change.
 */
export function wordChanges(base: string, proposed: string): TextChange[] {
  const before = units(base);
  const after = units(proposed);
  const runs: { same: boolean; old: string; new: string }[] = [];
  const push = (same: boolean, o: string, n: string) => {
    if (o === '' && n === '') return;
    const last = runs.at(-1);
    if (last && last.same === same) {
      last.old += o;
      last.new += n;
    } else runs.push({ same, old: o, new: n });
  };
  let i = 0;
  let j = 0;
  for (const part of diffArrays(before, after, { comparator: (a, b) => core(a) === core(b) })) {
    const count = part.count ?? part.value.length;
    for (let k = 0; k < count; k++) {
      if (part.removed) push(false, before[i++]!, '');
      else if (part.added) push(false, '', after[j++]!);
      else {
        const o = before[i++]!;
        const n = after[j++]!;
        const c = core(o);
        push(true, c, c);
        const ws = o.slice(c.length);
        const ws2 = n.slice(c.length);
        if (ws === ws2) push(true, ws, ws);
        else push(false, ws, ws2);
      }
    }
  }
  // Runs alternate between kept and changed text, so each changed run is one change (changes
  // separated only by spaces come out as one, the spaces riding with the words).
  const raw: TextChange[] = [];
  let offset = 0;
  for (const run of runs) {
    if (!run.same)
      raw.push({ from: offset, to: offset + run.old.length, deleted: run.old, inserted: run.new });
    offset += run.old.length;
  }
  return raw.map(trimChange).filter((c) => c.deleted !== c.inserted);
}

/** Words and punctuation marks of a text, each with the spaces after it; leading spaces alone. */
function units(text: string): string[] {
  return text.match(/^\s+|(?:[\p{L}\p{N}_\u00AD]+|[^\s\p{L}\p{N}_\u00AD])\s*/gu) ?? [];
}

/** A unit without its trailing spaces. */
function core(unit: string): string {
  return unit.trimEnd();
}

/** Removes whitespace shared by both sides at the edges of a change. */
function trimChange(c: TextChange): TextChange {
  let { from, to, deleted, inserted } = c;
  while (deleted.length > 0 && inserted.length > 0 && deleted[0] === inserted[0] && /\s/.test(deleted[0]!)) {
    deleted = deleted.slice(1);
    inserted = inserted.slice(1);
    from++;
  }
  while (
    deleted.length > 0 &&
    inserted.length > 0 &&
    deleted.at(-1) === inserted.at(-1) &&
    /\s/.test(deleted.at(-1)!)
  ) {
    deleted = deleted.slice(0, -1);
    inserted = inserted.slice(0, -1);
    to--;
  }
  return { from, to, deleted, inserted };
}

/** Applies changes (in base order, non-overlapping) to `base`. */
export function applyChanges(base: string, changes: readonly TextChange[]): string {
  let out = '';
  let at = 0;
  for (const c of changes) {
    if (c.from < at || c.to < c.from || c.to > base.length)
      throw new RangeError('changes overlap or fall outside the text');
    out += base.slice(at, c.from) + c.inserted;
    at = c.to;
  }
  return out + base.slice(at);
}
