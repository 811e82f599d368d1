/**
 * The load balancer's configuration (deploy/haproxy.ts) run by the real HAProxy in front of small
 * stand-in servers that say who they are: every request of one negotiation reaches the same
 * process, WebSockets pass through, and a dead process's negotiations move to the others.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { freePort, waitHealthy } from '../../deploy/cluster.js';
import { haproxyConfig } from '../../deploy/haproxy.js';

interface StandIn {
  name: string;
  port: number;
  server: Server;
}

async function standIn(name: string): Promise<StandIn> {
  const port = await freePort();
  const server = createServer((_req, res) => res.end(name));
  const wss = new WebSocketServer({ server });
  wss.on('connection', (ws, req) => ws.send(`${name} ${req.url}`));
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return { name, port, server };
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

const who = async (path: string) => (await fetch(`${url}${path}`)).text();

/** The stand-in a WebSocket to `path` is answered by. */
function wsWho(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url.replace('http', 'ws')}${path}`);
    ws.once('message', (data) => {
      resolve(String(data).split(' ')[0]!);
      ws.close();
    });
    ws.once('error', reject);
  });
}

describe('HAProxy in front of several processes', () => {
  const ids = Array.from({ length: 12 }, (_, i) => `neg${i}x${i * 7}`);

  it('sends every request and socket of one negotiation to the same process', async () => {
    const owners = new Set<string>();
    for (const id of ids) {
      const seen = new Set([
        await who(`/api/negotiations/${id}`),
        await who(`/api/negotiations/${id}/proposals`),
        await who(`/api/collab/draft.${id}/access`),
        await who(`/api/collab/proposals.${id}/access`),
        await wsWho(`/collab/draft.${id}`),
        await wsWho(`/collab/proposals.${id}`),
      ]);
      expect([...seen], id).toHaveLength(1);
      owners.add([...seen][0]!);
    }
    // Twelve negotiations are spread over the processes, not all on one.
    expect(owners.size).toBeGreaterThan(1);
  });

  it('moves only a dead process negotiations, within the health checks', async () => {
    const before = new Map<string, string>();
    for (const id of ids) before.set(id, await who(`/api/negotiations/${id}`));
    const victim = stands.find((s) => [...before.values()].includes(s.name))!;
    victim.server.closeAllConnections();
    await new Promise((r) => victim.server.close(r));
    const started = Date.now();
    // Until the checks notice, requests whose process refuses the connection are sent elsewhere.
    for (const id of ids) {
      const now = await who(`/api/negotiations/${id}`);
      expect(now).not.toBe(victim.name);
      if (before.get(id) !== victim.name) expect(now, id).toBe(before.get(id));
    }
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
