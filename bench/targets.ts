/**
 * The two things the load is run against, each in its own process: the real server (on the
 * benchmark's database, serving the built client) and the bare relay (on the same documents'
 * initial states, in memory).
 */

import { productionRuntime } from '../deploy/runtime.js';
import { BenchChild } from './proc/child.js';
import type { BenchBundle } from './server/bundle.js';

/** A running target of the load. */
export interface Target {
  kind: 'server' | 'relay';
  child: BenchChild;
  httpUrl: string;
  wsUrl: string;
  /** How often each log event (e.g. `collab.slow-consumer`) was written, server only. */
  logEvents: Map<string, number>;
  stop(): Promise<void>;
}

/** Options of the server process. */
export interface ServerTargetOptions {
  dbFile: string;
  distDir?: string;
  /** Directory for a V8 CPU profile of the server (`node --cpu-prof`), if wanted. */
  profileDir?: string;
  logLevel?: string;
  /** The bundled entries (`server/bundle.ts`). */
  bundle: BenchBundle;
  /** Extra Node flags for the server process (e.g. V8 heap sizes). */
  nodeArgs?: readonly string[];
}

/** Starts the real server on the benchmark database. */
export async function startServerTarget(opts: ServerTargetOptions): Promise<Target> {
  const logEvents = new Map<string, number>();
  const production = productionRuntime();
  const nodeArgs = ['--expose-gc', ...production.flags, ...(opts.nodeArgs ?? [])];
  if (opts.profileDir) nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${opts.profileDir}`);
  const { child, ready } = await BenchChild.start({
    name: 'server',
    entry: opts.bundle.server,
    plain: true,
    nodeArgs,
    env: {
      ...production.env,
      NODE_ENV: 'production',
      BENCH_DB: opts.dbFile,
      BENCH_DIST: opts.distDir ?? '',
      LOG_LEVEL: opts.logLevel ?? 'warn',
    },
    onStderr: (line) => {
      const event = /"event":"([^"]+)"/.exec(line)?.[1];
      if (event) logEvents.set(event, (logEvents.get(event) ?? 0) + 1);
    },
  });
  const port = ready.port as number;
  return {
    kind: 'server',
    child,
    httpUrl: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/collab`,
    logEvents,
    async stop() {
      await child.stop(60_000);
    },
  };
}

/** Starts the bare relay with the given initial document states (name → file). */
export async function startRelayTarget(bundle: BenchBundle, states: Record<string, string>): Promise<Target> {
  const { child, ready } = await BenchChild.start({
    name: 'relay',
    entry: bundle.relay,
    plain: true,
    env: { NODE_ENV: 'production', BENCH_RELAY_STATES: JSON.stringify(states) },
  });
  const port = ready.port as number;
  return {
    kind: 'relay',
    child,
    httpUrl: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/collab`,
    logEvents: new Map(),
    async stop() {
      await child.stop();
    },
  };
}
