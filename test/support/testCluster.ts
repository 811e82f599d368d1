/**
 * A real cluster for tests: `startCluster` (deploy/cluster.ts) with the production bundle
 * (`npm run build` makes it; `npm test` builds first), a fresh PostgreSQL database and a Redis from
 * the harnesses, and every process tied to the test process: Node loads tsx's loader and
 * `exitWithParent.ts` before the bundle, so a server exits when the test process goes away, and
 * HAProxy leaves with it by itself. The test process keeps a storage of its own on the same
 * database, to issue sign-in links and to read what is stored.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';
import { type RunningCluster, startCluster } from '../../deploy/cluster.js';
import { Accounts } from '../../server/accounts/accounts.js';
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import { openPostgresStorage, type PostgresStorage } from '../../server/storage/postgres/postgres.js';
import { draftDocName } from '../../shared/protocol.js';
import { DRAFT_FRAGMENT } from '../../shared/schema.js';
import { redeem } from './auth.js';
import { freshDatabase } from './postgres.js';
import { waitFor } from './provider.js';
import { ReconnectingClient } from './reconnectingClient.js';
import { redisUrl } from './redis.js';
import { ROOT, removeDir, tempDataDir } from './server.js';

/** Node flags that make a cluster's server exit when the test process ends (see the module comment). */
export const TIED_TO_TEST = ['--import', 'tsx', '--import', join(ROOT, 'test/support/exitWithParent.ts')];

/** The bundle every process runs. */
const BUNDLE = join(ROOT, 'build', 'main.mjs');

/** A cluster started for a test. */
export interface TestCluster {
  cluster: RunningCluster;
  databaseUrl: string;
  /** A storage of the test process on the cluster's database. */
  storage: PostgresStorage;
  /** The demo draft's WebSocket address through HAProxy (or at `base`, a process's own address). */
  draftUrl(base?: string): string;
  /** Signs a demo person in through HAProxy with a fresh link; returns the `Cookie` header. */
  signIn(personId: string): Promise<string>;
  /** The last lines each process wrote, for a failing test's message. */
  output(): string;
  stop(): Promise<void>;
}

/** Options of `startTestCluster`. */
export interface TestClusterOptions {
  nodes?: number;
  /** A database (e.g. on a dedicated PostgreSQL a test restarts); a fresh one on the shared server when omitted. */
  databaseUrl?: string;
  /** A Redis (e.g. a dedicated one a test restarts); the shared one when omitted. */
  redisUrl?: string;
}

/** Starts a cluster of `nodes` processes (3 by default) behind HAProxy. */
export async function startTestCluster(opts: TestClusterOptions = {}): Promise<TestCluster> {
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run npm run build first`);
  const databaseUrl = opts.databaseUrl ?? (await freshDatabase());
  const dataDir = tempDataDir();
  const tails = new Map<string, string>();
  const cluster = await startCluster({
    nodes: opts.nodes ?? 3,
    port: 0,
    databaseUrl,
    redisUrl: opts.redisUrl ?? (await redisUrl()),
    dataDir,
    env: { LOG_LEVEL: (process.env.TEST_LOG as string | undefined) ?? 'error' },
    nodeFlags: TIED_TO_TEST,
    output: (name, chunk) => {
      tails.set(name, `${tails.get(name) ?? ''}${chunk}`.slice(-4_000));
      if (process.env.TEST_LOG) process.stderr.write(`[${name}] ${chunk}`);
    },
  });
  // Its connections may break (a test restarts PostgreSQL): the pool opens new ones when next needed.
  const storage = await openPostgresStorage(databaseUrl, {
    poolSize: 2,
    lockPoolSize: 1,
    onConnectionError: () => undefined,
  });
  const accounts = new Accounts(storage);
  return {
    cluster,
    databaseUrl,
    storage,
    draftUrl: (base = cluster.url) =>
      `${base.replace(/^http/, 'ws')}/collab/${draftDocName(DEMO_NEGOTIATION_ID)}`,
    async signIn(personId) {
      const link = await accounts.issueLink(personId, DEMO_NEGOTIATION_ID, null);
      return redeem(cluster.url, link.token);
    },
    output: () => [...tails].map(([name, tail]) => `--- ${name}\n${tail}`).join('\n'),
    async stop() {
      await cluster.stop();
      await storage.close();
      removeDir(dataDir);
    },
  };
}

/** The demo draft's stored log now: the compacted state (if any) and the updates after it. */
export async function storedDraftLog(storage: PostgresStorage): Promise<Uint8Array[]> {
  const stored = await storage.loadDoc(draftDocName(DEMO_NEGOTIATION_ID));
  return stored.state ? [stored.state, ...stored.updates] : stored.updates;
}

/** The demo draft as stored in `storage` now. */
export async function storedDraft(storage: PostgresStorage): Promise<Y.Doc> {
  const doc = new Y.Doc();
  for (const update of await storedDraftLog(storage)) Y.applyUpdate(doc, update);
  return doc;
}

/**
 * What is wrong with a stored log for the items of some clients (`clocks`: each client's id and
 * how many items it made): each of their items must be in exactly one stored update (or the
 * compacted state), none missing, none twice.
 */
export function itemsNotStoredOnce(
  log: readonly Uint8Array[],
  clocks: ReadonlyMap<number, number>,
): string[] {
  const ranges = new Map<number, [number, number][]>([...clocks.keys()].map((id) => [id, []]));
  for (const update of log) {
    for (const struct of Y.decodeUpdate(update).structs) {
      if (struct instanceof Y.Skip) continue; // a gap in a merged update, not an item
      ranges.get(struct.id.client)?.push([struct.id.clock, struct.id.clock + struct.length]);
    }
  }
  const problems: string[] = [];
  for (const [client, list] of ranges) {
    list.sort((x, y) => x[0] - y[0]);
    let next = 0;
    for (const [from, to] of list) {
      if (from < next) problems.push(`client ${client}: items ${from}..${Math.min(to, next)} stored twice`);
      if (from > next) problems.push(`client ${client}: items ${next}..${from} missing`);
      next = Math.max(next, to);
    }
    if (next < clocks.get(client)!)
      problems.push(`client ${client}: items ${next}..${clocks.get(client)} missing`);
  }
  return problems;
}

/** The text of a draft document, markup included (two copies hold the same text when equal). */
export function draftText(doc: Y.Doc): string {
  return doc.getXmlFragment(DRAFT_FRAGMENT).toString();
}

/** Connections per signed-in session of `connectClients` (a session may hold 20 sockets per process). */
const PER_SESSION = 10;

/**
 * `count` reconnecting clients of the demo draft at `url`, as the two co-facilitators in turn, ten
 * connections per session; resolves once every one is synced.
 */
export async function connectClients(
  tc: TestCluster,
  count: number,
  url = tc.draftUrl(),
): Promise<ReconnectingClient[]> {
  const clients: ReconnectingClient[] = [];
  for (let s = 0; s * PER_SESSION < count; s++) {
    const cookie = await tc.signIn(s % 2 === 0 ? 'demo-cofac-bgd' : 'demo-cofac-lux');
    for (let i = 0; i < PER_SESSION && clients.length < count; i++)
      clients.push(new ReconnectingClient({ url, headers: { cookie } }));
  }
  try {
    await waitFor(() => clients.every((c) => c.isSynced), 45_000, 'every client synced');
  } catch (err) {
    const states = clients.map((c, i) => `client ${i}: ${c.describe()}`).join('\n');
    throw new Error(`${(err as Error).message}\n${states}\n${tc.output()}`);
  }
  return clients;
}
