import { describe, expect, it } from 'vitest';
import type { RecordsReport } from '../../shared/records.js';
import {
  auditPositionToAsk,
  compareWithMemory,
  contradictedSince,
  loadMemory,
  memoryKey,
  remember,
  saveMemory,
} from './recordsMemory.js';

function report(
  over: Partial<RecordsReport> = {},
  snapshots = ['h1', 'h2'],
  audit = { count: 10, head: 'a10' },
): RecordsReport {
  return {
    ok: true,
    scope: 'heads',
    checked: 0,
    head: snapshots.at(-1) ?? '',
    problems: [],
    snapshots: snapshots.map((hash, i) => ({ seq: i + 1, id: `s${i + 1}`, hash })),
    audit: { ...audit, at: null },
    signature: {
      status: 'valid',
      algorithm: 'Ed25519',
      publicKey: 'PK1',
      keyId: 'k1',
      signedAt: null,
      origin: null,
      legacySnapshots: 0,
    },
    ...over,
  };
}

const T1 = new Date('2022-03-29T22:00:00Z');
const T2 = new Date('2022-04-04T12:00:00Z');

describe("a browser's memory of the records", () => {
  it('remembers what it saw first, and extends it as the records grow', () => {
    const first = remember(null, report(), T1)!;
    expect(first.key).toEqual({ publicKey: 'PK1', keyId: 'k1', seenAt: T1.toISOString() });
    expect(first.audit).toEqual({ count: 10, hash: 'a10', seenAt: T1.toISOString() });
    expect(auditPositionToAsk(first)).toBe(10);
    const grown = report({ audit: { count: 12, head: 'a12', at: { position: 10, hash: 'a10' } } }, [
      'h1',
      'h2',
      'h3',
    ]);
    expect(compareWithMemory(first, grown)).toEqual([]);
    const second = remember(first, grown, T2)!;
    expect(second.snapshots.map((s) => [s.seq, s.seenAt])).toEqual([
      [1, T1.toISOString()],
      [2, T1.toISOString()],
      [3, T2.toISOString()],
    ]);
    expect(second.audit).toEqual({ count: 12, hash: 'a12', seenAt: T2.toISOString() });
  });

  it('names every way the server now contradicts it', () => {
    const seen = remember(null, report(), T1)!;
    const now = report(
      {
        signature: { ...report().signature, publicKey: 'PK2', keyId: 'k2' },
        audit: { count: 8, head: 'x8', at: null },
      },
      ['hX'],
    );
    expect(compareWithMemory(seen, now)).toEqual([
      { kind: 'key-changed', seenAt: T1.toISOString(), was: 'k1', now: 'k2' },
      { kind: 'snapshot-changed', seenAt: T1.toISOString(), seq: 1, was: 'h1', now: 'hX' },
      { kind: 'snapshot-missing', seenAt: T1.toISOString(), seq: 2, was: 'h2' },
      { kind: 'audit-shorter', seenAt: T1.toISOString(), was: 10, now: 8 },
    ]);
    const rewritten = report({ audit: { count: 14, head: 'b14', at: { position: 10, hash: 'b10' } } });
    expect(compareWithMemory(seen, rewritten)).toEqual([
      { kind: 'audit-rewritten', seenAt: T1.toISOString(), position: 10 },
    ]);
    expect(contradictedSince(compareWithMemory(seen, now))).toBe(T1.toISOString());
    expect(contradictedSince([])).toBeNull();
  });

  it('keeps what it saw when the server contradicts it or reports problems itself', () => {
    const seen = remember(null, report(), T1)!;
    expect(remember(seen, report({}, ['hX', 'h2']), T2)).toBe(seen);
    expect(remember(seen, report({ ok: false }), T2)).toBe(seen);
    expect(remember(null, report({ ok: false }), T2)).toBeNull();
  });

  it('is kept per negotiation, and anything unreadable in storage counts as nothing remembered', () => {
    const data = new Map<string, string>();
    const store = {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
      removeItem: (k: string) => void data.delete(k),
    } as Storage;
    const memory = remember(null, report(), T1);
    saveMemory('n1', memory, store);
    expect(loadMemory('n1', store)).toEqual(memory);
    expect(loadMemory('n2', store)).toBeNull();
    data.set(memoryKey('n2'), '{"format":1,"key":5}');
    expect(loadMemory('n2', store)).toBeNull();
    data.set(memoryKey('n2'), 'not json');
    expect(loadMemory('n2', store)).toBeNull();
    saveMemory('n1', null, store);
    expect(loadMemory('n1', store)).toBeNull();
  });
});
