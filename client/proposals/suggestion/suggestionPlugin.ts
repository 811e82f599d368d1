/**
 * The suggestion plugin: holds the base a proposal is written against and, from the word diff
 * of the document's text against it, shows the brackets as they will read — inserted words
 * marked in place (an inline decoration), deleted words struck through at their place (a
 * widget that cannot be edited, read out as deleted), a space between what is deleted and what
 * is inserted. After every change it sets the formatting the record implies: the base's marks on
 * the words kept, none on the words put in.
 */
import { type EditorState, Plugin, PluginKey, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { type SnapshotRun, sliceRuns } from '../../../shared/snapshot.js';
import { messages } from '../../i18n/messages.js';
import { type ShownChange, shownChanges } from './suggestionChanges.js';
import { docRuns, docText, runMarks, type SuggestionBase, styledRuns } from './suggestionDoc.js';

interface SuggestionState {
  base: SuggestionBase;
  changes: ShownChange[];
  decorations: DecorationSet;
}

/** The plugin's key (its state: the base, the shown changes, their decorations). */
export const suggestionKey = new PluginKey<SuggestionState>('suggestion');

/** A transaction that sets the base the text is written against. */
export function setBaseTr(tr: Transaction, base: SuggestionBase): Transaction {
  return tr.setMeta(suggestionKey, base);
}

/** The base and the shown changes of a state. */
export function suggestionOf(state: EditorState): { base: SuggestionBase; changes: readonly ShownChange[] } {
  const s = suggestionKey.getState(state);
  if (!s) throw new Error('the suggestion plugin is not installed');
  return s;
}

/** The plugin, starting from `base`. */
export function suggestionPlugin(base: SuggestionBase): Plugin<SuggestionState> {
  return new Plugin<SuggestionState>({
    key: suggestionKey,
    state: {
      init: (_, state) => compute(base, state),
      apply(tr, value, _old, state) {
        const next = tr.getMeta(suggestionKey) as SuggestionBase | undefined;
        if (next) return compute(next, state);
        return tr.docChanged ? compute(value.base, state) : value;
      },
    },
    props: {
      decorations: (state) => suggestionKey.getState(state)?.decorations ?? DecorationSet.empty,
    },
    appendTransaction(trs, _old, state) {
      if (!trs.some((tr) => tr.docChanged || tr.getMeta(suggestionKey))) return null;
      return restyle(state);
    },
  });
}

function compute(base: SuggestionBase, state: EditorState): SuggestionState {
  const changes = shownChanges(base.text, docText(state.doc));
  return { base, changes, decorations: DecorationSet.create(state.doc, decorate(base, changes)) };
}

/** Text offset → document position (inside the one paragraph). */
const pos = (offset: number) => offset + 1;

function decorate(base: SuggestionBase, changes: readonly ShownChange[]): Decoration[] {
  const out: Decoration[] = [];
  for (const c of changes) {
    // Spaces at the edges of the inserted words stand outside the brackets, where the text reads them.
    const lead = c.inserted.trim() === '' ? 0 : /^\s*/.exec(c.inserted)![0].length;
    const trail = c.inserted.trim() === '' ? 0 : /\s*$/.exec(c.inserted)![0].length;
    const from = c.at + lead;
    const to = c.at + c.inserted.length - trail;
    out.push(
      Decoration.widget(pos(from), () => openWidget(c, base.runs), {
        side: -1,
        // ProseMirror keeps a widget whose key is unchanged: the key says all the widget shows,
        // the struck-out words' formatting included (the co-facilitators may change it).
        key: `open:${c.baseFrom}:${c.inserted === '' ? 'd' : 'r'}:${runsKey(sliceRuns(base.runs, c.baseFrom, c.baseFrom + c.deleted.length))}`,
        marks: [],
        ignoreSelection: true,
      }),
    );
    if (c.inserted === '') continue;
    out.push(
      Decoration.inline(pos(from), pos(to), { nodeName: 'ins', class: 'sg-ins' }),
      Decoration.widget(pos(to), closeWidget, { side: 1, key: 'close', marks: [], ignoreSelection: true }),
    );
  }
  return out;
}

/**
 * The opening bracket of a change, with the words it strikes out (formatted as in the base) and
 * a space before the words it puts in; for a deletion alone, the closing bracket too. Spaces at
 * the edges of the deleted words stand outside the bracket, where the text reads them.
 */
function openWidget(c: ShownChange, base: readonly SnapshotRun[]): HTMLElement {
  const m = messages.proposals.suggestion;
  const lead = /^\s*/.exec(c.deleted)![0];
  const trail = c.deleted.trim() === '' ? '' : /\s*$/.exec(c.deleted)![0];
  const core = c.deleted.slice(lead.length, c.deleted.length - trail.length);
  const span = el('span', 'sg-mark sg-open');
  if (lead) span.append(lead);
  span.append(bracket('['));
  if (core !== '') {
    const del = el('del', 'sg-del');
    del.append(hidden(`${m.deleted} `));
    const from = c.baseFrom + lead.length;
    for (const run of sliceRuns(base, from, from + core.length)) {
      let node: Node = document.createTextNode(run.text);
      if (run.strong) node = wrap('strong', node);
      if (run.em) node = wrap('em', node);
      del.append(node);
    }
    span.append(del);
  }
  if (c.inserted === '') {
    span.append(bracket(']'));
    if (trail) span.append(trail);
  } else {
    if (core !== '') span.append(el('span', 'sg-sep', ' '));
    span.append(hidden(`${m.inserted} `));
  }
  return span;
}

function closeWidget(): HTMLElement {
  const span = el('span', 'sg-mark sg-close');
  span.append(bracket(']'));
  return span;
}

function el(tag: string, className: string, text?: string): HTMLElement {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A bracket seen but not read out (the words around it are). */
function bracket(text: string): HTMLElement {
  const node = el('span', 'sg-bracket', text);
  node.setAttribute('aria-hidden', 'true');
  return node;
}

function hidden(text: string): HTMLElement {
  return el('span', 'visually-hidden', text);
}

function wrap(tag: string, child: Node): HTMLElement {
  const node = document.createElement(tag);
  node.append(child);
  return node;
}

/** Sets the formatting the record implies (`styledRuns`); null when it is already so. */
function restyle(state: EditorState): Transaction | null {
  const { base } = suggestionOf(state);
  const want = styledRuns(base.runs, docText(state.doc));
  const have = docRuns(state.doc);
  if (sameRuns(want, have)) return null;
  const tr = state.tr;
  let at = 0;
  for (const run of want) {
    const from = pos(at);
    const to = pos(at + run.text.length);
    tr.removeMark(from, to);
    for (const mark of runMarks(run)) tr.addMark(from, to, mark);
    at += run.text.length;
  }
  tr.setStoredMarks([]);
  return tr;
}

/** The words and formatting of runs as one string. */
function runsKey(runs: readonly SnapshotRun[]): string {
  return runs.map((r) => `${r.em ? 'i' : ''}${r.strong ? 'b' : ''}:${r.text}`).join('|');
}

function sameRuns(a: readonly SnapshotRun[], b: readonly SnapshotRun[]): boolean {
  return runsKey(a) === runsKey(b);
}
