/**
 * Two servers on one database and one Redis, both serving the same negotiation: every client
 * converges and storage holds each acknowledged edit once; a hint lost while Redis is away only
 * delays by the rooms' poll; a flushed or restarted Redis costs only latency; a session ended on
 * one server closes its sockets on the other; sign-in failures are counted across both; and
 * people on one see the presence of people on the other.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { SIGNIN_FAILURES } from '../../server/accounts/signInLimiter.js';
import { openRedisBus, type RedisBus } from '../../server/cluster/redisBus.js';
import { CATCH_UP_EVERY_MS, UNLOAD_AFTER_MS } from '../../server/collab/rooms.js';
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import { createLogger } from '../../server/logger.js';
import { CloseCode, draftDocName } from '../../shared/protocol.js';
import { DRAFT_FRAGMENT } from '../../shared/schema.js';
import { api } from '../support/auth.js';
import { paragraphString, paragraphText } from '../support/draft.js';
import { connectProvider, waitFor } from '../support/provider.js';
import { startRedis, type TestRedis } from '../support/redis.js';
import { removeDir, startTestServer, type TestServer, tempDataDir } from '../support/server.js';

const DOC = draftDocName(DEMO_NEGOTIATION_ID);
const log = createLogger((process.env.TEST_LOG as 'error' | undefined) ?? 'silent');
const dataDir = tempDataDir();
let redis: TestRedis;
let busA: RedisBus;
let busB: RedisBus;
let a: TestServer;
let b: TestServer;
type Client = Awaited<ReturnType<typeof connectProvider>>;
const clients: Client[] = [];

beforeAll(async () => {
  redis = await startRedis();
  busA = openRedisBus(redis.url, log);
  busB = openRedisBus(redis.url, log);
  // Sessions are checked again only every minute: a socket closed sooner was closed by the bus.
  const common = { dataDir, trustProxy: 'loopback', socketLimits: { revalidateEveryMs: 60_000 } };
  a = await startTestServer({ ...common, bus: busA });
  b = await startTestServer({ ...common, bus: busB });
});
afterEach(() => {
  for (const c of clients.splice(0)) c.provider.destroy();
});
afterAll(async () => {
  await a?.stop();
  await b?.stop();
  await busA?.close();
  await busB?.close();
  await redis?.stop();
  removeDir(dataDir);
});

async function connect(server: TestServer, personId: string): Promise<Client> {
  const client = await connectProvider(server.wsUrl, DOC, {
    headers: { cookie: await server.signIn(personId) },
  });
  clients.push(client);
  return client;
}

const fingerprint = (doc: Y.Doc) => doc.getXmlFragment(DRAFT_FRAGMENT).toString();

/** Appends `word` to paragraph `pid` in `client`'s copy. */
function type(client: Client, pid: string, word: string): void {
  const text = paragraphText(client.doc, pid);
  text.insert(text.length, word);
}

/** Milliseconds until `word` shows in paragraph `pid` of `client`'s copy. */
async function arrival(client: Client, pid: string, word: string, timeoutMs = 10_000): Promise<number> {
  const start = Date.now();
  await waitFor(() => paragraphString(client.doc, pid).includes(word), timeoutMs, `"${word}" arriving`);
  return Date.now() - start;
}

/**
 * The stored log as ranges of each client's items: every item of `clientIds` must be in exactly
 * one stored update (or the compacted state), none missing and none twice.
 */
function itemsOnce(stored: { state: Uint8Array | null; updates: Uint8Array[] }, clientIds: number[]): void {
  const ranges = new Map<number, [number, number][]>(clientIds.map((id) => [id, []]));
  for (const update of stored.state ? [stored.state, ...stored.updates] : stored.updates) {
    for (const struct of Y.decodeUpdate(update).structs) {
      const list = ranges.get(struct.id.client);
      if (list) list.push([struct.id.clock, struct.id.clock + struct.length]);
    }
  }
  const doc = new Y.Doc();
  for (const update of stored.state ? [stored.state, ...stored.updates] : stored.updates)
    Y.applyUpdate(doc, update);
  for (const [client, list] of ranges) {
    list.sort((x, y) => x[0] - y[0]);
    let next = 0;
    for (const [from, to] of list) {
      expect(from, `client ${client}: items from ${from} stored twice, or ${next}..${from} missing`).toBe(
        next,
      );
      next = to;
    }
    expect(next).toBe(Y.getState(doc.store, client));
  }
}

describe('two servers serving one negotiation', () => {
  it('converge under concurrent edits on both, with every edit stored once', async () => {
    const onA = [await connect(a, 'demo-cofac-bgd'), await connect(a, 'demo-cofac-bgd')];
    const onB = [await connect(b, 'demo-cofac-lux'), await connect(b, 'demo-cofac-lux')];
    const all = [...onA, ...onB];
    const pids = ['op01', 'op02', 'op03', 'pp01'];
    for (let round = 0; round < 25; round++) {
      for (const [i, c] of all.entries()) type(c, pids[(i + round) % pids.length]!, ` w${i}r${round}`);
      await new Promise((r) => setTimeout(r, round % 5 === 0 ? 20 : 2));
    }
    await waitFor(
      () => all.every((c) => fingerprint(c.doc) === fingerprint(all[0]!.doc)),
      10_000,
      'convergence',
    );
    for (let i = 0; i < all.length; i++) expect(fingerprint(all[0]!.doc)).toContain(` w${i}r24`);
    // Everything the clients hold is stored, once.
    await waitFor(() => all.every((c) => c.provider.synced), 5_000, 'synced');
    const expected = fingerprint(all[0]!.doc);
    await waitFor(
      () => {
        const doc = new Y.Doc();
        const stored = a.storage.db
          .prepare('SELECT data FROM doc_updates WHERE doc = ? ORDER BY seq')
          .all(DOC) as { data: Buffer }[];
        const state = a.storage.db.prepare('SELECT state FROM doc_states WHERE doc = ?').get(DOC) as
          | { state: Buffer }
          | undefined;
        if (state) Y.applyUpdate(doc, state.state);
        for (const r of stored) Y.applyUpdate(doc, r.data);
        return fingerprint(doc) === expected;
      },
      5_000,
      'storage holding every edit',
    );
    itemsOnce(
      await a.storage.loadDoc(DOC),
      all.map((c) => c.doc.clientID),
    );
  });

  it('brings an edit made on one to the other at once (the hint), not at the next poll', async () => {
    const writer = await connect(a, 'demo-cofac-bgd');
    const reader = await connect(b, 'demo-cofac-lux');
    for (let i = 0; i < 5; i++) {
      type(writer, 'op04', ` hinted${i}`);
      expect(await arrival(reader, 'op04', ` hinted${i}`)).toBeLessThan(CATCH_UP_EVERY_MS / 4);
    }
  });

  it('locks on one server at once a paragraph agreed on the other, where only the draft is open', async () => {
    // Nothing of the negotiation loaded on A (earlier connections and the demo's seeding gone);
    // then a raw client of the draft alone: no browser has the proposals document open there.
    await waitFor(
      () => !a.server.rooms.loadedNames().some((name) => name.endsWith(`.${DEMO_NEGOTIATION_ID}`)),
      3 * UNLOAD_AFTER_MS,
      'the negotiation unloaded on A',
    );
    const writer = await connect(a, 'demo-cofac-bgd');
    const reader = await connect(b, 'demo-cofac-lux');
    const cookie = await b.signIn('demo-cofac-lux');
    const status = (value: string) =>
      api(b.url, 'PUT', `/api/negotiations/${DEMO_NEGOTIATION_ID}/paragraphs/op09/status`, {
        cookie,
        body: { status: value },
      });
    expect((await status('agreed-ad-ref')).status).toBe(200);
    try {
      // Well before the rooms' poll: the lock came with the hint.
      await new Promise((r) => setTimeout(r, CATCH_UP_EVERY_MS / 4));
      type(writer, 'op09', ' unagreed');
      // A refused update leaves its writer's later ones unappliable: the control comes from another.
      const other = await connect(a, 'demo-cofac-bgd');
      type(other, 'op10', ' beside');
      await arrival(reader, 'op10', ' beside');
      await new Promise((r) => setTimeout(r, 200));
      expect(paragraphString(reader.doc, 'op09')).not.toContain('unagreed');
      const stored = await a.storage.loadDoc(DOC);
      const copy = new Y.Doc();
      if (stored.state) Y.applyUpdate(copy, stored.state);
      for (const u of stored.updates) Y.applyUpdate(copy, u);
      expect(paragraphString(copy, 'op09')).not.toContain('unagreed');
    } finally {
      expect((await status('bracketed')).status).toBe(200);
    }
  });

  it('shows people on one the presence of people on the other, under their server identity', async () => {
    const here = await connect(a, 'demo-cofac-bgd');
    const there = await connect(b, 'demo-cofac-lux');
    here.provider.awareness.setLocalStateField('cursor', { at: 3 });
    await waitFor(
      () => there.provider.awareness.getStates().get(here.doc.clientID)?.cursor !== undefined,
      5_000,
      'presence relayed',
    );
    const state = there.provider.awareness.getStates().get(here.doc.clientID)!;
    expect((state.user as { name: string }).name).toBe('Co-facilitator, Bangladesh');
    here.provider.destroy();
    await waitFor(
      () => !there.provider.awareness.getStates().has(here.doc.clientID),
      5_000,
      'presence removed',
    );
  });

  it('closes at once, on the other server too, the sockets of a session that ended', async () => {
    const cookie = await a.signIn('demo-cofac-lux');
    const ws = new WebSocket(`${b.wsUrl}/${DOC}`, { headers: { cookie } });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    const start = Date.now();
    expect((await api(a.url, 'POST', '/api/auth/signout', { cookie })).status).toBe(200);
    expect(await closed).toBe(CloseCode.sessionEnded);
    expect(Date.now() - start).toBeLessThan(2_000);
  });

  it('counts sign-in failures across both servers', async () => {
    const from = { 'x-forwarded-for': '198.51.100.77' };
    const codes: string[] = [];
    for (let i = 0; i < SIGNIN_FAILURES.perAddress.burst + 1; i++) {
      const server = i % 2 === 0 ? a : b;
      const res = await api<{ error?: { code: string } }>(server.url, 'POST', '/api/auth/signin', {
        body: { token: 'w'.repeat(43) },
        headers: from,
      });
      codes.push(res.body.error!.code);
    }
    expect(codes.slice(0, -1).every((c) => c === 'LINK_INVALID')).toBe(true);
    expect(codes.at(-1)).toBe('RATE_LIMITED');
  });

  it('still converges while Redis is away (within the poll), and at once again once it is back', async () => {
    const writer = await connect(a, 'demo-cofac-bgd');
    const reader = await connect(b, 'demo-cofac-lux');
    await redis.stop();
    type(writer, 'pp01', ' without-redis');
    expect(await arrival(reader, 'pp01', ' without-redis')).toBeLessThan(CATCH_UP_EVERY_MS + 1_500);
    // Sign-in failures are still answered, by each server's own count.
    const refused = await api<{ error?: { code: string } }>(b.url, 'POST', '/api/auth/signin', {
      body: { token: 'w'.repeat(43) },
      headers: { 'x-forwarded-for': '198.51.100.78' },
    });
    expect(refused.body.error?.code).toBe('LINK_INVALID');

    let resumed = 0;
    busA.onResume(() => resumed++);
    busB.onResume(() => resumed++);
    await redis.start();
    // Both buses reconnect and subscribe again by themselves; then edits arrive at once again.
    await waitFor(() => resumed === 2, 10_000, 'both buses back');
    for (let i = 0; i < 3; i++) {
      type(writer, 'pp02', ` back${i}`);
      expect(await arrival(reader, 'pp02', ` back${i}`)).toBeLessThan(CATCH_UP_EVERY_MS / 4);
    }

    await redis.flushAll();
    type(writer, 'pp02', ' flushed');
    expect(await arrival(reader, 'pp02', ' flushed')).toBeLessThan(CATCH_UP_EVERY_MS / 4);
    expect(writer.provider.wsconnected && reader.provider.wsconnected).toBe(true);
  });
});
