/**
 * PostgreSQL shared by several processes: two `Storage` instances on one database, each with
 * pools of its own as two server processes would have, appending, compacting, serialising and
 * sealing at the same time; records refused by the database itself; migrations of processes
 * starting together.
 */
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { dropFreshDatabases, freshDatabase, startThrowawayPostgres } from '../../../test/support/postgres.js';
import { verifyAuditChain } from '../../records/auditChain.js';
import { ChainSealer } from '../../records/sealer.js';
import { newSigningKeyPem, signingKeyFromPem } from '../../records/signingKey.js';
import { SCHEMA_VERSION } from './migrations.js';
import { openPostgresStorage, type PostgresOptions, type PostgresStorage } from './postgres.js';

afterAll(dropFreshDatabases);

const open: PostgresStorage[] = [];
afterAll(async () => {
  await Promise.all(open.map((s) => s.close()));
});

/** `count` storages on one fresh database, as `count` processes would open it. */
async function processes(count: number, opts: PostgresOptions = {}): Promise<PostgresStorage[]> {
  const url = await freshDatabase();
  const storages = await Promise.all(Array.from({ length: count }, () => openPostgresStorage(url, opts)));
  open.push(...storages);
  return storages;
}

/** An update's bytes naming who wrote it and its number (two bytes each). */
const payload = (writer: number, n: number) => new Uint8Array([writer, n >> 8, n & 255]);
const named = (u: Uint8Array) => `${u[0]}:${(u[1]! << 8) | u[2]!}`;

/** A compacted "state" for these tests: the names of the updates it holds, as JSON. */
const encodeState = (names: readonly string[]) => new TextEncoder().encode(JSON.stringify([...names].sort()));
const decodeState = (state: Uint8Array | null): string[] =>
  state ? (JSON.parse(new TextDecoder().decode(state)) as string[]) : [];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('two processes on one PostgreSQL database', () => {
  it('number the updates of one document without gaps, each stored once, in the order of their numbers', async () => {
    const [a, b, reader] = await processes(3);
    const appended = new Map<number, string[]>();
    const writer = async (s: PostgresStorage, id: number) => {
      await Promise.all(
        Array.from({ length: 40 }, async (_, i) => {
          const batch = Array.from({ length: 1 + (i % 3) }, (_, k) => payload(id, i * 3 + k));
          const last = await s.appendUpdates('doc', batch);
          batch.forEach((u, k) => {
            const seq = last - batch.length + 1 + k;
            appended.set(seq, [...(appended.get(seq) ?? []), named(u)]);
          });
        }),
      );
    };
    await Promise.all([writer(a!, 1), writer(b!, 2)]);
    // Batches of 1, 2 and 3 updates in turn, 40 of them per writer.
    const total = 2 * Array.from({ length: 40 }, (_, i) => 1 + (i % 3)).reduce((x, y) => x + y);
    const doc = await reader!.loadDoc('doc');
    expect(doc.updates).toHaveLength(total);
    expect(doc.lastSeq).toBe(total);
    // Every number from 1 to the last was given once, to the update its writer was told.
    expect([...appended.keys()].sort((x, y) => x - y)).toEqual(
      Array.from({ length: total }, (_, i) => i + 1),
    );
    expect([...appended.values()].every((names) => names.length === 1)).toBe(true);
    expect(doc.updates.map(named)).toEqual(
      [...appended.keys()].sort((x, y) => x - y).map((k) => appended.get(k)![0]),
    );
    expect(new Set(doc.updates.map(named)).size).toBe(total);
  });

  it('lose nothing when both compact while a third appends', async () => {
    const [writer, a, b, reader] = await processes(4);
    let writing = true;
    const written: string[] = [];
    const appending = (async () => {
      for (let i = 0; i < 150; i++) {
        const u = payload(9, i);
        await writer!.appendUpdates('doc', [u]);
        written.push(named(u));
      }
      writing = false;
    })();
    let compactions = 0;
    const compactor = async (s: PostgresStorage) => {
      while (writing) {
        const doc = await s.loadDoc('doc');
        if (doc.lastSeq > 0) {
          await s.compact(
            'doc',
            encodeState([...decodeState(doc.state), ...doc.updates.map(named)]),
            doc.lastSeq,
          );
          compactions++;
        }
        await sleep(3);
      }
    };
    await Promise.all([appending, compactor(a!), compactor(b!)]);
    expect(compactions).toBeGreaterThan(4);
    const doc = await reader!.loadDoc('doc');
    const held = [...decodeState(doc.state), ...doc.updates.map(named)];
    expect(held.sort()).toEqual([...written].sort());
    expect(await reader!.countUpdates('doc')).toBe(doc.updates.length);
    // A late compaction covering less changes nothing.
    const before = await reader!.loadDoc('doc');
    await a!.compact('doc', encodeState([]), 1);
    expect(await reader!.loadDoc('doc')).toEqual(before);
  });

  it('refuse a compaction said to cover updates not appended yet', async () => {
    const [a] = await processes(1);
    const last = await a!.appendUpdates('doc', [payload(1, 1), payload(1, 2)]);
    await expect(a!.compact('doc', encodeState([]), last + 1)).rejects.toThrow(/last update is 2/);
    await expect(a!.compact('never-written', encodeState([]), 1)).rejects.toThrow();
    expect(await a!.countUpdates('doc')).toBe(2);
  });

  it('serialise the work of one scope across both, and not of two scopes', async () => {
    const [a, b] = await processes(2);
    let inside = 0;
    let most = 0;
    const events: string[] = [];
    const work = (s: PostgresStorage, name: string) =>
      s.serialize('n1', async () => {
        inside++;
        most = Math.max(most, inside);
        events.push(`${name} in`);
        await sleep(15);
        // Entering the scope again from inside does not wait for itself.
        await s.serialize('n1', async () => undefined);
        events.push(`${name} out`);
        inside--;
      });
    const other = b!.serialize('n2', async () => {
      // Runs while n1 is held by the other process.
      await sleep(5);
      return events.length;
    });
    await Promise.all([work(a!, 'a1'), work(b!, 'b1'), work(a!, 'a2'), work(b!, 'b2'), other]);
    expect(most).toBe(1);
    expect(events).toHaveLength(8);
    expect(await other).toBeLessThan(8);
    // A failure releases the scope for the other process.
    await expect(a!.serialize('n1', async () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect(await b!.serialize('n1', async () => 'yes')).toBe('yes');
  });

  it('never run out of connections when many scopes each run units of work', async () => {
    // Pools of two: if scopes' locks took work connections, three of them would wait forever.
    const [a, b] = await processes(2, { poolSize: 2, lockPoolSize: 2 });
    const command = (s: PostgresStorage, scope: string, n: number) =>
      s.serialize(scope, () =>
        s.transaction(async () => {
          await s.appendUpdates(`doc.${scope}`, [payload(1, n)]);
          await s.audit.append({
            negotiationId: null,
            at: 'x',
            personId: null,
            personName: null,
            delegation: null,
            action: `done.${scope}`,
            detail: {},
          });
        }),
      );
    const scopes = ['n1', 'n2', 'n3', 'n4', 'n5', 'n6'];
    await Promise.all(scopes.flatMap((scope, i) => [command(a!, scope, i), command(b!, scope, i + 10)]));
    for (const scope of scopes) expect(await a!.countUpdates(`doc.${scope}`)).toBe(2);
    expect(verifyAuditChain(await a!.chains.auditChain(''))).toEqual([]);
  });

  it('append to one signed audit chain without forking it', async () => {
    const key = signingKeyFromPem(newSigningKeyPem());
    const refusals: string[] = [];
    const sealer = () => new ChainSealer(key, { onRefused: (_chain, reason) => refusals.push(reason) });
    const url = await freshDatabase();
    const a = await openPostgresStorage(url, { sealer: sealer() });
    const b = await openPostgresStorage(url, { sealer: sealer() });
    open.push(a, b);
    await a.createNegotiation(
      { id: 'n1', title: 'n1', createdAt: 'x', timeZone: 'UTC', facilitatorDelegations: [] },
      { docName: 'd1', state: new Uint8Array([0]) },
    );
    const append = (s: PostgresStorage, i: number) =>
      s.audit.append({
        negotiationId: 'n1',
        at: `2022-05-01T10:00:${String(i).padStart(2, '0')}Z`,
        personId: 'p',
        personName: 'P',
        delegation: null,
        action: `a${i}`,
        detail: { i },
      });
    await Promise.all(Array.from({ length: 30 }, (_, i) => append(i % 2 === 0 ? a : b, i)));
    const chain = await a.chains.auditChain('n1');
    expect(chain.map((e) => e.position)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(verifyAuditChain(chain)).toEqual([]);
    // Each append extended the head the other process had signed: never refused, never behind.
    expect(refusals).toEqual([]);
    const head = JSON.parse((await b.chains.signedHead('n1'))!.body) as {
      audit: { count: number; hash: string };
    };
    expect(head.audit).toEqual({ count: 30, hash: chain[29]!.hash });
  });

  it('apply the migrations once when they open a new database together', async () => {
    const storages = await processes(3);
    const { rows } = await storages[0]!.query('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1));
  });
});

describe('units of work on PostgreSQL', () => {
  it('send work a unit left running after it ended to the pool, not into the next unit', async () => {
    // One connection: the next unit gets the very connection the first one used.
    const [s] = await processes(1, { poolSize: 1 });
    let late: Promise<number> | undefined;
    let fire!: () => void;
    const fired = new Promise<void>((resolve) => {
      fire = resolve;
    });
    await s!.transaction(async () => {
      await s!.appendUpdates('doc', [payload(1, 1)]);
      late = fired.then(() => s!.appendUpdates('doc', [payload(1, 2)]));
    });
    await expect(
      s!.transaction(async () => {
        await s!.appendUpdates('other', [payload(2, 1)]);
        fire();
        await sleep(100);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await late;
    expect((await s!.loadDoc('doc')).updates.map(named)).toEqual(['1:1', '1:2']);
    expect(await s!.countUpdates('other')).toBe(0);
  });
});

describe('records in the database itself', () => {
  it('refuse raw SQL that changes or removes snapshots, audit entries, closed readings and input versions', async () => {
    const [s] = await processes(1);
    await s!.createNegotiation(
      { id: 'n1', title: 'n1', createdAt: 'x', timeZone: 'UTC', facilitatorDelegations: [] },
      { docName: 'd1', state: new Uint8Array([0]) },
    );
    await s!.accounts.createPerson({ id: 'p1', name: 'P', isAdmin: false, createdAt: 'x' });
    const snapshot = (id: string, seq: number) => ({
      id,
      negotiationId: 'n1',
      seq,
      kind: 'revision' as const,
      label: id,
      takenAt: 'x',
      takenBy: 'p1',
      yjsState: new Uint8Array([1]),
      canonical: '{}',
      prevHash: '0',
      hash: `h${seq}`,
      hashFormat: 2 as const,
    });
    await s!.readings.addSnapshot(snapshot('s1', 1));
    await s!.readings.createReading({
      id: 'r1',
      negotiationId: 'n1',
      number: 1,
      revisionId: 's1',
      openedAt: 'o',
      openedBy: 'p1',
      deadline: 'd',
      closedAt: null,
      closedBy: null,
      snapshotId: null,
    });
    await s!.inputs.insertInput({
      id: 'i1',
      negotiationId: 'n1',
      readingId: 'r1',
      kind: 'general',
      questionId: null,
      pid: null,
      source: 'member-state',
      delegation: 'EU',
      tabledBy: null,
      personId: 'p1',
      personName: 'P',
      text: 'Words',
      version: 1,
      createdAt: 'a',
      updatedAt: 'a',
    });
    // An open reading's deadline may move; a closed one is a record.
    await s!.query("UPDATE readings SET deadline = 'later' WHERE id = 'r1'");
    await s!.readings.closeReading('r1', 'c', 'p1', snapshot('s2', 2));
    await s!.audit.append({
      negotiationId: 'n1',
      at: 'x',
      personId: null,
      personName: null,
      delegation: null,
      action: 'a',
      detail: {},
    });
    const refused: [string, RegExp][] = [
      ["UPDATE snapshots SET label = 'Forged' WHERE id = 's1'", /snapshots are immutable/],
      ["DELETE FROM snapshots WHERE id = 's2'", /snapshots are immutable/],
      ['TRUNCATE snapshots CASCADE', /snapshots are immutable/],
      ["UPDATE audit SET action = 'forged'", /audit entries are immutable/],
      ['DELETE FROM audit', /audit entries are immutable/],
      ['TRUNCATE audit', /audit entries are immutable/],
      ["UPDATE readings SET deadline = 'never' WHERE id = 'r1'", /closed readings are immutable/],
      ["DELETE FROM readings WHERE id = 'r1'", /readings are records/],
      ["UPDATE input_versions SET text = 'Forged'", /input versions are records/],
    ];
    for (const [sql, message] of refused) await expect(s!.query(sql), sql).rejects.toThrow(message);
    expect((await s!.readings.getSnapshot('s1'))?.label).toBe('s1');
    expect((await s!.readings.getReading('r1'))?.deadline).toBe('later');
    expect((await s!.audit.list('n1', 5)).map((e) => e.action)).toEqual(['a']);
    expect((await s!.inputs.inputHistory('i1')).map((v) => v.text)).toEqual(['Words']);
  });

  it('are guarded again at the next open when someone dropped a guard', async () => {
    const url = await freshDatabase();
    const first = await openPostgresStorage(url);
    await first.query('DROP TRIGGER snapshots_immutable_update ON snapshots');
    await first.close();
    const second = await openPostgresStorage(url);
    open.push(second);
    const { rows } = await second.query(
      "SELECT tgname FROM pg_trigger WHERE tgname = 'snapshots_immutable_update' AND NOT tgisinternal",
    );
    expect(rows).toHaveLength(1);
  });

  it('are guarded again when someone disabled one or changed its message', async () => {
    const url = await freshDatabase();
    const first = await openPostgresStorage(url);
    await first.query('ALTER TABLE audit DISABLE TRIGGER audit_immutable_update');
    await first.query('DROP TRIGGER snapshots_immutable_delete ON snapshots');
    await first.query(
      "CREATE TRIGGER snapshots_immutable_delete BEFORE DELETE ON snapshots FOR EACH ROW EXECUTE FUNCTION refuse_change('fine')",
    );
    await first.close();
    const second = await openPostgresStorage(url);
    open.push(second);
    const { rows } = await second.query(
      "SELECT tgname, tgenabled, encode(tgargs, 'escape') AS args FROM pg_trigger WHERE tgname IN ('audit_immutable_update', 'snapshots_immutable_delete') ORDER BY tgname",
    );
    expect(rows.map((r) => [r.tgname, r.tgenabled, r.args])).toEqual([
      ['audit_immutable_update', 'O', 'audit entries are immutable\\000'],
      ['snapshots_immutable_delete', 'O', 'snapshots are immutable\\000'],
    ]);
  });

  it('open while another process works on the guarded tables, and take no lock on them when the guards are in place', async () => {
    const url = await freshDatabase();
    const first = await openPostgresStorage(url);
    open.push(first);
    // A unit of another process holds the audit and snapshot tables (as an append of an entry does).
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query('LOCK TABLE audit, snapshots IN ROW EXCLUSIVE MODE');
      const second = await Promise.race([
        openPostgresStorage(url),
        new Promise<null>((r) => setTimeout(() => r(null), 5_000)),
      ]);
      expect(second, 'the second open waited for the other unit').not.toBeNull();
      if (second) open.push(second);
    } finally {
      await client.query('ROLLBACK');
      await client.end();
    }
  });
});

describe('a restart of PostgreSQL', () => {
  it('fails the writes made while it is down, and the same storage writes again once it is back', async () => {
    const server = await startThrowawayPostgres();
    const errors: Error[] = [];
    const s = await openPostgresStorage(await freshDatabase(server.url), {
      onConnectionError: (err) => errors.push(err),
    });
    try {
      const before = await s.appendUpdates('doc', [payload(1, 1)]);
      // Idle connections are cut by the stop: told, not thrown at the process.
      await server.stop('immediate');
      await expect(s.appendUpdates('doc', [payload(1, 2)])).rejects.toThrow();
      await expect(s.transaction(async () => s.appendUpdates('doc', [payload(1, 3)]))).rejects.toThrow();
      await expect(s.serialize('n1', async () => 'ran')).rejects.toThrow();
      await server.start();
      const after = await s.appendUpdates('doc', [payload(1, 4)]);
      expect(after).toBe(before + 1);
      expect(await s.serialize('n1', async () => 'ran')).toBe('ran');
      expect((await s.loadDoc('doc')).updates.map(named)).toEqual(['1:1', '1:4']);
      expect(errors.length).toBeGreaterThan(0);
    } finally {
      await s.close();
      await server.destroy();
    }
  });
});
