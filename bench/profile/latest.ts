/** The newest CPU profile a server run wrote, summarised for the report. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type LongTask, longTasks, type ProfileLine, summarize } from './top.js';

/** The top functions of one profile. */
export interface ProfileSummary {
  clients: number;
  file: string;
  self: ProfileLine[];
  /** The longest stretches the event loop was busy. */
  longTasks: LongTask[];
  text: string;
}

/** Summarises the newest `.cpuprofile` in `dir`, if any. */
export function latestProfile(dir: string, clients: number, count = 15): ProfileSummary | undefined {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  } catch {
    return undefined;
  }
  // Files are CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile: of the newest process, the main
  // thread's profile (the largest; the other is tsx's loader thread).
  const byAge = files.map((f) => join(dir, f)).sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  const pidOf = (f: string) => f.split('.').at(-4);
  const newestPid = byAge[0] && pidOf(byAge[0]);
  const newest = byAge
    .filter((f) => pidOf(f) === newestPid)
    .sort((a, b) => statSync(b).size - statSync(a).size)[0];
  if (!newest) return undefined;
  const profile = JSON.parse(readFileSync(newest, 'utf8'));
  const { self } = summarize(profile);
  const top = self.filter((l) => l.name !== '(idle)').slice(0, count);
  const tasks = longTasks(profile).slice(0, 8);
  return {
    clients,
    file: newest,
    self: top,
    longTasks: tasks,
    text: [
      ...top.map(
        (l) =>
          `  ${l.selfPercent.toFixed(1).padStart(5)}% self ${l.totalPercent.toFixed(1).padStart(5)}% total  ${l.name}`,
      ),
      '  longest busy stretches of the event loop (whole process life, start-up and joins included):',
      ...tasks.map(
        (t) =>
          `  ${t.ms.toFixed(0).padStart(6)} ms  ${t.functions
            .slice(0, 4)
            .map((f) => `${f.name} ${f.ms.toFixed(0)}`)
            .join(' | ')}`,
      ),
    ].join('\n'),
  };
}
