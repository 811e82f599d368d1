import { EditorState, TextSelection } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import type { SnapshotRun } from '../../../shared/snapshot.js';
import { baseOf, docRuns, docText, suggestionDoc, suggestionSchema } from './suggestionDoc.js';
import { setBaseTr, suggestionKey, suggestionOf, suggestionPlugin } from './suggestionPlugin.js';

const em = (text: string): SnapshotRun => ({ text, em: true });
const t = (text: string): SnapshotRun => ({ text });
const TEXT = 'We welcome the progress made since the adoption of the Global Compact.';
const RUNS = [em('We welcome'), t(' the progress made since the adoption of the Global Compact.')];

/** A state of the suggestion editor on the paragraph above, holding `text`. */
function stateOf(text = TEXT) {
  const base = baseOf(TEXT, RUNS);
  return EditorState.create({ doc: suggestionDoc(base, text), plugins: [suggestionPlugin(base)] });
}

/** Types `text` at offset `at` of the paragraph, as a keystroke does: with the marks of the text before. */
function type(state: EditorState, at: number, text: string): { state: EditorState; inherited: string[] } {
  const withCaret = state.apply(state.tr.setSelection(TextSelection.create(state.doc, at + 1)));
  const inherited = withCaret.selection.$from.marks().map((m) => m.type.name);
  return { state: withCaret.apply(withCaret.tr.insertText(text)), inherited };
}

describe('the suggestion plugin', () => {
  it('sets words typed next to the italic opening words plain, the opening words staying italic', () => {
    const { state, inherited } = type(stateOf(), 'We welcome'.length, ' most warmly');
    // Typed at the end of the italic words, the text would be italic…
    expect(inherited).toEqual(['em']);
    // …but the record is plain: only the words kept from the base keep its formatting.
    expect(docText(state.doc)).toBe(TEXT.replace('We welcome', 'We welcome most warmly'));
    expect(docRuns(state.doc)).toEqual([
      em('We welcome'),
      t(' most warmly the progress made since the adoption of the Global Compact.'),
    ]);
  });

  it('marks inserted words and shows deleted ones at their place, as the server’s word diff has them', () => {
    let state = stateOf();
    const at = TEXT.indexOf('progress');
    state = state.apply(state.tr.insertText('advances', at + 1, at + 1 + 'progress'.length));
    const { changes } = suggestionOf(state);
    expect(changes).toEqual([{ at, baseFrom: at, deleted: 'progress', inserted: 'advances' }]);
    const decorations = suggestionKey.getState(state)!.decorations.find();
    const inline = decorations.filter((d) => d.from !== d.to);
    const widgets = decorations.filter((d) => d.from === d.to);
    expect(inline.map((d) => state.doc.textBetween(d.from, d.to))).toEqual(['advances']);
    // The struck-out words open the bracket, before the inserted ones; the bracket closes after.
    expect(widgets.map((d) => d.from - 1)).toEqual([at, at + 'advances'.length]);
  });

  it('puts the italics back on opening words deleted and typed again', () => {
    let state = stateOf();
    state = state.apply(state.tr.delete(1, 1 + 'We welcome'.length));
    state = state.apply(state.tr.insertText('We welcome', 1));
    expect(docRuns(state.doc)).toEqual(RUNS);
    expect(suggestionOf(state).changes).toEqual([]);
  });

  it('takes a new base: the changes and formatting follow it', () => {
    let state = stateOf(TEXT.replace('progress', 'advances'));
    const next = baseOf('We welcome the advances made since the adoption of the Global Compact.', [
      em('We welcome the advances'),
      t(' made since the adoption of the Global Compact.'),
    ]);
    state = state.apply(setBaseTr(state.tr, next));
    expect(suggestionOf(state).changes).toEqual([]);
    expect(docRuns(state.doc)[0]).toEqual(em('We welcome the advances'));
    expect(suggestionSchema.nodes.paragraph).toBeDefined();
  });

  it('draws the struck-out words again when the co-facilitators change their formatting', () => {
    const at = TEXT.indexOf('progress');
    let state = stateOf(TEXT.replace('progress ', ''));
    const openKey = (s: EditorState) =>
      suggestionKey
        .getState(s)!
        .decorations.find()
        .find((d) => d.from === at + 1)!.spec.key as string;
    const before = openKey(state);
    // The same words, "progress" now in italics: ProseMirror keeps a widget whose key is unchanged.
    const next = baseOf(TEXT, [
      em('We welcome'),
      t(' the '),
      em('progress'),
      t(' made since the adoption of the Global Compact.'),
    ]);
    state = state.apply(setBaseTr(state.tr, next));
    expect(suggestionOf(state).changes).toEqual([{ at, baseFrom: at, deleted: 'progress ', inserted: '' }]);
    expect(openKey(state)).not.toBe(before);
  });
});
