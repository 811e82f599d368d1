/**
 * PostgreSQL for tests. `postgresUrl()` is `DATABASE_URL` when set; otherwise this test process
 * starts one throwaway server of its own from the installed binaries (`initdb`, `pg_ctl` under
 * `/usr/lib/postgresql/<version>/bin`, or on PATH) in a temporary directory, on a free port, with
 * fsync on, and shares it between its tests. `freshDatabase()` makes a new empty database on that
 * server for each storage (`dropFreshDatabases()` drops them); `startThrowawayPostgres()` starts a
 * dedicated server that a test may stop and start again.
 *
 * As root (PostgreSQL refuses to run as root) the server runs as the `postgres` user, in a
 * directory it owns. Each server has a keeper: a shell, as that user, that waits for its standard
 * input to close, which the operating system does when the test process ends for any reason (as
 * `exitWithParent.ts` does for child servers), and then stops the server at once and removes its
 * directory. No server outlives its test process.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, chownSync, constants, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { findOnPath } from './office.js';

/** A PostgreSQL server started for tests. */
export interface ThrowawayPostgres {
  /** Connection URL of its `postgres` database. */
  url: string;
  port: number;
  /** Stops the server: `fast` ends sessions and shuts down cleanly, `immediate` as if it crashed. */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  /** Starts the stopped server again, on the same port with the same data. */
  start(): Promise<void>;
  /** Stops the server and removes its directory. */
  destroy(): Promise<void>;
}

/** Where `initdb` and `pg_ctl` are: the newest `/usr/lib/postgresql/<version>/bin`, else PATH. */
export function postgresBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  try {
    const versions = readdirSync(root)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    for (const v of versions) {
      const dir = join(root, v, 'bin');
      try {
        accessSync(join(dir, 'initdb'), constants.X_OK);
        return dir;
      } catch {
        // Client only.
      }
    }
  } catch {
    // No Debian layout.
  }
  const initdb = findOnPath('initdb');
  return initdb ? join(initdb, '..') : undefined;
}

/** The user and group ids to run PostgreSQL as: the `postgres` user's when we are root. */
function serverUser(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  if (!line) throw new Error('running as root, and there is no postgres user to run PostgreSQL as');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/** Runs a command as `user`; resolves when it exits, rejects on a non-zero exit. */
function run(
  command: string,
  args: readonly string[],
  user: { uid?: number; gid?: number },
  timeoutMs = 120_000,
): Promise<void> {
  return new Promise((resolve, reject) => {
    // Output to a file or nowhere: a server it starts would otherwise hold our pipes open.
    const child = spawn(command, args, { ...user, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.once('exit', (status) => {
      clearTimeout(timer);
      if (status === 0) resolve();
      else reject(new Error(`${command} ${args.join(' ')} exited with ${status}: ${stderr}`));
    });
  });
}

/** A TCP port nobody listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Databases made by `freshDatabase` and not dropped yet, by URL. */
const fresh = new Map<string, { server: string; name: string }>();

/** Starts a PostgreSQL server of its own for this test process (see the module's comment). */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const bin = postgresBinDir();
  if (!bin)
    throw new Error('PostgreSQL is not installed (no initdb); set DATABASE_URL or install postgresql');
  const user = serverUser();
  const dir = mkdtempSync(join(tmpdir(), 'pg-test-'));
  if (user.uid !== undefined) chownSync(dir, user.uid, user.gid!);
  const data = join(dir, 'data');
  const pgCtl = join(bin, 'pg_ctl');
  await run(
    join(bin, 'initdb'),
    ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-locale', '--no-sync'],
    user,
  );
  const keeper: ChildProcess = spawn(
    'sh',
    ['-c', 'cat >/dev/null; "$0" -D "$1" -m immediate stop >/dev/null 2>&1; rm -rf "$2"', pgCtl, data, dir],
    { ...user, stdio: ['pipe', 'ignore', 'ignore'], detached: true },
  );
  const keeperGone = new Promise<void>((resolve) => keeper.once('exit', () => resolve()));
  keeper.unref();
  (keeper.stdin as unknown as { unref?: () => void }).unref?.();

  let port = 0;
  const start = async () => {
    await run(
      pgCtl,
      [
        '-D',
        data,
        '-l',
        join(dir, 'server.log'),
        '-w',
        '-t',
        '60',
        '-o',
        `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=32MB -c fsync=on`,
        'start',
      ],
      user,
    );
  };
  for (let attempt = 0; ; attempt++) {
    port = await freePort();
    try {
      await start();
      break;
    } catch (err) {
      // Another process took the port in between: try another one.
      if (attempt >= 2) throw err;
    }
  }
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    url,
    port,
    stop: (mode = 'fast') => run(pgCtl, ['-D', data, '-m', mode, '-w', 'stop'], user),
    start,
    async destroy() {
      keeper.stdin!.end();
      await keeperGone;
      // Its databases went with it.
      for (const [key, db] of fresh) if (db.server === url) fresh.delete(key);
    },
  };
}

let shared: Promise<string> | undefined;

/** The server tests use: `DATABASE_URL`, or this process's throwaway server, started once. */
export function postgresUrl(): Promise<string> {
  const configured = process.env.DATABASE_URL;
  if (configured) return Promise.resolve(configured);
  shared ??= startThrowawayPostgres().then((server) => server.url);
  return shared;
}

/** A new empty database on `postgresUrl()`'s server (or on `server`), returned as its URL. */
export async function freshDatabase(server?: string): Promise<string> {
  const base = server ?? (await postgresUrl());
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  fresh.set(url.href, { server: base, name });
  return url.href;
}

/** Drops every database `freshDatabase` made (closing what is still connected to them). */
export async function dropFreshDatabases(): Promise<void> {
  const byServer = new Map<string, string[]>();
  for (const { server, name } of fresh.values())
    byServer.set(server, [...(byServer.get(server) ?? []), name]);
  fresh.clear();
  for (const [server, names] of byServer) {
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    try {
      for (const name of names) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  }
}
