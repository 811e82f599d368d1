/**
 * Paragraph numbers (PP1, OP1 …) shown in the margin. They are node decorations carrying a
 * `data-number` attribute that CSS renders, so numbers are never part of the text and cannot be
 * typed over; they are recomputed from document order on every change.
 */
import type { Node } from 'prosemirror-model';
import { Plugin, PluginKey } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { numberParagraphs, paragraphsOf } from '../../shared/numbering.js';
import { isParagraphType } from '../../shared/schema.js';

/** Attribute holding a paragraph's number on its DOM node. */
export const NUMBER_ATTRIBUTE = 'data-number';

/** Node decorations numbering every preambular and operative paragraph of `doc`. */
export function numberDecorations(doc: Node): DecorationSet {
  const labels = numberParagraphs(paragraphsOf(doc));
  const decorations: Decoration[] = [];
  doc.forEach((child, offset) => {
    if (!isParagraphType(child.type.name)) return;
    const label = labels.get(String(child.attrs.pid));
    if (label !== undefined) {
      decorations.push(Decoration.node(offset, offset + child.nodeSize, { [NUMBER_ATTRIBUTE]: label }));
    }
  });
  return DecorationSet.create(doc, decorations);
}

/** Key of the numbering plugin. */
export const numberingPluginKey = new PluginKey<DecorationSet>('paragraph-numbers');

/** Shows paragraph numbers in the margin. */
export function numberingPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: numberingPluginKey,
    state: {
      init: (_config, state) => numberDecorations(state.doc),
      apply: (tr, previous) => (tr.docChanged ? numberDecorations(tr.doc) : previous),
    },
    props: {
      decorations: (state) => numberingPluginKey.getState(state),
    },
  });
}
