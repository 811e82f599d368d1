/** Starting the real server for tests: in this process, or as a child process that can be killed. */

import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type RunningServer, startServer } from '../../server/app.js';
import type { Bus } from '../../server/cluster/bus.js';
import type { SocketLimits } from '../../server/collab/websocket.js';
import type { TrustProxy } from '../../server/config.js';
import { ensureDemoHistory } from '../../server/demo/history.js';
import { ensureDemoRoadmap } from '../../server/demo/roadmap.js';
import { DEMO_NEGOTIATION_ID, ensureDemoNegotiation } from '../../server/demo/seed.js';
import type { AknLimits } from '../../server/import/aknReader.js';
import { createLogger } from '../../server/logger.js';
import { ChainSealer } from '../../server/records/sealer.js';
import { defaultKeyFile, loadSigningKey, type SigningKey } from '../../server/records/signingKey.js';
import { openPostgresStorage } from '../../server/storage/postgres/postgres.js';
import { openSqliteStorage, type SqliteStorage } from '../../server/storage/sqlite.js';
import type { Storage } from '../../server/storage/storage.js';
import { redeem } from './auth.js';

/** Root of the repository. */
export const ROOT = resolve(import.meta.dirname, '../..');

/** A fresh temporary data directory. */
export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'negotiation-test-'));
}

/**
 * A server running in this process on a free port with a temporary database: a SQLite file in
 * `dataDir`, or the PostgreSQL database it was given.
 */
export interface TestServer<S extends Storage = SqliteStorage> {
  server: RunningServer;
  storage: S;
  dataDir: string;
  /** The signing key's file (inside `dataDir` unless given). */
  keyFile: string;
  key: SigningKey;
  url: string;
  wsUrl: string;
  stop(): Promise<void>;
  /** Signs a person in (a fresh link redeemed over HTTP) and returns their `Cookie` header. */
  signIn(personId: string): Promise<string>;
}

/** Options of `startTestServer`. */
export interface TestServerOptions {
  dataDir?: string;
  withClient?: boolean;
  socketLimits?: Partial<SocketLimits>;
  /** As `ServerOptions`: ALLOWED_ORIGINS, PUBLIC_URL and TRUST_PROXY. */
  allowedOrigins?: string[];
  publicUrl?: string;
  trustProxy?: TrustProxy;
  keyFile?: string;
  /** The port to listen on (a free one when not given), e.g. to restart where browsers left it. */
  port?: number;
  /** A PostgreSQL database (e.g. `freshDatabase()`) to use instead of a SQLite file in `dataDir`. */
  databaseUrl?: string;
  /** The link to other servers on the same database (`REDIS_URL`); alone when not given. */
  bus?: Bus;
  /** Bounds of Akoma Ntoso imports (production's when not given). */
  aknLimits?: Partial<AknLimits>;
}

/** Starts the real server in-process on a free port, with the demo negotiation seeded. */
export async function startTestServer(
  opts: TestServerOptions & { databaseUrl: string },
): Promise<TestServer<Storage>>;
export async function startTestServer(
  opts?: TestServerOptions & { databaseUrl?: undefined },
): Promise<TestServer>;
export async function startTestServer(opts: TestServerOptions = {}): Promise<TestServer<Storage>> {
  const dataDir = opts.dataDir ?? tempDataDir();
  const keyFile = opts.keyFile ?? join(dataDir, 'signing-key.pem');
  const key = loadSigningKey(keyFile, { create: true });
  const sealer = new ChainSealer(key);
  const storage: Storage = opts.databaseUrl
    ? await openPostgresStorage(opts.databaseUrl, { sealer })
    : openSqliteStorage(join(dataDir, 'negotiations.sqlite'), { sealer });
  await ensureDemoNegotiation(storage);
  const server = await startServer({
    signingKey: key,
    storage,
    log: testLogger(),
    port: opts.port ?? 0,
    host: '127.0.0.1',
    distDir: opts.withClient ? join(ROOT, 'dist') : undefined,
    socketLimits: opts.socketLimits ?? {},
    allowedOrigins: opts.allowedOrigins ?? [],
    publicUrl: opts.publicUrl,
    trustProxy: opts.trustProxy ?? false,
    bus: opts.bus,
    aknLimits: opts.aknLimits,
  });
  await ensureDemoHistory(storage, server, testLogger());
  await ensureDemoRoadmap(storage, server, testLogger());
  const url = `http://127.0.0.1:${server.port}`;
  return {
    server,
    storage,
    dataDir,
    keyFile,
    key,
    url,
    wsUrl: `ws://127.0.0.1:${server.port}/collab`,
    async stop() {
      await server.stop();
      await storage.close();
    },
    async signIn(personId) {
      const link = await server.accounts.issueLink(personId, DEMO_NEGOTIATION_ID, null);
      return redeem(url, link.token);
    },
  };
}

/** A server running as a child process (`node --import tsx server/main.ts`). */
export interface ChildServer {
  child: ChildProcess;
  port: number;
  url: string;
  wsUrl: string;
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>;
  /** Sign-in tokens printed at start-up, by person name. */
  links: Map<string, string>;
}

/** Every child server spawned by this test process and not yet exited. */
const children = new Set<ChildProcess>();

/**
 * Spawns the real server as a child process and waits until it listens. The child is the server
 * itself (Node with tsx's loader preloaded, not tsx's command line, which would run the server as
 * a grandchild that a kill of the child leaves behind), leads its own process group, and exits
 * when this process goes away (`exitWithParent.ts`). Call `stopChildServers` in `afterAll`.
 */
export async function spawnServer(
  dataDir: string,
  extraEnv: Record<string, string> = {},
): Promise<ChildServer> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '--import',
      join(ROOT, 'test/support/exitWithParent.ts'),
      join(ROOT, 'server/main.ts'),
    ],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        ...extraEnv,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    },
  );
  children.add(child);
  const exited = new Promise<number | null>((res) =>
    child.once('exit', (code) => {
      children.delete(child);
      res(code);
    }),
  );
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  let out = '';
  const port = await new Promise<number>((res, rej) => {
    const timer = setTimeout(() => {
      killGroup(child, 'SIGKILL');
      rej(new Error(`server did not start: ${stderr}`));
    }, 30_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on https?:\/\/[^:]+:(\d+)/.exec(out);
      if (m && out.includes('create-admin')) {
        clearTimeout(timer);
        res(Number(m[1]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      rej(new Error(`server exited with ${code}: ${stderr}`));
    });
  });
  const links = new Map<string, string>();
  for (const m of out.matchAll(/^\s+(.+?)\s+https?:\/\/\S+\/signin#(\S+)$/gm)) links.set(m[1]!, m[2]!);
  return {
    child,
    port,
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/collab`,
    exited,
    links,
  };
}

/** Sends `signal` to a child's whole process group (the child and anything it started). */
export function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** Kills every child server still running and waits until each has exited. */
export async function stopChildServers(): Promise<void> {
  await Promise.all(
    [...children].map(
      (child) =>
        new Promise<void>((res) => {
          if (child.exitCode !== null || child.signalCode !== null) return res();
          child.once('exit', () => res());
          killGroup(child, 'SIGKILL');
        }),
    ),
  );
}

// A test process that ends without its hooks still takes its children with it.
process.once('exit', () => {
  for (const child of children) killGroup(child, 'SIGKILL');
});

/** Removes a temporary data directory, and the signing key a server generated beside it. */
export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  rmSync(defaultKeyFile(dir), { force: true });
}

/** Silent unless `TEST_LOG` names a level (for debugging a failing test). */
function testLogger() {
  return createLogger((process.env.TEST_LOG as 'error' | undefined) ?? 'silent');
}
