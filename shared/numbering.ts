/**
 * Paragraph numbering: PP1, PP2 … for preambular paragraphs and OP1, OP2 … for operative
 * paragraphs, derived from document order and never stored.
 */
import type { Node } from 'prosemirror-model';
import { isParagraphType, type ParagraphKind } from './schema.js';

/** A paragraph as numbering sees it. */
export interface ParagraphRef {
  pid: string;
  kind: ParagraphKind;
}

const PREFIX: Record<ParagraphKind, string> = { preambular: 'PP', operative: 'OP' };

/** Latin ordinal suffixes used for inserted paragraphs: OP3bis, OP3ter, OP3quater … */
export const INSERT_SUFFIXES = [
  'bis',
  'ter',
  'quater',
  'quinquies',
  'sexies',
  'septies',
  'octies',
  'novies',
  'decies',
] as const;

/** Suffix for the n-th paragraph inserted after the same one (n starting at 1). */
export function insertSuffix(n: number): string {
  if (!Number.isInteger(n) || n < 1)
    throw new RangeError(`insert index must be a positive integer, got ${n}`);
  return INSERT_SUFFIXES[n - 1] ?? `(${n + 1})`;
}

/** Labels for the given paragraphs in order, keyed by paragraph id. */
export function numberParagraphs(paragraphs: readonly ParagraphRef[]): Map<string, string> {
  const counters: Record<ParagraphKind, number> = { preambular: 0, operative: 0 };
  const labels = new Map<string, string>();
  for (const p of paragraphs) {
    counters[p.kind] += 1;
    labels.set(p.pid, `${PREFIX[p.kind]}${counters[p.kind]}`);
  }
  return labels;
}

/** The numbered paragraphs of a document in order. */
export function paragraphsOf(doc: Node): ParagraphRef[] {
  const out: ParagraphRef[] = [];
  doc.forEach((child) => {
    if (isParagraphType(child.type.name)) out.push({ pid: String(child.attrs.pid), kind: child.type.name });
  });
  return out;
}
