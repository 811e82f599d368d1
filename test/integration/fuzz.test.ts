/**
 * A bounded, seeded fuzz test of the running server, in a process of its own, over raw TCP:
 * hostile request targets, headers and bodies, as plain requests and WebSocket upgrades. The
 * process stays up, answers health checks throughout, and answers every request with a
 * well-formed HTTP response: never a 5xx, and a stable JSON error for every 4xx.
 * `FUZZ_SEED` and `FUZZ_REQUESTS` replay or extend a run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redeem } from '../support/auth.js';
import { Dice, fuzzRequest, seeded } from '../support/httpFuzz.js';
import { jsonError, rawRequest } from '../support/rawHttp.js';
import {
  type ChildServer,
  removeDir,
  spawnServer,
  stopChildServers,
  tempDataDir,
} from '../support/server.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20_260_514);
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 1_000);
/** Stop early when the machine is slow: the test stays bounded in time. */
const TIME_BUDGET_MS = 20_000;
const PARALLEL = 8;

const dataDir = tempDataDir();
let server: ChildServer;
let cookies: string[];

beforeAll(async () => {
  server = await spawnServer(dataDir);
  cookies = await Promise.all(
    ['Co-facilitator, Bangladesh', 'Delegate, European Union', 'Observer, civil society'].map((name) =>
      redeem(server.url, server.links.get(name)!),
    ),
  );
});
afterAll(async () => {
  await stopChildServers();
  removeDir(dataDir);
});

describe(`fuzzing the running server (seed ${SEED})`, () => {
  it('stays up and answers every hostile request with a well-formed response and a stable error', async () => {
    const dice = new Dice(seeded(SEED));
    const requests = Array.from({ length: REQUESTS }, () => fuzzRequest(dice, cookies));
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    const started = performance.now();
    let sent = 0;
    let slowestHealth = 0;

    const worker = async () => {
      while (sent < requests.length && performance.now() - started < TIME_BUDGET_MS) {
        const i = sent++;
        const r = requests[i]!;
        const res = await rawRequest(server.port, r.bytes, 10_000, r.label.startsWith('HEAD '));
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        const where = `#${i} ${r.label}`;
        if (res.problem !== '' || res.status === 0)
          failures.push(`${where}: no well-formed response (${res.problem})`);
        else if (res.status >= 500) failures.push(`${where}: ${res.status} ${res.body.slice(0, 200)}`);
        else if (res.status >= 400 && !r.label.startsWith('HEAD ') && !jsonError(res))
          failures.push(`${where}: ${res.status} without a JSON error: ${res.body.slice(0, 120)}`);
        if (i % 25 === 0) {
          const t = performance.now();
          const health = await fetch(`${server.url}/api/health`);
          slowestHealth = Math.max(slowestHealth, performance.now() - t);
          if (health.status !== 200) failures.push(`health check after #${i}: ${health.status}`);
        }
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));

    console.log(
      `fuzz seed ${SEED}: ${sent} requests in ${Math.round(performance.now() - started)} ms, statuses ${JSON.stringify(
        Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])),
      )}, slowest health check ${Math.round(slowestHealth)} ms`,
    );
    expect(failures.slice(0, 20)).toEqual([]);
    expect(sent).toBeGreaterThan(100);
    expect(server.child.exitCode).toBeNull();
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });
});
