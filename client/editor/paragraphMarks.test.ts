import type { Node } from 'prosemirror-model';
import { EditorState, TextSelection } from 'prosemirror-state';
import type { Decoration, DecorationSet } from 'prosemirror-view';
import { describe, expect, it } from 'vitest';
import { schema } from '../../shared/schema.js';
import {
  paragraphAtCursor,
  paragraphMarksKey,
  paragraphMarksPlugin,
  setParagraphMarksTr,
} from './paragraphMarks.js';

const title = (text: string) => schema.nodes.title!.create(null, schema.text(text));
const op = (pid: string, text: string) => schema.nodes.operative!.create({ pid }, schema.text(text));
const doc = (...blocks: Node[]) => schema.nodes.doc!.create(null, blocks);

/** The attributes each paragraph is decorated with, by paragraph id. */
function decorated(state: EditorState): Record<string, Record<string, string>> {
  const plugin = state.plugins.find((p) => p.spec.key === paragraphMarksKey)!;
  const set = plugin.props.decorations!.call(plugin, state) as DecorationSet;
  const out: Record<string, Record<string, string>> = {};
  for (const d of set.find() as (Decoration & { type: { attrs: Record<string, string> } })[]) {
    const pid = String(state.doc.nodeAt(d.from)!.attrs.pid);
    const before = out[pid] ?? {};
    const merged = { ...before, ...d.type.attrs };
    if (before.class && d.type.attrs.class) merged.class = `${before.class} ${d.type.attrs.class}`;
    out[pid] = merged;
  }
  return out;
}

describe('paragraph marks', () => {
  const start = () =>
    EditorState.create({
      schema,
      doc: doc(title('Declaration'), op('a', 'We act.'), op('b', 'We meet.'), op('c', 'We review.')),
      plugins: [paragraphMarksPlugin()],
    });

  it('counts open proposals in the margin, marks changes since the last visit and the paragraph at the cursor', () => {
    let state = start();
    expect(decorated(state)).toEqual({});
    state = state.apply(setParagraphMarksTr(state, { counts: new Map([['a', 2]]), since: new Set(['b']) }));
    const at = state.doc.child(0).nodeSize + state.doc.child(1).nodeSize + 2; // inside paragraph b
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, at)));
    expect(paragraphAtCursor(state)).toBe('b');
    expect(decorated(state)).toEqual({
      a: { 'data-proposals': '2', title: '2 open proposals on OP1' },
      b: { class: 'since-visit current-paragraph' },
    });
  });

  it('follows the paragraphs when the text changes, and is never undoable', () => {
    let state = start();
    const tr = setParagraphMarksTr(state, { counts: new Map([['c', 1]]), since: new Set() });
    expect(tr.docChanged).toBe(false);
    expect(tr.getMeta('addToHistory')).toBe(false);
    state = state.apply(tr);
    state = state.apply(state.tr.insertText('Today, ', state.doc.child(0).nodeSize + 1));
    expect(decorated(state).c).toEqual({ 'data-proposals': '1', title: '1 open proposal on OP3' });
    expect(paragraphAtCursor(state)).toBeNull();
  });
});
