/**
 * Options of `npm run bench` and `npm run soak`, from flags (`--clients=50,200`) or environment
 * variables (`BENCH_CLIENTS=50,200`); flags win. Defaults reproduce the benchmark.
 */

/** Everything a benchmark or soak run can be told. */
export interface BenchOptions {
  /** Numbers of connected clients, one run each. */
  clients: number[];
  /** Measured seconds per run (after warm-up). */
  seconds: number;
  warmupSeconds: number;
  drainSeconds: number;
  paragraphs: number;
  proposals: number;
  delegations: number;
  closedReadings: number;
  editsPerSecond: number;
  commandsPerSecond: number;
  presenceRenewMs: number;
  connectConcurrency: number;
  /** Run the bare relay too. */
  relay: boolean;
  /** Run the browser, comparison and export measurements. */
  extras: boolean;
  /** Write V8 CPU profiles of the server's load runs. */
  profile: boolean;
  /** Soak: write V8 heap snapshots of the server after warm-up and at the end. */
  heapSnapshots: boolean;
  /** Keep the temporary directory (database, profiles) after the run. */
  keep: boolean;
  /** Reuse this data directory (seeded by an earlier run with --keep) instead of seeding. */
  dataDir: string | undefined;
  /** Soak: total minutes, seats leaving per second. */
  soakMinutes: number;
  soakClients: number;
  churnPerSecond: number;
  /** Extra Node flags for the server process, e.g. `--max-semi-space-size=2`. */
  nodeArgs: string[];
  /** Run the single-process part (load runs, relay, other measurements). */
  single: boolean;
  /** Server processes of the cluster run (`bench/cluster/`); none when 0. */
  cluster: number;
  /** Cluster: negotiations served at once, each with its own typist and delegates. */
  clusterNegotiations: number;
  /** Cluster: clients of each negotiation. */
  clusterClients: number;
  /** Cluster: proposals seeded in each negotiation. */
  clusterProposals: number;
  /** Cluster: proposal commands per second in each negotiation. */
  clusterCommandsPerSecond: number;
  /** Cluster: clients of the negotiation whose owner is killed for the resync measurement. */
  resyncClients: number;
  /** Where results are written. */
  outDir: string;
  help: boolean;
}

const DEFAULTS: BenchOptions = {
  clients: [50, 200, 500, 1000],
  seconds: 30,
  warmupSeconds: 5,
  drainSeconds: 5,
  paragraphs: 300,
  proposals: 3000,
  delegations: 150,
  closedReadings: 3,
  editsPerSecond: 10,
  commandsPerSecond: 5,
  presenceRenewMs: 15_000,
  connectConcurrency: 16,
  relay: true,
  extras: true,
  profile: false,
  heapSnapshots: false,
  keep: false,
  dataDir: undefined,
  soakMinutes: 30,
  soakClients: 200,
  churnPerSecond: 1,
  nodeArgs: [],
  single: true,
  cluster: 0,
  clusterNegotiations: 10,
  clusterClients: 200,
  clusterProposals: 300,
  clusterCommandsPerSecond: 0.5,
  resyncClients: 1000,
  outDir: 'bench/results',
  help: false,
};

type Kind = 'list' | 'number' | 'bool' | 'string' | 'strings';
const FIELDS: Record<string, [keyof BenchOptions, Kind]> = {
  clients: ['clients', 'list'],
  seconds: ['seconds', 'number'],
  warmup: ['warmupSeconds', 'number'],
  drain: ['drainSeconds', 'number'],
  paragraphs: ['paragraphs', 'number'],
  proposals: ['proposals', 'number'],
  delegations: ['delegations', 'number'],
  readings: ['closedReadings', 'number'],
  'edits-per-second': ['editsPerSecond', 'number'],
  'commands-per-second': ['commandsPerSecond', 'number'],
  'presence-ms': ['presenceRenewMs', 'number'],
  concurrency: ['connectConcurrency', 'number'],
  relay: ['relay', 'bool'],
  extras: ['extras', 'bool'],
  profile: ['profile', 'bool'],
  'heap-snapshots': ['heapSnapshots', 'bool'],
  keep: ['keep', 'bool'],
  data: ['dataDir', 'string'],
  minutes: ['soakMinutes', 'number'],
  'soak-clients': ['soakClients', 'number'],
  churn: ['churnPerSecond', 'number'],
  'node-args': ['nodeArgs', 'strings'],
  single: ['single', 'bool'],
  cluster: ['cluster', 'number'],
  'cluster-negotiations': ['clusterNegotiations', 'number'],
  'cluster-clients': ['clusterClients', 'number'],
  'cluster-proposals': ['clusterProposals', 'number'],
  'cluster-commands-per-second': ['clusterCommandsPerSecond', 'number'],
  'resync-clients': ['resyncClients', 'number'],
  out: ['outDir', 'string'],
  help: ['help', 'bool'],
};

/** Upper bounds that keep every loop of the benchmark bounded. */
const LIMITS: Partial<Record<keyof BenchOptions, number>> = {
  seconds: 3600,
  warmupSeconds: 600,
  drainSeconds: 120,
  paragraphs: 5000,
  proposals: 50_000,
  delegations: 190,
  closedReadings: 9,
  editsPerSecond: 100,
  commandsPerSecond: 100,
  connectConcurrency: 200,
  soakMinutes: 24 * 60,
  soakClients: 5000,
  churnPerSecond: 50,
  cluster: 16,
  clusterNegotiations: 50,
  clusterClients: 2000,
  clusterProposals: 10_000,
  clusterCommandsPerSecond: 20,
  resyncClients: 5000,
};

function parse(name: string, kind: Kind, raw: string): unknown {
  if (kind === 'string') return raw;
  if (kind === 'strings')
    return raw
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
  if (kind === 'bool') return !['0', 'false', 'no', 'off'].includes(raw.toLowerCase());
  const numbers = raw.split(',').map((s) => Number(s.trim()));
  if (numbers.some((n) => !Number.isFinite(n) || n < 0)) throw new Error(`--${name}: not a number: ${raw}`);
  return kind === 'list' ? numbers.map((n) => Math.min(5000, Math.max(1, Math.round(n)))) : numbers[0];
}

/** Reads options from `argv` (after the script name) and `env`. */
export function readOptions(argv: readonly string[], env: NodeJS.ProcessEnv): BenchOptions {
  const opts: BenchOptions = { ...DEFAULTS };
  const set = (name: string, raw: string) => {
    const field = FIELDS[name];
    if (!field) throw new Error(`unknown option --${name}`);
    const [key, kind] = field;
    let value = parse(name, kind, raw);
    const limit = LIMITS[key];
    if (typeof value === 'number' && limit !== undefined) value = Math.min(value, limit);
    (opts as unknown as Record<string, unknown>)[key] = value;
  };
  for (const name of Object.keys(FIELDS)) {
    const raw = env[`BENCH_${name.toUpperCase().replaceAll('-', '_')}`];
    if (raw !== undefined && raw !== '') set(name, raw);
  }
  for (const arg of argv) {
    const m = /^--(no-)?([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!m) throw new Error(`unexpected argument ${arg}`);
    set(m[2]!, m[1] ? 'false' : (m[3] ?? 'true'));
  }
  return opts;
}

/** Help text of the options. */
export const OPTIONS_HELP = `Options (flag or environment variable; e.g. --clients=50,200 or BENCH_CLIENTS=50,200):
  --clients=50,200,500,1000   clients per run          --seconds=30      measured seconds per run
  --warmup=5 --drain=5        warm-up and drain        --no-relay        skip the bare relay
  --no-extras                 skip browser, comparison, export and start-up measurements
  --profile                   CPU profiles of the server (bench/results/profiles)
  --heap-snapshots            soak: heap snapshots of the server after warm-up and at the end
  --node-args=--max-semi-space-size=2  extra Node flags for the server (comma-separated)
  --keep                      keep the temporary database  --data=DIR   reuse a kept database
  --paragraphs=300 --proposals=3000 --delegations=150 --readings=3
  --edits-per-second=10 --commands-per-second=5 --presence-ms=15000 --concurrency=16
  soak: --minutes=30 --soak-clients=200 --churn=1 (seats leaving per second)
  --cluster=3                 also run the cluster: that many processes behind HAProxy on PostgreSQL
                              (DATABASE_URL's server, or a throwaway one) and Redis (REDIS_URL, or one)
  --no-single                 skip the single-process part (with --cluster: the cluster alone)
  --cluster-negotiations=10 --cluster-clients=200 --cluster-proposals=300
  --cluster-commands-per-second=0.5 (each negotiation) --resync-clients=1000`;
