/** The results of a benchmark run, as written to `bench/results/latest.json`. */
import type { DrivenRun } from '../load/drive.js';
import type { ColdLoad } from '../measure/browser.js';
import type { Timed } from '../measure/compare.js';
import type { StartupFigures } from '../measure/startup.js';
import type { StorageFigures } from '../measure/storage.js';
import type { StorageWriteFigures } from '../measure/storageWrite.js';
import type { SeedMeta } from '../seed/meta.js';

/** The machine the benchmark ran on. */
export interface Machine {
  cores: number;
  cpuModel: string;
  memoryGb: number;
  node: string;
  platform: string;
}

/** Runs of one number of clients: against the server and against the bare relay. */
export interface ClientRuns {
  clients: number;
  server?: DrivenRun;
  relay?: DrivenRun;
  /** The server's p99 over the relay's, for edits reaching every client and per delivery. */
  ratio?: { allReachedP99: number | null; deliveryP99: number | null };
}

/** Measurements besides the load. */
export interface Extras {
  coldLoad?: ColdLoad | { ok: false; reason: string };
  comparePure?: Timed;
  compareApi?: Timed;
  compareRendered?: ColdLoad | { ok: false; reason: string };
  docxFunction?: Timed;
  docxHttp?: Timed;
  startup?: StartupFigures | { ok: false; reason: string };
  storage?: StorageFigures;
  storageWrite?: StorageWriteFigures;
}

/** One target of the issue and whether it was met (null when not measured). */
export interface TargetCheck {
  name: string;
  goal: string;
  value: string;
  met: boolean | null;
}

/** Everything a run wrote. */
export interface BenchResults {
  kind: 'bench';
  startedAt: string;
  durationSeconds: number;
  machine: Machine;
  settings: Record<string, unknown>;
  /** How the server process ran. */
  serverRuntime: string;
  negotiation: SeedMeta['counts'] & { seedSeconds: number; reused: boolean };
  clientBuild: string;
  runs: ClientRuns[];
  extras: Extras;
  targets: TargetCheck[];
}
