import { describe, expect, it } from 'vitest';
import type { ReadingRecord, SnapshotRecord } from '../storage/records.js';
import {
  closureOf,
  GENESIS_HASH,
  type HashedSnapshot,
  snapshotHash,
  snapshotHashV2,
  verifyChain,
} from './hashChain.js';

/** A chain of `n` snapshots, every third a reading's closure; the first `legacy` in format 1. */
function chain(n: number, legacy = 0): { snapshots: SnapshotRecord[]; readings: ReadingRecord[] } {
  const snapshots: SnapshotRecord[] = [];
  const readings: ReadingRecord[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const kind = i % 3 === 0 ? 'reading' : 'revision';
    const canonical = JSON.stringify({ label: `Rev.${i}` });
    const base: HashedSnapshot = {
      id: `s${i}`,
      negotiationId: 'n',
      seq: i,
      kind,
      label: `Rev.${i}`,
      takenAt: `2022-03-${String(i).padStart(2, '0')}T10:00:00.000Z`,
      takenBy: 'p1',
      yjsState: new Uint8Array([i, i + 1]),
      canonical,
      prevHash: prev,
    };
    let closure = null;
    if (kind === 'reading') {
      const reading: ReadingRecord = {
        id: `r${i}`,
        negotiationId: 'n',
        number: readings.length + 1,
        revisionId: `s${i - 1}`,
        openedAt: '2022-03-01T00:00:00.000Z',
        openedBy: 'p1',
        deadline: '2022-03-29T22:00:00.000Z',
        closedAt: base.takenAt,
        closedBy: 'p1',
        snapshotId: base.id,
      };
      readings.push(reading);
      closure = closureOf(reading);
    }
    const format = i <= legacy ? 1 : 2;
    const hash = format === 1 ? snapshotHash(prev, canonical, base.yjsState) : snapshotHashV2(base, closure);
    snapshots.push({ ...base, hash, hashFormat: format });
    prev = hash;
  }
  return { snapshots, readings };
}

const reasons = (c: { snapshots: SnapshotRecord[]; readings: ReadingRecord[] }, legacy = 0) =>
  verifyChain(c.snapshots, c.readings, legacy).problems.map((p) => `${p.seq}:${p.reason}`);

describe('hash chain', () => {
  it('verifies an untouched chain, in either format', () => {
    const report = verifyChain(chain(4).snapshots, chain(4).readings);
    expect(report).toMatchObject({ ok: true, checked: 4 });
    expect(report.head).toBe(chain(4).snapshots[3]!.hash);
    expect(reasons(chain(4, 2), 2)).toEqual([]);
  });

  it('detects altered canonical text and altered Yjs state', () => {
    const c = chain(3);
    c.snapshots[1] = { ...c.snapshots[1]!, canonical: c.snapshots[1]!.canonical.replace('Rev.2', 'Rev.X') };
    expect(verifyChain(c.snapshots, c.readings).problems).toEqual([
      { seq: 2, snapshotId: 's2', reason: 'content-altered' },
    ]);
    const d = chain(2);
    d.snapshots[0] = { ...d.snapshots[0]!, yjsState: new Uint8Array([9]) };
    expect(reasons(d)).toEqual(['1:content-altered']);
  });

  it('covers the label, author, time and id of a format-2 snapshot', () => {
    for (const change of [
      { label: 'Forged' },
      { takenBy: 'p2' },
      { takenAt: '2023-01-01T00:00:00.000Z' },
      { id: 'sX' },
    ]) {
      const c = chain(2);
      c.snapshots[0] = { ...c.snapshots[0]!, ...change };
      expect(reasons(c)).toEqual(['1:content-altered']);
    }
  });

  it("covers a reading's closure: who closed it and when, and which reading it was", () => {
    for (const change of [
      { closedBy: 'p2' },
      { closedAt: '2022-03-04T10:00:00.000Z' },
      { deadline: '2099-01-01T00:00:00.000Z' },
    ]) {
      const c = chain(3);
      c.readings[0] = { ...c.readings[0]!, ...change };
      expect(reasons(c)).toEqual(['3:content-altered']);
    }
    const c = chain(3);
    c.readings[0] = { ...c.readings[0]!, snapshotId: null };
    expect(reasons(c)).toEqual(['3:closure-missing', '3:content-altered']);
  });

  it('refuses a format-1 snapshot after the legacy ones (a downgrade to the weaker hash)', () => {
    const c = chain(3);
    const s = c.snapshots[1]!;
    c.snapshots[1] = { ...s, hashFormat: 1, hash: snapshotHash(s.prevHash, s.canonical, s.yjsState) };
    expect(reasons(c)).toContain('2:format-downgraded');
  });

  it('detects a removed snapshot and a rewritten chain link', () => {
    const c = chain(3);
    c.snapshots.splice(1, 1);
    expect(reasons(c)).toEqual(['3:sequence-gap', '3:chain-broken']);
    const d = chain(2);
    const forged = snapshotHash(GENESIS_HASH, d.snapshots[1]!.canonical, d.snapshots[1]!.yjsState);
    d.snapshots[1] = { ...d.snapshots[1]!, prevHash: GENESIS_HASH, hash: forged };
    expect(verifyChain(d.snapshots, d.readings).ok).toBe(false);
  });
});
