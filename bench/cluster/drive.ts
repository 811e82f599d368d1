/**
 * Runs the cluster's load: one run per negotiation, spread over a few load generator processes,
 * all started together once every seat of every negotiation has joined; meanwhile the CPU and
 * memory of each server process and of HAProxy are read from /proc over the measured window.
 */
import { join } from 'node:path';
import type { RunningCluster } from '../../deploy/cluster.js';
import type { LoadConfig, LoadResult } from '../load/config.js';
import type { ManyResults } from '../load/manyRuns.js';
import { BenchChild, type IpcMessage } from '../proc/child.js';
import { cpuPercent, mb, ProcSampler, systemBusySeconds } from '../proc/procStats.js';
import type { ClusterLoad, ProcessFigures } from '../report/results.js';
import { Histogram } from '../stats/histogram.js';

/** Options of `driveCluster`. */
export interface ClusterDriveOptions {
  /** Load generator processes the negotiations are spread over. */
  loadgens: number;
  log: (line: string) => void;
}

/** Runs `configs` (one per negotiation) against the cluster. */
export async function driveCluster(
  cluster: RunningCluster,
  configs: readonly LoadConfig[],
  opts: ClusterDriveOptions,
): Promise<ClusterLoad> {
  const count = Math.max(1, Math.min(opts.loadgens, configs.length));
  const loadgens = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      BenchChild.start({
        name: `loadgen${i + 1}`,
        entry: join('bench', 'load', 'entry.ts'),
        nodeArgs: ['--max-old-space-size=4096'],
        onStderr: (line) => opts.log(`    loadgen${i + 1}: ${line}`),
      }).then((started) => started.child),
    ),
  );
  const watched: { name: string; pid: number }[] = cluster.nodes.flatMap((n) =>
    n.process?.pid === undefined ? [] : [{ name: n.name, pid: n.process.pid }],
  );
  const proxyPid = cluster.haproxyPid();
  if (proxyPid !== undefined) watched.push({ name: 'haproxy', pid: proxyPid });
  const samplers = watched.map((w) => new ProcSampler(w.pid, 500));
  const loadgenSamplers = loadgens.map((l) => new ProcSampler(l.pid, 500));
  let connected = 0;
  let measureFrom = 0;
  let measureTo = 0;
  let busyFrom = 0;
  let busyTo = 0;
  const offs = loadgens.map((loadgen, i) =>
    loadgen.onMessage((msg: IpcMessage) => {
      // Each seat's failure is counted in the results; the summary lines are enough here.
      if (msg.type === 'progress' && !/failed to join|seats joined/.test(msg.text as string))
        opts.log(`    ${msg.text as string}`);
      if (msg.type === 'connected' && ++connected === loadgens.length) {
        opts.log('    every negotiation joined: starting the load');
        for (const l of loadgens) l.send({ type: 'go' });
      }
      if (msg.type !== 'phase' || i !== 0) return;
      opts.log(`    cluster: ${msg.phase as string}`);
      if (msg.phase === 'measure') {
        measureFrom = performance.now();
        busyFrom = systemBusySeconds();
        for (const s of [...samplers, ...loadgenSamplers]) s.take();
      }
      if (msg.phase === 'drain') {
        measureTo = performance.now();
        busyTo = systemBusySeconds();
        for (const s of [...samplers, ...loadgenSamplers]) s.take();
      }
    }),
  );
  try {
    const shares = loadgens.map((_, i) => configs.filter((_c, j) => j % loadgens.length === i));
    const first = configs[0]!;
    const timeoutMs = (first.warmupSeconds + first.seconds + first.drainSeconds + 900) * 1000;
    const answers = await Promise.all(
      loadgens.map((l, i) => l.request({ type: 'start-many', configs: shares[i] }, timeoutMs)),
    );
    for (const a of answers)
      if (a.type === 'error') throw new Error(`load generator failed: ${a.message as string}`);
    // Results come back in the order of the shares.
    const ids = shares.flatMap((share) => share.map((c) => c.negotiationId));
    const results: LoadResult[] = [];
    const merged = new Map<string, Histogram>();
    for (const a of answers) {
      const many = a as unknown as ManyResults;
      results.push(...many.results);
      for (const [key, json] of Object.entries(many.histograms)) {
        const h = merged.get(key) ?? new Histogram();
        h.merge(Histogram.fromJSON(json));
        merged.set(key, h);
      }
    }
    const summary = (key: string) => (merged.get(key) ?? new Histogram()).summary();
    const figures = (name: string, sampler: ProcSampler): ProcessFigures => {
      const during = sampler.between(measureFrom, measureTo);
      const from = during[0];
      const to = during.at(-1);
      return {
        name,
        cpuPercent: from && to ? cpuPercent(from, to) : 0,
        rssMaxMb: mb(Math.max(0, ...during.map((s) => s.rssBytes))),
      };
    };
    const processes = watched.map((w, i) => figures(w.name, samplers[i]!));
    const loadgenCpu = loadgens.reduce(
      (sum, _l, i) => sum + figures('loadgen', loadgenSamplers[i]!).cpuPercent,
      0,
    );
    const wall = (measureTo - measureFrom) / 1000;
    const machineCpu = wall > 0 ? (100 * (busyTo - busyFrom)) / wall : 0;
    const sum = (pick: (r: LoadResult) => number) => results.reduce((n, r) => n + pick(r), 0);
    const closes: Record<string, number> = {};
    for (const r of results)
      for (const [code, n] of Object.entries(r.unexpectedCloses)) closes[code] = (closes[code] ?? 0) + n;
    const errors: Record<string, number> = {};
    for (const r of results)
      for (const [code, n] of Object.entries(r.proposals.errors)) errors[code] = (errors[code] ?? 0) + n;
    return {
      clients: sum((r) => r.clients),
      edits: {
        messages: sum((r) => r.edits.messages),
        allReached: summary('editsAllReached'),
        delivery: summary('editsDelivery'),
        ack: summary('editsAck'),
        expected: sum((r) => r.edits.expected),
        lost: sum((r) => r.edits.lost),
      },
      proposals: {
        sent: sum((r) => r.proposals.sent),
        ok: sum((r) => r.proposals.ok),
        errors,
        ack: summary('proposalsAck'),
        delivery: summary('proposalsDelivery'),
        expected: sum((r) => r.proposals.expected),
        lost: sum((r) => r.proposals.lost),
      },
      perNegotiation: results.map((r, i) => ({
        negotiationId: ids[i]!,
        editsAllReachedP99: r.edits.allReached.p99,
        lost: r.edits.lost + r.proposals.lost,
        joinSeconds: r.join.seconds,
      })),
      unexpectedCloses: closes,
      processes,
      loadgenCpuPercent: loadgenCpu,
      machineCpuPercent: machineCpu,
      otherCpuPercent: Math.max(0, machineCpu - loadgenCpu - processes.reduce((n, p) => n + p.cpuPercent, 0)),
      measuredSeconds: wall,
    };
  } finally {
    for (const off of offs) off();
    for (const s of [...samplers, ...loadgenSamplers]) s.stop();
    await Promise.all(loadgens.map((l) => l.stop(5_000)));
  }
}
