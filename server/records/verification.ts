/**
 * Verifying a negotiation's records, in two depths:
 * - `checkHeads` reads only the ends of the chains: the stored head's signature against the
 *   server's key, and whether it names exactly the records there are. Cheap; every browser asks
 *   for it on each page to compare with the heads it remembers (client/readings/recordsWatch.ts).
 * - `verifyRecords` also recomputes every hash: the chain of snapshots (with the closures of
 *   their readings), the legacy digest, and the audit chain ("Verify records").
 * Neither can see the whole history rolled back to an older signed head, or re-signed with
 * another key: that is what each browser's memory of the heads catches.
 */
import type { RecordProblem, RecordsReport } from '../../shared/records.js';
import { closuresBySnapshot, GENESIS_HASH, legacyDigest, verifyChain } from '../readings/hashChain.js';
import type { ReadingRecord, SnapshotRecord } from '../storage/records.js';
import type { AuditChainRecord, ChainEnd, StoredHead } from '../storage/storage.js';
import { verifyAuditChain } from './auditChain.js';
import { checkHead, type HeadCheck } from './chainHead.js';
import type { SigningKey } from './signingKey.js';

/** A snapshot's place and hash. */
export interface SnapshotLink {
  seq: number;
  id: string;
  hash: string;
}

/** What `checkHeads` reads: the ends of the chains and a few hashes at given places. */
export interface HeadsInput {
  chain: string;
  key: SigningKey;
  stored: StoredHead | undefined;
  snapshots: readonly SnapshotLink[];
  audit: ChainEnd;
  /** Hashes of audit entries by position (at least at the signed head's count and at `auditAt`). */
  auditHashes: ReadonlyMap<number, string>;
  /** A position in the audit chain whose hash the answer should give. */
  auditAt?: number | undefined;
}

/** What `verifyRecords` reads: every record. */
export interface VerifyInput {
  chain: string;
  key: SigningKey;
  snapshots: readonly SnapshotRecord[];
  readings: readonly ReadingRecord[];
  audit: readonly AuditChainRecord[];
  stored: StoredHead | undefined;
  auditAt?: number | undefined;
}

/** Problems of records beyond, or missing from, what the signed head names. */
function coverage(
  record: 'snapshot' | 'audit',
  signed: ChainEnd,
  hashAtSigned: string | undefined,
  now: ChainEnd,
  firstUnsignedId: string | null,
): RecordProblem[] {
  const atSigned = signed.count === 0 ? GENESIS_HASH : hashAtSigned;
  if (atSigned !== signed.hash)
    return [{ record, seq: signed.count, snapshotId: null, reason: 'signed-head-differs' }];
  if (now.count > signed.count)
    return [{ record, seq: signed.count + 1, snapshotId: firstUnsignedId, reason: 'unsigned-records' }];
  return [];
}

const headProblem = (reason: RecordProblem['reason']): RecordProblem => ({
  record: 'head',
  seq: null,
  snapshotId: null,
  reason,
});

/** The signature's problems and whether the head covers the records, with the report's answer fields. */
function headsReport(input: HeadsInput, head: HeadCheck, hasRecords: boolean): RecordsReport {
  const { snapshots, audit, auditHashes } = input;
  const problems: RecordProblem[] = [];
  if (head.status === 'missing' && hasRecords) problems.push(headProblem('unsigned'));
  if (head.status === 'invalid') problems.push(headProblem('signature-invalid'));
  if (head.status === 'other-key') problems.push(headProblem('other-key'));
  if (head.status === 'valid' || head.status === 'other-key') {
    const signed = head.body.snapshots;
    const last = snapshots.at(-1);
    problems.push(
      ...coverage(
        'snapshot',
        signed,
        snapshots.find((s) => s.seq === signed.count)?.hash,
        { count: last?.seq ?? 0, hash: last?.hash ?? GENESIS_HASH },
        snapshots.find((s) => s.seq > signed.count)?.id ?? null,
      ),
      ...coverage('audit', head.body.audit, auditHashes.get(head.body.audit.count), audit, null),
    );
  }
  const body = head.status === 'missing' ? null : head.body;
  return {
    ok: problems.length === 0,
    scope: 'heads',
    checked: 0,
    head: snapshots.at(-1)?.hash ?? GENESIS_HASH,
    problems,
    snapshots: snapshots.map((s) => ({ seq: s.seq, id: s.id, hash: s.hash })),
    audit: {
      count: audit.count,
      head: audit.hash,
      at:
        input.auditAt === undefined
          ? null
          : { position: input.auditAt, hash: auditHashes.get(input.auditAt) ?? null },
    },
    signature: {
      status: head.status,
      algorithm: 'Ed25519',
      publicKey: input.key.publicKey,
      keyId: input.key.keyId,
      signedAt: body?.signedAt ?? null,
      origin: body?.origin ?? null,
      legacySnapshots: body?.legacy?.snapshots ?? 0,
    },
  };
}

/** Checks the signed head of a negotiation's chains against the records' ends. */
export function checkHeads(input: HeadsInput): RecordsReport {
  const head = checkHead(input.key, input.stored, input.chain);
  return headsReport(input, head, input.snapshots.length > 0 || input.audit.count > 0);
}

/** Verifies every record of a negotiation, and its signed head. */
export function verifyRecords(input: VerifyInput): RecordsReport {
  const { key, snapshots, readings, audit } = input;
  const head = checkHead(key, input.stored, input.chain);
  const legacy = head.status === 'missing' ? null : (head.body?.legacy ?? null);
  const problems: RecordProblem[] = [];

  // The snapshots, with the closures of their readings.
  const chain = verifyChain(snapshots, readings, legacy?.snapshots ?? 0);
  for (const p of chain.problems) problems.push({ record: 'snapshot', ...p });
  const bySnapshot = new Map(snapshots.map((s) => [s.id, s]));
  for (const r of readings) {
    if (r.closedAt === null) continue;
    const closing = r.snapshotId ? bySnapshot.get(r.snapshotId) : undefined;
    if (closing?.kind !== 'reading')
      problems.push({
        record: 'reading',
        seq: r.number,
        snapshotId: r.snapshotId,
        reason: 'closure-missing',
      });
  }
  if (
    legacy &&
    legacyDigest(snapshots.slice(0, legacy.snapshots), closuresBySnapshot(readings)) !== legacy.digest
  )
    problems.push(headProblem('legacy-altered'));

  // The audit chain.
  for (const p of verifyAuditChain(audit))
    problems.push({ record: 'audit', seq: p.position, snapshotId: null, reason: p.reason });

  // The signed head, and whether it covers exactly the records there are.
  const last = audit.at(-1);
  const heads = headsReport(
    {
      chain: input.chain,
      key,
      stored: input.stored,
      snapshots,
      audit: { count: last?.position ?? 0, hash: last?.hash ?? GENESIS_HASH },
      auditHashes: new Map(audit.map((e) => [e.position, e.hash])),
      auditAt: input.auditAt,
    },
    head,
    snapshots.length > 0 || audit.length > 0,
  );
  const all = [
    ...heads.problems.filter((p) => p.record === 'head'),
    ...problems,
    ...heads.problems.filter((p) => p.record !== 'head'),
  ];
  return {
    ...heads,
    ok: all.length === 0,
    scope: 'full',
    checked: snapshots.length,
    head: chain.head,
    problems: all,
  };
}
