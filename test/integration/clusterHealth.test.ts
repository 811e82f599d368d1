/**
 * HAProxy's health checks (deploy/haproxy.ts) against stand-in processes: one whose health check
 * answers slowly, as a process busy with hundreds of clients joining at once does, keeps its
 * negotiations; one that stops answering altogether loses them within the checks' timeout.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, waitHealthy } from '../../deploy/cluster.js';
import { haproxyConfig, SERVED_BY_HEADER } from '../../deploy/haproxy.js';

/** A stand-in process: answers every request with its name, its health check after `healthDelayMs`. */
interface StandIn {
  name: string;
  port: number;
  server: Server;
  /** Delay of the health check's answer; never answered when infinite. */
  healthDelayMs: number;
}

async function standIn(name: string): Promise<StandIn> {
  const port = await freePort();
  const s: StandIn = { name, port, server: createServer(), healthDelayMs: 0 };
  s.server.on('request', (req, res) => {
    if (req.url !== '/api/health') res.end(name);
    else if (Number.isFinite(s.healthDelayMs)) setTimeout(() => res.end('{"ok":true}'), s.healthDelayMs);
  });
  await new Promise<void>((r) => s.server.listen(port, '127.0.0.1', r));
  return s;
}

let stands: StandIn[] = [];
let haproxy: ChildProcess;
let url = '';

beforeAll(async () => {
  stands = await Promise.all(['a', 'b', 'c'].map(standIn));
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  const file = join(mkdtempSync(join(tmpdir(), 'haproxy-')), 'haproxy.cfg');
  writeFileSync(
    file,
    haproxyConfig({
      bind: `127.0.0.1:${port}`,
      backends: stands.map((s) => ({ name: s.name, host: '127.0.0.1', port: s.port })),
      checkIntervalMs: 200,
      identifyServer: true,
    }),
  );
  haproxy = spawn('haproxy', ['-f', file, '-db'], { stdio: 'ignore' });
  await waitHealthy(`${url}/api/health`);
});

afterAll(async () => {
  haproxy?.kill('SIGTERM');
  for (const s of stands) s.server.closeAllConnections();
  await Promise.all(stands.map((s) => new Promise((r) => s.server.close(r))));
});

const ids = Array.from({ length: 12 }, (_, i) => `neg${i}x${i * 7}`);

/** The process serving each negotiation now. */
async function owners(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const id of ids) {
    const res = await fetch(`${url}/api/negotiations/${id}`);
    out.set(id, res.headers.get(SERVED_BY_HEADER) ?? (await res.text()));
  }
  return out;
}

describe("HAProxy's health checks", () => {
  it('keep a process whose checks are answered slowly, and take out one that stops answering', async () => {
    const before = await owners();
    const busy = stands.find((s) => [...before.values()].includes(s.name))!;
    // Ten times the check interval: the process is busy, not gone.
    busy.healthDelayMs = 2_000;
    await new Promise((r) => setTimeout(r, 5_000));
    expect(await owners()).toEqual(before);

    busy.healthDelayMs = Number.POSITIVE_INFINITY;
    const hungAt = Date.now();
    let now = await owners();
    while ([...now.values()].includes(busy.name) && Date.now() - hungAt < 20_000) {
      await new Promise((r) => setTimeout(r, 250));
      now = await owners();
    }
    expect([...now.values()]).not.toContain(busy.name);
    // Within two checks' timeout and interval, and only the hung process's negotiations moved.
    expect(Date.now() - hungAt).toBeLessThan(13_000);
    for (const [id, owner] of before) if (owner !== busy.name) expect(now.get(id)).toBe(owner);
  }, 60_000);
});
