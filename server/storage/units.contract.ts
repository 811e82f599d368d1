/** The storage contract's units of work, serialisation and reading of a document's log. */
import { describe, expect, it } from 'vitest';
import type { Storage } from './storage.js';

const NEG = { timeZone: 'America/New_York', facilitatorDelegations: ['BGD'] };
const bytes = (...xs: number[]) => new Uint8Array(xs);
/** An audit entry of no one. */
const entry = (negotiationId: string, action: string) => ({
  negotiationId,
  at: '2022-05-01T10:00:00Z',
  personId: null,
  personName: null,
  delegation: null,
  action,
  detail: {},
});
const negotiation = (id: string) => ({ id, title: id, createdAt: '2022-05-01T10:00:00Z', ...NEG });

/** A promise and the function that settles it. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

/** Registers the tests of `transaction`, `serialize` and `updatesSince`. */
export function unitsContract(make: () => Promise<Storage>): void {
  describe('units of work', () => {
    it('commits every write of a unit together', async () => {
      const s = await make();
      const seq = await s.transaction(async () => {
        await s.createNegotiation(negotiation('n1'), { docName: 'd1', state: bytes(1) });
        const last = await s.appendUpdates('d1', [bytes(2)]);
        await s.audit.append(entry('n1', 'test.done'));
        return last;
      });
      expect(await s.getNegotiation('n1')).toBeDefined();
      expect((await s.loadDoc('d1')).lastSeq).toBe(seq);
      expect((await s.audit.list('n1', 10)).map((e) => e.action)).toEqual(['test.done']);
      await s.close();
    });

    it('keeps nothing of a unit that fails, not even its audit entry', async () => {
      const s = await make();
      await s.createNegotiation(negotiation('n0'), { docName: 'd0', state: bytes(1) });
      const before = await s.chains.heads('n0');
      await expect(
        s.transaction(async () => {
          await s.createNegotiation(negotiation('n1'), { docName: 'd1', state: bytes(1) });
          await s.appendUpdates('d0', [bytes(2)]);
          await s.audit.append(entry('n0', 'test.lost'));
          throw new Error('halfway');
        }),
      ).rejects.toThrow('halfway');
      expect(await s.getNegotiation('n1')).toBeUndefined();
      expect((await s.loadDoc('d0')).updates).toEqual([]);
      expect(await s.audit.list('n0', 10)).toEqual([]);
      expect(await s.chains.heads('n0')).toEqual(before);
      // The storage goes on working after the rollback.
      await s.appendUpdates('d0', [bytes(3)]);
      expect((await s.loadDoc('d0')).updates).toEqual([bytes(3)]);
      await s.close();
    });

    it('joins a unit started inside another to it', async () => {
      const s = await make();
      await expect(
        s.transaction(async () => {
          await s.transaction(async () => {
            await s.createNegotiation(negotiation('n1'), { docName: 'd1', state: bytes(1) });
          });
          throw new Error('outer fails');
        }),
      ).rejects.toThrow('outer fails');
      expect(await s.getNegotiation('n1')).toBeUndefined();
      await s.close();
    });

    it('undoes only a call that failed inside a unit, which goes on and commits', async () => {
      const s = await make();
      await s.transaction(async () => {
        await s.createNegotiation(negotiation('n1'), { docName: 'd1', state: bytes(1) });
        await expect(
          s.createNegotiation(negotiation('n1'), { docName: 'd1', state: bytes(9) }),
        ).rejects.toThrow();
        await s.appendUpdates('d1', [bytes(2)]);
        await s.audit.append(entry('n1', 'test.after'));
      });
      expect(await s.loadDoc('d1')).toMatchObject({ state: bytes(1), updates: [bytes(2)] });
      expect((await s.audit.list('n1', 10)).map((e) => e.action)).toEqual(['test.after']);
      await s.close();
    });

    it('keeps work a unit left running after it ended out of the next unit', async () => {
      const s = await make();
      let late: Promise<number> | undefined;
      const g = gate();
      await s.transaction(async () => {
        await s.appendUpdates('d', [bytes(1)]);
        late = g.opened.then(() => s.appendUpdates('d', [bytes(2)]));
      });
      await expect(
        s.transaction(async () => {
          await s.appendUpdates('other', [bytes(9)]);
          g.open();
          await new Promise((r) => setTimeout(r, 50));
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      await late;
      expect((await s.loadDoc('d')).updates).toEqual([bytes(1), bytes(2)]);
      expect(await s.countUpdates('other')).toBe(0);
      await s.close();
    });

    it('keeps a write made outside an open unit out of it', async () => {
      const s = await make();
      const g = gate();
      const begun = gate();
      const unit = s.transaction(async () => {
        await s.createNegotiation(negotiation('inside'), { docName: 'di', state: bytes(1) });
        begun.open();
        await g.opened;
        throw new Error('rolled back');
      });
      await begun.opened;
      const outside = s.createNegotiation(negotiation('outside'), { docName: 'do', state: bytes(2) });
      await new Promise((r) => setTimeout(r, 20));
      g.open();
      await expect(unit).rejects.toThrow('rolled back');
      await outside;
      expect(await s.getNegotiation('inside')).toBeUndefined();
      expect(await s.getNegotiation('outside')).toBeDefined();
      await s.close();
    });
  });

  describe('serialisation by scope', () => {
    it('runs the work of one scope one at a time, of two scopes side by side, and re-enters', async () => {
      const s = await make();
      const order: string[] = [];
      const g = gate();
      const started = gate();
      const first = s.serialize('n1', async () => {
        order.push('a start');
        started.open();
        await g.opened;
        // Entering the same scope again from inside it does not wait for itself.
        await s.serialize('n1', async () => order.push('a inner'));
        order.push('a end');
      });
      const second = s.serialize('n1', async () => {
        order.push('b');
      });
      // The other scope runs while the first is held (a database lock may take a moment to get).
      await started.opened;
      const other = s.serialize('n2', async () => {
        order.push('other');
      });
      await other;
      expect(order).toEqual(['a start', 'other']);
      g.open();
      await Promise.all([first, second]);
      expect(order).toEqual(['a start', 'other', 'a inner', 'a end', 'b']);
      await s.close();
    });

    it('goes on after work that failed', async () => {
      const s = await make();
      await expect(s.serialize('n1', async () => Promise.reject(new Error('no')))).rejects.toThrow('no');
      expect(await s.serialize('n1', async () => 'yes')).toBe('yes');
      await s.close();
    });
  });

  describe('a document log read by sequence', () => {
    it('returns the updates committed after a sequence number, in order', async () => {
      const s = await make();
      const a = await s.appendUpdates('d', [bytes(1)]);
      await s.appendUpdates('other', [bytes(9)]);
      const c = await s.appendUpdates('d', [bytes(2), bytes(3)]);
      expect(c).toBeGreaterThan(a);
      expect(await s.updatesSince('d', a)).toEqual({
        state: null,
        updates: [bytes(2), bytes(3)],
        lastSeq: c,
      });
      expect(await s.updatesSince('d', c)).toEqual({ state: null, updates: [], lastSeq: c });
      expect((await s.updatesSince('d', 0)).updates.length).toBe(3);
      await s.close();
    });

    it('gives the compacted state when a compaction covered what was missed', async () => {
      const s = await make();
      const a = await s.appendUpdates('d', [bytes(1)]);
      const b = await s.appendUpdates('d', [bytes(2)]);
      const c = await s.appendUpdates('d', [bytes(3)]);
      await s.compact('d', bytes(7), b);
      expect(await s.updatesSince('d', a)).toEqual({ state: bytes(7), updates: [bytes(3)], lastSeq: c });
      expect(await s.updatesSince('d', b)).toEqual({ state: null, updates: [bytes(3)], lastSeq: c });
      await s.close();
    });

    it('never compacts back: a state covering less than the stored one changes nothing', async () => {
      const s = await make();
      const a = await s.appendUpdates('d', [bytes(1)]);
      const b = await s.appendUpdates('d', [bytes(2)]);
      const c = await s.appendUpdates('d', [bytes(3)]);
      await s.compact('d', bytes(8), b);
      // A process that had seen only the first update compacts late: the second must survive.
      await s.compact('d', bytes(6), a);
      expect(await s.loadDoc('d')).toEqual({ state: bytes(8), updates: [bytes(3)], lastSeq: c });
      await s.close();
    });
  });
}
