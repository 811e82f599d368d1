/**
 * Runs the load generator process against a target and measures the target meanwhile: CPU
 * time and resident memory from /proc over the measured window, the documents it holds, and
 * its own count of memory after the run.
 */

import { loadavg } from 'node:os';
import { join } from 'node:path';
import { BenchChild, type IpcMessage } from '../proc/child.js';
import { cpuPercent, mb, ProcSampler, readProc, systemBusySeconds } from '../proc/procStats.js';
import type { Target } from '../targets.js';
import type { LoadConfig, LoadResult, LoadWindow } from './config.js';

/** What was measured of the target during a run. */
export interface TargetStats {
  /** CPU use over the measured window, in percent of one core. */
  cpuPercent: number;
  rssMb: { idle: number; start: number; mean: number; max: number; end: number };
  /** Documents loaded while the clients were connected. */
  loadedDocs: string[];
  /** V8 heap in use after the run (after a full GC where the target allows it), in MB. */
  heapUsedMb: number | null;
  logEvents: Record<string, number>;
  /** Event-loop delay of the target over the measured window (server only). */
  eventLoop: { p99Ms: number; maxMs: number } | null;
  /**
   * CPU used by every process of the machine over the measured window, in % of one core, and
   * the part used by neither the target nor the load generator (other work on the machine).
   */
  machineCpuPercent: number;
  otherCpuPercent: number;
  /** 1-minute load average at the end of the measured window. */
  loadAverage: number;
}

/** A whole run: the load's results and the target's. */
export interface DrivenRun {
  load: LoadResult;
  target: TargetStats;
  /** RSS samples over the run (seconds since the measured window started, MB). */
  rssTimeline: [number, number][];
  windows: LoadWindow[];
}

/** Options of `driveLoad`. */
export interface DriveOptions {
  log: (line: string) => void;
  /** Called when the load enters a phase (e.g. to take readings at the end of warm-up). */
  onPhase?: (phase: string) => Promise<void> | void;
  onWindow?: (w: LoadWindow, rssMb: number) => void;
}

/** Runs `config` against `target` from a fresh load generator process. */
export async function driveLoad(target: Target, config: LoadConfig, opts: DriveOptions): Promise<DrivenRun> {
  const { child: loadgen } = await BenchChild.start({
    name: 'loadgen',
    entry: join('bench', 'load', 'entry.ts'),
    nodeArgs: ['--max-old-space-size=4096'],
    onStderr: (line) => opts.log(`    loadgen: ${line}`),
  });
  const idle = readProc(target.child.pid);
  const sampler = new ProcSampler(target.child.pid, 500);
  const windows: LoadWindow[] = [];
  let measureFrom: ReturnType<ProcSampler['take']>;
  let measureTo: ReturnType<ProcSampler['take']>;
  let loadedDocs: string[] = [];
  let eventLoop: TargetStats['eventLoop'] = null;
  let busyFrom = 0;
  let busyTo = 0;
  let loadAverage = 0;
  const ask = (type: string, extra: Record<string, unknown> = {}) =>
    target.child.request({ type, ...extra }, 10_000).catch(() => undefined);
  const phases: Promise<void>[] = [];
  const off = loadgen.onMessage((msg: IpcMessage) => {
    if (msg.type === 'progress') opts.log(`    ${target.kind}: ${msg.text as string}`);
    if (msg.type === 'window') {
      const w = msg.window as LoadWindow;
      windows.push(w);
      opts.onWindow?.(w, mb(sampler.take()?.rssBytes ?? 0));
    }
    if (msg.type !== 'phase') return;
    const phase = msg.phase as string;
    opts.log(`    ${target.kind}: ${phase}`);
    if (phase === 'measure') {
      measureFrom = sampler.take();
      busyFrom = systemBusySeconds();
      if (target.kind === 'server') phases.push(ask('loop', { reset: true }).then(() => undefined));
    }
    if (phase === 'drain') {
      measureTo = sampler.take();
      busyTo = systemBusySeconds();
      loadAverage = loadavg()[0] ?? 0;
      phases.push(
        ask('rooms').then((answer) => {
          loadedDocs = (answer?.names as string[] | undefined) ?? [];
        }),
      );
      if (target.kind === 'server') {
        phases.push(
          ask('loop').then((answer) => {
            if (answer?.type === 'loop')
              eventLoop = { p99Ms: answer.p99Ms as number, maxMs: answer.maxMs as number };
          }),
        );
      }
    }
    if (opts.onPhase) phases.push(Promise.resolve(opts.onPhase(phase)));
  });
  try {
    const timeoutMs = (config.warmupSeconds + config.seconds + config.drainSeconds + 900) * 1000;
    const answer = await loadgen.request({ type: 'start', config }, timeoutMs);
    if (answer.type === 'error') throw new Error(`load generator failed: ${answer.message as string}`);
    await Promise.all(phases);
    const load = answer.result as LoadResult;
    const from = measureFrom!;
    const to = measureTo!;
    const during = sampler.between(from.at, to.at).map((s) => s.rssBytes);
    const end = sampler.take() ?? to;
    let heapUsedMb: number | null = null;
    try {
      const mem = await target.child.request({ type: 'memory', gc: true }, 20_000);
      heapUsedMb = mb((mem.usage as NodeJS.MemoryUsage).heapUsed);
    } catch {
      heapUsedMb = null;
    }
    const wall = (to.at - from.at) / 1000;
    const machineCpu = wall > 0 ? (100 * (busyTo - busyFrom)) / wall : 0;
    const targetCpu = cpuPercent(from, to);
    return {
      load,
      target: {
        machineCpuPercent: machineCpu,
        otherCpuPercent: Math.max(0, machineCpu - targetCpu - load.loadgen.cpuPercent),
        loadAverage,
        cpuPercent: targetCpu,
        rssMb: {
          idle: mb(idle?.rssBytes ?? 0),
          start: mb(from.rssBytes),
          mean: mb(during.reduce((a, b) => a + b, 0) / Math.max(1, during.length)),
          max: mb(Math.max(...during, from.rssBytes)),
          end: mb(end.rssBytes),
        },
        loadedDocs,
        heapUsedMb,
        logEvents: Object.fromEntries(target.logEvents),
        eventLoop,
      },
      rssTimeline: sampler.samples.map((s) => [Math.round((s.at - from.at) / 100) / 10, mb(s.rssBytes)]),
      windows,
    };
  } finally {
    off();
    sampler.stop();
    await loadgen.stop(5_000);
  }
}
