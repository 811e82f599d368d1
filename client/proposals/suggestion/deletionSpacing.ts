/**
 * Spacing tidied after a deletion, as Word's smart cut does: deleting a word (double-click and
 * Delete, Ctrl+Backspace) leaves the spaces on both sides of it touching, and the record would
 * keep two spaces where the text had one. After a transaction of the delegate's that only
 * removes text, the spaces left touching at each place where text went become one; none is
 * left at the start or end of the paragraph, or before a closing punctuation mark. Typing,
 * pasting and the co-facilitators' changes brought in are left as they are. The tidying is
 * appended to the deletion, so one undo brings both back.
 */
import { type EditorState, Plugin, type Transaction } from 'prosemirror-state';
import { docText } from './suggestionDoc.js';
import { suggestionKey } from './suggestionPlugin.js';

/** Marks that take no space before them. */
const CLOSING = /[.,;:!?)\]]/;

/** Text offset → document position (inside the one paragraph). */
const pos = (offset: number) => offset + 1;

/** The places (document positions in the new document) where the transactions only removed text; null if they did more. */
function deletionPoints(trs: readonly Transaction[]): number[] | null {
  let points: number[] = [];
  for (const tr of trs) {
    if (!tr.docChanged) continue;
    if (tr.getMeta('addToHistory') === false || tr.getMeta(suggestionKey)) return null;
    for (const step of tr.steps) {
      const map = step.getMap();
      let onlyRemoves = true;
      const added: number[] = [];
      map.forEach((oldStart, oldEnd, newStart, newEnd) => {
        if (newEnd > newStart || oldEnd === oldStart) onlyRemoves = false;
        else added.push(newStart);
      });
      if (!onlyRemoves) return null;
      points = points.map((p) => map.map(p, -1)).concat(added);
    }
  }
  return points;
}

/** The transaction that tidies the spaces at `points`, or null when they need nothing. */
function tidy(state: EditorState, points: readonly number[]): Transaction | null {
  const tr = state.tr;
  for (const point of [...new Set(points)].sort((a, b) => b - a)) {
    const text = docText(tr.doc);
    const at = Math.min(Math.max(point - 1, 0), text.length);
    let from = at;
    let to = at;
    while (from > 0 && text[from - 1] === ' ') from--;
    while (to < text.length && text[to] === ' ') to++;
    if (to === from) continue;
    // At the edges of the paragraph and before a closing mark, no space; elsewhere one.
    const none = from === 0 || to === text.length || CLOSING.test(text[to] ?? '');
    const keep = none ? from : from + 1;
    if (to > keep) tr.delete(pos(keep), pos(to));
  }
  return tr.docChanged ? tr : null;
}

/** The plugin. */
export function deletionSpacingPlugin(): Plugin {
  return new Plugin({
    appendTransaction(trs, _old, state) {
      const points = deletionPoints(trs);
      return points && points.length > 0 ? tidy(state, points) : null;
    },
  });
}
