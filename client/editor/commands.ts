/**
 * Editing commands of the draft: changing what kind of block a paragraph is, splitting
 * paragraphs the way drafters expect, and inline formatting. Plain ProseMirror commands.
 */
import { splitBlockAs, toggleMark } from 'prosemirror-commands';
import type { MarkType, NodeType, ResolvedPos } from 'prosemirror-model';
import type { Command, EditorState } from 'prosemirror-state';
import { isParagraphType, schema } from '../../shared/schema.js';

/** The kinds of block the toolbar can turn a block into. */
export type BlockKind = 'section' | 'preambular' | 'operative';

/** Node type of each block kind. */
export const BLOCK_TYPES: Record<BlockKind, NodeType> = {
  section: schema.nodes.section!,
  preambular: schema.nodes.preambular!,
  operative: schema.nodes.operative!,
};

/** Top-level blocks touched by the selection, except the title (which must stay the title). */
function selectedBlocks(state: EditorState): { pos: number; type: NodeType }[] {
  const { from, to } = state.selection;
  const blocks: { pos: number; type: NodeType }[] = [];
  state.doc.nodesBetween(from, to, (node, pos) => {
    if (node.isTextblock && node.type !== schema.nodes.title) blocks.push({ pos, type: node.type });
    return false;
  });
  return blocks;
}

/**
 * Turns the selected blocks into `kind`. Attributes are kept, so a paragraph keeps its id when
 * it changes between preambular and operative; a heading becoming a paragraph gets a new id from
 * the paragraph id plugin.
 */
export function setBlockKind(kind: BlockKind): Command {
  const type = BLOCK_TYPES[kind];
  return (state, dispatch) => {
    const blocks = selectedBlocks(state).filter((block) => block.type !== type);
    if (blocks.length === 0) return false;
    if (dispatch) {
      const tr = state.tr;
      for (const { pos } of blocks) {
        const node = tr.doc.nodeAt(pos);
        if (node) tr.setNodeMarkup(pos, type, node.attrs);
      }
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}

/** The kind of the block holding the selection's start, or null in the title. */
export function blockKindAt(state: EditorState): BlockKind | null {
  const name = state.selection.$from.node(1)?.type.name;
  return name === 'section' || name === 'preambular' || name === 'operative' ? name : null;
}

/** The paragraph kind that should follow a heading: that of the next paragraph, else the previous. */
function paragraphTypeAfterHeading($from: ResolvedPos): NodeType {
  const doc = $from.doc;
  const index = $from.index(0);
  for (let i = index + 1; i < doc.childCount; i++) {
    const type = doc.child(i).type;
    if (isParagraphType(type.name)) return type;
  }
  for (let i = index - 1; i >= 0; i--) {
    const type = doc.child(i).type;
    if (isParagraphType(type.name)) return type;
  }
  return BLOCK_TYPES.preambular;
}

const splitKeepingKind = splitBlockAs((node, atEnd, $from) => {
  // A new paragraph continues the same kind and gets its own id from the paragraph id plugin.
  if (isParagraphType(node.type.name)) return { type: node.type, attrs: { pid: '' } };
  if (node.type === schema.nodes.title || atEnd) return { type: paragraphTypeAfterHeading($from) };
  return null;
});

/**
 * Enter: splits the block. A paragraph continues as the same kind; after a heading comes a
 * paragraph. At the very start of a paragraph, an empty paragraph is inserted before it, so that
 * the text keeps its id (and number) instead of moving into a new paragraph.
 */
export const splitParagraph: Command = (state, dispatch) => {
  const { $from, empty } = state.selection;
  const parent = $from.parent;
  if (empty && $from.depth === 1 && isParagraphType(parent.type.name) && $from.parentOffset === 0) {
    if (parent.content.size > 0) {
      if (dispatch) dispatch(state.tr.insert($from.before(), parent.type.create()).scrollIntoView());
      return true;
    }
  }
  return splitKeepingKind(state, dispatch);
};

/** True when `type` is active at the cursor or anywhere in the selection. */
export function isMarkActive(state: EditorState, type: MarkType): boolean {
  const { from, to, empty, $from } = state.selection;
  if (empty) return type.isInSet(state.storedMarks ?? $from.marks()) !== undefined;
  return state.doc.rangeHasMark(from, to, type);
}

/** Toggles italic. */
export const toggleItalic: Command = toggleMark(schema.marks.em!);
/** Toggles bold. */
export const toggleBold: Command = toggleMark(schema.marks.strong!);
