/** Every server a test starts stops with it, even when the test process dies without cleaning up. */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { waitFor } from '../support/provider.js';
import { ROOT, removeDir } from '../support/server.js';

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('child servers', () => {
  it('exit when the test process that spawned them is killed with SIGKILL', async () => {
    const probe = spawn(process.execPath, ['--import', 'tsx', 'test/support/orphanProbe.ts'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const line = await new Promise<string>((res, rej) => {
        createInterface({ input: probe.stdout! }).once('line', res);
        probe.once('exit', (code) => rej(new Error(`probe exited with ${code}`)));
      });
      const { pid, port, dataDir } = JSON.parse(line) as { pid: number; port: number; dataDir: string };
      expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
      probe.kill('SIGKILL');
      await waitFor(() => !running(pid), 10_000, 'orphaned server exits');
      await expect(fetch(`http://127.0.0.1:${port}/api/health`)).rejects.toThrow();
      removeDir(dataDir);
    } finally {
      probe.kill('SIGKILL');
    }
  });
});
