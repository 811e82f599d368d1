/**
 * The storage contract for closing a reading with a decision on each open proposal and opening
 * the next one with the proposals carried forward. Part of `storageContract`.
 */
import { expect, it } from 'vitest';
import type { ProposalRecord, ReadingRecord, SnapshotRecord } from './records.js';
import type { Storage } from './storage.js';

const snapshot = (id: string, seq: number, kind: SnapshotRecord['kind']): SnapshotRecord => ({
  id,
  negotiationId: 'n1',
  seq,
  kind,
  label: id,
  takenAt: `2022-04-0${seq}T10:00:00Z`,
  takenBy: 'p1',
  yjsState: new Uint8Array([0]),
  canonical: '{}',
  prevHash: '0',
  hash: `${seq}`,
  hashFormat: 2,
});

const reading = (id: string, number: number, revisionId: string): ReadingRecord => ({
  id,
  negotiationId: 'n1',
  number,
  revisionId,
  openedAt: `2022-04-1${number}T10:00:00Z`,
  openedBy: 'p1',
  deadline: '2022-05-01T22:00:00Z',
  closedAt: null,
  closedBy: null,
  snapshotId: null,
});

const proposal = (id: string, readingId: string): ProposalRecord => ({
  id,
  negotiationId: 'n1',
  pid: 'op1',
  kind: 'delete',
  delegation: 'EU',
  tabledBy: null,
  personId: 'p1',
  personName: 'Delegate',
  readingId,
  status: 'open',
  outdated: false,
  version: 1,
  content: { changes: [], baseText: '', text: '', reservation: false },
  createdAt: '2022-04-11T11:00:00Z',
  updatedAt: '2022-04-11T11:00:00Z',
  appliedAt: null,
  appliedBy: null,
  carriedFrom: null,
});

/** Registers the readings part of the storage contract (inside `storageContract`'s describe). */
export function readingsContract(make: () => Promise<Storage>): void {
  it('closes a reading with its decisions, or changes nothing when one of them is stale', async () => {
    const s = await make();
    await s.createNegotiation(
      { id: 'n1', title: 'One', createdAt: 'x', timeZone: 'UTC', facilitatorDelegations: [] },
      { docName: 'd1', state: new Uint8Array([0]) },
    );
    await s.readings.addSnapshot(snapshot('rev1', 1, 'revision'));
    await s.readings.createReading(reading('r1', 1, 'rev1'));
    for (const id of ['a', 'b', 'c']) await s.proposals.insert(proposal(id, 'r1'));
    await s.proposals.update('c', { status: 'withdrawn', at: 'y', personId: 'p1' });

    // c is no longer open: nothing of the closure is stored.
    await expect(
      s.readings.closeReading('r1', '2022-04-20T10:00:00Z', 'p1', snapshot('close1', 2, 'reading'), [
        { proposalId: 'a', status: 'not-retained' },
        { proposalId: 'c', status: 'carried-forward' },
      ]),
    ).rejects.toThrow();
    expect((await s.proposals.get('a'))?.status).toBe('open');
    expect((await s.readings.getReading('r1'))?.closedAt).toBeNull();
    expect(await s.readings.getSnapshot('close1')).toBeUndefined();

    await s.readings.closeReading('r1', '2022-04-20T10:00:00Z', 'p1', snapshot('close1', 2, 'reading'), [
      { proposalId: 'a', status: 'not-retained' },
      { proposalId: 'b', status: 'carried-forward' },
    ]);
    expect(await s.proposals.get('a')).toMatchObject({ status: 'not-retained', readingId: 'r1' });
    expect(await s.proposals.get('b')).toMatchObject({
      status: 'carried-forward',
      updatedAt: '2022-04-20T10:00:00Z',
    });
    expect(await s.readings.getReading('r1')).toMatchObject({ closedBy: 'p1', snapshotId: 'close1' });
    await s.close();
  });

  it('opens a reading with the proposals carried into it, or changes nothing when one was not carried', async () => {
    const s = await make();
    await s.createNegotiation(
      { id: 'n1', title: 'One', createdAt: 'x', timeZone: 'UTC', facilitatorDelegations: [] },
      { docName: 'd1', state: new Uint8Array([0]) },
    );
    await s.readings.addSnapshot(snapshot('rev1', 1, 'revision'));
    await s.readings.createReading(reading('r1', 1, 'rev1'));
    await s.proposals.insert(proposal('a', 'r1'));
    await s.proposals.insert(proposal('b', 'r1'));
    await s.proposals.addSupport({ proposalId: 'a', delegation: 'NOR', personId: 'p2', createdAt: 'z' });
    await s.readings.closeReading('r1', '2022-04-20T10:00:00Z', 'p1', snapshot('close1', 2, 'reading'), [
      { proposalId: 'a', status: 'carried-forward' },
      { proposalId: 'b', status: 'incorporated' },
    ]);
    await s.readings.addSnapshot(snapshot('rev2', 3, 'revision'));

    await expect(
      s.readings.createReading(reading('r2', 2, 'rev2'), [
        { proposalId: 'a', outdated: false },
        { proposalId: 'b', outdated: false },
      ]),
    ).rejects.toThrow();
    expect(await s.readings.getReading('r2')).toBeUndefined();
    expect((await s.proposals.get('a'))?.status).toBe('carried-forward');

    await s.readings.createReading(reading('r2', 2, 'rev2'), [{ proposalId: 'a', outdated: true }]);
    expect(await s.proposals.get('a')).toMatchObject({
      status: 'open',
      readingId: 'r2',
      carriedFrom: 'r1',
      outdated: true,
      version: 1,
      updatedAt: '2022-04-12T10:00:00Z',
    });
    expect((await s.proposals.supportsOf(['a'])).map((x) => x.delegation)).toEqual(['NOR']);
    expect(await s.proposals.get('b')).toMatchObject({
      status: 'incorporated',
      readingId: 'r1',
      carriedFrom: null,
    });
    await s.close();
  });
}
