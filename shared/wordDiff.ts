/**
 * Word-level differences between two versions of a paragraph's text, as the changes a
 * delegation proposes: add, delete or replace words, each anchored to a range of the base text.
 * Built on jsdiff's word diff; changes separated only by spaces are merged ("in line with" →
 * "consistent with" is one replacement, not two).
 */
import { diffWordsWithSpace } from 'diff';

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

/** The changes that turn `base` into `proposed`, in base order; empty when they are equal. */
export function wordChanges(base: string, proposed: string): TextChange[] {
  const raw: TextChange[] = [];
  let offset = 0;
  let current: TextChange | null = null;
  let gap = ''; // unchanged whitespace between the current change and the next one
  for (const part of diffWordsWithSpace(base, proposed)) {
    if (!part.added && !part.removed) {
      if (current && /^\s+$/.test(part.value)) {
        gap = part.value;
      } else {
        if (current) raw.push(current);
        current = null;
        gap = '';
      }
      offset += part.value.length;
      continue;
    }
    if (current && gap) {
      // merge across the whitespace gap
      current.deleted += gap;
      current.inserted += gap;
      current.to += gap.length;
      gap = '';
    }
    current ??= { from: offset, to: offset, deleted: '', inserted: '' };
    if (part.removed) {
      current.deleted += part.value;
      current.to += part.value.length;
      offset += part.value.length;
    } else {
      current.inserted += part.value;
    }
  }
  if (current) raw.push(current);
  return raw.map(trimChange).filter((c) => c.deleted !== c.inserted);
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
