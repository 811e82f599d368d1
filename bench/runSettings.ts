/** The settings of a run that the benchmark and the soak share: the machine and the load's configuration. */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import type { LoadConfig, LoadSeat } from './load/config.js';
import { type BenchOptions, OPTIONS_HELP, readOptions } from './options.js';
import { ROOT } from './proc/child.js';
import type { Machine } from './report/results.js';
import type { Prepared } from './setup.js';
import type { Target } from './targets.js';

/** Writes a progress line, with the time, to standard output. */
export function log(line: string): void {
  process.stdout.write(`[${new Date().toISOString().slice(11, 19)}] ${line}\n`);
}

/** What a run of `npm run bench` or `npm run soak` starts from. */
export interface RunStart {
  opts: BenchOptions;
  startedAt: Date;
  /** Where the results are written (created). */
  outDir: string;
  /** The data directory: the one asked for (`--data`) or a new temporary one (created). */
  dir: string;
}

/**
 * Reads the options of `npm run <command>`, creates the results and data directories, and
 * returns them; prints the options and returns null when `--help` was asked for.
 */
export function startRun(command: 'bench' | 'soak'): RunStart | null {
  const opts = readOptions(process.argv.slice(2), process.env);
  if (opts.help) {
    process.stdout.write(`npm run ${command} [-- options]\n${OPTIONS_HELP}\n`);
    return null;
  }
  const outDir = resolve(ROOT, opts.outDir);
  mkdirSync(outDir, { recursive: true });
  const dir = opts.dataDir ? resolve(opts.dataDir) : mkdtempSync(join(tmpdir(), `nte-${command}-`));
  mkdirSync(dir, { recursive: true });
  log(`Data directory ${dir}`);
  return { opts, startedAt: new Date(), outDir, dir };
}

/** The machine, for the report. */
export function machine(): Machine {
  return {
    cores: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round(totalmem() / 1e8) / 10,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

/** The settings of the cluster run, for the report. */
export function clusterSettings(opts: BenchOptions): Record<string, unknown> {
  return {
    cluster: opts.cluster,
    clusterNegotiations: opts.clusterNegotiations,
    clusterClients: opts.clusterClients,
    clusterProposals: opts.clusterProposals,
    clusterCommandsPerSecond: opts.clusterCommandsPerSecond,
    resyncClients: opts.resyncClients,
    ...(opts.single
      ? {}
      : {
          seconds: opts.seconds,
          warmupSeconds: opts.warmupSeconds,
          drainSeconds: opts.drainSeconds,
          editsPerSecond: opts.editsPerSecond,
          presenceRenewMs: opts.presenceRenewMs,
          paragraphs: opts.paragraphs,
        }),
  };
}

/** The load of one run against one target. */
export function loadConfig(
  opts: BenchOptions,
  prepared: Prepared,
  target: Target,
  seats: LoadSeat[],
  openProposals: LoadConfig['openProposals'],
): LoadConfig {
  return {
    target: target.kind,
    httpUrl: target.httpUrl,
    wsUrl: target.wsUrl,
    negotiationId: prepared.meta.negotiationId,
    seats,
    typingPid: prepared.meta.typingPid,
    paragraphs: prepared.meta.paragraphs,
    openProposals,
    editsPerSecond: opts.editsPerSecond,
    commandsPerSecond: opts.commandsPerSecond,
    presenceRenewMs: opts.presenceRenewMs,
    warmupSeconds: opts.warmupSeconds,
    seconds: opts.seconds,
    drainSeconds: opts.drainSeconds,
    connectConcurrency: opts.connectConcurrency,
    reportEverySeconds: 0,
    seed: Math.floor(Math.random() * 1e9),
  };
}
