/**
 * Child processes of the benchmark (the server, the bare relay, the load generator): forked
 * Node processes running TypeScript through tsx, talking to the benchmark over IPC with
 * `{ type, id? }` messages. Their stderr is kept for counting log events and for errors.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { resolve } from 'node:path';

/** Root of the repository. */
export const ROOT = resolve(import.meta.dirname, '../..');

/** A message over the IPC channel. */
export interface IpcMessage {
  type: string;
  id?: number;
  [field: string]: unknown;
}

/** Options of a child process. */
export interface ChildOptions {
  /** Path of the entry module, relative to the repository root (or absolute). */
  entry: string;
  /** Run the entry as JavaScript with plain Node instead of through tsx. */
  plain?: boolean;
  name: string;
  env?: Record<string, string>;
  /** Extra Node flags (e.g. --cpu-prof). */
  nodeArgs?: string[];
  /** How long to wait for the child's `ready` message. */
  readyTimeoutMs?: number;
  /** Called with each stderr line. */
  onStderr?: (line: string) => void;
}

/** A running child process. */
export class BenchChild {
  private nextId = 1;
  private readonly waiting = new Map<number, (msg: IpcMessage) => void>();
  private readonly listeners = new Set<(msg: IpcMessage) => void>();
  private stderrTail: string[] = [];
  readonly exited: Promise<number | null>;

  private constructor(
    readonly name: string,
    readonly child: ChildProcess,
  ) {
    this.exited = new Promise((res) => child.once('exit', (code) => res(code)));
    child.on('message', (raw) => {
      const msg = raw as IpcMessage;
      if (msg.id !== undefined && this.waiting.has(msg.id)) {
        const resolveWait = this.waiting.get(msg.id)!;
        this.waiting.delete(msg.id);
        resolveWait(msg);
      }
      for (const l of this.listeners) l(msg);
    });
  }

  /** Forks the child and waits for its `{ type: 'ready' }` message. */
  static async start(opts: ChildOptions): Promise<{ child: BenchChild; ready: IpcMessage }> {
    const proc = fork(resolve(ROOT, opts.entry), [], {
      cwd: ROOT,
      execArgv: [...(opts.plain ? [] : ['--import', 'tsx']), ...(opts.nodeArgs ?? [])],
      env: { ...process.env, ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    const child = new BenchChild(opts.name, proc);
    let buffered = '';
    proc.stderr!.on('data', (d: Buffer) => {
      buffered += d.toString();
      let nl = buffered.indexOf('\n');
      while (nl >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        child.stderrTail.push(line);
        if (child.stderrTail.length > 50) child.stderrTail.shift();
        opts.onStderr?.(line);
        nl = buffered.indexOf('\n');
      }
    });
    proc.stdout!.on('data', () => undefined);
    const ready = await new Promise<IpcMessage>((res, rej) => {
      const timer = setTimeout(() => {
        proc.kill('SIGKILL');
        rej(new Error(`${opts.name} did not start in time: ${child.stderr()}`));
      }, opts.readyTimeoutMs ?? 60_000);
      child.onMessage((msg) => {
        if (msg.type === 'ready') {
          clearTimeout(timer);
          res(msg);
        }
      });
      proc.once('exit', (code) => {
        clearTimeout(timer);
        rej(new Error(`${opts.name} exited with ${code}: ${child.stderr()}`));
      });
    });
    return { child, ready };
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** The last lines the child wrote on stderr. */
  stderr(): string {
    return this.stderrTail.join('\n');
  }

  /** Calls `listener` with every message from the child. */
  onMessage(listener: (msg: IpcMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Sends a message without waiting for an answer. */
  send(msg: IpcMessage): void {
    if (this.child.connected) this.child.send(msg);
  }

  /** Sends a request and waits for the answer with the same id. */
  request(msg: IpcMessage, timeoutMs = 30_000): Promise<IpcMessage> {
    const id = this.nextId++;
    return new Promise((res, rej) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        rej(new Error(`${this.name}: no answer to ${msg.type}`));
      }, timeoutMs);
      this.waiting.set(id, (answer) => {
        clearTimeout(timer);
        res(answer);
      });
      this.send({ ...msg, id });
    });
  }

  /** Asks the child to stop, and kills it if it has not exited within `timeoutMs`. */
  async stop(timeoutMs = 20_000): Promise<number | null> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return this.child.exitCode;
    this.send({ type: 'stop' });
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    const code = await this.exited;
    clearTimeout(timer);
    return code;
  }
}

/** In a child: sends a message to the parent. */
export function toParent(msg: IpcMessage): void {
  process.send?.(msg);
}

/** In a child: handles the parent's messages; an answer keeps the request's id. */
export function onParent(
  handler: (msg: IpcMessage) => Promise<IpcMessage | undefined> | IpcMessage | undefined,
) {
  process.on('message', (raw) => {
    const msg = raw as IpcMessage;
    Promise.resolve(handler(msg))
      .then((answer) => {
        if (answer) toParent(msg.id === undefined ? answer : { ...answer, id: msg.id });
      })
      .catch((err: Error) => toParent({ type: 'error', id: msg.id, message: err.message }));
  });
  // Exit with the parent rather than linger as an orphan.
  process.on('disconnect', () => process.exit(0));
}
