/**
 * Summarises a V8 CPU profile (`node --cpu-prof`): the functions with the most self time and
 * the most total time (self plus callees), by function name and source location.
 *
 *   npx tsx bench/profile/top.ts bench/results/profiles/<file>.cpuprofile [count]
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** One line of the summary. */
export interface ProfileLine {
  name: string;
  selfPercent: number;
  totalPercent: number;
}

function label(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url.replace(/^file:\/\//, '').replace(/^.*\/(node_modules\/|main\/)/, '$1');
  return `${functionName || '(anonymous)'} ${file ? `${file}:${lineNumber + 1}` : ''}`.trim();
}

/** Self and total time per function, in percent of all samples, most expensive first. */
export function summarize(profile: CpuProfile): { self: ProfileLine[]; total: ProfileLine[] } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let all = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    all += dt;
    const node = byId.get(id);
    if (!node) return;
    const name = label(node);
    self.set(name, (self.get(name) ?? 0) + dt);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const l = label(byId.get(cur)!);
      if (seen.has(l)) continue;
      seen.add(l);
      total.set(l, (total.get(l) ?? 0) + dt);
    }
  });
  const lines = (m: Map<string, number>) =>
    [...m.entries()]
      .map(([name]) => ({
        name,
        selfPercent: (100 * (self.get(name) ?? 0)) / all,
        totalPercent: (100 * (total.get(name) ?? 0)) / all,
      }))
      .sort((a, b) => (m === self ? b.selfPercent - a.selfPercent : b.totalPercent - a.totalPercent));
  return { self: lines(self), total: lines(total) };
}

/** A stretch of consecutive busy samples (the event loop blocked), with its main project functions. */
export interface LongTask {
  ms: number;
  /** Project functions (not node_modules, not Node internals) by time within the stretch. */
  functions: { name: string; ms: number }[];
}

const IDLE = new Set(['(idle)', '(program)', '(garbage collector)']);

/** The busy stretches longer than `minMs`, longest first. */
export function longTasks(profile: CpuProfile, minMs = 50): LongTask[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const tasks: LongTask[] = [];
  let current: { ms: number; fns: Map<string, number> } | null = null;
  const close = () => {
    if (current && current.ms / 1000 >= minMs) {
      tasks.push({
        ms: current.ms / 1000,
        functions: [...current.fns.entries()]
          .map(([name, us]) => ({ name, ms: us / 1000 }))
          .sort((a, b) => b.ms - a.ms)
          .slice(0, 6),
      });
    }
    current = null;
  };
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0;
    const node = byId.get(id);
    const name = node?.callFrame.functionName ?? '';
    if (!node || (IDLE.has(name) && name !== '(garbage collector)')) {
      close();
      return;
    }
    current ??= { ms: 0, fns: new Map() };
    current.ms += dt;
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur)!;
      const url = n.callFrame.url;
      const l = label(n);
      if (seen.has(l) || (!url.includes('/main/') && n.callFrame.functionName !== '(garbage collector)'))
        continue;
      if (url.includes('node_modules')) continue;
      seen.add(l);
      current.fns.set(l, (current.fns.get(l) ?? 0) + dt);
    }
  });
  close();
  return tasks.sort((a, b) => b.ms - a.ms);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: tsx bench/profile/top.ts <file.cpuprofile> [count]');
  const count = Number(process.argv[3] ?? 25);
  const { self, total } = summarize(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile);
  const row = (l: ProfileLine) =>
    `${l.selfPercent.toFixed(1).padStart(6)}% ${l.totalPercent.toFixed(1).padStart(6)}%  ${l.name}`;
  process.stdout.write(
    `  self   total  function (by self time)\n${self.slice(0, count).map(row).join('\n')}\n\n`,
  );
  process.stdout.write(
    `  self   total  function (by total time)\n${total.slice(0, count).map(row).join('\n')}\n`,
  );
  const tasks = longTasks(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile);
  process.stdout.write(`\nBusy stretches of 50 ms or more: ${tasks.length}\n`);
  for (const t of tasks.slice(0, 10)) {
    const fns = t.functions.map((f) => `${f.name} ${f.ms.toFixed(0)}`).join(' | ');
    process.stdout.write(`  ${t.ms.toFixed(0).padStart(5)} ms  ${fns}\n`);
  }
}
