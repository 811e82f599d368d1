/**
 * Keeps out of the draft what a record may not hold (`shared/textValidation.ts`): pasted, dropped
 * or typed text loses noncharacters, lone surrogates, control characters and bidirectional
 * overrides, and is composed to NFC, before it reaches the shared document.
 */
import { Fragment, type Node, Slice } from 'prosemirror-model';
import { Plugin } from 'prosemirror-state';
import { normalizeText, writable } from '../../shared/textValidation.js';

/** The text as a paragraph of the draft may hold it. */
export function draftText(text: string): string {
  return writable(normalizeText(text))
    .replace(/[\t\n\r]/g, ' ')
    .replace(/[\u202A-\u202E]/g, '');
}

function cleanFragment(fragment: Fragment): Fragment {
  const nodes: Node[] = [];
  fragment.forEach((node) => {
    if (node.isText) {
      const text = draftText(node.text ?? '');
      if (text !== '') nodes.push(node.type.schema.text(text, node.marks));
    } else {
      nodes.push(node.copy(cleanFragment(node.content)));
    }
  });
  return Fragment.fromArray(nodes);
}

/** A slice with every text node cleaned. */
export function cleanSlice(slice: Slice): Slice {
  return new Slice(cleanFragment(slice.content), slice.openStart, slice.openEnd);
}

/** The plugin: cleans pasted and dropped slices and typed text. */
export function textFilterPlugin(): Plugin {
  return new Plugin({
    props: {
      transformPasted: (slice) => cleanSlice(slice),
      handleTextInput(view, from, to, text) {
        const clean = draftText(text);
        if (clean === text) return false;
        if (clean !== '') view.dispatch(view.state.tr.insertText(clean, from, to));
        return true;
      },
    },
  });
}
