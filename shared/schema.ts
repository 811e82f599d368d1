/**
 * The ProseMirror schema of a negotiated text: a title, section headings, preambular and
 * operative paragraphs. Pure node specs (no DOM, no React) so that the server, the client and
 * tests load the very same schema.
 */
import { type MarkSpec, type NodeSpec, Schema } from 'prosemirror-model';

/** Node type names of the blocks a paragraph id is attached to. */
export const PARAGRAPH_TYPES = ['preambular', 'operative'] as const;
/** Kind of a numbered paragraph. */
export type ParagraphKind = (typeof PARAGRAPH_TYPES)[number];

/** Name of the Yjs XML fragment that holds the base text inside a negotiation's document. */
export const DRAFT_FRAGMENT = 'draft';

const paragraph = (kind: ParagraphKind): NodeSpec => ({
  group: 'block',
  content: 'inline*',
  attrs: { pid: { default: '' } },
  defining: true,
  parseDOM: [
    {
      tag: `p[data-kind="${kind}"]`,
      getAttrs: (dom) => ({
        pid: (dom as { getAttribute(n: string): string | null }).getAttribute('data-pid') ?? '',
      }),
    },
  ],
  // dir="auto": a paragraph whose first strong letter is Arabic reads right to left.
  toDOM: (node) => [
    'p',
    { class: `para ${kind}`, 'data-kind': kind, 'data-pid': node.attrs.pid, dir: 'auto' },
    0,
  ],
});

const nodes: Record<string, NodeSpec> = {
  doc: { content: 'title block*' },
  title: {
    content: 'inline*',
    defining: true,
    parseDOM: [{ tag: 'h1' }],
    toDOM: () => ['h1', { class: 'doc-title', dir: 'auto' }, 0],
  },
  section: {
    group: 'block',
    content: 'inline*',
    defining: true,
    parseDOM: [{ tag: 'h2' }],
    toDOM: () => ['h2', { class: 'section-heading', dir: 'auto' }, 0],
  },
  preambular: paragraph('preambular'),
  operative: paragraph('operative'),
  text: { group: 'inline' },
};

const marks: Record<string, MarkSpec> = {
  em: { parseDOM: [{ tag: 'i' }, { tag: 'em' }], toDOM: () => ['em', 0] },
  strong: { parseDOM: [{ tag: 'b' }, { tag: 'strong' }], toDOM: () => ['strong', 0] },
};

/** The one schema of negotiated texts. */
export const schema = new Schema({ nodes, marks });

/** True when a node type name is a numbered paragraph (preambular or operative). */
export function isParagraphType(name: string): name is ParagraphKind {
  return (PARAGRAPH_TYPES as readonly string[]).includes(name);
}
