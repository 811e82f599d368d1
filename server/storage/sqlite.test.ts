import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { openSqliteStorage } from './sqlite.js';
import { storageContract } from './storage.contract.js';

storageContract('SQLite (memory)', async (opts) => openSqliteStorage(':memory:', opts));
storageContract('SQLite (file)', async (opts) =>
  openSqliteStorage(join(mkdtempSync(join(tmpdir(), 'st-')), 'db.sqlite'), opts),
);

it('reopens a file database with its data', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'st-')), 'db.sqlite');
  const a = openSqliteStorage(file);
  await a.appendUpdates('d', [new Uint8Array([5])]);
  await a.close();
  const b = openSqliteStorage(file);
  expect((await b.loadDoc('d')).updates).toEqual([new Uint8Array([5])]);
  expect(b.db.pragma('journal_mode', { simple: true })).toBe('wal');
  // Every commit reaches the disk before it is acknowledged (2 = FULL; NORMAL, 1, syncs the
  // WAL only at checkpoints, so a power loss could take acknowledged edits).
  expect(b.db.pragma('synchronous', { simple: true })).toBe(2);
  // The page cache is bounded well below better-sqlite3's 16 MB.
  expect(b.db.pragma('cache_size', { simple: true })).toBe(-4_000);
  await b.close();
});
