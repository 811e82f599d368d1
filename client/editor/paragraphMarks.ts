/**
 * Marks on the paragraphs of the co-facilitators' editor, set from outside the editor: the count
 * of open proposals on each (a marker in the right margin, `data-proposals`), the paragraphs
 * changed since the reader's last visit (class `since-visit`), and the paragraph the cursor is
 * in, whose proposals the side panel lists (class `current-paragraph`). Decorations only: they
 * never touch the document.
 */
import type { Node } from 'prosemirror-model';
import { type EditorState, Plugin, PluginKey, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { type NumberingBasis, numberParagraphs, paragraphsOf } from '../../shared/numbering.js';
import { isParagraphType } from '../../shared/schema.js';
import { messages } from '../i18n/messages.js';
import { changesParagraphInfo, paragraphInfoOf } from './paragraphInfo.js';

/** What to mark on the paragraphs, by paragraph id. */
export interface ParagraphMarks {
  /** Open proposals per paragraph; paragraphs not listed have none. */
  counts: ReadonlyMap<string, number>;
  /** Paragraphs changed since the reader's last visit. */
  since: ReadonlySet<string>;
}

/** No marks. */
export const NO_PARAGRAPH_MARKS: ParagraphMarks = { counts: new Map(), since: new Set() };

/** Attribute holding the count of open proposals of a paragraph on its DOM node. */
export const PROPOSALS_ATTRIBUTE = 'data-proposals';

interface MarksState {
  marks: ParagraphMarks;
  decorations: DecorationSet;
}

/** Key of the paragraph marks plugin. */
export const paragraphMarksKey = new PluginKey<MarksState>('paragraph-marks');

function decorate(doc: Node, marks: ParagraphMarks, numbering?: NumberingBasis): DecorationSet {
  const labels = numberParagraphs(paragraphsOf(doc), numbering);
  const decorations: Decoration[] = [];
  doc.forEach((child, offset) => {
    if (!isParagraphType(child.type.name)) return;
    const pid = String(child.attrs.pid);
    const count = marks.counts.get(pid) ?? 0;
    const since = marks.since.has(pid);
    if (count === 0 && !since) return;
    const attrs: Record<string, string> = {};
    if (count > 0) {
      attrs[PROPOSALS_ATTRIBUTE] = String(count);
      attrs.title = messages.workspace.edit.marker(labels.get(pid) ?? '', count);
    }
    if (since) attrs.class = 'since-visit';
    decorations.push(Decoration.node(offset, offset + child.nodeSize, attrs));
  });
  return DecorationSet.create(doc, decorations);
}

/** The id of the paragraph holding the cursor (its start), or null outside paragraphs. */
export function paragraphAtCursor(state: EditorState): string | null {
  const { $from } = state.selection;
  if ($from.depth < 1) return null;
  const node = $from.node(1);
  return isParagraphType(node.type.name) ? String(node.attrs.pid) : null;
}

/** A transaction setting the marks (it changes nothing in the text and is not undoable). */
export function setParagraphMarksTr(state: EditorState, marks: ParagraphMarks): Transaction {
  return state.tr.setMeta(paragraphMarksKey, marks).setMeta('addToHistory', false);
}

/** Shows the marks set by `setParagraphMarksTr`, and the paragraph holding the cursor. */
export function paragraphMarksPlugin(): Plugin<MarksState> {
  return new Plugin<MarksState>({
    key: paragraphMarksKey,
    state: {
      init: (_config, state) => ({
        marks: NO_PARAGRAPH_MARKS,
        decorations: decorate(state.doc, NO_PARAGRAPH_MARKS, paragraphInfoOf(state).numbering),
      }),
      apply: (tr, previous, _old, state) => {
        const numbering = paragraphInfoOf(state).numbering;
        const next = tr.getMeta(paragraphMarksKey) as ParagraphMarks | undefined;
        if (next) return { marks: next, decorations: decorate(tr.doc, next, numbering) };
        if (tr.docChanged || changesParagraphInfo(tr))
          return { marks: previous.marks, decorations: decorate(tr.doc, previous.marks, numbering) };
        return previous;
      },
    },
    props: {
      decorations: (state) => {
        const own = paragraphMarksKey.getState(state)!.decorations;
        const { $from } = state.selection;
        if ($from.depth < 1 || !isParagraphType($from.node(1).type.name)) return own;
        const start = $from.before(1);
        const current = Decoration.node(start, start + $from.node(1).nodeSize, {
          class: 'current-paragraph',
        });
        return own.add(state.doc, [current]);
      },
    },
  });
}
