/** The audit log of a negotiation over HTTP (co-facilitators and administrators only). */
import * as z from 'zod/mini';
import { getJson, negotiationApiPath } from '../api.js';

const EntrySchema = z.object({
  seq: z.number(),
  at: z.string(),
  personName: z.nullable(z.string()),
  delegation: z.nullable(z.string()),
  action: z.string(),
  detail: z.record(z.string(), z.unknown()),
});

/** One recorded action. */
export type AuditEntry = z.infer<typeof EntrySchema>;

const AuditSchema = z.object({ entries: z.array(EntrySchema) });

/** The negotiation's audit log, newest first. */
export async function fetchAudit(negotiationId: string, signal?: AbortSignal): Promise<AuditEntry[]> {
  return (await getJson(negotiationApiPath(negotiationId, 'audit'), AuditSchema, signal)).entries;
}
