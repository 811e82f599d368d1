/** The contract every `Storage` implementation must pass; run it from the implementation's test. */
import { describe, expect, it } from 'vitest';
import { accountsContract } from './accounts.contract.js';
import { consultationContract } from './consultation.contract.js';
import { proposalsContract } from './proposals.contract.js';
import { readingsContract } from './readings.contract.js';
import { type ContractOptions, recordsContract } from './records.contract.js';
import type { ProposalRecord } from './records.js';
import type { Storage } from './storage.js';
import { unitsContract } from './units.contract.js';
import { visitsContract } from './visits.contract.js';

const NEG = { timeZone: 'America/New_York', facilitatorDelegations: ['BGD', 'LUX'] };
const bytes = (...xs: number[]) => new Uint8Array(xs);

export type { ContractOptions } from './records.contract.js';

/**
 * Registers the storage contract tests against storages made by `make`, each on a new empty
 * database (with the chain sealer given, if any).
 */
export function storageContract(name: string, make: (opts?: ContractOptions) => Promise<Storage>): void {
  describe(`${name} satisfies the storage contract`, () => {
    it('creates and lists negotiations with their initial draft state', async () => {
      const s = await make();
      await s.createNegotiation(
        { id: 'n1', title: 'One', createdAt: '2022-03-17T10:00:00Z', ...NEG },
        { docName: 'd1', state: bytes(1, 2) },
      );
      expect(await s.listNegotiations()).toEqual([
        { id: 'n1', title: 'One', createdAt: '2022-03-17T10:00:00Z', ...NEG },
      ]);
      expect(await s.getNegotiation('n1')).toMatchObject({ title: 'One' });
      expect(await s.getNegotiation('nope')).toBeUndefined();
      const doc = await s.loadDoc('d1');
      expect(doc.state).toEqual(bytes(1, 2));
      expect(doc.updates).toEqual([]);
      await s.close();
    });

    it('refuses a duplicate negotiation id without changing the first', async () => {
      const s = await make();
      await s.createNegotiation(
        { id: 'n1', title: 'One', createdAt: 'x', ...NEG },
        { docName: 'd1', state: bytes(1) },
      );
      await expect(
        s.createNegotiation(
          { id: 'n1', title: 'Two', createdAt: 'y', ...NEG },
          { docName: 'd1', state: bytes(9) },
        ),
      ).rejects.toThrow();
      expect((await s.getNegotiation('n1'))?.title).toBe('One');
      expect((await s.loadDoc('d1')).state).toEqual(bytes(1));
      await s.close();
    });

    it('lists open amendments and the supports of chosen proposals', async () => {
      const s = await make();
      await s.createNegotiation(
        { id: 'n1', title: 'One', createdAt: 'x', ...NEG },
        { docName: 'd1', state: bytes(1) },
      );
      const content = { changes: [], baseText: 'a', text: 'b', reservation: false };
      const proposal = (id: string, over: Partial<ProposalRecord>): ProposalRecord => ({
        id,
        negotiationId: 'n1',
        pid: 'p1',
        kind: 'amend',
        delegation: 'NOR',
        tabledBy: null,
        personId: 'person',
        personName: 'Delegate, Norway',
        readingId: null,
        status: 'open',
        outdated: false,
        version: 1,
        content,
        createdAt: `2022-04-0${id.slice(1)}T10:00:00Z`,
        updatedAt: 'x',
        appliedAt: null,
        appliedBy: null,
        carriedFrom: null,
        ...over,
      });
      await s.proposals.insert(proposal('a1', {}));
      await s.proposals.insert(proposal('a2', { status: 'partly-incorporated' }));
      await s.proposals.insert(proposal('a3', { status: 'not-retained' }));
      await s.proposals.insert(proposal('a4', { kind: 'retain' }));
      await s.proposals.insert(proposal('a5', {}));
      await s.proposals.update('a5', {
        applied: { at: 'y', by: 'person', update: bytes(1) },
        at: 'y',
        personId: 'person',
      });
      await s.proposals.insert(proposal('a6', { pid: 'p2' }));
      expect((await s.proposals.openAmendments('n1')).map((p) => p.id)).toEqual(['a1', 'a2', 'a6']);
      expect((await s.proposals.openAmendments('n1', ['p2', 'p9'])).map((p) => p.id)).toEqual(['a6']);
      expect(await s.proposals.openAmendments('n1', [])).toEqual([]);
      expect((await s.proposals.openOnParagraph('n1', 'p1')).map((p) => p.id)).toEqual(['a1', 'a4', 'a5']);
      expect((await s.proposals.openOnParagraph('n1', 'p2')).map((p) => p.id)).toEqual(['a6']);
      expect(await s.proposals.openOnParagraph('n2', 'p1')).toEqual([]);

      const support = (proposalId: string, delegation: string, createdAt: string) => ({
        proposalId,
        delegation,
        personId: 'person',
        createdAt,
      });
      await s.proposals.addSupport(support('a1', 'CHE', '2022-04-02T00:00:00Z'));
      await s.proposals.addSupport(support('a2', 'JPN', '2022-04-01T00:00:00Z'));
      await s.proposals.addSupport(support('a3', 'MEX', '2022-04-03T00:00:00Z'));
      expect((await s.proposals.supportsOf(['a1', 'a2'])).map((x) => x.delegation)).toEqual(['JPN', 'CHE']);
      expect(await s.proposals.supportsOf([])).toEqual([]);
      // New words drop the supports given to the old ones, with the new version, atomically.
      const reworded = await s.proposals.update('a1', {
        content: { ...content, text: 'c' },
        dropSupport: true,
        at: 'z',
        personId: 'person',
      });
      expect(reworded.version).toBe(2);
      expect((await s.proposals.supportsOf(['a1', 'a2'])).map((x) => x.delegation)).toEqual(['JPN']);
      await s.close();
    });

    it('appends updates in order and loads them back', async () => {
      const s = await make();
      expect(await s.loadDoc('empty')).toEqual({ state: null, updates: [], lastSeq: 0 });
      await s.appendUpdates('d', [bytes(1), bytes(2)]);
      const seq = await s.appendUpdates('d', [bytes(3)]);
      await s.appendUpdates('other', [bytes(9)]);
      const doc = await s.loadDoc('d');
      expect(doc.updates).toEqual([bytes(1), bytes(2), bytes(3)]);
      expect(doc.lastSeq).toBe(seq);
      expect(await s.countUpdates('d')).toBe(3);
      await s.close();
    });

    it('compacts the updates up to a sequence number into one state', async () => {
      const s = await make();
      await s.appendUpdates('d', [bytes(1), bytes(2)]);
      const upto = (await s.loadDoc('d')).lastSeq;
      const later = await s.appendUpdates('d', [bytes(3)]);
      await s.compact('d', bytes(7, 7), upto);
      const doc = await s.loadDoc('d');
      expect(doc.state).toEqual(bytes(7, 7));
      expect(doc.updates).toEqual([bytes(3)]);
      expect(doc.lastSeq).toBe(later);
      await s.compact('d', bytes(8), later);
      expect(await s.loadDoc('d')).toEqual({ state: bytes(8), updates: [], lastSeq: later });
      await s.close();
    });

    accountsContract(make);
    proposalsContract(make);
    recordsContract(make);
    consultationContract(make);
    readingsContract(make);
    visitsContract(make);
    unitsContract(make);
  });
}
