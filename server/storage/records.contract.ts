/**
 * The storage contract for the records: the audit log, the chains of snapshots and audit entries
 * with their signed heads (sealed in the transaction of each append), and snapshots and closed
 * readings that nothing in the interface can change. Part of `storageContract`.
 */
import { expect, it } from 'vitest';
import { verifyAuditChain } from '../records/auditChain.js';
import { GENESIS_HASH } from '../records/hashing.js';
import type { ReadingRecord, SnapshotRecord } from './records.js';
import type { ChainHeads, HeadSealer, Storage, StoredHead } from './storage.js';

/** Options the contract opens a storage with. */
export interface ContractOptions {
  sealer?: HeadSealer;
}

/** A sealer that signs nothing real: it records what it was asked and can refuse or fail. */
class RecordingSealer implements HeadSealer {
  readonly calls: {
    chain: string;
    previous: StoredHead | undefined;
    before: ChainHeads;
    after: ChainHeads;
  }[] = [];
  mode: 'sign' | 'refuse' | 'fail' = 'sign';

  extend(
    chain: string,
    previous: StoredHead | undefined,
    before: ChainHeads,
    after: ChainHeads,
  ): StoredHead | null {
    this.calls.push({ chain, previous, before, after });
    if (this.mode === 'fail') throw new Error('sealer failed');
    if (this.mode === 'refuse') return null;
    return { body: JSON.stringify({ chain, ...after }), signature: `sig-${this.calls.length}` };
  }

  firstUse(): StoredHead {
    throw new Error('a new database is never trusted on first use');
  }
}

const NEGOTIATION = { title: 'One', createdAt: 'x', timeZone: 'UTC', facilitatorDelegations: [] };

const entry = (negotiationId: string | null, action: string, detail: Record<string, unknown> = {}) => ({
  negotiationId,
  at: '2022-05-01T10:00:00Z',
  personId: 'p1',
  personName: 'Person',
  delegation: 'NOR',
  action,
  detail,
});

const snapshot = (id: string, seq: number, kind: SnapshotRecord['kind'] = 'revision'): SnapshotRecord => ({
  id,
  negotiationId: 'n1',
  seq,
  kind,
  label: `Label ${id}`,
  takenAt: `2022-04-0${seq}T10:00:00Z`,
  takenBy: 'p1',
  yjsState: new Uint8Array([seq, 1, 2]),
  canonical: `{"seq":${seq}}`,
  prevHash: seq === 1 ? GENESIS_HASH : `hash-${seq - 1}`,
  hash: `hash-${seq}`,
  hashFormat: 2,
});

const reading = (id: string, number: number, revisionId: string): ReadingRecord => ({
  id,
  negotiationId: 'n1',
  number,
  revisionId,
  openedAt: 'o',
  openedBy: 'p1',
  deadline: '2022-05-01T22:00:00Z',
  closedAt: null,
  closedBy: null,
  snapshotId: null,
});

/** Registers the records part of the storage contract (inside `storageContract`'s describe). */
export function recordsContract(make: (opts?: ContractOptions) => Promise<Storage>): void {
  it('appends audit entries to their negotiation’s chain and lists them newest first', async () => {
    const s = await make();
    await s.createNegotiation({ id: 'n1', ...NEGOTIATION }, { docName: 'd1', state: new Uint8Array([0]) });
    await s.audit.append(entry('n1', 'one', { b: 2, a: [1, 'é'] }));
    await s.audit.append(entry('n1', 'two'));
    await s.audit.append(entry(null, 'server'));
    await s.audit.append(entry('n1', 'three'));
    const listed = await s.audit.list('n1', 2);
    expect(listed.map((e) => e.action)).toEqual(['three', 'two']);
    expect(listed[0]).toMatchObject({
      negotiationId: 'n1',
      personId: 'p1',
      personName: 'Person',
      delegation: 'NOR',
    });
    expect(typeof listed[0]!.seq).toBe('number');
    expect((await s.audit.list('n1', 10)).at(-1)?.detail).toEqual({ b: 2, a: [1, 'é'] });

    const chain = await s.chains.auditChain('n1');
    expect(chain.map((e) => [e.position, e.action])).toEqual([
      [1, 'one'],
      [2, 'two'],
      [3, 'three'],
    ]);
    // The detail as stored is the JSON text its hash covers; the chain verifies.
    expect(chain[0]!.detail).toBe(JSON.stringify({ b: 2, a: [1, 'é'] }));
    expect(verifyAuditChain(chain)).toEqual([]);
    expect(chain[0]!.prevHash).toBe(GENESIS_HASH);
    expect(await s.chains.auditHashAt('n1', 2)).toBe(chain[1]!.hash);
    expect(await s.chains.auditHashAt('n1', 9)).toBeUndefined();
    expect((await s.chains.auditChain('')).map((e) => [e.position, e.action])).toEqual([[1, 'server']]);
    expect(await s.chains.heads('n1')).toEqual({
      snapshots: { count: 0, hash: GENESIS_HASH },
      audit: { count: 3, hash: chain[2]!.hash },
    });
    expect(await s.chains.chains()).toEqual(['', 'n1']);
    await s.close();
  });

  it('keeps one chain when entries are appended at the same time', async () => {
    const s = await make();
    await s.createNegotiation({ id: 'n1', ...NEGOTIATION }, { docName: 'd1', state: new Uint8Array([0]) });
    await Promise.all(Array.from({ length: 12 }, (_, i) => s.audit.append(entry('n1', `a${i}`))));
    const chain = await s.chains.auditChain('n1');
    expect(chain.map((e) => e.position)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(verifyAuditChain(chain)).toEqual([]);
    await s.close();
  });

  it('seals each append in its transaction: the head moves with the records, or neither does', async () => {
    const sealer = new RecordingSealer();
    const s = await make({ sealer });
    await s.createNegotiation({ id: 'n1', ...NEGOTIATION }, { docName: 'd1', state: new Uint8Array([0]) });
    await s.readings.addSnapshot(snapshot('s1', 1));
    await s.audit.append(entry('n1', 'one'));
    expect(sealer.calls.map((c) => [c.chain, c.before.snapshots.count, c.after.snapshots.count])).toEqual([
      ['n1', 0, 1],
      ['n1', 1, 1],
    ]);
    const last = sealer.calls[1]!;
    expect(last.before.audit.count).toBe(0);
    expect(last.after.audit.count).toBe(1);
    expect(last.previous).toEqual({
      body: JSON.stringify({ chain: 'n1', ...sealer.calls[0]!.after }),
      signature: 'sig-1',
    });
    expect(await s.chains.signedHead('n1')).toEqual({
      body: JSON.stringify({ chain: 'n1', ...(await s.chains.heads('n1')) }),
      signature: 'sig-2',
    });

    // A refusal leaves the stored head where it was; the records are appended.
    sealer.mode = 'refuse';
    await s.audit.append(entry('n1', 'unsigned'));
    expect((await s.chains.signedHead('n1'))?.signature).toBe('sig-2');
    expect((await s.chains.heads('n1')).audit.count).toBe(2);

    // A sealer that fails fails the append: nothing of it is stored.
    sealer.mode = 'fail';
    const heads = await s.chains.heads('n1');
    await expect(s.audit.append(entry('n1', 'lost'))).rejects.toThrow('sealer failed');
    await expect(s.readings.addSnapshot(snapshot('s2', 2))).rejects.toThrow('sealer failed');
    expect(await s.chains.heads('n1')).toEqual(heads);
    expect(await s.readings.getSnapshot('s2')).toBeUndefined();

    // An administrator's re-seal replaces the head.
    await s.chains.putSignedHead('n1', { body: 'resealed', signature: 'admin' });
    expect(await s.chains.signedHead('n1')).toEqual({ body: 'resealed', signature: 'admin' });
    expect(await s.chains.signedHead('other')).toBeUndefined();
    await s.close();
  });

  it('never changes a stored snapshot: a second one with its id or place is refused', async () => {
    const s = await make();
    await s.createNegotiation({ id: 'n1', ...NEGOTIATION }, { docName: 'd1', state: new Uint8Array([0]) });
    await s.readings.addSnapshot(snapshot('s1', 1));
    await s.readings.addSnapshot(snapshot('s2', 2));
    const heads = await s.chains.heads('n1');
    await expect(s.readings.addSnapshot({ ...snapshot('s1', 3), label: 'Forged' })).rejects.toThrow();
    await expect(s.readings.addSnapshot({ ...snapshot('s3', 2), label: 'Forged' })).rejects.toThrow();
    expect(await s.readings.getSnapshot('s1')).toEqual(snapshot('s1', 1));
    expect(await s.readings.getSnapshot('s3')).toBeUndefined();
    expect(await s.readings.listSnapshots('n1')).toEqual([snapshot('s1', 1), snapshot('s2', 2)]);
    expect(await s.chains.snapshotLinks('n1')).toEqual([
      { seq: 1, id: 's1', hash: 'hash-1' },
      { seq: 2, id: 's2', hash: 'hash-2' },
    ]);
    expect(await s.chains.heads('n1')).toEqual(heads);
    expect(heads.snapshots).toEqual({ count: 2, hash: 'hash-2' });
    await s.close();
  });

  it('never changes a closed reading: closing it again or moving its deadline changes nothing', async () => {
    const s = await make();
    await s.createNegotiation({ id: 'n1', ...NEGOTIATION }, { docName: 'd1', state: new Uint8Array([0]) });
    await s.readings.addSnapshot(snapshot('rev1', 1));
    await s.readings.createReading(reading('r1', 1, 'rev1'));
    await s.readings.setDeadline('r1', '2022-05-02T22:00:00Z');
    await s.readings.closeReading('r1', 'closed', 'p1', snapshot('close1', 2, 'reading'));
    const closed = await s.readings.getReading('r1');
    expect(closed).toMatchObject({
      deadline: '2022-05-02T22:00:00Z',
      closedAt: 'closed',
      snapshotId: 'close1',
    });

    await expect(
      s.readings.closeReading('r1', 'again', 'p2', snapshot('close2', 3, 'reading')),
    ).rejects.toThrow();
    await s.readings.setDeadline('r1', '2030-01-01T00:00:00Z');
    expect(await s.readings.getReading('r1')).toEqual(closed);
    expect(await s.readings.getSnapshot('close2')).toBeUndefined();
    expect((await s.chains.heads('n1')).snapshots.count).toBe(2);
    // Two readings of one number cannot both exist.
    await expect(s.readings.createReading(reading('r1bis', 1, 'rev1'))).rejects.toThrow();
    expect((await s.readings.listReadings('n1')).map((r) => r.id)).toEqual(['r1']);
    await s.close();
  });
}
