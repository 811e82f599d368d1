/**
 * Several runs of the load at once in one load generator process, one per negotiation (the
 * cluster's load, `bench/cluster/`): every run connects its seats, the process tells the benchmark
 * once all have, and they start typing, tabling and measuring together when the benchmark says
 * so, which it does once every load generator is connected. Their distributions are merged.
 */
import { Histogram, type HistogramJson } from '../stats/histogram.js';
import type { LoadConfig, LoadResult } from './config.js';
import { LoadRun, type Phase, type RunHistograms } from './loadRun.js';

/** What the runs tell the benchmark. */
export interface ManyReporter {
  /** The first run entered a phase (the runs move together). */
  phase(phase: Phase): void;
  progress(text: string): void;
  /** Every run has connected its seats; resolve to start them. */
  connected(): Promise<void>;
}

/** The runs' results, and their distributions merged, as plain data. */
export interface ManyResults {
  results: LoadResult[];
  histograms: Record<keyof RunHistograms, HistogramJson>;
}

/** Runs one load per configuration at once (see the module's comment). */
export async function runMany(configs: readonly LoadConfig[], reporter: ManyReporter): Promise<ManyResults> {
  let joined = 0;
  let start: Promise<void> | null = null;
  let release!: () => void;
  const allJoined = new Promise<void>((resolve) => {
    release = resolve;
  });
  const runs = configs.map(
    (config, i) =>
      new LoadRun(config, {
        phase: (phase) => {
          if (i === 0) reporter.phase(phase);
        },
        progress: (text) => reporter.progress(`${config.negotiationId}: ${text}`),
        window: () => undefined,
        connected: async () => {
          if (++joined === configs.length) release();
          await allJoined;
          start ??= reporter.connected();
          await start;
        },
      }),
  );
  const results = await Promise.all(runs.map((r) => r.run()));
  const merged: RunHistograms = {
    editsAllReached: new Histogram(),
    editsDelivery: new Histogram(),
    editsAck: new Histogram(),
    proposalsDelivery: new Histogram(),
    proposalsAck: new Histogram(),
  };
  for (const run of runs) {
    const h = run.histograms();
    for (const key of Object.keys(merged) as (keyof RunHistograms)[]) merged[key].merge(h[key]);
  }
  const histograms = Object.fromEntries(
    Object.entries(merged).map(([key, h]) => [key, h.toJSON()]),
  ) as ManyResults['histograms'];
  return { results, histograms };
}
