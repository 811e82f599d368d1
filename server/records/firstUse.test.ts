/** A database written before records were signed: migrated, chained and signed as found (trust on first use). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { GENESIS_HASH, snapshotHash, snapshotHashV2 } from '../readings/hashChain.js';
import { migrate, SIGNED_CHAINS_VERSION } from '../storage/migrations.js';
import { openSqliteStorage, type SqliteStorage } from '../storage/sqlite.js';
import { Records } from './records.js';
import { ChainSealer } from './sealer.js';
import { newSigningKeyPem, signingKeyFromPem } from './signingKey.js';

const key = signingKeyFromPem(newSigningKeyPem());
let dir: string;
let storage: SqliteStorage | undefined;
afterEach(async () => {
  await storage?.close();
  storage = undefined;
  rmSync(dir, { recursive: true, force: true });
});

/** Writes, as the code before signing did, two snapshots (a revision, a reading's closure) and three audit entries. */
function writeOldDatabase(file: string): void {
  const db = new Database(file);
  migrate(db, SIGNED_CHAINS_VERSION - 1);
  db.prepare("INSERT INTO negotiations (id, title, created_at) VALUES ('n', 'N', '2022-03-01')").run();
  const insert = db.prepare(
    `INSERT INTO snapshots (id, negotiation_id, seq, kind, label, taken_at, taken_by, yjs_state, canonical, prev_hash, hash)
       VALUES (?, 'n', ?, ?, ?, ?, 'p1', ?, ?, ?, ?)`,
  );
  const h1 = snapshotHash(GENESIS_HASH, '{"a":1}', new Uint8Array([1]));
  insert.run(
    's1',
    1,
    'revision',
    'Zero draft',
    '2022-03-17T12:00:00.000Z',
    Buffer.from([1]),
    '{"a":1}',
    GENESIS_HASH,
    h1,
  );
  const h2 = snapshotHash(h1, '{"a":2}', new Uint8Array([2]));
  insert.run(
    's2',
    2,
    'reading',
    'First reading',
    '2022-03-29T22:00:00.000Z',
    Buffer.from([2]),
    '{"a":2}',
    h1,
    h2,
  );
  db.prepare(
    `INSERT INTO readings (id, negotiation_id, number, revision_id, opened_at, opened_by, deadline, closed_at, closed_by, snapshot_id)
       VALUES ('r1', 'n', 1, 's1', '2022-03-22T14:00:00.000Z', 'p1', '2022-03-29T22:00:00.000Z', '2022-03-29T22:00:00.000Z', 'p1', 's2')`,
  ).run();
  const audit = db.prepare(
    `INSERT INTO audit (at, negotiation_id, person_id, person_name, delegation, action, detail) VALUES (?, ?, 'p1', 'P', 'BGD', ?, '{}')`,
  );
  audit.run('2022-03-17T12:00:00.000Z', 'n', 'revision.circulated');
  audit.run('2022-03-18T12:00:00.000Z', null, 'signin');
  audit.run('2022-03-29T22:00:00.000Z', 'n', 'reading.closed');
  db.close();
}

describe('a database written before signing', () => {
  it('is chained and signed on first start with a key, and says so', async () => {
    dir = mkdtempSync(join(tmpdir(), 'first-use-'));
    const file = join(dir, 'db.sqlite');
    writeOldDatabase(file);
    storage = openSqliteStorage(file, { sealer: new ChainSealer(key) });
    const records = new Records(storage, key);
    const report = await records.verify('n');
    expect(report).toMatchObject({ ok: true, checked: 2, problems: [], audit: { count: 2 } });
    expect(report.signature).toMatchObject({
      status: 'valid',
      origin: { kind: 'first-use' },
      legacySnapshots: 2,
    });
    // The server's own chain (entries of no negotiation) is signed too.
    expect(await storage.chains.chains()).toEqual(['', 'n']);
    expect(await storage.chains.signedHead('')).toBeDefined();

    // New snapshots use format 2 and extend the signed head.
    const previous = (await storage.readings.listSnapshots('n')).at(-1)!;
    const next = {
      id: 's3',
      negotiationId: 'n',
      seq: 3,
      kind: 'revision' as const,
      label: 'Rev.1',
      takenAt: '2022-04-04T12:00:00.000Z',
      takenBy: 'p1',
      yjsState: new Uint8Array([3]),
      canonical: '{"a":3}',
      prevHash: previous.hash,
    };
    await storage.readings.addSnapshot({ ...next, hash: snapshotHashV2(next, null), hashFormat: 2 });
    expect(await records.verify('n')).toMatchObject({ ok: true, checked: 3 });
  });

  it("vouches for the old snapshots' labels and closures, which their own hashes do not cover", async () => {
    dir = mkdtempSync(join(tmpdir(), 'first-use-'));
    const file = join(dir, 'db.sqlite');
    writeOldDatabase(file);
    openSqliteStorage(file, { sealer: new ChainSealer(key) }).db.close();
    for (const forge of [
      "UPDATE snapshots SET label = 'Rev.5' WHERE id = 's1'",
      "UPDATE readings SET closed_by = 'p2' WHERE id = 'r1'",
    ]) {
      const db = new Database(file);
      for (const t of ['snapshots_immutable_update', 'readings_closed_immutable'])
        db.exec(`DROP TRIGGER ${t}`);
      db.exec(forge);
      db.close();
      storage = openSqliteStorage(file, { sealer: new ChainSealer(key) });
      const report = await new Records(storage, key).verify('n');
      expect(report.problems).toEqual([
        { record: 'head', seq: null, snapshotId: null, reason: 'legacy-altered' },
      ]);
      await storage.close();
      storage = undefined;
    }
  });
});
