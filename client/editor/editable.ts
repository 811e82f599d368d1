/**
 * Whether the draft may be changed here. Some people will only read a text; and nobody edits
 * before the document has arrived from the server. The flag lives in plugin state and is
 * changed by a transaction, like everything else in the editor.
 */
import { type EditorState, Plugin, PluginKey, type Transaction } from 'prosemirror-state';

/** Key of the editable plugin; its state is true when the text may be changed. */
export const editablePluginKey = new PluginKey<boolean>('editable');

/** Makes the editor editable or read-only according to its plugin state. */
export function editablePlugin(initial: boolean): Plugin<boolean> {
  return new Plugin<boolean>({
    key: editablePluginKey,
    state: {
      init: () => initial,
      apply: (tr, previous) => {
        const next: unknown = tr.getMeta(editablePluginKey);
        return typeof next === 'boolean' ? next : previous;
      },
    },
    props: {
      editable: (state) => editablePluginKey.getState(state) ?? true,
    },
  });
}

/** True when the text may be changed in `state`. */
export function isEditable(state: EditorState): boolean {
  return editablePluginKey.getState(state) ?? true;
}

/** A transaction making the editor editable or read-only. */
export function setEditableTr(state: EditorState, editable: boolean): Transaction {
  return state.tr.setMeta(editablePluginKey, editable);
}
