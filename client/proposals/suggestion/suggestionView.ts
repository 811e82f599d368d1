/**
 * The suggestion editor's ProseMirror view, created by a plain function so that React only
 * provides the element to mount it in. One paragraph, whose text is the proposed text: Enter
 * does not split it, no key formats it, deleting a word leaves one space (`deletionSpacing.ts`), Ctrl/Cmd+Enter tables it, Escape closes it, undo and redo are
 * prosemirror-history's. The co-facilitators' changes are brought in as they happen
 * (`rebase`), outside the delegate's undo history, the caret carried across them.
 */
import { baseKeymap } from 'prosemirror-commands';
import { history, redo, undo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { type Command, EditorState, TextSelection } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { carryOffset } from '../../../shared/rebase.js';
import { wordChanges } from '../../../shared/wordDiff.js';
import { draftText, textFilterPlugin } from '../../editor/textFilter.js';
import { deletionSpacingPlugin } from './deletionSpacing.js';
import { docText, type SuggestionBase, suggestionDoc } from './suggestionDoc.js';
import { setBaseTr, suggestionOf, suggestionPlugin } from './suggestionPlugin.js';

/** Options of a suggestion view. */
export interface SuggestionViewOptions {
  /** The base the words are written against. */
  base: SuggestionBase;
  /** The proposed text it starts with. */
  text: string;
  /** Ids of the elements naming and describing the editor. */
  labelledBy: string;
  describedBy: string;
  /** Told the proposed text after every change of it; `typed` is false for the co-facilitators' changes brought in. */
  onChange(text: string, typed: boolean): void;
  /** Ctrl/Cmd+Enter: table the proposal. */
  onSubmit(): void;
  /** Escape: close the editor (ProseMirror keeps Escape from reaching the page). */
  onEscape(): void;
}

/** A mounted suggestion editor. */
export interface SuggestionView {
  readonly view: EditorView;
  /** The proposed text. */
  text(): string;
  /** Sets another base for the same words (the paragraph's formatting changed). */
  setBase(base: SuggestionBase): void;
  /**
   * Brings in the co-facilitators' changes: `text` (the delegate's words carried onto `base`)
   * replaces the current text by its word changes only, not in the undo history, with the caret
   * carried across them (`carryOffset`).
   */
  rebase(base: SuggestionBase, text: string): void;
  /** Replaces the text by the delegate's own choice (an undoable step), on `base`. */
  setText(base: SuggestionBase, text: string): void;
  setEditable(editable: boolean): void;
  focus(): void;
  destroy(): void;
}

/** The words of pasted HTML (when no plain text comes with it): its blocks set apart by a space, no styles or scripts. */
function htmlWords(html: string): string {
  // A template's content is inert: nothing in it loads, runs or is styled (nor trips the content security policy).
  // Style attributes are dropped first: even there, one would trip the content security policy.
  const template = document.createElement('template');
  template.innerHTML = html.replace(/\sstyle\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, '');
  const body = template.content;
  for (const hidden of body.querySelectorAll('style, script, template')) hidden.remove();
  for (const block of body.querySelectorAll('p, div, li, br, tr, td, th, h1, h2, h3, h4, h5, h6, blockquote'))
    block.after(' ');
  return (body.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Turns a paste into plain text on one line: the record is plain text and one paragraph. The
 * plain text offered with the paste, else the words of its HTML; anything else (an image) is
 * ignored.
 */
function pastePlain(view: EditorView, event: ClipboardEvent): boolean {
  const data = event.clipboardData;
  if (!data) return false;
  const plain = data.getData('text/plain');
  const text = plain !== '' ? plain : htmlWords(data.getData('text/html'));
  if (text === '') return true;
  const clean = draftText(text.replace(/\s*[\r\n]+\s*/g, ' '));
  view.dispatch(view.state.tr.insertText(clean).scrollIntoView());
  return true;
}

/** Mounts a suggestion editor into `mount`. */
export function createSuggestionView(mount: HTMLElement, options: SuggestionViewOptions): SuggestionView {
  let editable = true;
  const swallow: Command = () => true;
  const submit: Command = () => {
    options.onSubmit();
    return true;
  };
  const view = new EditorView(mount, {
    state: EditorState.create({
      doc: suggestionDoc(options.base, options.text),
      plugins: [
        suggestionPlugin(options.base),
        history(),
        deletionSpacingPlugin(),
        textFilterPlugin(),
        keymap({
          'Mod-z': undo,
          'Mod-y': redo,
          'Shift-Mod-z': redo,
          'Mod-Enter': submit,
          Escape: () => {
            options.onEscape();
            return true;
          },
          Enter: swallow,
          'Shift-Enter': swallow,
          'Mod-b': swallow,
          'Mod-i': swallow,
          'Mod-u': swallow,
        }),
        keymap(baseKeymap),
      ],
    }),
    editable: () => editable,
    attributes: () => ({
      class: 'suggestion-box',
      role: 'textbox',
      'aria-multiline': 'true',
      'aria-labelledby': options.labelledBy,
      'aria-describedby': options.describedBy,
      'aria-readonly': String(!editable),
      // Read-only (a conflict, a paragraph agreed meanwhile), it still takes the focus to be read and closed.
      tabindex: '0',
      spellcheck: 'true',
    }),
    // Before ProseMirror reads the pasted HTML at all (its styles would trip the content security policy).
    handleDOMEvents: {
      paste: (v, event) => {
        if (!pastePlain(v, event)) return false;
        event.preventDefault();
        return true;
      },
    },
    handleDrop: () => true,
    dispatchTransaction(this: EditorView, tr) {
      if (this.isDestroyed) return;
      const before = this.state.doc;
      this.updateState(this.state.apply(tr));
      if (!this.state.doc.eq(before))
        options.onChange(docText(this.state.doc), tr.getMeta('addToHistory') !== false);
    },
  });

  /** The transaction that turns the text into `text` by its word changes. */
  const replaceBy = (text: string) => {
    const { state } = view;
    const old = docText(state.doc);
    const tr = state.tr;
    for (const c of wordChanges(old, text).reverse()) {
      if (c.inserted === '') tr.delete(c.from + 1, c.to + 1);
      else tr.insertText(c.inserted, c.from + 1, c.to + 1);
    }
    return { tr, old };
  };

  return {
    view,
    text: () => docText(view.state.doc),
    setBase(base) {
      const current = suggestionOf(view.state).base;
      if (current.text === base.text && JSON.stringify(current.runs) === JSON.stringify(base.runs)) return;
      view.dispatch(setBaseTr(view.state.tr, base).setMeta('addToHistory', false));
    },
    rebase(base, text) {
      const { tr, old } = replaceBy(text);
      const { from, to } = view.state.selection;
      const anchor = carryOffset(old, text, from - 1) + 1;
      const head = carryOffset(old, text, to - 1) + 1;
      tr.setSelection(TextSelection.create(tr.doc, anchor, head));
      view.dispatch(setBaseTr(tr, base).setMeta('addToHistory', false));
    },
    setText(base, text) {
      const { tr } = replaceBy(text);
      view.dispatch(setBaseTr(tr, base));
    },
    setEditable(next) {
      editable = next;
      view.setProps({});
    },
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}
