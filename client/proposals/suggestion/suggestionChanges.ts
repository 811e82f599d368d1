/**
 * What the suggestion editor shows of a proposal: the word changes of the proposed text against
 * its base (the server's `wordChanges`), placed in the proposed text, where inserted words are
 * marked and struck-out words shown at their place; and what a screen reader is told of them.
 * Pure functions, no DOM.
 */
import { type TextChange, wordChanges } from '../../../shared/wordDiff.js';
import { messages } from '../../i18n/messages.js';

/** A change as the editor shows it: at offset `at` of the proposed text. */
export interface ShownChange {
  /** Where the change stands in the proposed text; its inserted words are [at, at + inserted.length). */
  at: number;
  /** Where the deleted words stand in the base text. */
  baseFrom: number;
  deleted: string;
  inserted: string;
}

/** The changes of `proposed` against `base`, each placed in `proposed`, in order. */
export function shownChanges(base: string, proposed: string): ShownChange[] {
  return placeChanges(wordChanges(base, proposed));
}

/** Word changes (in base order) placed in the text they produce. */
export function placeChanges(changes: readonly TextChange[]): ShownChange[] {
  let shift = 0;
  return changes.map((c) => {
    const shown = { at: c.from + shift, baseFrom: c.from, deleted: c.deleted, inserted: c.inserted };
    shift += c.inserted.length - (c.to - c.from);
    return shown;
  });
}

/**
 * What the proposal now does, in one sentence per change ("Deletes “widening”. Inserts
 * “expansion”."), or that it changes nothing yet.
 */
export function describeChanges(changes: readonly Pick<TextChange, 'deleted' | 'inserted'>[]): string {
  const m = messages.proposals.suggestion.announce;
  if (changes.length === 0) return m.none;
  return changes
    .flatMap((c) => {
      const deleted = c.deleted.trim();
      const inserted = c.inserted.trim();
      const out: string[] = [];
      if (deleted) out.push(m.deletes(deleted));
      if (inserted) out.push(m.inserts(inserted));
      // A change of spacing alone.
      if (!deleted && !inserted) out.push(m.spacing);
      return out;
    })
    .join(' ');
}
