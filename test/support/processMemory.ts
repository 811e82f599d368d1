/** Memory of a process tree from /proc (Linux): for tests that bound a child server's memory. */
import { readFileSync } from 'node:fs';

/** `pid` and every process below it. */
export function processTree(pid: number): number[] {
  const all = [pid];
  for (let i = 0; i < all.length; i++) {
    let children = '';
    try {
      children = readFileSync(`/proc/${all[i]}/task/${all[i]}/children`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    for (const child of children.trim().split(/\s+/)) if (child) all.push(Number(child));
  }
  return all;
}

/** A `kB` field of /proc/<pid>/status (VmRSS, VmHWM, …) in megabytes, or 0. */
function statusMb(pid: number, field: string): number {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * The resident memory of the largest process in the tree of `pid`, in MB, now (`VmRSS`) and at
 * its peak so far (`VmHWM`). The largest is the server itself when `pid` is a launcher.
 */
export function largestProcessMemory(pid: number): { rssMb: number; peakMb: number } {
  let best = { rssMb: 0, peakMb: 0 };
  for (const p of processTree(pid)) {
    const peakMb = statusMb(p, 'VmHWM');
    if (peakMb > best.peakMb) best = { rssMb: statusMb(p, 'VmRSS'), peakMb };
  }
  return best;
}
