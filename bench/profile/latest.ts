/** The newest CPU profile a server run wrote, summarised for the report. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type ProfileLine, summarize } from './top.js';

/** The top functions of one profile. */
export interface ProfileSummary {
  clients: number;
  file: string;
  self: ProfileLine[];
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
  const newest = files.map((f) => join(dir, f)).sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  if (!newest) return undefined;
  const { self } = summarize(JSON.parse(readFileSync(newest, 'utf8')));
  const top = self.filter((l) => l.name !== '(idle)').slice(0, count);
  return {
    clients,
    file: newest,
    self: top,
    text: top
      .map(
        (l) =>
          `  ${l.selfPercent.toFixed(1).padStart(5)}% self ${l.totalPercent.toFixed(1).padStart(5)}% total  ${l.name}`,
      )
      .join('\n'),
  };
}
