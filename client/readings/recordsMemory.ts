/**
 * What this browser remembers of a negotiation's records, and how the server's answer compares
 * with it. The server cannot tell when its whole history was rolled back to an older signed
 * head, truncated, or rewritten and signed again with a new key; every browser that saw the
 * history before can: it keeps the signing key, each record's hash and the audit chain's head,
 * and warns when the server's current history does not extend what it saw.
 */
import * as z from 'zod/mini';
import type { RecordsReport } from '../../shared/records.js';

/** A remembered fact and when this browser saw it. */
interface Seen {
  seenAt: string;
}

/** What a browser remembers of one negotiation. */
export interface RecordsMemory {
  format: 1;
  key: Seen & { publicKey: string; keyId: string };
  snapshots: (Seen & { seq: number; id: string; hash: string })[];
  /** The audit chain as last seen: its length and last hash. */
  audit: Seen & { count: number; hash: string };
}

/** One way the server's history differs from what this browser saw. */
export type Disagreement =
  | { kind: 'key-changed'; seenAt: string; was: string; now: string }
  | { kind: 'snapshot-changed'; seenAt: string; seq: number; was: string; now: string }
  | { kind: 'snapshot-missing'; seenAt: string; seq: number; was: string }
  | { kind: 'audit-shorter'; seenAt: string; was: number; now: number }
  | { kind: 'audit-rewritten'; seenAt: string; position: number };

/** The position of the audit chain whose hash to ask the server for: the end of what was seen. */
export function auditPositionToAsk(memory: RecordsMemory | null): number | undefined {
  return memory && memory.audit.count > 0 ? memory.audit.count : undefined;
}

/** Every way `report` differs from `memory` (none without a memory). */
export function compareWithMemory(memory: RecordsMemory | null, report: RecordsReport): Disagreement[] {
  if (!memory) return [];
  const out: Disagreement[] = [];
  if (memory.key.publicKey !== report.signature.publicKey)
    out.push({
      kind: 'key-changed',
      seenAt: memory.key.seenAt,
      was: memory.key.keyId,
      now: report.signature.keyId,
    });
  const now = new Map(report.snapshots.map((s) => [s.seq, s]));
  for (const seen of memory.snapshots) {
    const current = now.get(seen.seq);
    if (!current) out.push({ kind: 'snapshot-missing', seenAt: seen.seenAt, seq: seen.seq, was: seen.hash });
    else if (current.hash !== seen.hash)
      out.push({
        kind: 'snapshot-changed',
        seenAt: seen.seenAt,
        seq: seen.seq,
        was: seen.hash,
        now: current.hash,
      });
  }
  const { audit } = memory;
  if (report.audit.count < audit.count)
    out.push({ kind: 'audit-shorter', seenAt: audit.seenAt, was: audit.count, now: report.audit.count });
  else if (
    audit.count > 0 &&
    report.audit.at?.position === audit.count &&
    report.audit.at.hash !== audit.hash
  )
    out.push({ kind: 'audit-rewritten', seenAt: audit.seenAt, position: audit.count });
  return out;
}

/**
 * The memory after seeing `report`: the new records added, the audit head moved on. Only a
 * report the server found sound and that agrees with the memory is remembered; otherwise the
 * memory stays as it was (so the warning stays until someone decides otherwise).
 */
export function remember(
  memory: RecordsMemory | null,
  report: RecordsReport,
  now: Date,
): RecordsMemory | null {
  if (!report.ok || compareWithMemory(memory, report).length > 0) return memory;
  const at = now.toISOString();
  const seen = new Map((memory?.snapshots ?? []).map((s) => [s.seq, s]));
  return {
    format: 1,
    key:
      memory?.key.publicKey === report.signature.publicKey
        ? memory.key
        : { publicKey: report.signature.publicKey, keyId: report.signature.keyId, seenAt: at },
    snapshots: report.snapshots.map((s) => seen.get(s.seq) ?? { ...s, seenAt: at }),
    audit: { count: report.audit.count, hash: report.audit.head, seenAt: at },
  };
}

/** The latest time at which this browser saw something the server now contradicts. */
export function contradictedSince(disagreements: readonly Disagreement[]): string | null {
  return disagreements.reduce<string | null>(
    (latest, d) => (latest === null || d.seenAt > latest ? d.seenAt : latest),
    null,
  );
}

const Seen = { seenAt: z.string() };
const MemorySchema = z.object({
  format: z.literal(1),
  key: z.object({ ...Seen, publicKey: z.string(), keyId: z.string() }),
  snapshots: z.array(z.object({ ...Seen, seq: z.number(), id: z.string(), hash: z.string() })),
  audit: z.object({ ...Seen, count: z.number(), hash: z.string() }),
});

/** Where a negotiation's memory is kept in `localStorage`. */
export function memoryKey(negotiationId: string): string {
  return `negotiated-texts.records.${negotiationId}`;
}

/** The memory kept for a negotiation, or null (none, or unreadable). */
export function loadMemory(negotiationId: string, store: Storage = localStorage): RecordsMemory | null {
  try {
    const raw = store.getItem(memoryKey(negotiationId));
    if (raw === null) return null;
    const parsed = MemorySchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Keeps the memory of a negotiation (null forgets it). Storage refused (private mode, full): nothing kept. */
export function saveMemory(
  negotiationId: string,
  memory: RecordsMemory | null,
  store: Storage = localStorage,
): void {
  try {
    if (memory) store.setItem(memoryKey(negotiationId), JSON.stringify(memory));
    else store.removeItem(memoryKey(negotiationId));
  } catch {
    // Nothing to remember with: the server's own checks still run.
  }
}
