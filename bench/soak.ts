/**
 * `npm run soak` (not part of `npm test`): the 200-client load for 30 minutes with clients
 * leaving and joining all the time. Checks that resident memory at the end is within 10 % of
 * its value after warm-up, that no document stays loaded once its clients have left, and that
 * no message is lost. Writes `bench/results/soak-latest.json` and `soak-latest.md`.
 *
 *   npm run soak                                   # 30 minutes, 200 clients, 1 seat leaving/s
 *   npm run soak -- --minutes=5 --soak-clients=100
 *   npm run soak -- --heap-snapshots               # what the server's heap holds, for DevTools
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { HeapSpaceInfo } from 'node:v8';
import { UNLOAD_AFTER_MS } from '../server/collab/rooms.js';
import type { LoadWindow } from './load/config.js';
import { type DrivenRun, driveLoad } from './load/drive.js';
import { type StorageFigures, storageFigures } from './measure/storage.js';
import { mb } from './proc/procStats.js';
import { loadConfig, log, machine, startRun } from './runSettings.js';
import { bundleBench, productionCommand } from './server/bundle.js';
import { openProposalsNow, prepareDatabase, signInSeats } from './setup.js';
import { startServerTarget } from './targets.js';

/** The server's memory as Node reports it, in MB. */
interface MemoryFigures {
  rssMb: number;
  heapUsedMb: number;
  heapTotalMb: number;
  externalMb: number;
  arrayBuffersMb: number;
  /** Each V8 heap space: MB committed / MB used. */
  spaces: Record<string, [number, number]>;
}

/** "heap used 28.0 → 36.8 MB, …" for each figure of two readings. */
function memoryLine(a: MemoryFigures | undefined, b: MemoryFigures | undefined): string {
  if (!a || !b) return 'not read';
  const names: [Exclude<keyof MemoryFigures, 'spaces'>, string][] = [
    ['rssMb', 'RSS'],
    ['heapUsedMb', 'heap used'],
    ['heapTotalMb', 'heap total'],
    ['externalMb', 'external'],
    ['arrayBuffersMb', 'array buffers'],
  ];
  const figures = names.map(([k, name]) => `${name} ${a[k].toFixed(1)} → ${b[k].toFixed(1)} MB`);
  const space = (m: MemoryFigures, name: string) => m.spaces[name]?.map((v) => v.toFixed(1)).join('/') ?? '–';
  const spaces = Object.keys(b.spaces)
    .filter((name) => (b.spaces[name]?.[0] ?? 0) >= 0.5)
    .map((name) => `${name} ${space(a, name)} → ${space(b, name)}`);
  return `${figures.join(', ')}; V8 spaces, MB committed/used: ${spaces.join(', ')}`;
}

/** Warm-up before the reference memory reading (a quarter of a short soak). */
const WARMUP_MAX_SECONDS = 120;
/**
 * Length of the windows whose RSS is averaged at the start and at the end of the measured time
 * (at most a quarter of it). RSS swings by several MB between two full collections under this
 * load; two minutes spans several of them.
 */
const RSS_WINDOW_MAX_SECONDS = 120;
/** Shortest soak. */
const MIN_SECONDS = 120;

const meanRss = (timeline: [number, number][], from: number, to: number) => {
  const values = timeline.filter(([t]) => t >= from && t <= to).map(([, v]) => v);
  return values.length === 0
    ? null
    : Math.round((10 * values.reduce((a, b) => a + b, 0)) / values.length) / 10;
};

async function main(): Promise<void> {
  const start = startRun('soak');
  if (!start) return;
  const { opts, startedAt, outDir, dir } = start;
  const clients = opts.soakClients;
  const totalSeconds = Math.max(opts.soakMinutes * 60, MIN_SECONDS);
  const WARMUP_SECONDS = Math.min(WARMUP_MAX_SECONDS, Math.round(totalSeconds / 4));
  const measured = totalSeconds - WARMUP_SECONDS;
  const rssWindow = Math.min(RSS_WINDOW_MAX_SECONDS, Math.floor(measured / 4));
  const prepared = await prepareDatabase(dir, opts, Math.max(clients, 1000), log);
  const bundle = await bundleBench(dir);
  const dataBefore = await storageFigures(prepared.dbFile, prepared.meta.negotiationId);
  const server = await startServerTarget({
    dbFile: prepared.dbFile,
    nodeArgs: opts.nodeArgs,
    bundle,
    profileDir: opts.profile ? join(outDir, 'profiles', 'soak') : undefined,
  });
  let run: DrivenRun;
  const windows: (LoadWindow & { rssMb: number; loadedDocs: string[] })[] = [];
  const afterGc: { afterWarmup?: MemoryFigures; end?: MemoryFigures } = {};
  let docsAfterLeaving: string[] = [];
  try {
    log(`Signing in ${clients} seats…`);
    const seats = await signInSeats(prepared, server.httpUrl, clients);
    const config = {
      ...loadConfig(opts, prepared, server, seats, await openProposalsNow(prepared)),
      warmupSeconds: WARMUP_SECONDS,
      seconds: totalSeconds - WARMUP_SECONDS,
      drainSeconds: 10,
      reportEverySeconds: 60,
      churn: { perSecond: opts.churnPerSecond, minAwaySeconds: 1, maxAwaySeconds: 10 },
    };
    const memoryAfterGc = async (): Promise<MemoryFigures | undefined> => {
      const answer = await server.child.request({ type: 'memory', gc: true }, 20_000).catch(() => undefined);
      if (!answer) return undefined;
      const u = answer.usage as NodeJS.MemoryUsage;
      return {
        rssMb: mb(u.rss),
        heapUsedMb: mb(u.heapUsed),
        heapTotalMb: mb(u.heapTotal),
        externalMb: mb(u.external),
        arrayBuffersMb: mb(u.arrayBuffers),
        spaces: Object.fromEntries(
          (answer.spaces as HeapSpaceInfo[]).map((s) => [
            s.space_name.replace(/_space$/, ''),
            [mb(s.space_size), mb(s.space_used_size)],
          ]),
        ),
      };
    };
    // Writing a snapshot stops the server for seconds and doubles its memory meanwhile: the
    // run's latencies and RSS are not comparable with a run without snapshots.
    const heapSnapshot = async (phase: string) => {
      mkdirSync(join(outDir, 'heap'), { recursive: true });
      const file = resolve(
        outDir,
        'heap',
        `soak-${phase === 'measure' ? 'after-warmup' : 'end'}.heapsnapshot`,
      );
      await server.child.request({ type: 'heap-snapshot', file }, 120_000);
      log(`  heap snapshot: ${file}`);
    };
    log(
      `Soak: ${clients} clients for ${Math.round(totalSeconds / 60)} min, ${opts.churnPerSecond} seat(s) leaving per second`,
    );
    run = await driveLoad(server, config, {
      log,
      // The forced full collections come after the two RSS windows, never inside one: a window
      // that starts with one would read memory lower than the load keeps it.
      onPhase: async (phase) => {
        if (phase === 'measure') {
          await new Promise((r) => setTimeout(r, rssWindow * 1000));
          afterGc.afterWarmup = await memoryAfterGc();
        }
        if (phase === 'drain') afterGc.end = await memoryAfterGc();
        if (opts.heapSnapshots && (phase === 'measure' || phase === 'drain')) await heapSnapshot(phase);
      },
      onWindow: (w, rssMb) => {
        const entry = { ...w, rssMb, loadedDocs: [] as string[] };
        windows.push(entry);
        void server.child
          .request({ type: 'rooms' }, 10_000)
          .then((a) => {
            entry.loadedDocs = a.names as string[];
          })
          .catch(() => undefined);
        log(
          `  ${windows.length} min: ${w.connected} connected, edits p99 ${w.edits.delivery.p99?.toFixed(1) ?? '–'} ms, lost ${w.edits.lost + w.proposals.lost}, RSS ${rssMb} MB`,
        );
      },
    });
    // Every client has left: after the unload delay no document may stay loaded.
    await new Promise((r) => setTimeout(r, UNLOAD_AFTER_MS + 5_000));
    const answer = await server.child.request({ type: 'rooms' }, 10_000);
    docsAfterLeaving = answer.names as string[];
  } finally {
    await server.stop();
  }
  const dataAfter = await storageFigures(prepared.dbFile, prepared.meta.negotiationId);
  const rssAfterWarmup = meanRss(run.rssTimeline, 0, rssWindow);
  const rssEnd = meanRss(run.rssTimeline, measured - rssWindow, measured);
  const change = rssAfterWarmup && rssEnd ? (100 * (rssEnd - rssAfterWarmup)) / rssAfterWarmup : null;
  const lost = run.load.edits.lost + run.load.proposals.lost;
  const checks = [
    {
      name: `RSS at the end within 10 % of after warm-up (mean over the first and the last ${rssWindow} s)`,
      value: `${rssAfterWarmup} → ${rssEnd} MB (${change === null ? 'n/a' : `${change >= 0 ? '+' : ''}${change.toFixed(1)} %`})`,
      met: change === null ? null : Math.abs(change) <= 10,
    },
    {
      name: 'No document loaded without clients',
      value: docsAfterLeaving.length === 0 ? 'none loaded' : docsAfterLeaving.join(', '),
      met: docsAfterLeaving.length === 0,
    },
    {
      name: 'No message lost',
      value: `${lost} (edits ${run.load.edits.lost} of ${run.load.edits.expected}, proposals ${run.load.proposals.lost} of ${run.load.proposals.expected})`,
      met: lost === 0,
    },
  ];
  const results = {
    kind: 'soak',
    startedAt: startedAt.toISOString(),
    durationSeconds: (Date.now() - startedAt.getTime()) / 1000,
    machine: machine(),
    settings: {
      clients,
      minutes: totalSeconds / 60,
      churnPerSecond: opts.churnPerSecond,
      commandsPerSecond: opts.commandsPerSecond,
      warmupSeconds: WARMUP_SECONDS,
      rssWindowSeconds: rssWindow,
    },
    serverRuntime: `esbuild bundle run by ${productionCommand(opts.nodeArgs)} (as npm start runs it)`,
    memory: {
      rssAfterWarmupMb: rssAfterWarmup,
      rssEndMb: rssEnd,
      changePercent: change,
      afterFullGc: afterGc,
    },
    data: { before: dataBefore, after: dataAfter },
    docsAfterLeaving,
    checks,
    load: run.load,
    target: run.target,
    windows,
    rssTimeline: run.rssTimeline,
  };
  writeFileSync(join(outDir, 'soak-latest.json'), `${JSON.stringify(results, null, 1)}\n`);
  const md = soakMarkdown(results);
  writeFileSync(join(outDir, 'soak-latest.md'), md);
  process.stdout.write(`\n${md}\n`);
  if (!opts.keep && !opts.dataDir) rmSync(dir, { recursive: true, force: true });
}

function soakMarkdown(r: {
  startedAt: string;
  machine: ReturnType<typeof machine>;
  settings: { clients: number; minutes: number; churnPerSecond: number; commandsPerSecond: number };
  serverRuntime: string;
  memory: { afterFullGc: { afterWarmup?: MemoryFigures; end?: MemoryFigures } };
  data: { before: StorageFigures; after: StorageFigures };
  checks: { name: string; value: string; met: boolean | null }[];
  load: DrivenRun['load'];
  target: DrivenRun['target'];
  windows: (LoadWindow & { rssMb: number; loadedDocs: string[] })[];
}): string {
  const f = (v: number | null | undefined) => (v == null ? '–' : v.toFixed(1));
  const lines = [
    `# Soak results — ${r.startedAt.slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `Machine: ${r.machine.cores} cores (${r.machine.cpuModel}), Node ${r.machine.node}. ` +
      `${r.settings.clients} clients for ${Math.round(r.settings.minutes)} min, ${r.settings.churnPerSecond} seat(s) leaving per second and coming back 1–10 s later; ` +
      `${r.load.sessions} sessions in all. Server: ${r.serverRuntime}.`,
    '',
    '| check | measured | met |',
    '|---|---|---|',
    ...r.checks.map(
      (c) => `| ${c.name} | ${c.value} | ${c.met === null ? 'n/a' : c.met ? 'yes' : '**no**'} |`,
    ),
    '',
    `What the load added to the negotiation (delegations table or support ${r.settings.commandsPerSecond} proposals a second): ` +
      `${r.data.before.rows.proposals} → ${r.data.after.rows.proposals} proposals, ${r.data.before.rows.supports} → ${r.data.after.rows.supports} supports, ` +
      `proposals document ${r.data.before.proposalsDocKb} → ${r.data.after.proposalsDocKb} KB, draft ${r.data.before.draftDocKb} → ${r.data.after.draftDocKb} KB.`,
    '',
    `After a full GC, after the first window → at the end: ${memoryLine(r.memory.afterFullGc.afterWarmup, r.memory.afterFullGc.end)}. ` +
      `Edits over the whole run: delivery p99 ${f(r.load.edits.delivery.p99)} ms, all reached p99 ${f(r.load.edits.allReached.p99)} ms; ` +
      `proposal ack p99 ${f(r.load.proposals.ack.p99)} ms; server CPU ${f(r.target.cpuPercent)} %; unexpected closes ${JSON.stringify(r.load.unexpectedCloses)}.`,
    '',
    '| minute | connected | edit delivery p99 ms | lost (edits + proposals) | RSS MB | documents loaded |',
    '|---|---|---|---|---|---|',
    ...r.windows.map(
      (w, i) =>
        `| ${i + 1} | ${w.connected} | ${f(w.edits.delivery.p99)} | ${w.edits.lost + w.proposals.lost} | ${w.rssMb} | ${w.loadedDocs.length} |`,
    ),
    '',
  ];
  return lines.join('\n');
}

await main();
