/**
 * Failed sign-ins are rate-limited without ever refusing a valid link: not after 200 wrong tokens
 * from the same address (one NAT, one delegation), and not when failures come from everywhere.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGNIN_FAILURES } from '../../server/accounts/signInLimiter.js';
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import { api } from '../support/auth.js';
import { startTestServer, type TestServer } from '../support/server.js';

let ts: TestServer;

beforeAll(async () => {
  // Behind a proxy on the loopback: X-Forwarded-For names the client, so tests can speak from many addresses.
  ts = await startTestServer({ trustProxy: 'loopback' });
});
afterAll(async () => {
  await ts.stop();
});

function signIn(token: string, from: string) {
  return api<{ error?: { code: string } }>(ts.url, 'POST', '/api/auth/signin', {
    body: { token },
    headers: { 'x-forwarded-for': from },
  });
}

async function validLink(): Promise<string> {
  return (await ts.server.accounts.issueLink('demo-phl', DEMO_NEGOTIATION_ID, null)).token;
}

const WRONG = 'w'.repeat(43);

describe('sign-in rate limit', () => {
  it('refuses further failures from an address, not other addresses', async () => {
    const codes: string[] = [];
    for (let i = 0; i < SIGNIN_FAILURES.perAddress.burst + 2; i++)
      codes.push((await signIn(WRONG, '198.51.100.1')).body.error!.code);
    expect(codes[0]).toBe('LINK_INVALID');
    expect(codes.at(-1)).toBe('RATE_LIMITED');
    expect((await signIn(WRONG, '198.51.100.2')).body.error?.code).toBe('LINK_INVALID');
  });

  it('redeems a valid link from an address that sent 200 wrong tokens', async () => {
    let last = 0;
    for (let i = 0; i < 200; i++) last = (await signIn(WRONG, '198.51.100.3')).status;
    expect(last).toBe(429);
    const ok = await signIn(await validLink(), '198.51.100.3');
    expect(ok.status).toBe(200);
  });

  it('bounds failures across all addresses, and still redeems a valid link', async () => {
    const addresses = Math.ceil(SIGNIN_FAILURES.global.burst / SIGNIN_FAILURES.perAddress.burst) + 2;
    for (let a = 0; a < addresses; a++)
      for (let i = 0; i < SIGNIN_FAILURES.perAddress.burst; i++) await signIn(WRONG, `203.0.113.${a + 1}`);
    expect((await signIn(WRONG, '192.0.2.99')).body.error?.code).toBe('RATE_LIMITED');
    expect((await signIn(await validLink(), '192.0.2.99')).status).toBe(200);
  });
});
