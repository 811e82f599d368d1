/**
 * Running commands from tests without blocking: a test process often hosts the server too, and a
 * synchronous child process would stop it answering (keep-alive sockets time out, the next
 * request meets ECONNRESET). A command that overruns is killed with everything it started.
 */
import { spawn } from 'node:child_process';
import { basename } from 'node:path';

/** What a finished command left. */
export interface CommandResult {
  /** Exit code (null when killed by a signal). */
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `command` with `args`; resolves when it exits, rejects when it overruns `timeoutMs`. */
export function runCommand(
  command: string,
  args: readonly string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<CommandResult> {
  const timeoutMs = opts.timeoutMs ?? 120_000;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr!.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // Already gone.
      }
      reject(new Error(`${basename(command)} timed out after ${timeoutMs} ms`));
    }, timeoutMs);
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.once('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}
