/**
 * The sealer remembers the head it signed last. An audit entry appended in a unit of work that
 * then fails is rolled back with the head signed over it: the sealer must not stay a step ahead of
 * the database, and the next append is signed over the records as they are.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openSqliteStorage } from '../storage/sqlite.js';
import { Records } from './records.js';
import { ChainSealer, type SealRefusal } from './sealer.js';
import { newSigningKeyPem, signingKeyFromPem } from './signingKey.js';

const key = signingKeyFromPem(newSigningKeyPem());
const entry = (action: string, detail: Record<string, unknown> = {}) => ({
  at: '2022-05-01T10:00:00Z',
  negotiationId: 'n1',
  personId: null,
  personName: null,
  delegation: null,
  action,
  detail,
});

describe('a sealer and a unit of work that fails', () => {
  it('signs the next append over the records the database kept, and the chain verifies', async () => {
    const refused: SealRefusal[] = [];
    const storage = openSqliteStorage(':memory:', {
      sealer: new ChainSealer(key, { onRefused: (_chain, reason) => refused.push(reason) }),
    });
    await storage.createNegotiation(
      {
        id: 'n1',
        title: 'n1',
        createdAt: '2022-05-01T10:00:00Z',
        timeZone: 'UTC',
        facilitatorDelegations: ['BGD'],
      },
      { docName: 'draft.n1', state: Y.encodeStateAsUpdate(new Y.Doc()) },
    );
    await storage.audit.append(entry('kept.first'));
    const signed = await storage.chains.signedHead('n1');
    await expect(
      storage.transaction(async () => {
        await storage.audit.append(entry('rolled.back', { n: 1 }));
        await storage.audit.append(entry('rolled.back', { n: 2 }));
        throw new Error('the command failed after its audit entries');
      }),
    ).rejects.toThrow('the command failed');
    expect(await storage.chains.signedHead('n1')).toEqual(signed);
    // The next entry takes the place the rolled-back one had, with another hash.
    await storage.audit.append(entry('kept.second'));
    await storage.audit.append(entry('kept.third'));

    const records = new Records(storage, key);
    const full = await records.verify('n1');
    expect(full.problems).toEqual([]);
    expect(full).toMatchObject({ ok: true, audit: { count: 3 }, signature: { status: 'valid' } });
    expect((await records.heads('n1')).ok).toBe(true);
    expect(refused).toEqual([]);
    expect((await storage.audit.list('n1', 10)).map((e) => e.action)).toEqual([
      'kept.third',
      'kept.second',
      'kept.first',
    ]);
    await storage.close();
  });
});
