/**
 * The hash chain of snapshots: each snapshot's SHA-256 covers its canonical JSON, the hash of its
 * exact Yjs state, the previous snapshot's hash and (format 2) everything else the record says:
 * its id, place, kind, label, time, author and, for a closed reading, the reading's closure (who
 * opened and closed it, when, on which revision, with which deadline). Changing any of these,
 * or removing or reordering a snapshot, shows when the chain is verified.
 *
 * Format 1, used before labels and authors were covered, hashes the content only; such
 * snapshots are vouched for by the legacy digest of the head signed when the database was first
 * opened with signing (server/records/).
 */
import { canonicalJson } from '../../shared/snapshot.js';
import { GENESIS_HASH, sha256 } from '../records/hashing.js';
import type { ReadingRecord, SnapshotRecord } from '../storage/records.js';

export { GENESIS_HASH };

/** The snapshot hash format new snapshots are written with. */
export const SNAPSHOT_HASH_FORMAT = 2;

/** What a closing snapshot's hash says about its reading. */
export interface ReadingClosure {
  readingId: string;
  number: number;
  revisionId: string;
  openedAt: string;
  openedBy: string;
  deadline: string;
  closedAt: string | null;
  closedBy: string | null;
}

/** The closure of a reading as recorded in its row. */
export function closureOf(r: ReadingRecord): ReadingClosure {
  return {
    readingId: r.id,
    number: r.number,
    revisionId: r.revisionId,
    openedAt: r.openedAt,
    openedBy: r.openedBy,
    deadline: r.deadline,
    closedAt: r.closedAt,
    closedBy: r.closedBy,
  };
}

/** The hash of a format-1 snapshot given the previous one's: its content only. */
export function snapshotHash(prevHash: string, canonical: string, yjsState: Uint8Array): string {
  return sha256(`${prevHash}\n${sha256(yjsState)}\n${canonical}`);
}

/** The fields of a snapshot its format-2 hash covers. */
export type HashedSnapshot = Pick<
  SnapshotRecord,
  | 'id'
  | 'negotiationId'
  | 'seq'
  | 'kind'
  | 'label'
  | 'takenAt'
  | 'takenBy'
  | 'canonical'
  | 'yjsState'
  | 'prevHash'
>;

/** The hash of a format-2 snapshot: the record's every field, and its reading's closure if it closed one. */
export function snapshotHashV2(s: HashedSnapshot, closure: ReadingClosure | null): string {
  const record = {
    id: s.id,
    negotiationId: s.negotiationId,
    seq: s.seq,
    kind: s.kind,
    label: s.label,
    takenAt: s.takenAt,
    takenBy: s.takenBy,
    closure,
  };
  return sha256(
    `snapshot-v2\n${s.prevHash}\n${sha256(s.yjsState)}\n${canonicalJson(record)}\n${s.canonical}`,
  );
}

/**
 * The digest of the snapshots written with format 1, as signed once when signing began: their
 * labels, authors, times and closures, which their own hashes do not cover.
 */
export function legacyDigest(
  snapshots: readonly SnapshotRecord[],
  closures: ReadonlyMap<string, ReadingClosure>,
) {
  const rows = snapshots.map((s) => ({
    id: s.id,
    seq: s.seq,
    kind: s.kind,
    label: s.label,
    takenAt: s.takenAt,
    takenBy: s.takenBy,
    hash: s.hash,
    closure: closures.get(s.id) ?? null,
  }));
  return sha256(`legacy-v1\n${canonicalJson(rows)}`);
}

/** Closures of the closed readings by the id of their closing snapshot. */
export function closuresBySnapshot(readings: readonly ReadingRecord[]): Map<string, ReadingClosure> {
  const out = new Map<string, ReadingClosure>();
  for (const r of readings) if (r.snapshotId) out.set(r.snapshotId, closureOf(r));
  return out;
}

/** What is wrong with one snapshot. */
export type SnapshotProblemReason =
  | 'content-altered'
  | 'chain-broken'
  | 'sequence-gap'
  | 'format-downgraded'
  | 'closure-missing';

/** One problem found by `verifyChain`. */
export interface ChainProblem {
  seq: number;
  snapshotId: string;
  reason: SnapshotProblemReason;
}

/** The result of verifying a negotiation's chain of snapshots. */
export interface ChainReport {
  ok: boolean;
  checked: number;
  /** Hash of the last snapshot (the head of the chain). */
  head: string;
  problems: ChainProblem[];
}

/**
 * Recomputes every hash of a chain (snapshots in `seq` order) and reports any tampering.
 * `readings` are the negotiation's readings (their closures are inside closing snapshots'
 * hashes); the first `legacy` snapshots may use format 1, later ones must not.
 */
export function verifyChain(
  snapshots: readonly SnapshotRecord[],
  readings: readonly ReadingRecord[] = [],
  legacy = 0,
): ChainReport {
  const problems: ChainProblem[] = [];
  const closures = closuresBySnapshot(readings);
  const problem = (s: SnapshotRecord, reason: SnapshotProblemReason) =>
    problems.push({ seq: s.seq, snapshotId: s.id, reason });
  let prev = GENESIS_HASH;
  snapshots.forEach((s, i) => {
    if (s.seq !== i + 1) problem(s, 'sequence-gap');
    if (s.prevHash !== prev) problem(s, 'chain-broken');
    const closure = closures.get(s.id) ?? null;
    if (s.kind === 'reading' && !closure) problem(s, 'closure-missing');
    if (s.hashFormat === 1) {
      if (s.seq > legacy) problem(s, 'format-downgraded');
      if (snapshotHash(s.prevHash, s.canonical, s.yjsState) !== s.hash) problem(s, 'content-altered');
    } else if (snapshotHashV2(s, closure) !== s.hash) problem(s, 'content-altered');
    prev = s.hash;
  });
  return { ok: problems.length === 0, checked: snapshots.length, head: prev, problems };
}
