/**
 * Start-up of the real server (`server/main.ts` bundled, as `npm run serve` runs it) on the large
 * database: time from spawning the process to its "listening" line, and to the first client
 * having synced both documents of the large negotiation (which loads them from storage).
 */
import { spawn } from 'node:child_process';
import { productionRuntime } from '../../deploy/runtime.js';
import { draftDocName, proposalsDocName } from '../../shared/protocol.js';
import { LightSocket } from '../load/socket.js';
import { ROOT } from '../proc/child.js';
import { median } from '../stats/histogram.js';

/** One start of the server. */
export interface StartupRun {
  listeningMs: number;
  firstSyncMs: number;
}

/** Start-up figures (median of the runs, and each run). */
export interface StartupFigures {
  listeningMs: number;
  firstSyncMs: number;
  runs: StartupRun[];
}

async function startOnce(
  main: string,
  dataDir: string,
  negotiationId: string,
  cookie: string,
): Promise<StartupRun> {
  const started = performance.now();
  const production = productionRuntime();
  const child = spawn(process.execPath, [...production.flags, main], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...production.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((res) => child.once('exit', () => res()));
  try {
    let out = '';
    const port = await new Promise<number>((res, rej) => {
      const timer = setTimeout(() => rej(new Error('server did not start within 120 s')), 120_000);
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /listening on http:\/\/localhost:(\d+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          res(Number(m[1]));
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        rej(new Error(`server exited with ${code}`));
      });
    });
    const listeningMs = performance.now() - started;
    const sync = (doc: string) =>
      new Promise<LightSocket>((res, rej) => {
        const socket: LightSocket = new LightSocket(
          `ws://127.0.0.1:${port}/collab/${doc}?ext=1`,
          { cookie },
          { synced: () => res(socket), closed: (code) => rej(new Error(`closed with ${code}`)) },
        );
        socket.opened.catch(rej);
      });
    const sockets = await Promise.all([
      sync(draftDocName(negotiationId)),
      sync(proposalsDocName(negotiationId)),
    ]);
    const firstSyncMs = performance.now() - started;
    for (const s of sockets) s.close();
    return { listeningMs, firstSyncMs };
  } finally {
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  }
}

/** Starts the server `runs` times on the data directory. */
export async function measureStartup(
  main: string,
  dataDir: string,
  negotiationId: string,
  cookie: string,
  runs = 3,
): Promise<StartupFigures> {
  const all: StartupRun[] = [];
  for (let i = 0; i < runs; i++) all.push(await startOnce(main, dataDir, negotiationId, cookie));
  return {
    listeningMs: median(all.map((r) => r.listeningMs)),
    firstSyncMs: median(all.map((r) => r.firstSyncMs)),
    runs: all,
  };
}
