import { describe, expect, it } from 'vitest';
import type { SnapshotRecord } from '../storage/records.js';
import { GENESIS_HASH, snapshotHash, verifyChain } from './hashChain.js';

function chain(n: number): SnapshotRecord[] {
  const out: SnapshotRecord[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const canonical = JSON.stringify({ label: `Rev.${i}` });
    const yjsState = new Uint8Array([i, i + 1]);
    const hash = snapshotHash(prev, canonical, yjsState);
    out.push({
      id: `s${i}`,
      negotiationId: 'n',
      seq: i,
      kind: 'revision',
      label: `Rev.${i}`,
      takenAt: '',
      takenBy: '',
      yjsState,
      canonical,
      prevHash: prev,
      hash,
    });
    prev = hash;
  }
  return out;
}

describe('hash chain', () => {
  it('verifies an untouched chain', () => {
    const report = verifyChain(chain(3));
    expect(report.ok).toBe(true);
    expect(report.checked).toBe(3);
  });

  it('detects altered canonical text and altered Yjs state', () => {
    const c = chain(3);
    c[1] = { ...c[1]!, canonical: c[1]!.canonical.replace('Rev.2', 'Rev.X') };
    expect(verifyChain(c).problems).toEqual([{ seq: 2, snapshotId: 's2', reason: 'content-altered' }]);
    const d = chain(2);
    d[0] = { ...d[0]!, yjsState: new Uint8Array([9]) };
    expect(verifyChain(d).problems.map((p) => p.reason)).toEqual(['content-altered']);
  });

  it('detects a removed snapshot and a rewritten chain link', () => {
    const c = chain(3);
    c.splice(1, 1);
    expect(verifyChain(c).problems.map((p) => p.reason)).toEqual(['sequence-gap', 'chain-broken']);
    const d = chain(2);
    const forged = snapshotHash(GENESIS_HASH, d[1]!.canonical, d[1]!.yjsState);
    d[1] = { ...d[1]!, prevHash: GENESIS_HASH, hash: forged };
    expect(verifyChain(d).ok).toBe(false);
  });
});
