import { history, undo } from 'prosemirror-history';
import { EditorState, type Transaction } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { deletionSpacingPlugin } from './deletionSpacing.js';
import { baseOf, docText, suggestionDoc } from './suggestionDoc.js';
import { suggestionPlugin } from './suggestionPlugin.js';

const TEXT = 'reviews of migration legislation and new coordination mechanisms.';

function stateOf(text = TEXT) {
  const base = baseOf(TEXT, [{ text: TEXT }]);
  return EditorState.create({
    doc: suggestionDoc(base, text),
    plugins: [suggestionPlugin(base), history(), deletionSpacingPlugin()],
  });
}

/** Applies a transaction with what plugins append, as a view's dispatch does. */
function apply(state: EditorState, tr: Transaction): EditorState {
  return state.applyTransaction(tr).state;
}

/** The document position of offset `at` of the text. */
const pos = (at: number) => at + 1;

describe('the deletion spacing plugin', () => {
  it('leaves one space where a deleted word stood between two', () => {
    const state = stateOf();
    const at = TEXT.indexOf('legislation');
    const next = apply(state, state.tr.delete(pos(at), pos(at + 'legislation'.length)));
    expect(docText(next.doc)).toBe(TEXT.replace('legislation ', ''));
  });

  it('leaves no space at the start of the paragraph when its first word is deleted', () => {
    const state = stateOf();
    const next = apply(state, state.tr.delete(pos(0), pos('reviews'.length)));
    expect(docText(next.doc)).toBe(TEXT.replace('reviews ', ''));
  });

  it('is undone with the deletion, in one step', () => {
    let state = stateOf();
    const at = TEXT.indexOf('legislation');
    state = apply(state, state.tr.delete(pos(at), pos(at + 'legislation'.length)));
    let undone: EditorState | null = null;
    undo(state, (tr) => {
      undone = apply(state, tr);
    });
    expect(docText(undone!.doc)).toBe(TEXT);
  });

  it('leaves typed spaces alone, and spaces the delegate did not delete next to', () => {
    let state = stateOf();
    const at = TEXT.indexOf(' legislation');
    state = apply(state, state.tr.insertText(' ', pos(at)));
    expect(docText(state.doc)).toBe(TEXT.replace(' legislation', '  legislation'));
    const end = docText(state.doc).indexOf('coordination');
    state = apply(state, state.tr.delete(pos(end), pos(end + 'coordination'.length)));
    // The deletion's own place is tidied; the two spaces typed elsewhere stay.
    expect(docText(state.doc)).toBe(
      TEXT.replace(' legislation', '  legislation').replace('coordination ', ''),
    );
  });
});

describe('the deletion spacing plugin, at punctuation', () => {
  it('leaves no space before the full stop when the last word is deleted', () => {
    const state = stateOf();
    const at = TEXT.indexOf('mechanisms');
    const next = apply(state, state.tr.delete(pos(at), pos(at + 'mechanisms'.length)));
    expect(docText(next.doc)).toBe(TEXT.replace(' mechanisms', ''));
  });
});
