/** Starting the real server for tests: in this process, or as a child process that can be killed. */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type RunningServer, startServer } from '../../server/app.js';
import type { SocketLimits } from '../../server/collab/websocket.js';
import { ensureDemoHistory } from '../../server/demo/history.js';
import { ensureDemoRoadmap } from '../../server/demo/roadmap.js';
import { DEMO_NEGOTIATION_ID, ensureDemoNegotiation } from '../../server/demo/seed.js';
import { createLogger } from '../../server/logger.js';
import { ChainSealer } from '../../server/records/sealer.js';
import { defaultKeyFile, loadSigningKey, type SigningKey } from '../../server/records/signingKey.js';
import { openSqliteStorage, type SqliteStorage } from '../../server/storage/sqlite.js';
import { redeem } from './auth.js';

/** Root of the repository. */
export const ROOT = resolve(import.meta.dirname, '../..');

/** A fresh temporary data directory. */
export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'negotiation-test-'));
}

/** A server running in this process on a free port with a temporary database. */
export interface TestServer {
  server: RunningServer;
  storage: SqliteStorage;
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

/** Starts the real server in-process on a free port, with the demo negotiation seeded. */
export async function startTestServer(
  opts: {
    dataDir?: string;
    withClient?: boolean;
    socketLimits?: Partial<SocketLimits>;
    keyFile?: string;
    /** The port to listen on (a free one when not given), e.g. to restart where browsers left it. */
    port?: number;
  } = {},
): Promise<TestServer> {
  const dataDir = opts.dataDir ?? tempDataDir();
  const keyFile = opts.keyFile ?? join(dataDir, 'signing-key.pem');
  const key = loadSigningKey(keyFile, { create: true });
  const storage = openSqliteStorage(join(dataDir, 'negotiations.sqlite'), { sealer: new ChainSealer(key) });
  await ensureDemoNegotiation(storage);
  const server = await startServer({
    signingKey: key,
    storage,
    log: testLogger(),
    port: opts.port ?? 0,
    host: '127.0.0.1',
    distDir: opts.withClient ? join(ROOT, 'dist') : undefined,
    socketLimits: opts.socketLimits ?? {},
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

/** A server running as a child process (`tsx server/main.ts`). */
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

/** Spawns the real server as a child process and waits until it listens. */
export async function spawnServer(
  dataDir: string,
  extraEnv: Record<string, string> = {},
): Promise<ChildServer> {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'server/main.ts')],
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
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<number | null>((res) => child.once('exit', (code) => res(code)));
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  let out = '';
  const port = await new Promise<number>((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`server did not start: ${stderr}`)), 30_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on http:\/\/localhost:(\d+)/.exec(out);
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
  for (const m of out.matchAll(/^\s+(.+?)\s+http:\/\/\S+\/signin#(\S+)$/gm)) links.set(m[1]!, m[2]!);
  return {
    child,
    port,
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/collab`,
    exited,
    links,
  };
}

/** Removes a temporary data directory, and the signing key a server generated beside it. */
export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  rmSync(defaultKeyFile(dir), { force: true });
}

/** Silent unless `TEST_LOG` names a level (for debugging a failing test). */
function testLogger() {
  return createLogger((process.env.TEST_LOG as 'error' | undefined) ?? 'silent');
}
