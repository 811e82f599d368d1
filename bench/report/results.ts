/** The results of a benchmark run, as written to `bench/results/latest.json`. */

import type { ResyncResult } from '../cluster/resync.js';
import type { DrivenRun } from '../load/drive.js';
import type { ColdLoad } from '../measure/browser.js';
import type { Timed } from '../measure/compare.js';
import type { StartupFigures } from '../measure/startup.js';
import type { StorageFigures } from '../measure/storage.js';
import type { StorageWriteFigures } from '../measure/storageWrite.js';
import type { SeedMeta } from '../seed/meta.js';
import type { Percentiles } from '../stats/histogram.js';

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
  /** Every export and import format over HTTP, by name (`measure/formats.ts`). */
  formats?: Record<string, Timed>;
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

/** CPU and memory of one process over the cluster's measured window. */
export interface ProcessFigures {
  name: string;
  /** In percent of one core. */
  cpuPercent: number;
  rssMaxMb: number;
}

/** The cluster's load: every negotiation's run, their distributions merged. */
export interface ClusterLoad {
  /** Clients over all negotiations. */
  clients: number;
  edits: {
    messages: number;
    allReached: Percentiles;
    delivery: Percentiles;
    /** The typists' durable acknowledgements. */
    ack: Percentiles;
    expected: number;
    lost: number;
  };
  proposals: {
    sent: number;
    ok: number;
    errors: Record<string, number>;
    ack: Percentiles;
    delivery: Percentiles;
    expected: number;
    lost: number;
  };
  perNegotiation: {
    negotiationId: string;
    editsAllReachedP99: number | null;
    lost: number;
    joinSeconds: number;
  }[];
  unexpectedCloses: Record<string, number>;
  /** The server processes and HAProxy. */
  processes: ProcessFigures[];
  loadgenCpuPercent: number;
  machineCpuPercent: number;
  /** CPU used by everything else: PostgreSQL, Redis, other work on the machine. */
  otherCpuPercent: number;
  measuredSeconds: number;
}

/** The cluster run (`--cluster=N`). */
export interface ClusterResults {
  processes: number;
  negotiations: number;
  clientsPerNegotiation: number;
  commandsPerSecond: number;
  /** What PostgreSQL and Redis were. */
  services: string;
  /** Each process's negotiations (HAProxy's affinity). */
  owners: Record<string, string[]>;
  seedSeconds: number;
  load?: ClusterLoad;
  /** The resync measurement, with the process that was killed. */
  resync?: ResyncResult & { killed: string; negotiationId: string };
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
  /** The cluster run, when asked for. */
  cluster?: ClusterResults;
  targets: TargetCheck[];
}

/** What `--no-single --cluster=N` wrote (`cluster-latest.json`). */
export interface ClusterOnlyResults {
  kind: 'bench-cluster';
  startedAt: string;
  durationSeconds: number;
  machine: Machine;
  settings: Record<string, unknown>;
  serverRuntime: string;
  cluster: ClusterResults;
  targets: TargetCheck[];
}
