/** The live text's paragraph numbers over HTTP, for notifications on pages without the text. */
import * as z from 'zod/mini';
import { getJson, negotiationApiPath } from '../api.js';

const ParagraphsSchema = z.object({
  paragraphs: z.array(z.object({ pid: z.string(), kind: z.string(), label: z.string() })),
});

/** Each paragraph's number in the live text, as the reading numbers it (OP16, OP16bis). */
export async function fetchParagraphLabels(negotiationId: string): Promise<ReadonlyMap<string, string>> {
  const { paragraphs } = await getJson(negotiationApiPath(negotiationId, 'paragraphs'), ParagraphsSchema);
  return new Map(paragraphs.map((p) => [p.pid, p.label]));
}
