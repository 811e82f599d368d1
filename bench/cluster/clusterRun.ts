/**
 * The cluster run of `npm run bench -- --cluster=N`: N server processes (the bundled `server/main.ts`,
 * run as production runs it) behind HAProxy (`deploy/cluster.ts`) on PostgreSQL and Redis
 * (`services.ts`). It seeds the negotiations (`seed.ts`), signs their seats in through HAProxy,
 * runs every negotiation's load at once (`drive.ts`: each with its own typist and delegates),
 * then measures how long the clients of the first negotiation take to resync after its owner is
 * killed with SIGKILL (`resync.ts`).
 */
import { join } from 'node:path';
import { ownerOf, type RunningCluster, startCluster } from '../../deploy/cluster.js';
import { loadSigningKey } from '../../server/records/signingKey.js';
import type { LoadConfig, LoadSeat } from '../load/config.js';
import type { BenchOptions } from '../options.js';
import { BenchChild } from '../proc/child.js';
import type { ClusterResults } from '../report/results.js';
import type { Seat, SeedMeta } from '../seed/meta.js';
import type { BenchBundle } from '../server/bundle.js';
import { redeemSeat } from '../setup.js';
import { driveCluster } from './drive.js';
import type { ResyncResult } from './resync.js';
import { seedClusterNegotiations } from './seed.js';
import { clusterServices } from './services.js';

/**
 * Node flags of every server process: it exits when the benchmark goes away (its standard input,
 * a pipe from the benchmark, closes), however the benchmark ends.
 */
const EXIT_WITH_BENCH = [
  '--import',
  'data:text/javascript,process.stdin.on("end",()=>process.exit(70));process.stdin.on("error",()=>process.exit(70));process.stdin.resume();',
];

/** Load generator processes the negotiations' load is spread over. */
const LOADGENS = 2;
/** Seconds the typist types before its negotiation's owner is killed. */
const BEFORE_KILL_SECONDS = 3;

/** Signs seats in through `httpUrl`, a few at a time. */
async function signIn(httpUrl: string, seats: readonly Seat[]): Promise<LoadSeat[]> {
  const out: LoadSeat[] = new Array(seats.length);
  const queue = seats.map((seat, i) => ({ seat, i }));
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const { seat, i } = next;
      out[i] = {
        index: seat.index,
        name: seat.name,
        role: seat.role,
        delegation: seat.delegation,
        cookie: await redeemSeat(httpUrl, seat),
      };
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return out;
}

/** Runs the cluster part of the benchmark (see the module's comment). */
export async function runCluster(
  opts: BenchOptions,
  dir: string,
  bundle: BenchBundle,
  log: (line: string) => void,
): Promise<ClusterResults> {
  log(`Cluster: PostgreSQL and Redis…`);
  const services = await clusterServices(opts.keep);
  let cluster: RunningCluster | undefined;
  try {
    const dataDir = join(dir, 'cluster');
    const key = loadSigningKey(join(dataDir, 'signing-key.pem'), { create: true });
    log(
      `Cluster: seeding ${opts.clusterNegotiations} negotiations of ${opts.paragraphs} paragraphs and ${opts.clusterProposals} proposals…`,
    );
    const seedStarted = performance.now();
    const metas = await seedClusterNegotiations(services.databaseUrl, key, opts, log);
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    log(`Cluster: starting ${opts.cluster} processes behind HAProxy…`);
    const warnings = new Map<string, number>();
    cluster = await startCluster({
      nodes: opts.cluster,
      port: 0,
      databaseUrl: services.databaseUrl,
      redisUrl: services.redisUrl,
      dataDir,
      entry: bundle.main,
      env: { LOG_LEVEL: 'warn', NODE_ENV: 'production' },
      nodeFlags: [...EXIT_WITH_BENCH, ...opts.nodeArgs],
      output: (name, chunk) => {
        for (const line of chunk.split('\n'))
          if (/ is (DOWN|UP)/.test(line)) log(`  ${name}: ${line.trim()}`);
        for (const event of chunk.matchAll(/"event":"([^"]+)"/g))
          warnings.set(`${name} ${event[1]}`, (warnings.get(`${name} ${event[1]}`) ?? 0) + 1);
      },
    });
    const running = cluster;
    const owners: Record<string, string[]> = {};
    for (const meta of metas) {
      const owner = await ownerOf(running, meta.negotiationId);
      owners[owner] = [...(owners[owner] ?? []), meta.negotiationId];
    }
    log(
      `Cluster: owners ${Object.entries(owners)
        .map(([n, ids]) => `${n} ${ids.length}`)
        .join(', ')}`,
    );
    const results: ClusterResults = {
      processes: opts.cluster,
      negotiations: metas.length,
      clientsPerNegotiation: opts.clusterClients,
      commandsPerSecond: opts.clusterCommandsPerSecond,
      services: services.description,
      owners,
      seedSeconds,
    };

    log(
      `Cluster: signing in ${metas.length} × ${opts.clusterClients} seats, ${opts.resyncClients} in the first…`,
    );
    const wsUrl = `${running.url.replace(/^http/, 'ws')}/collab`;
    // Links are single-use: the first negotiation's seats sign in once for the load and the resync.
    const seats: LoadSeat[][] = [];
    for (const [i, meta] of metas.entries()) {
      const count = i === 0 ? Math.max(opts.clusterClients, opts.resyncClients) : opts.clusterClients;
      seats.push(await signIn(running.url, meta.seats.slice(0, count)));
    }
    const configs = metas.map((meta, i) =>
      loadConfigOf(opts, running.url, wsUrl, meta, seats[i]!.slice(0, opts.clusterClients)),
    );
    log(`Cluster: ${metas.length} negotiations × ${opts.clusterClients} clients`);
    results.load = await driveCluster(running, configs, { loadgens: LOADGENS, log });
    const e = results.load.edits;
    log(
      `  cluster: edits all-reached p50 ${e.allReached.p50?.toFixed(1)} p99 ${e.allReached.p99?.toFixed(1)} ms, lost ${e.lost + results.load.proposals.lost}`,
    );

    const resyncMeta = metas[0]!;
    const resyncSeats = seats[0]!.slice(0, opts.resyncClients);
    results.resync = await measureResync(running, opts, wsUrl, resyncMeta, resyncSeats, log);
    const warned = [...warnings].filter(([event]) => !event.endsWith('redis-up'));
    if (warned.length > 0) log(`Cluster: log events ${warned.map(([e, n]) => `${e} ×${n}`).join(', ')}`);
    return results;
  } finally {
    await cluster?.stop();
    await services.stop();
  }
}

/** The load of one negotiation, through HAProxy. */
function loadConfigOf(
  opts: BenchOptions,
  httpUrl: string,
  wsUrl: string,
  meta: SeedMeta,
  seats: LoadSeat[],
): LoadConfig {
  return {
    target: 'server',
    httpUrl,
    wsUrl,
    negotiationId: meta.negotiationId,
    seats,
    typingPid: meta.typingPid,
    paragraphs: meta.paragraphs,
    openProposals: meta.openProposals,
    editsPerSecond: opts.editsPerSecond,
    commandsPerSecond: opts.clusterCommandsPerSecond,
    presenceRenewMs: opts.presenceRenewMs,
    warmupSeconds: opts.warmupSeconds,
    seconds: opts.seconds,
    drainSeconds: opts.drainSeconds,
    connectConcurrency: opts.connectConcurrency,
    reportEverySeconds: 0,
    seed: Math.floor(Math.random() * 1e9),
  };
}

/** Joins every seat of one negotiation, kills its owner, and measures until all have resynced. */
async function measureResync(
  cluster: RunningCluster,
  opts: BenchOptions,
  wsUrl: string,
  meta: SeedMeta,
  seats: LoadSeat[],
  log: (line: string) => void,
): Promise<ResyncResult & { killed: string; negotiationId: string }> {
  const { child } = await BenchChild.start({
    name: 'resync',
    entry: join('bench', 'load', 'entry.ts'),
    nodeArgs: ['--max-old-space-size=4096'],
    onStderr: (line) => log(`    resync: ${line}`),
  });
  try {
    const owner = await ownerOf(cluster, meta.negotiationId);
    const node = cluster.nodes.find((n) => n.name === owner)!;
    const off = child.onMessage((msg) => {
      if (msg.type !== 'connected') return;
      log(
        `  ${seats.length} clients joined ${meta.negotiationId} on ${owner}; killing it in ${BEFORE_KILL_SECONDS} s`,
      );
      setTimeout(() => {
        const at = Date.now();
        void node.kill('SIGKILL').then(() => child.send({ type: 'killed', at }));
      }, BEFORE_KILL_SECONDS * 1000);
    });
    const answer = await child.request(
      {
        type: 'resync',
        config: {
          wsUrl,
          negotiationId: meta.negotiationId,
          seats,
          typingPid: meta.typingPid,
          editsPerSecond: opts.editsPerSecond,
          connectConcurrency: opts.connectConcurrency,
        },
      },
      300_000,
    );
    off();
    if (answer.type === 'error') throw new Error(`resync measurement failed: ${answer.message as string}`);
    const result = answer.result as ResyncResult;
    log(
      `  resync: ${result.clients - result.notResynced}/${result.clients} clients resynced, all within ${result.allMs ?? '–'} ms (p50 ${result.perClient.p50?.toFixed(0)} ms)`,
    );
    return { ...result, killed: owner, negotiationId: meta.negotiationId };
  } finally {
    await child.stop(5_000);
  }
}
