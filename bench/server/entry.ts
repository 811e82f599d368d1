/**
 * The server as the benchmark runs it, in its own process: the SQLite storage and `startServer`
 * exactly as `server/main.ts` assembles them (production defaults, built client served from
 * `BENCH_DIST`), without the demo seeding and sign-in link printing, and with an IPC channel the
 * benchmark uses to ask which documents are loaded and how much memory is in use (or for a heap
 * snapshot).
 *
 * Environment: BENCH_DB (SQLite file, also where the signing key sits beside), DATABASE_URL
 * (PostgreSQL instead of that file, optional), BENCH_DIST (built client, optional), LOG_LEVEL.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { getHeapSpaceStatistics, writeHeapSnapshot } from 'node:v8';
import { startServer } from '../../server/app.js';
import { createLogger, type LogLevel } from '../../server/logger.js';
import { serverSealer } from '../../server/records/sealing.js';
import { loadSigningKey } from '../../server/records/signingKey.js';
import { openStorage } from '../../server/storage/open.js';
import { onParent, toParent } from '../proc/child.js';
import { benchKeyFile } from '../seed/meta.js';

const file = process.env.BENCH_DB;
if (!file) throw new Error('BENCH_DB is not set');
const log = createLogger((process.env.LOG_LEVEL as LogLevel | 'silent' | undefined) ?? 'warn');
const signingKey = loadSigningKey(benchKeyFile(file), { create: true });
const storage = await openStorage({
  databaseUrl: process.env.DATABASE_URL || undefined,
  sqliteFile: file,
  sealer: serverSealer(signingKey, log),
  log,
});
const server = await startServer({
  storage,
  signingKey,
  log,
  port: 0,
  host: '127.0.0.1',
  distDir: process.env.BENCH_DIST || undefined,
});

const loop = monitorEventLoopDelay({ resolution: 5 });
loop.enable();

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await server.stop();
  await storage.close();
  process.exit(0);
}

onParent(async (msg) => {
  switch (msg.type) {
    case 'rooms':
      return { type: 'rooms', names: server.rooms.loadedNames() };
    case 'loop': {
      const answer = { type: 'loop', p99Ms: loop.percentile(99) / 1e6, maxMs: loop.max / 1e6 };
      if (msg.reset) loop.reset();
      return answer;
    }
    case 'memory': {
      const gc = (globalThis as { gc?: () => void }).gc;
      if (msg.gc && gc) gc();
      return { type: 'memory', usage: process.memoryUsage(), spaces: getHeapSpaceStatistics() };
    }
    case 'heap-snapshot':
      return { type: 'heap-snapshot', file: writeHeapSnapshot(msg.file as string) };
    case 'stop':
      await stop();
      return undefined;
    default:
      throw new Error(`unknown request ${msg.type}`);
  }
});
process.on('SIGTERM', () => void stop());
toParent({ type: 'ready', port: server.port });
