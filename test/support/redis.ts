/**
 * Redis for tests: `redisUrl()` is `REDIS_URL` when set, otherwise one throwaway `redis-server`
 * started for this test process on a free port, without persistence. `startRedis()` starts a
 * dedicated instance a test may stop, restart on the same port and flush. Every instance leaves
 * with the test process, even one killed without cleaning up: it runs under a shell that stops it
 * when its standard input closes, as the operating system does when this process ends (the same
 * rule as the servers' `exitWithParent.ts`).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { connect, createServer } from 'node:net';

/** A redis-server this test process started. */
export interface TestRedis {
  readonly port: number;
  readonly url: string;
  /** Stops it (as a crash would: nothing is saved) and waits until it is gone. */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty. */
  start(): Promise<void>;
  /** Empties every database (FLUSHALL). */
  flushAll(): Promise<void>;
}

let shared: Promise<TestRedis> | null = null;

/** The Redis tests share: `REDIS_URL`, or a throwaway instance started once per test process. */
export async function redisUrl(): Promise<string> {
  if (process.env.REDIS_URL) return process.env.REDIS_URL;
  shared ??= startRedis();
  return (await shared).url;
}

/** Starts a dedicated redis-server on a free port (see `TestRedis`). */
export async function startRedis(): Promise<TestRedis> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  const start = async () => {
    child = launch(port);
    const started = child;
    const exited = new Promise<never>((_, reject) =>
      started.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`))),
    );
    exited.catch(() => undefined);
    await Promise.race([waitUntilAnswers(port), exited]);
  };
  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      const running = child;
      child = null;
      if (!running || running.exitCode !== null) return;
      const gone = new Promise<void>((resolve) => running.once('exit', () => resolve()));
      running.stdin?.end();
      await gone;
    },
    start,
    async flushAll() {
      const answer = await command(port, 'FLUSHALL');
      if (answer !== '+OK') throw new Error(`FLUSHALL answered ${answer}`);
    },
  };
}

/** redis-server under a shell that stops it once standard input closes. */
function launch(port: number): ChildProcess {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  const child = spawn(
    'sh',
    [
      '-c',
      'redis-server "$@" >/dev/null & pid=$!; cat >/dev/null; exec 2>/dev/null; kill -9 $pid; wait $pid',
      'sh',
      ...args,
    ],
    { stdio: ['pipe', 'ignore', 'inherit'] },
  );
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.stdin?.end();
});

/** A TCP port nobody listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Sends one inline command and returns the first line of the answer. */
function command(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.once('error', reject);
    socket.on('data', (d) => {
      answer += d.toString();
      const end = answer.indexOf('\r\n');
      if (end >= 0) {
        socket.destroy();
        resolve(answer.slice(0, end));
      }
    });
    socket.write(`${text}\r\n`);
  });
}

async function waitUntilAnswers(port: number): Promise<void> {
  const until = Date.now() + 10_000;
  for (;;) {
    try {
      if ((await command(port, 'PING')) === '+PONG') return;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`redis-server on port ${port} did not answer`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
