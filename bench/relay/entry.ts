/**
 * The bare relay in its own process, so that it gets a core of its own like the server does.
 * Environment: BENCH_RELAY_STATES, a JSON object of document name → file holding the initial
 * Yjs state of that document.
 */
import { readFileSync } from 'node:fs';
import { onParent, toParent } from '../proc/child.js';
import { startRelay } from './relay.js';

const files = JSON.parse(process.env.BENCH_RELAY_STATES ?? '{}') as Record<string, string>;
const initial = new Map(
  Object.entries(files).map(([name, file]) => [name, new Uint8Array(readFileSync(file))] as const),
);
const relay = await startRelay(initial);

onParent(async (msg) => {
  switch (msg.type) {
    case 'rooms':
      return { type: 'rooms', names: relay.docNames() };
    case 'memory':
      return { type: 'memory', usage: process.memoryUsage() };
    case 'stop':
      await relay.close();
      process.exit(0);
      return undefined;
    default:
      throw new Error(`unknown request ${msg.type}`);
  }
});
toParent({ type: 'ready', port: relay.port });
