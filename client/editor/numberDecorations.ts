/**
 * Paragraph numbers (PP1, OP1, OP16bis …) shown in the margin, with each paragraph's status when
 * it is not pending. They are node decorations carrying `data-number` (and `data-status`,
 * `data-status-label`) attributes that CSS renders, so numbers are never part of the text and
 * cannot be typed over; they are recomputed on every change against the reading's numbering
 * basis (`shared/numbering.ts`).
 */
import type { Node } from 'prosemirror-model';
import { Plugin, PluginKey } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { numberParagraphs, paragraphsOf } from '../../shared/numbering.js';
import { isParagraphType } from '../../shared/schema.js';
import { messages } from '../i18n/messages.js';
import {
  changesParagraphInfo,
  NO_PARAGRAPH_INFO,
  type ParagraphInfo,
  paragraphInfoOf,
} from './paragraphInfo.js';

/** Attribute holding a paragraph's number on its DOM node. */
export const NUMBER_ATTRIBUTE = 'data-number';
/** Attribute holding a paragraph's status on its DOM node (absent when pending). */
export const STATUS_ATTRIBUTE = 'data-status';

/** Node decorations numbering every preambular and operative paragraph of `doc`. */
export function numberDecorations(doc: Node, info: ParagraphInfo = NO_PARAGRAPH_INFO): DecorationSet {
  const labels = numberParagraphs(paragraphsOf(doc), info.numbering);
  const decorations: Decoration[] = [];
  doc.forEach((child, offset) => {
    if (!isParagraphType(child.type.name)) return;
    const pid = String(child.attrs.pid);
    const label = labels.get(pid);
    const status = info.statuses[pid] ?? 'pending';
    const attrs: Record<string, string> = {};
    if (label !== undefined) attrs[NUMBER_ATTRIBUTE] = label;
    if (status !== 'pending') {
      attrs[STATUS_ATTRIBUTE] = status;
      attrs['data-status-label'] = messages.proposals.paragraphStatuses[status];
    }
    if (Object.keys(attrs).length > 0)
      decorations.push(Decoration.node(offset, offset + child.nodeSize, attrs));
  });
  return DecorationSet.create(doc, decorations);
}

/** Key of the numbering plugin. */
export const numberingPluginKey = new PluginKey<DecorationSet>('paragraph-numbers');

/** Shows paragraph numbers and statuses in the margin. */
export function numberingPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: numberingPluginKey,
    state: {
      init: (_config, state) => numberDecorations(state.doc, paragraphInfoOf(state)),
      apply: (tr, previous, _old, state) =>
        tr.docChanged || changesParagraphInfo(tr)
          ? numberDecorations(tr.doc, paragraphInfoOf(state))
          : previous,
    },
    props: {
      decorations: (state) => numberingPluginKey.getState(state),
    },
  });
}
