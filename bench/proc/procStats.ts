/**
 * CPU time and resident memory of a process, read from /proc (Linux), and a sampler that
 * records them once a second while a run goes on.
 */
import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** One reading of a process. */
export interface ProcSample {
  /** performance.now() of the reading. */
  at: number;
  /** User plus system CPU time, in seconds. */
  cpuSeconds: number;
  /** Resident set size, in bytes. */
  rssBytes: number;
}

/** Reads CPU time and RSS of `pid`; undefined once the process is gone. */
export function readProc(pid: number): ProcSample | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start at state (field 3).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return { at: performance.now(), cpuSeconds: (utime + stime) / TICKS_PER_SECOND, rssBytes: rssKb * 1024 };
  } catch {
    return undefined;
  }
}

/** CPU use between two readings, in percent of one core. */
export function cpuPercent(from: ProcSample, to: ProcSample): number {
  const wall = (to.at - from.at) / 1000;
  return wall > 0 ? (100 * (to.cpuSeconds - from.cpuSeconds)) / wall : 0;
}

/** Samples a process every `intervalMs` until stopped. */
export class ProcSampler {
  readonly samples: ProcSample[] = [];
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly pid: number,
    intervalMs = 1000,
    private readonly maxSamples = 10_000,
  ) {
    this.take();
    this.timer = setInterval(() => this.take(), intervalMs);
    this.timer.unref();
  }

  /** Takes a reading now and returns it. */
  take(): ProcSample | undefined {
    const s = readProc(this.pid);
    if (s) {
      this.samples.push(s);
      if (this.samples.length > this.maxSamples) this.samples.shift();
    }
    return s;
  }

  /** Readings taken between two instants (performance.now()). */
  between(from: number, to: number): ProcSample[] {
    return this.samples.filter((s) => s.at >= from && s.at <= to);
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

/** Megabytes, rounded to one decimal. */
export function mb(bytes: number): number {
  return Math.round(bytes / 104857.6) / 10;
}

/** Busy CPU time of the whole machine (all cores), in seconds, from /proc/stat. */
export function systemBusySeconds(): number {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
    const [user, nice, system, , , irq, softirq, steal] = line
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number) as number[];
    return (
      ((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0)) /
      TICKS_PER_SECOND
    );
  } catch {
    return 0;
  }
}
