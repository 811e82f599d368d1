/**
 * The real server on PostgreSQL: the demo seeded into a fresh database, a sign-in, a WebSocket
 * edit acknowledged only once another connection to the database reads it; and every
 * acknowledged edit kept across a kill -9 of the server process and a restart.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as decoding from 'lib0/decoding';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import { openPostgresStorage } from '../../server/storage/postgres/postgres.js';
import { draftDocName, MessageType } from '../../shared/protocol.js';
import { redeem } from '../support/auth.js';
import { paragraphString, typeInto } from '../support/draft.js';
import { dropFreshDatabases, freshDatabase } from '../support/postgres.js';
import { connectProvider, waitFor } from '../support/provider.js';
import {
  killGroup,
  removeDir,
  spawnServer,
  startTestServer,
  stopChildServers,
  tempDataDir,
} from '../support/server.js';

const DOC = draftDocName(DEMO_NEGOTIATION_ID);
type ProviderHandle = Awaited<ReturnType<typeof connectProvider>>;
const dirs: string[] = [];
afterAll(async () => {
  await stopChildServers();
  for (const dir of dirs) removeDir(dir);
  await dropFreshDatabases();
});

/** Resolves once the server has acknowledged everything `a` has written. */
function allAcknowledged(a: ProviderHandle): Promise<void> {
  let saved = new Map<number, number>();
  a.provider.messageHandlers[MessageType.saved] = (_e, decoder: decoding.Decoder) => {
    saved = Y.decodeStateVector(decoding.readVarUint8Array(decoder));
  };
  return waitFor(
    () => saved.get(a.doc.clientID) === Y.getState(a.doc.store, a.doc.clientID),
    10_000,
    'all edits acknowledged',
  );
}

/** The draft's paragraph as stored in the database, read over a connection of its own. */
async function storedParagraph(url: string, pid: string): Promise<string> {
  const reader = await openPostgresStorage(url);
  try {
    const stored = await reader.loadDoc(DOC);
    const doc = new Y.Doc();
    if (stored.state) Y.applyUpdate(doc, stored.state);
    for (const u of stored.updates) Y.applyUpdate(doc, u);
    return paragraphString(doc, pid);
  } finally {
    await reader.close();
  }
}

describe('the server on PostgreSQL', () => {
  it('seeds the demo, signs in and stores an acknowledged edit in the database', async () => {
    const url = await freshDatabase();
    const dataDir = tempDataDir();
    dirs.push(dataDir);
    const ts = await startTestServer({ databaseUrl: url, dataDir });
    try {
      expect((await ts.storage.listNegotiations()).map((n) => n.id)).toContain(DEMO_NEGOTIATION_ID);
      expect((await ts.storage.readings.listSnapshots(DEMO_NEGOTIATION_ID)).length).toBeGreaterThan(0);
      const cookie = await ts.signIn('demo-cofac-bgd');
      const me = await fetch(`${ts.url}/api/me`, { headers: { cookie } });
      expect(me.status).toBe(200);

      const a = await connectProvider(ts.wsUrl, DOC, { params: { ext: '1' }, headers: { cookie } });
      const acked = allAcknowledged(a);
      typeInto(a.doc, 'op03', 0, 'Stored in PostgreSQL ');
      await acked;
      const expected = paragraphString(a.doc, 'op03');
      a.provider.destroy();
      expect(expected.startsWith('Stored in PostgreSQL ')).toBe(true);
      expect(await storedParagraph(url, 'op03')).toBe(expected);
    } finally {
      await ts.stop();
    }
  });

  it('keeps every acknowledged edit across kill -9 and restart', async () => {
    const url = await freshDatabase();
    const dataDir = tempDataDir();
    dirs.push(dataDir);
    const first = await spawnServer(dataDir, { DATABASE_URL: url });
    const cookie = await redeem(first.url, first.links.get('Co-facilitator, Bangladesh')!);
    const a = await connectProvider(first.wsUrl, DOC, { params: { ext: '1' }, headers: { cookie } });
    const acked = allAcknowledged(a);
    for (let i = 0; i < 50; i++) typeInto(a.doc, 'op07', 0, `e${i} `);
    await acked;
    const expected = paragraphString(a.doc, 'op07');
    a.provider.destroy();

    killGroup(first.child, 'SIGKILL');
    await first.exited;
    await expect(fetch(`${first.url}/api/health`)).rejects.toThrow();
    // What was acknowledged is in PostgreSQL, and no SQLite file was made beside it.
    expect(await storedParagraph(url, 'op07')).toBe(expected);
    expect(existsSync(join(dataDir, 'negotiations.sqlite'))).toBe(false);

    const second = await spawnServer(dataDir, { DATABASE_URL: url });
    const observer = await redeem(second.url, second.links.get('Observer, civil society')!);
    const b = await connectProvider(second.wsUrl, DOC, { headers: { cookie: observer } });
    expect(paragraphString(b.doc, 'op07')).toBe(expected);
    expect(expected.startsWith('e49 e48 ')).toBe(true);
    b.provider.destroy();
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });
});
