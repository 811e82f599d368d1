/** The caller's visits of a negotiation over HTTP (PROTOCOL.md, "Visits"). */
import * as z from 'zod/mini';
import { PARAGRAPH_STATUSES } from '../../shared/proposals.js';
import type { Visit } from '../../shared/visits.js';
import { negotiationApiPath, sendJson } from '../api.js';

const VisitSchema = z.object({
  at: z.string(),
  seen: z.object({
    paragraphs: z.array(z.object({ pid: z.string(), label: z.string(), text: z.string() })),
    statuses: z.record(z.string(), z.enum(PARAGRAPH_STATUSES)),
    proposals: z.record(z.string(), z.string()),
  }),
});

const RecordedSchema = z.object({ at: z.string(), previous: z.nullable(VisitSchema) });

/** Parses a visit kept in the browser; null when it is not one. */
export function parseVisit(value: unknown): Visit | null {
  const parsed = VisitSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Records that the caller looks at the negotiation now; resolves with their visit before. */
export async function recordVisit(negotiationId: string): Promise<Visit | null> {
  return (await sendJson('PUT', negotiationApiPath(negotiationId, 'visit'), {}, RecordedSchema)).previous;
}

/** Records a visit as the page goes away: the request outlives the page (`keepalive`). */
export function recordVisitOnLeave(negotiationId: string): void {
  void fetch(negotiationApiPath(negotiationId, 'visit'), {
    method: 'PUT',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: '{}',
    credentials: 'same-origin',
    keepalive: true,
  }).catch(() => undefined);
}
