/**
 * What the editor knows about paragraphs besides their text: their statuses and the numbering
 * basis of the reading, both from the proposals board (`proposals/board.ts`). Kept in plugin
 * state and changed by a transaction, so that the number and lock plugins recompute from it.
 */
import { type EditorState, Plugin, PluginKey, type Transaction } from 'prosemirror-state';
import type { NumberingBasis } from '../../shared/numbering.js';
import type { ParagraphStatus } from '../../shared/proposals.js';

/** Paragraph statuses (pending when not listed) and the numbering basis. */
export interface ParagraphInfo {
  statuses: Readonly<Record<string, ParagraphStatus>>;
  numbering: NumberingBasis;
}

/** Nothing known yet: every paragraph pending, numbered in order. */
export const NO_PARAGRAPH_INFO: ParagraphInfo = { statuses: {}, numbering: new Map() };

/** Key of the paragraph info plugin. */
export const paragraphInfoKey = new PluginKey<ParagraphInfo>('paragraph-info');

/** Holds the paragraph info; `setParagraphInfoTr` replaces it. */
export function paragraphInfoPlugin(initial: ParagraphInfo = NO_PARAGRAPH_INFO): Plugin<ParagraphInfo> {
  return new Plugin<ParagraphInfo>({
    key: paragraphInfoKey,
    state: {
      init: () => initial,
      apply: (tr, previous) => (tr.getMeta(paragraphInfoKey) as ParagraphInfo | undefined) ?? previous,
    },
  });
}

/** The paragraph info in `state`. */
export function paragraphInfoOf(state: EditorState): ParagraphInfo {
  return paragraphInfoKey.getState(state) ?? NO_PARAGRAPH_INFO;
}

/** A transaction replacing the paragraph info (not a change of the text). */
export function setParagraphInfoTr(state: EditorState, info: ParagraphInfo): Transaction {
  return state.tr.setMeta(paragraphInfoKey, info);
}

/** True when a transaction brings new paragraph info. */
export function changesParagraphInfo(tr: Transaction): boolean {
  return tr.getMeta(paragraphInfoKey) !== undefined;
}
