/**
 * Paragraph identity. Every preambular and operative paragraph carries a `pid` that stays with it
 * when others move, so numbers can be derived and proposals attached. This plugin keeps the ids
 * non-empty and unique after local edits: when a paragraph is split, the first half keeps its id
 * and the second half gets a new one.
 */
import type { Node } from 'prosemirror-model';
import { type EditorState, Plugin, PluginKey, type Transaction } from 'prosemirror-state';
import { ySyncPluginKey } from 'y-prosemirror';
import { newId } from '../../shared/ids.js';
import { isParagraphType } from '../../shared/schema.js';

/** Positions of paragraphs whose id is empty or was already used earlier in the document. */
export function paragraphsNeedingId(doc: Node): number[] {
  const seen = new Set<string>();
  const positions: number[] = [];
  doc.forEach((child, offset) => {
    if (!isParagraphType(child.type.name)) return;
    const pid = typeof child.attrs.pid === 'string' ? child.attrs.pid : '';
    if (pid === '' || seen.has(pid)) positions.push(offset);
    else seen.add(pid);
  });
  return positions;
}

/**
 * A transaction giving a fresh id to every paragraph that needs one, or null when all ids are
 * fine. `makeId` is injectable for tests.
 */
export function assignParagraphIds(state: EditorState, makeId: () => string = newId): Transaction | null {
  const positions = paragraphsNeedingId(state.doc);
  if (positions.length === 0) return null;
  const tr = state.tr;
  for (const pos of positions) tr.setNodeAttribute(pos, 'pid', makeId());
  // Left in history on purpose: y-prosemirror writes the appended transaction together with the
  // edit that caused it, so undoing a split also undoes the new id.
  return tr;
}

/** True when a transaction carries changes that arrived from Yjs (other people, undo, load). */
function fromYjs(tr: Transaction): boolean {
  return tr.getMeta(ySyncPluginKey) !== undefined;
}

/** Key of the paragraph id plugin. */
export const paragraphIdPluginKey = new PluginKey('paragraph-ids');

/**
 * Keeps paragraph ids unique and non-empty after local edits. Changes from Yjs are left alone:
 * the client that made them fixes their ids, so two clients never race to rename the same paragraph.
 */
export function paragraphIdPlugin(makeId: () => string = newId): Plugin {
  return new Plugin({
    key: paragraphIdPluginKey,
    appendTransaction(transactions, _oldState, newState) {
      const local = transactions.some((tr) => tr.docChanged && !fromYjs(tr));
      return local ? assignParagraphIds(newState, makeId) : null;
    },
  });
}
