/**
 * The load generator process: runs one `LoadRun` per `start` message, several at once per
 * `start-many` (the cluster's negotiations, started together on `go`), or the cluster's resync
 * measurement per `resync` (measured from the `killed` message on), and reports phases, interim
 * windows and results to the benchmark over IPC. It runs apart from the server so that each uses
 * a core of its own.
 */
import { type ResyncConfig, ResyncRun } from '../cluster/resync.js';
import { onParent, toParent } from '../proc/child.js';
import type { LoadConfig } from './config.js';
import { LoadRun } from './loadRun.js';
import { runMany } from './manyRuns.js';

/** Resolves what waits for the benchmark's word: `go` (start-many) and `killed` (resync). */
const waiting = new Map<string, (msg: Record<string, unknown>) => void>();

/** Tells the benchmark `type`, then waits for its message `answer`. */
function handshake(type: string, answer: string): Promise<Record<string, unknown>> {
  const answered = new Promise<Record<string, unknown>>((resolve) => waiting.set(answer, resolve));
  toParent({ type });
  return answered;
}

onParent(async (msg) => {
  switch (msg.type) {
    case 'start': {
      const run = new LoadRun(msg.config as LoadConfig, {
        phase: (phase) => toParent({ type: 'phase', phase, at: Date.now() }),
        progress: (text) => toParent({ type: 'progress', text }),
        window: (w) => toParent({ type: 'window', window: w }),
      });
      return { type: 'result', result: await run.run() };
    }
    case 'start-many': {
      const many = await runMany(msg.configs as LoadConfig[], {
        phase: (phase) => toParent({ type: 'phase', phase, at: Date.now() }),
        progress: (text) => toParent({ type: 'progress', text }),
        connected: () => handshake('connected', 'go').then(() => undefined),
      });
      return { type: 'results', ...many };
    }
    case 'resync': {
      const run = new ResyncRun(msg.config as ResyncConfig);
      try {
        await run.connect();
        const killed = await handshake('connected', 'killed');
        return { type: 'resync', result: await run.measure(killed.at as number) };
      } finally {
        run.close();
      }
    }
    case 'go':
    case 'killed':
      waiting.get(msg.type)?.(msg);
      waiting.delete(msg.type);
      return undefined;
    case 'stop':
      process.exit(0);
      return undefined;
    default:
      throw new Error(`unknown request ${msg.type}`);
  }
});
toParent({ type: 'ready' });
