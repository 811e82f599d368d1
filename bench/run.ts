/**
 * `npm run bench`: the performance a full negotiation needs, measured against a bare relay.
 *
 * Seeds a large negotiation through the real services, starts the real server on it (one fresh
 * process per number of clients) and a bare relay, runs the same load against both from a
 * separate load generator process, then measures the cold load in Chromium, the comparison of
 * two readings, the .docx export, the server's start-up and the storage. Writes
 * `bench/results/latest.json` and `latest.md`, and prints the Markdown tables.
 *
 *   npm run bench                                  # the benchmark (about 15 minutes)
 *   BENCH_CLIENTS=50,200 BENCH_SECONDS=15 npm run bench
 *   npm run bench -- --clients=200 --no-extras --profile
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { draftDocName, proposalsDocName } from '../shared/protocol.js';
import { runCluster } from './cluster/clusterRun.js';
import type { LoadSeat } from './load/config.js';
import { type DrivenRun, driveLoad } from './load/drive.js';
import { LightSocket } from './load/socket.js';
import { measureColdLoad, measureRenderedCompare } from './measure/browser.js';
import { lastTwoReadings, measurePureCompare } from './measure/compare.js';
import { measureDocx } from './measure/docx.js';
import { createBenchAdmin, measureFormats } from './measure/formats.js';
import { timeGet } from './measure/http.js';
import { measureStartup } from './measure/startup.js';
import { storageFigures } from './measure/storage.js';
import { storageWriteLatency } from './measure/storageWrite.js';
import type { BenchOptions } from './options.js';
import { ROOT } from './proc/child.js';
import { latestProfile, type ProfileSummary } from './profile/latest.js';
import { clusterOnlyReport } from './report/clusterMarkdown.js';
import { markdownReport } from './report/markdown.js';
import type { BenchResults, ClientRuns, ClusterOnlyResults, Extras } from './report/results.js';
import { checkClusterTargets, checkTargets } from './report/targets.js';
import { clusterSettings, loadConfig, log, machine, startRun } from './runSettings.js';
import { type BenchBundle, bundleBench, productionCommand } from './server/bundle.js';
import {
  buildClient,
  exportDocStates,
  openProposalsNow,
  type Prepared,
  prepareDatabase,
  signInSeats,
} from './setup.js';
import { startRelayTarget, startServerTarget } from './targets.js';

function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  return a == null || b == null || b === 0 ? null : a / b;
}

function summarizeRun(run: DrivenRun): string {
  const e = run.load.edits;
  const p = run.load.proposals;
  return (
    `edits all-reached p99 ${e.allReached.p99?.toFixed(1)} ms (delivery p99 ${e.delivery.p99?.toFixed(1)}), lost ${e.lost}; ` +
    `proposals ack p99 ${p.ack.p99?.toFixed(1) ?? '–'} ms, arrival p99 ${p.delivery.p99?.toFixed(1)} ms, lost ${p.lost}; ` +
    `CPU ${run.target.cpuPercent.toFixed(0)} %, RSS max ${run.target.rssMb.max} MB`
  );
}

async function loadRuns(
  opts: BenchOptions,
  bundle: BenchBundle,
  prepared: Prepared,
  seats: LoadSeat[],
  relayStates: Record<string, string>,
  profiles: ProfileSummary[],
  save: (runs: ClientRuns[]) => void,
): Promise<ClientRuns[]> {
  const runs: ClientRuns[] = [];
  for (const clients of opts.clients) {
    const entry: ClientRuns = { clients };
    runs.push(entry);
    log(`${clients} clients`);
    const profileDir = opts.profile
      ? resolve(ROOT, opts.outDir, 'profiles', `${clients}-clients`)
      : undefined;
    const server = await startServerTarget({
      dbFile: prepared.dbFile,
      nodeArgs: opts.nodeArgs,
      profileDir,
      bundle,
    });
    try {
      const config = loadConfig(
        opts,
        prepared,
        server,
        seats.slice(0, clients),
        await openProposalsNow(prepared),
      );
      entry.server = await driveLoad(server, config, { log });
      log(`  server: ${summarizeRun(entry.server)}`);
    } finally {
      await server.stop();
    }
    if (profileDir) {
      const profile = latestProfile(profileDir, clients);
      if (profile) profiles.push(profile);
    }
    if (opts.relay) {
      const relay = await startRelayTarget(bundle, relayStates);
      try {
        const config = loadConfig(
          opts,
          prepared,
          relay,
          seats.slice(0, clients),
          await openProposalsNow(prepared),
        );
        entry.relay = await driveLoad(relay, config, { log });
        log(`  relay:  ${summarizeRun(entry.relay)}`);
      } finally {
        await relay.stop();
      }
      entry.ratio = {
        allReachedP99: ratio(entry.server.load.edits.allReached.p99, entry.relay.load.edits.allReached.p99),
        deliveryP99: ratio(entry.server.load.edits.delivery.p99, entry.relay.load.edits.delivery.p99),
      };
    }
    save(runs);
  }
  return runs;
}

/** Connects one client to both documents; returns a function that disconnects it. */
async function keepRoomsLoaded(wsUrl: string, negotiationId: string, seat: LoadSeat): Promise<() => void> {
  const sockets = await Promise.all(
    [draftDocName(negotiationId), proposalsDocName(negotiationId)].map(
      (doc) =>
        new Promise<LightSocket>((res, rej) => {
          const socket: LightSocket = new LightSocket(
            `${wsUrl}/${doc}?ext=1`,
            { cookie: seat.cookie },
            { synced: () => res(socket), closed: (code) => rej(new Error(`closed with ${code}`)) },
          );
          socket.opened.catch(rej);
        }),
    ),
  );
  return () => {
    for (const s of sockets) s.close();
  };
}

async function extras(
  opts: BenchOptions,
  bundle: BenchBundle,
  prepared: Prepared,
  seats: LoadSeat[],
): Promise<Extras & { clientBuild: string }> {
  const out: Extras & { clientBuild: string } = { clientBuild: '' };
  const id = prepared.meta.negotiationId;
  const delegate = seats.find((s) => s.role === 'delegate') ?? seats[0]!;
  log('Building the client…');
  const build = buildClient(prepared.dir);
  out.clientBuild = build.note;
  log(`  ${build.note}`);
  const readings = await lastTwoReadings(prepared.dbFile, id);
  const adminToken = await createBenchAdmin(prepared.dbFile);
  const server = await startServerTarget({
    dbFile: prepared.dbFile,
    distDir: build.distDir,
    nodeArgs: opts.nodeArgs,
    bundle,
  });
  // Someone else is in the room, as in a real negotiation: the documents stay loaded between page loads.
  const keeper = await keepRoomsLoaded(
    server.wsUrl,
    id,
    seats.find((s) => s.role === 'observer') ?? delegate,
  );
  try {
    if (build.distDir) {
      log('Cold load in Chromium…');
      out.coldLoad = await measureColdLoad(
        server.httpUrl,
        id,
        delegate.cookie,
        prepared.meta.paragraphs.length,
      ).catch((err: Error) => ({ ok: false as const, reason: `failed: ${err.message.split('\n')[0]}` }));
      if (readings) {
        log('Rendered comparison in Chromium…');
        out.compareRendered = await measureRenderedCompare(
          server.httpUrl,
          id,
          delegate.cookie,
          readings.ids,
          prepared.meta.paragraphs.length,
        ).catch((err: Error) => ({ ok: false as const, reason: `failed: ${err.message.split('\n')[0]}` }));
      }
    } else {
      out.coldLoad = { ok: false, reason: build.note };
    }
    if (readings) {
      out.compareApi = await timeGet(
        server.httpUrl,
        `/api/negotiations/${id}/compare?from=${readings.ids[0]}&to=${readings.ids[1]}`,
        delegate.cookie,
        5,
      );
    }
    log('.docx export over HTTP…');
    keeper();
    out.docxHttp = await timeGet(
      server.httpUrl,
      `/api/negotiations/${id}/export/live.docx?mode=compilation`,
      delegate.cookie,
    );
    log('Every export and import format over HTTP…');
    out.formats = await measureFormats({
      baseUrl: server.httpUrl,
      negotiationId: id,
      readings: prepared.meta.readingSnapshots,
      delegateCookie: delegate.cookie,
      facilitatorCookie: (seats.find((s) => s.role === 'facilitator') ?? delegate).cookie,
      adminToken,
    });
  } finally {
    keeper();
    await server.stop();
  }
  log('Comparison and export functions…');
  out.comparePure = await measurePureCompare(prepared.dbFile, id);
  out.docxFunction = await measureDocx(prepared.dbFile, id);
  log('Server start-up with the large database…');
  out.startup = await measureStartup(bundle.main, prepared.dir, id, delegate.cookie).catch((err: Error) => ({
    ok: false as const,
    reason: `failed: ${err.message}`,
  }));
  return out;
}

/** `--no-single --cluster=N`: the cluster alone, reported in `cluster-latest.json` and `.md`. */
async function clusterOnly(opts: BenchOptions, startedAt: Date, outDir: string, dir: string): Promise<void> {
  try {
    log('Bundling the server…');
    const bundle = await bundleBench(dir);
    const cluster = await runCluster(opts, dir, bundle, log);
    const results: ClusterOnlyResults = {
      kind: 'bench-cluster',
      startedAt: startedAt.toISOString(),
      durationSeconds: (Date.now() - startedAt.getTime()) / 1000,
      machine: machine(),
      settings: clusterSettings(opts),
      serverRuntime: `esbuild bundle run by ${productionCommand(opts.nodeArgs)} (as npm start runs it)`,
      cluster,
      targets: checkClusterTargets(cluster),
    };
    writeFileSync(join(outDir, 'cluster-latest.json'), `${JSON.stringify(results, null, 1)}\n`);
    const md = clusterOnlyReport(results);
    writeFileSync(join(outDir, 'cluster-latest.md'), md);
    process.stdout.write(`\n${md}\n`);
    log(`Results written to ${join(opts.outDir, 'cluster-latest.json')} and cluster-latest.md`);
  } finally {
    if (!opts.keep && !opts.dataDir) rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const start = startRun('bench');
  if (!start) return;
  const { opts, startedAt, outDir, dir } = start;
  if (!opts.single) {
    if (opts.cluster === 0) throw new Error('--no-single leaves nothing to run without --cluster=N');
    await clusterOnly(opts, startedAt, outDir, dir);
    return;
  }
  const maxClients = Math.max(...opts.clients);
  // Seats for the default runs at least, so that a kept database serves any later run.
  const prepared = await prepareDatabase(dir, opts, Math.max(maxClients, 1000), log);
  const storage = await storageFigures(prepared.dbFile, prepared.meta.negotiationId);
  log('Storage write latency…');
  const storageWrite = await storageWriteLatency(prepared.dbFile);
  const relayStates = opts.relay ? await exportDocStates(prepared) : {};
  log('Bundling the server and the relay…');
  const bundle = await bundleBench(dir);
  log(`Signing in ${maxClients} seats…`);
  const signer = await startServerTarget({ dbFile: prepared.dbFile, bundle });
  let seats: LoadSeat[];
  try {
    seats = await signInSeats(prepared, signer.httpUrl, maxClients);
  } finally {
    await signer.stop();
  }
  const profiles: ProfileSummary[] = [];
  const results: BenchResults & { profiles: ProfileSummary[] } = {
    kind: 'bench',
    startedAt: startedAt.toISOString(),
    durationSeconds: 0,
    machine: machine(),
    settings: {
      clients: opts.clients,
      seconds: opts.seconds,
      warmupSeconds: opts.warmupSeconds,
      drainSeconds: opts.drainSeconds,
      editsPerSecond: opts.editsPerSecond,
      commandsPerSecond: opts.commandsPerSecond,
      presenceRenewMs: opts.presenceRenewMs,
      connectConcurrency: opts.connectConcurrency,
    },
    serverRuntime: `esbuild bundle run by ${productionCommand(opts.nodeArgs)} (as npm start runs it)`,
    negotiation: { ...prepared.meta.counts, seedSeconds: prepared.meta.seedSeconds, reused: prepared.reused },
    clientBuild: 'not built',
    runs: [],
    extras: { storage, storageWrite },
    targets: [],
    profiles,
  };
  const write = () => {
    results.durationSeconds = (Date.now() - startedAt.getTime()) / 1000;
    results.targets = checkTargets(results);
    writeFileSync(join(outDir, 'latest.json'), `${JSON.stringify(results, null, 1)}\n`);
    const md = markdownReport(results);
    writeFileSync(join(outDir, 'latest.md'), md);
    return md;
  };
  try {
    results.runs = await loadRuns(opts, bundle, prepared, seats, relayStates, profiles, (runs) => {
      results.runs = runs;
      write();
    });
    if (opts.extras) {
      const { clientBuild, ...more } = await extras(opts, bundle, prepared, seats);
      results.clientBuild = clientBuild;
      results.extras = { ...results.extras, ...more };
    }
    if (opts.cluster > 0) {
      write();
      results.settings = { ...results.settings, ...clusterSettings(opts) };
      results.cluster = await runCluster(opts, dir, bundle, log);
    }
    const md = write();
    process.stdout.write(`\n${md}\n`);
    for (const p of profiles)
      process.stdout.write(`\nServer CPU profile, ${p.clients} clients (${p.file}):\n${p.text}\n`);
    log(`Results written to ${join(opts.outDir, 'latest.json')} and latest.md`);
  } finally {
    if (!opts.keep && !opts.dataDir) rmSync(dir, { recursive: true, force: true });
    else log(`Kept ${dir} (reuse it with --data=${dir})`);
  }
}

await main();
