/**
 * The load generator process: runs one `LoadRun` per `start` message and reports its phases,
 * interim windows and result to the benchmark over IPC. It runs apart from the server so that
 * each uses a core of its own.
 */
import { onParent, toParent } from '../proc/child.js';
import type { LoadConfig } from './config.js';
import { LoadRun } from './loadRun.js';

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
    case 'stop':
      process.exit(0);
      return undefined;
    default:
      throw new Error(`unknown request ${msg.type}`);
  }
});
toParent({ type: 'ready' });
