/**
 * The numbering basis of a negotiation: the paragraph labels of its latest circulated revision
 * (`shared/numbering.ts`), read from that revision's canonical snapshot. A revision never
 * changes, so each is parsed once and kept by id.
 */
import type { NumberingBasis } from '../../shared/numbering.js';
import { type CanonicalSnapshot, snapshotParagraphs } from '../../shared/snapshot.js';
import type { SnapshotRecord } from '../storage/records.js';
import type { Storage } from '../storage/storage.js';

/** Revisions whose basis is kept in memory (a few per negotiation at most). */
const KEPT = 64;
const parsed = new Map<string, NumberingBasis>();

/** The labels of a revision snapshot by paragraph id. */
export function basisOfRevision(s: Pick<SnapshotRecord, 'id' | 'canonical'>): NumberingBasis {
  const known = parsed.get(s.id);
  if (known) return known;
  const canonical = JSON.parse(s.canonical) as CanonicalSnapshot;
  const basis = new Map(snapshotParagraphs(canonical).map((b) => [b.pid, b.label]));
  if (parsed.size >= KEPT) parsed.delete(parsed.keys().next().value!);
  parsed.set(s.id, basis);
  return basis;
}

/** The latest circulated revision among a negotiation's snapshots (in `seq` order), if any. */
export function latestRevision(snapshots: readonly SnapshotRecord[]): SnapshotRecord | undefined {
  return snapshots.filter((s) => s.kind === 'revision').at(-1);
}

/** The numbering basis of a negotiation now: empty before its first revision is circulated. */
export async function numberingBasis(storage: Storage, negotiationId: string): Promise<NumberingBasis> {
  const revision = latestRevision(await storage.readings.listSnapshots(negotiationId));
  return revision ? basisOfRevision(revision) : new Map();
}
