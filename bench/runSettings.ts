/** The settings of a run that the benchmark and the soak share: the machine and the load's configuration. */
import { cpus, totalmem } from 'node:os';
import type { LoadConfig, LoadSeat } from './load/config.js';
import type { BenchOptions } from './options.js';
import type { Machine } from './report/results.js';
import type { Prepared } from './setup.js';
import type { Target } from './targets.js';

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
