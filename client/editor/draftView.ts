/**
 * The draft editor: a ProseMirror view bound to the negotiation's Yjs document. Created by a
 * plain function so that React only provides the element to mount it in.
 */
import { baseKeymap } from 'prosemirror-commands';
import { keymap } from 'prosemirror-keymap';
import { type Command, EditorState, TextSelection } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { redo, undo, yCursorPlugin, ySyncPlugin, yUndoPlugin } from 'y-prosemirror';
import { DRAFT_FRAGMENT, isParagraphType, schema } from '../../shared/schema.js';
import type { Connection, ConnectionState } from '../connection.js';
import { messages } from '../i18n/messages.js';
import { agreedLockPlugin } from './agreedLock.js';
import { splitParagraph, toggleBold, toggleItalic } from './commands.js';
import { buildCursor } from './cursors.js';
import { editablePlugin, isEditable, setEditableTr } from './editable.js';
import { numberingPlugin } from './numberDecorations.js';
import {
  type ParagraphInfo,
  paragraphInfoOf,
  paragraphInfoPlugin,
  setParagraphInfoTr,
} from './paragraphInfo.js';
import { type ParagraphMarks, paragraphMarksPlugin, setParagraphMarksTr } from './paragraphMarks.js';
import { paragraphIdPlugin } from './pids.js';
import { textFilterPlugin } from './textFilter.js';

/** Blocks that undo must not remove when someone else has typed in them meanwhile. */
const PROTECTED_NODES = new Set(
  Object.keys(schema.nodes).filter((name) => name !== 'text' && name !== 'doc'),
);

/** Listener of editor state changes (selection, content, editability). */
export type DraftViewListener = (state: EditorState) => void;

/** A mounted draft editor. */
export interface DraftView {
  readonly view: EditorView;
  /** Allows or forbids changes; the text is read-only anyway until it has arrived from the server. */
  setEditable(editable: boolean): void;
  /** Gives the editor the paragraphs' statuses and the numbering basis (from the proposals board). */
  setParagraphInfo(info: ParagraphInfo): void;
  /** Runs a command on the editor and gives the focus back to the text. */
  run(command: Command): boolean;
  /** Shows proposal counts and changes since the last visit on the paragraphs. */
  setMarks(marks: ParagraphMarks): void;
  /** Puts the cursor at the start of paragraph `pid`, scrolls to it and focuses the text; false if absent. */
  reveal(pid: string): boolean;
  /** Calls `listener` after every state change; returns a function that unsubscribes. */
  subscribe(listener: DraftViewListener): () => void;
  /** Removes the view and stops listening to the connection. */
  destroy(): void;
}

/** Options of a draft view. */
export interface DraftViewOptions {
  /** Whether this person may change the text (default true). */
  editable?: boolean;
  /** Told when a change to an agreed ad ref. paragraph was not made (the paragraph's id). */
  onLocked?: (pid: string) => void;
}

function plugins(connection: Connection, options: DraftViewOptions): EditorState['plugins'] {
  return [
    ySyncPlugin(connection.doc.getXmlFragment(DRAFT_FRAGMENT)),
    yCursorPlugin(connection.provider.awareness, { cursorBuilder: buildCursor }),
    yUndoPlugin({ protectedNodes: PROTECTED_NODES }),
    paragraphInfoPlugin(),
    agreedLockPlugin(options.onLocked),
    paragraphIdPlugin(),
    textFilterPlugin(),
    numberingPlugin(),
    paragraphMarksPlugin(),
    editablePlugin(false),
    keymap({
      'Mod-z': undo,
      'Mod-y': redo,
      'Shift-Mod-z': redo,
      'Mod-i': toggleItalic,
      'Mod-b': toggleBold,
      Enter: splitParagraph,
    }),
    keymap(baseKeymap),
  ];
}

/** Mounts the draft editor for `connection` into `mount`. */
export function createDraftView(
  mount: HTMLElement,
  connection: Connection,
  options: DraftViewOptions = {},
): DraftView {
  const listeners = new Set<DraftViewListener>();
  let allowed = options.editable ?? true;
  let loaded = connection.getState().synced;
  let closed = connection.getState().connection === 'closed';

  const view = new EditorView(mount, {
    state: EditorState.create({ schema, plugins: plugins(connection, options) }),
    attributes: (state) => ({
      'aria-label': messages.editor.label,
      role: 'textbox',
      'aria-multiline': 'true',
      'aria-readonly': String(!isEditable(state)),
      spellcheck: 'true',
    }),
    // `this`, not `view`: plugins (y-sync) dispatch while the view is still being constructed.
    dispatchTransaction(this: EditorView, tr) {
      // y-prosemirror dispatches deferred cursor updates, which may arrive after destroy().
      if (this.isDestroyed) return;
      this.updateState(this.state.apply(tr));
      for (const listener of listeners) listener(this.state);
    },
  });

  const syncEditable = () => {
    const editable = allowed && loaded && !closed;
    if (isEditable(view.state) !== editable) view.dispatch(setEditableTr(view.state, editable));
  };
  const onConnection = (state: ConnectionState) => {
    // Once the document has arrived, editing may go on offline; edits are sent on reconnect.
    // After the server ended the connection for good, edits could never be stored.
    loaded ||= state.synced;
    closed = state.connection === 'closed';
    syncEditable();
  };
  const unsubscribeConnection = connection.subscribe(onConnection);
  syncEditable();

  return {
    view,
    setEditable(editable) {
      allowed = editable;
      syncEditable();
    },
    setParagraphInfo(info) {
      const current = paragraphInfoOf(view.state);
      if (current.statuses === info.statuses && current.numbering === info.numbering) return;
      view.dispatch(setParagraphInfoTr(view.state, info));
    },
    run(command) {
      const done = command(view.state, view.dispatch, view);
      view.focus();
      return done;
    },
    setMarks(marks) {
      view.dispatch(setParagraphMarksTr(view.state, marks));
    },
    reveal(pid) {
      let at = -1;
      view.state.doc.forEach((child, offset) => {
        if (at < 0 && isParagraphType(child.type.name) && child.attrs.pid === pid) at = offset;
      });
      if (at < 0) return false;
      const selection = TextSelection.near(view.state.doc.resolve(at + 1));
      view.dispatch(view.state.tr.setSelection(selection).scrollIntoView());
      view.focus();
      return true;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      listeners.clear();
      unsubscribeConnection();
      view.destroy();
    },
  };
}
