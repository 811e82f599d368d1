/**
 * The hash chain of snapshots: each snapshot's SHA-256 covers its canonical JSON, the hash of its
 * exact Yjs state, and the previous snapshot's hash, so that changing any record, or removing or
 * reordering one, shows when the chain is verified.
 */
import { createHash } from 'node:crypto';
import type { SnapshotRecord } from '../storage/records.js';

/** The `prevHash` of a negotiation's first snapshot. */
export const GENESIS_HASH = '0'.repeat(64);

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The hash of a snapshot given the previous one's. */
export function snapshotHash(prevHash: string, canonical: string, yjsState: Uint8Array): string {
  return sha256(`${prevHash}\n${sha256(yjsState)}\n${canonical}`);
}

/** One problem found by `verifyChain`. */
export interface ChainProblem {
  seq: number;
  snapshotId: string;
  reason: 'content-altered' | 'chain-broken' | 'sequence-gap';
}

/** The result of verifying a negotiation's chain. */
export interface ChainReport {
  ok: boolean;
  checked: number;
  /** Hash of the last snapshot (the head of the chain). */
  head: string;
  problems: ChainProblem[];
}

/** Recomputes every hash of a chain (snapshots in `seq` order) and reports any tampering. */
export function verifyChain(snapshots: readonly SnapshotRecord[]): ChainReport {
  const problems: ChainProblem[] = [];
  let prev = GENESIS_HASH;
  snapshots.forEach((s, i) => {
    if (s.seq !== i + 1) problems.push({ seq: s.seq, snapshotId: s.id, reason: 'sequence-gap' });
    if (s.prevHash !== prev) problems.push({ seq: s.seq, snapshotId: s.id, reason: 'chain-broken' });
    if (snapshotHash(s.prevHash, s.canonical, s.yjsState) !== s.hash) {
      problems.push({ seq: s.seq, snapshotId: s.id, reason: 'content-altered' });
    }
    prev = s.hash;
  });
  return { ok: problems.length === 0, checked: snapshots.length, head: prev, problems };
}
