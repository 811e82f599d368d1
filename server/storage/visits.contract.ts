/** The storage contract for people's visits of negotiations. Part of `storageContract`. */
import { expect, it } from 'vitest';
import type { SeenState } from '../../shared/visits.js';
import type { Storage } from './storage.js';

const SEEN: SeenState = {
  paragraphs: [{ pid: 'op1', label: 'OP1', text: 'We commit to act.' }],
  statuses: { op1: 'bracketed' },
  proposals: { p1: 'open|1|0||' },
};

async function withPeople(s: Storage): Promise<void> {
  for (const id of ['n1', 'n2'])
    await s.createNegotiation(
      { id, title: id, createdAt: 'x', timeZone: 'America/New_York', facilitatorDelegations: ['BGD'] },
      { docName: `draft.${id}`, state: new Uint8Array([0, 0]) },
    );
  for (const id of ['ana', 'bob'])
    await s.accounts.createPerson({ id, name: id, isAdmin: false, createdAt: 'x' });
}

/** Registers the visit tests of the storage contract. */
export function visitsContract(make: () => Promise<Storage>): void {
  it('keeps one visit per person and negotiation, handing back the one it replaces', async () => {
    const s = await make();
    await withPeople(s);
    expect(await s.visits.getVisit('n1', 'ana')).toBeUndefined();
    const first = { negotiationId: 'n1', personId: 'ana', at: '2022-04-07T14:00:00.000Z', seen: SEEN };
    expect(await s.visits.replaceVisit(first)).toBeUndefined();
    expect(await s.visits.getVisit('n1', 'ana')).toEqual(first);
    const second = { ...first, at: '2022-04-08T09:00:00.000Z', seen: { ...SEEN, statuses: {} } };
    expect(await s.visits.replaceVisit(second)).toEqual(first);
    expect(await s.visits.getVisit('n1', 'ana')).toEqual(second);
    // Other people and other negotiations have visits of their own.
    expect(await s.visits.getVisit('n1', 'bob')).toBeUndefined();
    expect(await s.visits.getVisit('n2', 'ana')).toBeUndefined();
    await s.visits.replaceVisit({ ...first, personId: 'bob' });
    expect(await s.visits.getVisit('n1', 'ana')).toEqual(second);
    await s.close();
  });

  it('refuses a visit of an unknown negotiation or person', async () => {
    const s = await make();
    await withPeople(s);
    const visit = { negotiationId: 'n1', personId: 'ana', at: 'x', seen: SEEN };
    await expect(s.visits.replaceVisit({ ...visit, negotiationId: 'nope' })).rejects.toThrow();
    await expect(s.visits.replaceVisit({ ...visit, personId: 'nobody' })).rejects.toThrow();
    expect(await s.visits.getVisit('n1', 'ana')).toBeUndefined();
    await s.close();
  });
}
