import { splitBlock } from 'prosemirror-commands';
import type { Node } from 'prosemirror-model';
import { EditorState, TextSelection } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { ySyncPluginKey } from 'y-prosemirror';
import { schema } from '../../shared/schema.js';
import { splitParagraph } from './commands.js';
import { assignParagraphIds, paragraphIdPlugin, paragraphsNeedingId } from './pids.js';

const title = (text: string) => schema.nodes.title!.create(null, text ? schema.text(text) : null);
const pp = (pid: string, text: string) =>
  schema.nodes.preambular!.create({ pid }, text ? schema.text(text) : null);
const op = (pid: string, text: string) =>
  schema.nodes.operative!.create({ pid }, text ? schema.text(text) : null);
const doc = (...blocks: Node[]) => schema.nodes.doc!.create(null, blocks);

function counter(): () => string {
  let n = 0;
  return () => `new${++n}`;
}

/** A state with the id plugin and the cursor at `pos`. */
function stateAt(d: Node, pos: number): EditorState {
  const state = EditorState.create({ schema, doc: d, plugins: [paragraphIdPlugin(counter())] });
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, pos)));
}

function run(state: EditorState, command: typeof splitBlock): EditorState {
  let next = state;
  command(state, (tr) => {
    next = state.applyTransaction(tr).state;
  });
  return next;
}

const pids = (d: Node) => {
  const out: string[] = [];
  d.forEach((child) => {
    if (child.type.name !== 'title' && child.type.name !== 'section') out.push(String(child.attrs.pid));
  });
  return out;
};

describe('paragraphsNeedingId', () => {
  it('finds empty and repeated ids, keeping the first occurrence', () => {
    const d = doc(title('T'), pp('a', 'x'), op('', 'y'), op('a', 'z'));
    const positions = paragraphsNeedingId(d);
    expect(positions.map((pos) => d.nodeAt(pos)?.textContent)).toEqual(['y', 'z']);
  });

  it('returns nothing for a well-formed document', () => {
    expect(paragraphsNeedingId(doc(title('T'), pp('a', 'x'), op('b', 'y')))).toEqual([]);
  });
});

describe('assignParagraphIds', () => {
  it('gives fresh ids and leaves good ones alone', () => {
    const state = EditorState.create({
      schema,
      doc: doc(title('T'), pp('a', 'x'), op('a', 'y'), op('', 'z')),
    });
    const tr = assignParagraphIds(state, counter());
    expect(tr && pids(tr.doc)).toEqual(['a', 'new1', 'new2']);
  });

  it('returns null when nothing needs an id', () => {
    const state = EditorState.create({ schema, doc: doc(title('T'), pp('a', 'x')) });
    expect(assignParagraphIds(state, counter())).toBeNull();
  });
});

describe('paragraphIdPlugin', () => {
  // Positions: title "T" is 0..3, the operative paragraph opens at 3, its text starts at 4.
  const base = doc(title('T'), op('keep', 'Decides to convene'));

  it('keeps the id on the first half of a split and gives the second half a new one', () => {
    const after = run(stateAt(base, 4 + 'Decides'.length), splitBlock);
    expect(after.doc.childCount).toBe(3);
    expect(pids(after.doc)).toEqual(['keep', 'new1']);
    expect(after.doc.child(1).textContent).toBe('Decides');
    expect(after.doc.child(2).textContent).toBe(' to convene');
  });

  it('keeps the id when text is edited', () => {
    const state = stateAt(base, 5);
    const after = state.apply(state.tr.insertText('and '));
    expect(pids(after.doc)).toEqual(['keep']);
    expect(after.doc.child(1).textContent).toBe('Dand ecides to convene');
  });

  it('leaves changes from Yjs alone', () => {
    const state = stateAt(base, 4);
    const tr = state.tr.insert(state.doc.content.size, op('', 'remote')).setMeta(ySyncPluginKey, {
      isChangeOrigin: true,
    });
    expect(pids(state.apply(tr).doc)).toEqual(['keep', '']);
  });
});

describe('splitParagraph (Enter)', () => {
  const base = doc(title('T'), pp('p1', 'Recalling'), op('o1', 'Decides'));

  it('continues a paragraph of the same kind at its end, with a new id', () => {
    const after = run(stateAt(base, 4 + 'Recalling'.length), splitParagraph);
    expect(after.doc.child(2).type.name).toBe('preambular');
    expect(pids(after.doc)).toEqual(['p1', 'new1', 'o1']);
  });

  it('at the start of a paragraph, inserts an empty one before so the text keeps its id', () => {
    const start = 3 + base.child(1).nodeSize + 1;
    const after = run(stateAt(base, start), splitParagraph);
    expect(pids(after.doc)).toEqual(['p1', 'new1', 'o1']);
    expect(after.doc.child(3).textContent).toBe('Decides');
    expect(after.selection.$from.parent.attrs.pid).toBe('o1');
  });

  it('after the title comes a paragraph', () => {
    const after = run(stateAt(base, 2), splitParagraph);
    expect(after.doc.child(1).type.name).toBe('preambular');
    expect(after.doc.child(0).type.name).toBe('title');
  });
});
