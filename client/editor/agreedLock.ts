/**
 * Agreed ad ref. paragraphs are locked in the editor: a local change that alters the text,
 * formatting, kind or place of such a paragraph, or removes it, is not applied. Changes that
 * arrive from Yjs (other people, the server) pass: the server is the judge of those, and refuses
 * the same changes (`server/collab/agreedGuard.ts`). Adding a paragraph before or after an agreed
 * one is allowed.
 */
import type { Node } from 'prosemirror-model';
import { type EditorState, Plugin, PluginKey, type Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { ySyncPluginKey } from 'y-prosemirror';
import { isParagraphType } from '../../shared/schema.js';
import { paragraphInfoOf } from './paragraphInfo.js';

/** Ids of the paragraphs that are agreed ad ref. in `state`. */
export function lockedPids(state: EditorState): Set<string> {
  const { statuses } = paragraphInfoOf(state);
  return new Set(Object.keys(statuses).filter((pid) => statuses[pid] === 'agreed-ad-ref'));
}

/** The paragraphs of a document by id (the first of each id), in order. */
function paragraphsById(doc: Node): Map<string, Node> {
  const out = new Map<string, Node>();
  doc.forEach((child) => {
    if (!isParagraphType(child.type.name)) return;
    const pid = String(child.attrs.pid);
    if (pid !== '' && !out.has(pid)) out.set(pid, child);
  });
  return out;
}

/**
 * The first of the `locked` paragraphs that differs between `before` and `after` (its words,
 * marks, kind or id), is gone, or has moved past another paragraph; null when none did.
 */
export function changedLockedParagraph(
  before: Node,
  after: Node,
  locked: ReadonlySet<string>,
): string | null {
  if (locked.size === 0) return null;
  const old = paragraphsById(before);
  const now = paragraphsById(after);
  for (const pid of locked) {
    const node = old.get(pid);
    if (!node) continue;
    if (!now.get(pid)?.eq(node)) return pid;
  }
  // A move: the paragraphs both documents have are in another order around a locked one.
  const a = [...old.keys()].filter((pid) => now.has(pid));
  const b = [...now.keys()].filter((pid) => old.has(pid));
  const first = a.findIndex((pid, i) => b[i] !== pid);
  if (first < 0) return null;
  let last = a.length - 1;
  while (last > first && a[last] === b[last]) last--;
  for (let i = first; i <= last; i++) if (locked.has(a[i]!)) return a[i]!;
  return null;
}

/** The first locked paragraph between `from` and `to` (the selection by default), or null. */
export function lockedInSelection(
  state: EditorState,
  range: { from: number; to: number } = state.selection,
  locked: ReadonlySet<string> = lockedPids(state),
): string | null {
  if (locked.size === 0) return null;
  const { from, to } = range;
  let found: string | null = null;
  state.doc.nodesBetween(from, to, (node) => {
    if (found === null && isParagraphType(node.type.name) && locked.has(String(node.attrs.pid)))
      found = String(node.attrs.pid);
    return false;
  });
  return found;
}

/**
 * The range the browser's selection covers in the document. Input goes where the browser's caret
 * is, which the editor's state may learn of only a moment later (right after a click).
 */
function domRange(view: EditorView): { from: number; to: number } | null {
  const selection = (view.root as Document).getSelection?.();
  if (!selection?.anchorNode || !selection.focusNode || !view.dom.contains(selection.anchorNode)) return null;
  try {
    const a = view.posAtDOM(selection.anchorNode, selection.anchorOffset);
    const b = view.posAtDOM(selection.focusNode, selection.focusOffset);
    return { from: Math.min(a, b), to: Math.max(a, b) };
  } catch {
    return null;
  }
}

/** Input the browser would make itself that may go ahead in a locked paragraph (the split is checked as a change). */
const ALLOWED_INPUT = new Set(['insertParagraph', 'insertLineBreak']);

/** True when a transaction carries changes that arrived from Yjs (other people, undo, load). */
function fromYjs(tr: Transaction): boolean {
  return tr.getMeta(ySyncPluginKey) !== undefined;
}

/** Key of the lock plugin. */
export const agreedLockKey = new PluginKey('agreed-lock');

/**
 * Refuses local transactions that change an agreed ad ref. paragraph; `onRefused` is told which
 * (to explain it to the user).
 */
export function agreedLockPlugin(onRefused: (pid: string) => void = () => undefined): Plugin {
  return new Plugin({
    key: agreedLockKey,
    props: {
      handleDOMEvents: {
        // Typing, deleting and pasting are stopped before the browser changes the page, so the
        // text and the cursor stay where they were (a refused change would otherwise be redrawn).
        beforeinput(view, event) {
          if (ALLOWED_INPUT.has(event.inputType)) return false;
          const pid = lockedInSelection(view.state, domRange(view) ?? view.state.selection);
          if (pid === null) return false;
          event.preventDefault();
          onRefused(pid);
          return true;
        },
      },
    },
    filterTransaction(tr, state) {
      if (!tr.docChanged || fromYjs(tr)) return true;
      const pid = changedLockedParagraph(state.doc, tr.doc, lockedPids(state));
      if (pid === null) return true;
      onRefused(pid);
      return false;
    },
  });
}
