/**
 * Malformed request targets, on the WebSocket upgrade path and on HTTP routes, against a server
 * running in its own process: each gets a 4xx with a stable JSON error and the process stays up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonError, rawRequest, upgradeRequest } from '../support/rawHttp.js';
import {
  type ChildServer,
  removeDir,
  spawnServer,
  stopChildServers,
  tempDataDir,
} from '../support/server.js';

const dataDir = tempDataDir();
let server: ChildServer;

beforeAll(async () => {
  server = await spawnServer(dataDir);
});
afterAll(async () => {
  await stopChildServers();
  removeDir(dataDir);
});

async function healthy(): Promise<void> {
  expect(server.child.exitCode).toBeNull();
  expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
}

const MALFORMED = ['/collab/%', '/collab/%E0%A4%A', 'http://[::1', '//%', '/collab/%C0%AF', '/collab/a%00b'];

describe('malformed request targets', () => {
  for (const target of MALFORMED) {
    it(`answers an upgrade to ${target} with a 4xx and a stable code, and stays up`, async () => {
      const res = await rawRequest(server.port, upgradeRequest(target));
      expect(res.problem).toBe('');
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(jsonError(res)).toBeDefined();
      await healthy();
    });

    it(`answers GET ${target} with a 4xx and a stable code`, async () => {
      const res = await rawRequest(server.port, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
      expect(res.problem).toBe('');
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(jsonError(res)).toBeDefined();
      await healthy();
    });
  }

  it('answers a malformed % in a route parameter with 400 MALFORMED_URL, not 500', async () => {
    for (const path of [
      '/api/negotiations/%',
      '/api/negotiations/%E0%A4%A/timeline',
      '/api/calendar/%.ics',
    ]) {
      const res = await rawRequest(server.port, `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
      expect(res.status, path).toBe(400);
      expect(jsonError(res)?.code, path).toBe('MALFORMED_URL');
    }
    await healthy();
  });
});
