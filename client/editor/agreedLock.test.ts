import type { Node } from 'prosemirror-model';
import { EditorState, TextSelection } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { ySyncPluginKey } from 'y-prosemirror';
import { schema } from '../../shared/schema.js';
import { agreedLockPlugin, changedLockedParagraph } from './agreedLock.js';
import { setBlockKind, splitParagraph, toggleBold } from './commands.js';
import { lockedParagraphAt } from './LockNotice.js';
import { numberDecorations } from './numberDecorations.js';
import { paragraphInfoPlugin, setParagraphInfoTr } from './paragraphInfo.js';

const title = (text: string) => schema.nodes.title!.create(null, schema.text(text));
const op = (pid: string, text: string) =>
  schema.nodes.operative!.create({ pid }, text ? schema.text(text) : null);
const doc = (...blocks: Node[]) => schema.nodes.doc!.create(null, blocks);

const d = doc(title('T'), op('a', 'We commit.'), op('b', 'We decide.'), op('c', 'We agree.'));
/** Start of paragraph `i` (0 = the title) in `d`. */
const start = (i: number) => {
  let pos = 0;
  for (let k = 0; k < i; k++) pos += d.child(k).nodeSize;
  return pos;
};

function lockedState(refused: string[] = []): EditorState {
  const state = EditorState.create({
    schema,
    doc: d,
    plugins: [paragraphInfoPlugin(), agreedLockPlugin((pid) => refused.push(pid))],
  });
  return state.apply(
    setParagraphInfoTr(state, {
      statuses: { b: 'agreed-ad-ref', c: 'deleted' },
      numbering: new Map([
        ['a', 'OP1'],
        ['b', 'OP2'],
        ['c', 'OP3'],
      ]),
    }),
  );
}

describe('changedLockedParagraph', () => {
  const locked = new Set(['b']);
  it('sees words, formatting, kind, removal and moves of a locked paragraph, nothing else', () => {
    const other = doc(title('T'), op('a', 'We commit fully.'), op('b', 'We decide.'), op('c', 'We agree.'));
    expect(changedLockedParagraph(d, other, locked)).toBeNull();
    const added = doc(
      title('T'),
      op('a', 'We commit.'),
      op('b', 'We decide.'),
      op('x', 'New.'),
      op('c', 'We agree.'),
    );
    expect(changedLockedParagraph(d, added, locked)).toBeNull();
    const typed = doc(title('T'), op('a', 'We commit.'), op('b', 'We firmly decide.'), op('c', 'We agree.'));
    expect(changedLockedParagraph(d, typed, locked)).toBe('b');
    const kind = doc(
      title('T'),
      op('a', 'We commit.'),
      schema.nodes.preambular!.create({ pid: 'b' }, schema.text('We decide.')),
      op('c', 'We agree.'),
    );
    expect(changedLockedParagraph(d, kind, locked)).toBe('b');
    expect(
      changedLockedParagraph(d, doc(title('T'), op('a', 'We commit.'), op('c', 'We agree.')), locked),
    ).toBe('b');
    const moved = doc(title('T'), op('b', 'We decide.'), op('a', 'We commit.'), op('c', 'We agree.'));
    expect(changedLockedParagraph(d, moved, locked)).toBe('b');
  });
});

describe('the lock in the editor', () => {
  it('refuses typing, bold, kind changes and joins in an agreed paragraph, and says which', () => {
    const refused: string[] = [];
    const state = lockedState(refused);
    const inB = state.apply(state.tr.setSelection(TextSelection.create(state.doc, start(2) + 3)));
    expect(inB.applyTransaction(inB.tr.insertText('x')).state.doc.eq(d)).toBe(true);
    const wordB = inB.apply(inB.tr.setSelection(TextSelection.create(inB.doc, start(2) + 1, start(2) + 3)));
    toggleBold(wordB, (tr) => expect(wordB.applyTransaction(tr).state.doc.eq(d)).toBe(true));
    setBlockKind('preambular')(inB, (tr) => expect(inB.applyTransaction(tr).state.doc.eq(d)).toBe(true));
    // Backspace at the start of OP3 would join it into OP2.
    const join = state.tr.join(start(3));
    expect(state.applyTransaction(join).state.doc.eq(d)).toBe(true);
    expect(refused).toEqual(['b', 'b', 'b', 'b']);
  });

  it('lets the cofacilitators type elsewhere and add a paragraph after the agreed one', () => {
    const state = lockedState();
    const inA = state.apply(state.tr.setSelection(TextSelection.create(state.doc, start(1) + 3)));
    expect(inA.applyTransaction(inA.tr.insertText('x')).state.doc.eq(d)).toBe(false);
    const endOfB = state.apply(state.tr.setSelection(TextSelection.create(state.doc, start(3) - 1)));
    splitParagraph(endOfB, (tr) => {
      const next = endOfB.applyTransaction(tr).state;
      expect(next.doc.childCount).toBe(5);
      expect(next.doc.child(2).eq(d.child(2))).toBe(true);
    });
  });

  it('lets changes from Yjs through: the server judges those', () => {
    const state = lockedState();
    const tr = state.tr.insertText('x', start(2) + 2).setMeta(ySyncPluginKey, { isChangeOrigin: true });
    expect(state.applyTransaction(tr).state.doc.eq(d)).toBe(false);
  });

  it('names the agreed paragraph under the cursor, numbered as in the reading', () => {
    const state = lockedState();
    const inB = state.apply(state.tr.setSelection(TextSelection.create(state.doc, start(2) + 3)));
    expect(lockedParagraphAt(inB)).toEqual({ pid: 'b', label: 'OP2' });
    const inA = state.apply(state.tr.setSelection(TextSelection.create(state.doc, start(1) + 3)));
    expect(lockedParagraphAt(inA)).toBeNull();
  });
});

describe('number decorations', () => {
  it('carry the reading number and the status of each paragraph', () => {
    const x = doc(title('T'), op('a', 'A.'), op('x', 'New.'), op('b', 'B.'));
    const set = numberDecorations(x, {
      statuses: { b: 'agreed-ad-ref' },
      numbering: new Map([
        ['a', 'OP1'],
        ['b', 'OP2'],
      ]),
    });
    const attrs = set
      .find()
      .map((deco) => (deco as unknown as { type: { attrs: Record<string, string> } }).type.attrs);
    expect(attrs.map((a) => a['data-number'])).toEqual(['OP1', 'OP1bis', 'OP2']);
    expect(attrs[2]).toMatchObject({ 'data-status': 'agreed-ad-ref', 'data-status-label': 'Agreed ad ref.' });
    expect(attrs[0]!['data-status']).toBeUndefined();
  });
});
