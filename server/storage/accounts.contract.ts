/** The storage contract for people, their part in negotiations, single-use sign-in links and sessions. */
import { expect, it } from 'vitest';
import type { InvitationRecord, SessionRecord } from './records.js';
import type { Storage } from './storage.js';

/** A negotiation and three people. */
async function withPeople(s: Storage): Promise<void> {
  await s.createNegotiation(
    { id: 'n1', title: 'One', createdAt: 'x', timeZone: 'UTC', facilitatorDelegations: ['BGD'] },
    { docName: 'd1', state: new Uint8Array([0]) },
  );
  await s.accounts.createPerson({
    id: 'ana',
    name: 'Ana',
    isAdmin: false,
    createdAt: '2022-01-01T00:00:00Z',
  });
  await s.accounts.createPerson({ id: 'bob', name: 'Bob', isAdmin: true, createdAt: '2022-01-02T00:00:00Z' });
  await s.accounts.createPerson({
    id: 'eve',
    name: 'Eve',
    isAdmin: false,
    createdAt: '2022-01-03T00:00:00Z',
  });
}

const invitation = (id: string, over: Partial<InvitationRecord> = {}): InvitationRecord => ({
  id,
  tokenHash: `hash-${id}`,
  personId: 'ana',
  negotiationId: 'n1',
  createdBy: 'bob',
  createdAt: `2022-02-0${id.slice(-1)}T10:00:00Z`,
  expiresAt: '2022-03-01T00:00:00Z',
  usedAt: null,
  revokedAt: null,
  ...over,
});

const session = (id: string, personId = 'ana', createdAt = '2022-02-05T10:00:00Z'): SessionRecord => ({
  id,
  tokenHash: `session-${id}`,
  personId,
  createdAt,
  expiresAt: '2022-04-01T00:00:00Z',
  revokedAt: null,
  userAgent: id === 's1' ? 'Firefox' : null,
});

/** Registers the accounts part of the storage contract (inside `storageContract`'s describe). */
export function accountsContract(make: () => Promise<Storage>): void {
  it('keeps people and their part in each negotiation', async () => {
    const s = await make();
    await withPeople(s);
    expect(await s.accounts.getPerson('bob')).toEqual({
      id: 'bob',
      name: 'Bob',
      isAdmin: true,
      createdAt: '2022-01-02T00:00:00Z',
    });
    expect((await s.accounts.getPerson('ana'))?.isAdmin).toBe(false);
    expect(await s.accounts.getPerson('nobody')).toBeUndefined();
    await expect(
      s.accounts.createPerson({ id: 'ana', name: 'Other', isAdmin: false, createdAt: 'y' }),
    ).rejects.toThrow();
    expect((await s.accounts.getPerson('ana'))?.name).toBe('Ana');

    await s.accounts.putParticipant({
      negotiationId: 'n1',
      personId: 'ana',
      role: 'delegate',
      delegation: 'NOR',
      createdAt: 'a',
    });
    await s.accounts.putParticipant({
      negotiationId: 'n1',
      personId: 'eve',
      role: 'observer',
      delegation: null,
      createdAt: 'b',
    });
    await s.accounts.putParticipant({
      negotiationId: 'n1',
      personId: 'bob',
      role: 'delegate',
      delegation: 'CHE',
      createdAt: 'c',
    });
    // A second put changes the role and delegation, not when the person joined.
    await s.accounts.putParticipant({
      negotiationId: 'n1',
      personId: 'ana',
      role: 'delegate',
      delegation: 'ISL',
      createdAt: 'z',
    });
    expect(await s.accounts.getParticipant('n1', 'ana')).toEqual({
      negotiationId: 'n1',
      personId: 'ana',
      role: 'delegate',
      delegation: 'ISL',
      createdAt: 'a',
    });
    expect(await s.accounts.getParticipant('n1', 'nobody')).toBeUndefined();
    // By role, then delegation, then name.
    expect((await s.accounts.listParticipants('n1')).map((p) => [p.name, p.role, p.delegation])).toEqual([
      ['Bob', 'delegate', 'CHE'],
      ['Ana', 'delegate', 'ISL'],
      ['Eve', 'observer', null],
    ]);
    expect((await s.accounts.participationsOf('ana')).map((p) => p.negotiationId)).toEqual(['n1']);
    expect(await s.accounts.participationsOf('nobody')).toEqual([]);
    await expect(
      s.accounts.putParticipant({
        negotiationId: 'nope',
        personId: 'ana',
        role: 'observer',
        delegation: null,
        createdAt: 'x',
      }),
    ).rejects.toThrow();
    await s.close();
  });

  it('redeems a sign-in link once, creating its session with it, and never a revoked one', async () => {
    const s = await make();
    await withPeople(s);
    await s.accounts.createInvitation(invitation('i1'));
    await s.accounts.createInvitation(invitation('i2'));
    await s.accounts.createInvitation(invitation('i3', { negotiationId: null, createdBy: null }));
    expect(await s.accounts.getInvitation('i1')).toEqual(invitation('i1'));
    expect(await s.accounts.getInvitationByHash('hash-i2')).toEqual(invitation('i2'));
    expect(await s.accounts.getInvitationByHash('nope')).toBeUndefined();
    // Newest first; links of no negotiation are not a negotiation's.
    expect((await s.accounts.listInvitations('n1')).map((i) => i.id)).toEqual(['i2', 'i1']);

    expect(await s.accounts.redeemInvitation('i1', 'u1', session('s1'))).toBe(true);
    expect(await s.accounts.redeemInvitation('i1', 'u2', session('s2'))).toBe(false);
    expect((await s.accounts.getInvitation('i1'))?.usedAt).toBe('u1');
    expect(await s.accounts.getSession('s1')).toEqual(session('s1'));
    expect(await s.accounts.getSession('s2')).toBeUndefined();
    // A used link cannot be revoked; an unused one can, once, and is then never redeemed.
    expect(await s.accounts.revokeInvitation('i1', 'r')).toBe(false);
    expect(await s.accounts.revokeInvitation('i2', 'r')).toBe(true);
    expect(await s.accounts.revokeInvitation('i2', 'r2')).toBe(false);
    expect((await s.accounts.getInvitation('i2'))?.revokedAt).toBe('r');
    expect(await s.accounts.redeemInvitation('i2', 'u3', session('s3'))).toBe(false);
    expect(await s.accounts.getSession('s3')).toBeUndefined();
    await s.close();
  });

  it('lets only one of several simultaneous redemptions of a link succeed', async () => {
    const s = await make();
    await withPeople(s);
    await s.accounts.createInvitation(invitation('i1'));
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => s.accounts.redeemInvitation('i1', `u${n}`, session(`s${n}`))),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await s.accounts.listSessions(['ana'])).toHaveLength(1);
    await s.close();
  });

  it('lists the sessions of people newest first and revokes a session once', async () => {
    const s = await make();
    await withPeople(s);
    for (const [id, person, at] of [
      ['s1', 'ana', '2022-02-01T00:00:00Z'],
      ['s2', 'bob', '2022-02-03T00:00:00Z'],
      ['s3', 'ana', '2022-02-02T00:00:00Z'],
      ['s4', 'eve', '2022-02-04T00:00:00Z'],
    ] as const) {
      await s.accounts.createInvitation(invitation(`i${id.slice(1)}`, { personId: person }));
      await s.accounts.redeemInvitation(`i${id.slice(1)}`, at, session(id, person, at));
    }
    expect((await s.accounts.listSessions(['ana', 'bob'])).map((x) => x.id)).toEqual(['s2', 's3', 's1']);
    expect(await s.accounts.listSessions([])).toEqual([]);
    expect(await s.accounts.getSessionByHash('session-s4')).toMatchObject({ id: 's4', personId: 'eve' });
    expect(await s.accounts.getSessionByHash('nope')).toBeUndefined();
    expect(await s.accounts.revokeSession('s1', 'later')).toBe(true);
    expect(await s.accounts.revokeSession('s1', 'again')).toBe(false);
    expect(await s.accounts.revokeSession('nope', 'x')).toBe(false);
    expect((await s.accounts.getSession('s1'))?.revokedAt).toBe('later');
    await s.close();
  });
}
