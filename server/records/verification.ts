/**
 * Verifying a negotiation's records: recomputes the chain of snapshots (with the closures of
 * its readings) and the audit chain, checks the stored head's signature against the server's
 * key, and that the head covers exactly the records there are. What it cannot see (the whole
 * history rolled back to an older signed head, or re-signed with another key) is what each
 * browser's memory of the heads catches (client/readings/recordsMemory.ts).
 */
import type { RecordProblem, RecordsReport } from '../../shared/records.js';
import { closuresBySnapshot, GENESIS_HASH, legacyDigest, verifyChain } from '../readings/hashChain.js';
import type { ReadingRecord, SnapshotRecord } from '../storage/records.js';
import type { AuditChainRecord, ChainEnd, StoredHead } from '../storage/storage.js';
import { verifyAuditChain } from './auditChain.js';
import { checkHead } from './chainHead.js';
import type { SigningKey } from './signingKey.js';

/** What verification reads. */
export interface VerifyInput {
  chain: string;
  key: SigningKey;
  snapshots: readonly SnapshotRecord[];
  readings: readonly ReadingRecord[];
  audit: readonly AuditChainRecord[];
  stored: StoredHead | undefined;
  /** A position in the audit chain whose hash the answer should give. */
  auditAt?: number | undefined;
}

/** Problems of records beyond, or missing from, what the signed head names. */
function coverage(
  record: 'snapshot' | 'audit',
  signed: ChainEnd,
  rows: readonly { seq: number; id: string | null; hash: string }[],
): RecordProblem[] {
  const atSigned = signed.count === 0 ? GENESIS_HASH : rows.find((r) => r.seq === signed.count)?.hash;
  if (atSigned !== signed.hash)
    return [{ record, seq: signed.count, snapshotId: null, reason: 'signed-head-differs' }];
  const unsigned = rows.find((r) => r.seq > signed.count);
  return unsigned ? [{ record, seq: unsigned.seq, snapshotId: unsigned.id, reason: 'unsigned-records' }] : [];
}

/** Verifies one negotiation's records. */
export function verifyRecords(input: VerifyInput): RecordsReport {
  const { key, snapshots, readings, audit } = input;
  const head = checkHead(key, input.stored, input.chain);
  const body = head.status === 'missing' ? null : head.body;
  const legacy = body?.legacy ?? null;
  const problems: RecordProblem[] = [];

  // The signed head.
  const hasRecords = snapshots.length > 0 || audit.length > 0;
  if (head.status === 'missing' && hasRecords) problems.push(headProblem('unsigned'));
  if (head.status === 'invalid') problems.push(headProblem('signature-invalid'));
  if (head.status === 'other-key') problems.push(headProblem('other-key'));

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
  const auditRows = audit.map((e) => ({ seq: e.position, id: null, hash: e.hash }));

  // Does the signed head cover exactly the records there are?
  if (head.status === 'valid' || head.status === 'other-key') {
    problems.push(...coverage('snapshot', head.body.snapshots, snapshots));
    problems.push(...coverage('audit', head.body.audit, auditRows));
  }

  const last = audit.at(-1);
  const at =
    input.auditAt === undefined
      ? null
      : { position: input.auditAt, hash: audit.find((e) => e.position === input.auditAt)?.hash ?? null };
  return {
    ok: problems.length === 0,
    checked: snapshots.length,
    head: chain.head,
    problems,
    snapshots: snapshots.map((s) => ({ seq: s.seq, id: s.id, hash: s.hash })),
    audit: { count: last?.position ?? 0, head: last?.hash ?? GENESIS_HASH, at },
    signature: {
      status: head.status,
      algorithm: 'Ed25519',
      publicKey: key.publicKey,
      keyId: key.keyId,
      signedAt: body?.signedAt ?? null,
      origin: body?.origin ?? null,
      legacySnapshots: legacy?.snapshots ?? 0,
    },
  };
}

function headProblem(reason: RecordProblem['reason']): RecordProblem {
  return { record: 'head', seq: null, snapshotId: null, reason };
}
