/**
 * Several server processes behind HAProxy on one machine, against one PostgreSQL and one Redis:
 * what `npm run cluster` starts for trying the deployment out, and what the cluster tests and
 * `npm run bench -- --cluster=N` drive. Each process is the production bundle (`build/main.mjs`)
 * run as `npm run serve` runs it; they share the database, the Redis and the signing key.
 * HAProxy names the process that answered each response (`X-Served-By`, see `ownerOf`) and leaves
 * with the process that started it, however that one ends: it runs under a shell that stops it
 * once its standard input closes, as the operating system does when the starter exits.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { loadSigningKey } from '../server/records/signingKey.js';
import { haproxyConfig, SERVED_BY_HEADER } from './haproxy.js';
import { productionRuntime } from './runtime.js';

const ROOT = resolve(import.meta.dirname, '..');

/** How to start a cluster. */
export interface ClusterOptions {
  /** Number of server processes. */
  nodes: number;
  /** Port HAProxy listens on (0: a free one). */
  port: number;
  databaseUrl: string;
  redisUrl: string;
  /** Where the processes' data (signing key, HAProxy configuration) goes. */
  dataDir: string;
  /** The bundled server (default `build/main.mjs`). */
  entry?: string;
  /** Extra environment of every process (LOG_LEVEL, …). */
  env?: Record<string, string>;
  /** Extra Node flags of every process (e.g. `--import` of a test's hook). */
  nodeFlags?: readonly string[];
  /** Where the processes' and HAProxy's output goes (default: inherited). */
  output?: (name: string, chunk: string) => void;
}

/** One server process of the cluster. */
export interface ClusterNode {
  readonly name: string;
  readonly port: number;
  /** The running process, or null while it is stopped. */
  readonly process: ChildProcess | null;
  /** Starts the process again (after `kill`) and waits until it answers its health check. */
  start(): Promise<void>;
  /** Sends `signal` (SIGKILL: a crash) and waits until the process has exited. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** A running cluster. */
export interface RunningCluster {
  /** The load balancer's address, e.g. `http://localhost:3000`. */
  url: string;
  nodes: readonly ClusterNode[];
  /** HAProxy's process id (not its keeper shell's), for measurements; undefined once stopped. */
  haproxyPid(): number | undefined;
  /**
   * Stops HAProxy and every process: SIGTERM, as an operator would, then SIGKILL for a process
   * still running `graceMs` later (default 10 s).
   */
  stop(graceMs?: number): Promise<void>;
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolvePort(port));
    });
  });
}

/** Polls `url` until it answers 200, or fails after `timeoutMs`. */
export async function waitHealthy(url: string, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1_000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`${url} did not become healthy within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The name of the process HAProxy sends negotiation `negotiationId` to now (its owner, by the
 * affinity of `deploy/haproxy.ts`), read from the `X-Served-By` header of a request naming it.
 */
export async function ownerOf(cluster: RunningCluster, negotiationId: string): Promise<string> {
  const res = await fetch(`${cluster.url}/api/collab/draft.${encodeURIComponent(negotiationId)}/access`, {
    signal: AbortSignal.timeout(5_000),
  });
  await res.body?.cancel();
  const name = res.headers.get(SERVED_BY_HEADER);
  if (!name) throw new Error(`HAProxy named no process for negotiation ${negotiationId}`);
  return name;
}

/** Starts HAProxy on `configFile` under a shell that stops it once its standard input closes. */
function spawnHaproxy(configFile: string, stdio: readonly ('pipe' | 'inherit')[]): ChildProcess {
  return spawn(
    'sh',
    ['-c', 'haproxy -f "$1" -db & pid=$!; cat >/dev/null; kill $pid; wait $pid', 'sh', configFile],
    { stdio: ['pipe', stdio[1]!, stdio[2]!] },
  );
}

/** Waits for a child process to exit (at once if it already has). */
function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((r) => child.once('exit', () => r()));
}

/** Starts the processes one after another's first start-up (migrations, demo), then HAProxy. */
export async function startCluster(opts: ClusterOptions): Promise<RunningCluster> {
  mkdirSync(opts.dataDir, { recursive: true });
  const keyFile = join(opts.dataDir, 'signing-key.pem');
  loadSigningKey(keyFile, { create: true });
  const port = opts.port || (await freePort());
  const url = `http://localhost:${port}`;
  const runtime = productionRuntime();
  const entry = opts.entry ?? join(ROOT, 'build', 'main.mjs');
  const pipe = (name: string, child: ChildProcess) => {
    if (!opts.output) return;
    child.stdout?.on('data', (b: Buffer) => opts.output!(name, b.toString()));
    child.stderr?.on('data', (b: Buffer) => opts.output!(name, b.toString()));
  };
  const stdio = opts.output ? (['pipe', 'pipe', 'pipe'] as const) : (['pipe', 'inherit', 'inherit'] as const);

  const nodes: (ClusterNode & { process: ChildProcess | null })[] = [];
  for (let i = 1; i <= opts.nodes; i++) {
    const name = `node${i}`;
    const nodePort = await freePort();
    const node: ClusterNode & { process: ChildProcess | null } = {
      name,
      port: nodePort,
      process: null,
      async start() {
        const child = spawn(process.execPath, [...runtime.flags, ...(opts.nodeFlags ?? []), entry], {
          cwd: ROOT,
          stdio: [...stdio],
          env: {
            ...process.env,
            ...runtime.env,
            PORT: String(nodePort),
            HOST: '127.0.0.1',
            DATA_DIR: join(opts.dataDir, name),
            SIGNING_KEY_FILE: keyFile,
            PUBLIC_URL: url,
            ALLOWED_ORIGINS: url,
            TRUST_PROXY: 'loopback',
            DATABASE_URL: opts.databaseUrl,
            REDIS_URL: opts.redisUrl,
            NODE_NAME: name,
            ...opts.env,
          },
        });
        pipe(name, child);
        node.process = child;
        child.once('exit', () => {
          if (node.process === child) node.process = null;
        });
        await Promise.race([
          waitHealthy(`http://127.0.0.1:${nodePort}/api/health`),
          exited(child).then(() => {
            throw new Error(`${name} exited while starting (code ${child.exitCode})`);
          }),
        ]);
      },
      async kill(signal: NodeJS.Signals = 'SIGKILL') {
        const child = node.process;
        if (!child) return;
        child.kill(signal);
        await exited(child);
      },
    };
    nodes.push(node);
  }

  const haproxyFile = join(opts.dataDir, 'haproxy.cfg');
  writeFileSync(
    haproxyFile,
    haproxyConfig({
      bind: `127.0.0.1:${port}`,
      backends: nodes.map((n) => ({ name: n.name, host: '127.0.0.1', port: n.port })),
      identifyServer: true,
    }),
  );
  let haproxy: ChildProcess | null = null;
  const stop = async (graceMs = 10_000) => {
    haproxy?.stdin?.end();
    const deadline = setTimeout(() => {
      for (const n of nodes) {
        if (!n.process) continue;
        const note = `${n.name} did not stop within ${graceMs} ms of SIGTERM: killed\n`;
        if (opts.output) opts.output(n.name, note);
        else process.stderr.write(note);
        n.process.kill('SIGKILL');
      }
    }, graceMs);
    await Promise.all([haproxy ? exited(haproxy) : undefined, ...nodes.map((n) => n.kill('SIGTERM'))]);
    clearTimeout(deadline);
  };
  try {
    await nodes[0]!.start();
    await Promise.all(nodes.slice(1).map((n) => n.start()));
    haproxy = spawnHaproxy(haproxyFile, stdio);
    pipe('haproxy', haproxy);
    await waitHealthy(`${url}/api/health`);
  } catch (err) {
    await stop();
    throw err;
  }
  const haproxyPid = () => {
    const shell = haproxy?.pid;
    if (shell === undefined) return undefined;
    try {
      const children = readFileSync(`/proc/${shell}/task/${shell}/children`, 'utf8').trim().split(/\s+/);
      return children
        .map(Number)
        .find((pid) => readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'haproxy');
    } catch {
      return undefined;
    }
  };
  return { url, nodes, haproxyPid, stop };
}
