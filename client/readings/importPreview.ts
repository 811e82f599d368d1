/** The imported document as the preview shows it: its blocks in order with the numbers they will get. */
import type { ImportResult } from './readingsApi.js';

/** A block of the preview. */
export interface PreviewBlock {
  type: 'title' | 'section' | 'preambular' | 'operative';
  /** PP1, OP3 … for paragraphs, null for headings. */
  label: string | null;
  text: string;
}

const TYPES = new Set(['title', 'section', 'preambular', 'operative']);

/** The blocks of an imported document, numbered as the draft will number them. */
export function previewBlocks(doc: ImportResult['doc']): PreviewBlock[] {
  const counters = { preambular: 0, operative: 0 };
  const out: PreviewBlock[] = [];
  for (const block of doc.content) {
    if (!TYPES.has(block.type)) continue;
    const type = block.type as PreviewBlock['type'];
    const text = (block.content ?? []).map((c) => c.text ?? '').join('');
    let label: string | null = null;
    if (type === 'preambular' || type === 'operative') {
      counters[type]++;
      label = `${type === 'preambular' ? 'PP' : 'OP'}${counters[type]}`;
    }
    out.push({ type, label, text });
  }
  return out;
}
