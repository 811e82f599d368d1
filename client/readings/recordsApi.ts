/**
 * The tamper evidence of a negotiation's records over HTTP (server/records/, PROTOCOL.md
 * "Tamper evidence"): the full verification, the cheap check of the signed head, and the chain
 * head shown with a record.
 */
import * as z from 'zod/mini';
import { RECORD_PROBLEM_REASONS, type RecordsReport } from '../../shared/records.js';
import { getJson, negotiationApiPath } from '../api.js';

/** The chain head shown with a record and on its printout. */
export const RecordStampSchema = z.object({
  head: z.string(),
  records: z.number(),
  signed: z.boolean(),
  keyId: z.string(),
});

/** What verification answers (`shared/records.ts`). */
export const RecordsReportSchema = z.object({
  ok: z.boolean(),
  scope: z.enum(['full', 'heads']),
  checked: z.number(),
  head: z.string(),
  problems: z.array(
    z.object({
      record: z.enum(['snapshot', 'reading', 'audit', 'head']),
      seq: z.nullable(z.number()),
      snapshotId: z.nullable(z.string()),
      reason: z.enum(RECORD_PROBLEM_REASONS),
    }),
  ),
  snapshots: z.array(z.object({ seq: z.number(), id: z.string(), hash: z.string() })),
  audit: z.object({
    count: z.number(),
    head: z.string(),
    at: z.nullable(z.object({ position: z.number(), hash: z.nullable(z.string()) })),
  }),
  signature: z.object({
    status: z.enum(['valid', 'invalid', 'other-key', 'missing']),
    algorithm: z.literal('Ed25519'),
    publicKey: z.string(),
    keyId: z.string(),
    signedAt: z.nullable(z.string()),
    origin: z.nullable(z.object({ kind: z.enum(['new', 'first-use', 'resealed']), at: z.string() })),
    legacySnapshots: z.number(),
  }),
}) satisfies z.ZodMiniType<RecordsReport>;

const query = (auditAt: number | undefined) =>
  auditAt ? `?${new URLSearchParams({ auditAt: String(auditAt) })}` : '';

/** Recomputes every hash of the negotiation's records on the server; `auditAt` asks for that audit entry's hash. */
export function verifyRecords(negotiationId: string, auditAt?: number): Promise<RecordsReport> {
  return getJson(`${negotiationApiPath(negotiationId, 'verify')}${query(auditAt)}`, RecordsReportSchema);
}

/** The signed head against the ends of the chains (cheap; asked on every page). */
export function fetchRecordHeads(
  negotiationId: string,
  auditAt?: number,
  signal?: AbortSignal,
): Promise<RecordsReport> {
  return getJson(
    `${negotiationApiPath(negotiationId, 'records', 'heads')}${query(auditAt)}`,
    RecordsReportSchema,
    signal,
  );
}
