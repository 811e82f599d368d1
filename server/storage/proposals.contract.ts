/** The storage contract for a proposal's versions, support and the paragraphs' statuses. Part of `storageContract`. */
import { expect, it } from 'vitest';
import type { ProposalRecord } from './records.js';
import type { Storage } from './storage.js';

const content = (text: string) => ({ changes: [], baseText: 'base', text, reservation: false });

const proposal = (id: string, over: Partial<ProposalRecord> = {}): ProposalRecord => ({
  id,
  negotiationId: 'n1',
  pid: 'op1',
  kind: 'amend',
  delegation: 'NOR',
  tabledBy: null,
  personId: 'p1',
  personName: 'Delegate',
  readingId: null,
  status: 'open',
  outdated: false,
  version: 1,
  content: content('first'),
  createdAt: `2022-04-0${id.slice(-1)}T10:00:00Z`,
  updatedAt: `2022-04-0${id.slice(-1)}T10:00:00Z`,
  appliedAt: null,
  appliedBy: null,
  carriedFrom: null,
  ...over,
});

async function withNegotiations(s: Storage): Promise<void> {
  for (const id of ['n1', 'n2'])
    await s.createNegotiation(
      { id, title: id, createdAt: 'x', timeZone: 'UTC', facilitatorDelegations: [] },
      { docName: `d.${id}`, state: new Uint8Array([0]) },
    );
}

/** Registers the proposals part of the storage contract (inside `storageContract`'s describe). */
export function proposalsContract(make: () => Promise<Storage>): void {
  it('keeps every version of a proposal and patches the rest in place', async () => {
    const s = await make();
    await withNegotiations(s);
    await s.proposals.insert(proposal('a1'));
    await s.proposals.insert(proposal('a2', { negotiationId: 'n2' }));
    await expect(s.proposals.insert(proposal('a1', { pid: 'op9' }))).rejects.toThrow();
    expect(await s.proposals.get('a1')).toEqual(proposal('a1'));
    expect(await s.proposals.get('nope')).toBeUndefined();
    expect((await s.proposals.list('n1')).map((p) => p.id)).toEqual(['a1']);

    const edited = await s.proposals.update('a1', { content: content('second'), at: 'e1', personId: 'p2' });
    expect(edited).toMatchObject({ version: 2, content: content('second'), updatedAt: 'e1', status: 'open' });
    const statused = await s.proposals.update('a1', {
      status: 'withdrawn',
      outdated: true,
      at: 'e2',
      personId: 'p1',
    });
    expect(statused).toMatchObject({ version: 2, status: 'withdrawn', outdated: true, updatedAt: 'e2' });
    const applied = await s.proposals.update('a1', {
      applied: { at: 'e3', by: 'p3', update: new Uint8Array([1, 2, 3]) },
      at: 'e3',
      personId: 'p3',
    });
    expect(applied).toMatchObject({ appliedAt: 'e3', appliedBy: 'p3', outdated: true, status: 'withdrawn' });
    // Later patches keep what was applied.
    expect(await s.proposals.update('a1', { outdated: false, at: 'e4', personId: 'p1' })).toMatchObject({
      appliedAt: 'e3',
      appliedBy: 'p3',
      outdated: false,
    });
    expect(
      (await s.proposals.history('a1')).map((v) => [v.version, v.content.text, v.editedAt, v.personId]),
    ).toEqual([
      [1, 'first', '2022-04-01T10:00:00Z', 'p1'],
      [2, 'second', 'e1', 'p2'],
    ]);
    await expect(
      s.proposals.update('nope', { status: 'withdrawn', at: 'x', personId: 'p1' }),
    ).rejects.toThrow();
    await s.close();
  });

  it('adds and removes a delegation’s support once, and lists a negotiation’s supports oldest first', async () => {
    const s = await make();
    await withNegotiations(s);
    await s.proposals.insert(proposal('a1'));
    await s.proposals.insert(proposal('a2'));
    await s.proposals.insert(proposal('a3', { negotiationId: 'n2' }));
    const support = (proposalId: string, delegation: string, createdAt: string) => ({
      proposalId,
      delegation,
      personId: 'p1',
      createdAt,
    });
    expect(await s.proposals.addSupport(support('a1', 'CHE', '2022-04-03T00:00:00Z'))).toBe(true);
    expect(await s.proposals.addSupport(support('a1', 'CHE', '2022-04-09T00:00:00Z'))).toBe(false);
    expect(await s.proposals.addSupport(support('a2', 'MEX', '2022-04-01T00:00:00Z'))).toBe(true);
    expect(await s.proposals.addSupport(support('a3', 'JPN', '2022-04-02T00:00:00Z'))).toBe(true);
    await expect(s.proposals.addSupport(support('nope', 'JPN', 'x'))).rejects.toThrow();
    expect(await s.proposals.supports('n1')).toEqual([
      support('a2', 'MEX', '2022-04-01T00:00:00Z'),
      support('a1', 'CHE', '2022-04-03T00:00:00Z'),
    ]);
    expect(await s.proposals.removeSupport('a1', 'CHE')).toBe(true);
    expect(await s.proposals.removeSupport('a1', 'CHE')).toBe(false);
    expect((await s.proposals.supports('n1')).map((x) => x.delegation)).toEqual(['MEX']);
    await s.close();
  });

  it('keeps one status per paragraph, the last one set', async () => {
    const s = await make();
    await withNegotiations(s);
    const status = (pid: string, value: 'agreed-ad-ref' | 'bracketed', updatedAt: string) => ({
      negotiationId: 'n1',
      pid,
      status: value,
      updatedAt,
      personId: 'p1',
    });
    await s.proposals.setParagraphStatus(status('op1', 'agreed-ad-ref', 'a'));
    await s.proposals.setParagraphStatus(status('op2', 'bracketed', 'b'));
    await s.proposals.setParagraphStatus(status('op1', 'bracketed', 'c'));
    const statuses = await s.proposals.paragraphStatuses('n1');
    expect([...statuses].sort((x, y) => x.pid.localeCompare(y.pid))).toEqual([
      status('op1', 'bracketed', 'c'),
      status('op2', 'bracketed', 'b'),
    ]);
    expect(await s.proposals.paragraphStatuses('n2')).toEqual([]);
    await s.close();
  });
}
