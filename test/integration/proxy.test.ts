/**
 * Behind a TLS-terminating proxy: with TRUST_PROXY the session cookie is Secure, each client has
 * its own rate budget and links start with https://; without it, the same forwarded headers are
 * ignored. PUBLIC_URL is the base of every link and an allowed origin.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import { draftDocName } from '../../shared/protocol.js';
import { api } from '../support/auth.js';
import { openRawClient } from '../support/rawClient.js';
import { startTestServer, type TestServer } from '../support/server.js';

const base = `/api/negotiations/${DEMO_NEGOTIATION_ID}`;
const servers: TestServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.stop();
});

async function start(opts: Parameters<typeof startTestServer>[0]): Promise<TestServer> {
  const ts = await startTestServer(opts);
  servers.push(ts);
  return ts;
}

/** The headers a TLS proxy in front of the server adds for a client at `client`. */
function forwarded(client: string): Record<string, string> {
  return {
    'x-forwarded-for': client,
    'x-forwarded-proto': 'https',
    'x-forwarded-host': 'texts.example.org',
  };
}

async function signInCookie(ts: TestServer, headers: Record<string, string>): Promise<string> {
  const link = await ts.server.accounts.issueLink('demo-cofac-lux', DEMO_NEGOTIATION_ID, null);
  const res = await fetch(`${ts.url}/api/auth/signin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ token: link.token }),
  });
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie')!;
}

async function failuresUntilLimited(ts: TestServer, client: string): Promise<number> {
  for (let i = 1; i <= 50; i++) {
    const res = await api(ts.url, 'POST', '/api/auth/signin', {
      body: { token: 'x'.repeat(43) },
      headers: forwarded(client),
    });
    if (res.status === 429) return i;
  }
  return Infinity;
}

describe('behind a TLS proxy', () => {
  it('with TRUST_PROXY: Secure cookie, https links, a rate budget per client', async () => {
    const ts = await start({ trustProxy: 'loopback' });
    const setCookie = await signInCookie(ts, forwarded('198.51.100.10'));
    expect(setCookie).toMatch(/;\s*Secure/i);
    const cookie = setCookie.split(';')[0]!;
    const invite = await api<{ url: string }>(ts.url, 'POST', `${base}/invitations`, {
      cookie,
      headers: { ...forwarded('198.51.100.10'), origin: 'https://texts.example.org' },
      body: { name: 'Delegate, Chile', role: 'delegate', delegation: 'CHL' },
    });
    expect(invite.status).toBe(201);
    expect(invite.body.url).toMatch(/^https:\/\/texts\.example\.org\/signin#/);
    const feed = await api<{ url: string }>(ts.url, 'POST', `${base}/roadmap/feed`, {
      cookie,
      headers: forwarded('198.51.100.10'),
    });
    expect(feed.body.url).toMatch(/^https:\/\/texts\.example\.org\/api\/calendar\//);

    const first = await failuresUntilLimited(ts, '198.51.100.11');
    expect(first).toBeLessThan(50);
    // Another client behind the same proxy has a budget of its own.
    expect(await failuresUntilLimited(ts, '198.51.100.12')).toBe(first);
  });

  it('without TRUST_PROXY: forwarded headers are ignored', async () => {
    const ts = await start({});
    const setCookie = await signInCookie(ts, forwarded('198.51.100.20'));
    expect(setCookie).not.toMatch(/;\s*Secure/i);
    const cookie = setCookie.split(';')[0]!;
    const feed = await api<{ url: string }>(ts.url, 'POST', `${base}/roadmap/feed`, {
      cookie,
      headers: forwarded('198.51.100.20'),
    });
    expect(feed.body.url.startsWith(`${ts.url}/api/calendar/`)).toBe(true);
    await failuresUntilLimited(ts, '198.51.100.21');
    // Every client is the proxy's address: one shared budget, already spent.
    expect(await failuresUntilLimited(ts, '198.51.100.22')).toBe(1);
  });

  it('with PUBLIC_URL: every link starts with it, and its origin may send requests and open sockets', async () => {
    const ts = await start({ publicUrl: 'https://negotiations.example.int' });
    const cookie = (await signInCookie(ts, {})).split(';')[0]!;
    const origin = { origin: 'https://negotiations.example.int' };
    const invite = await api<{ url: string }>(ts.url, 'POST', `${base}/invitations`, {
      cookie,
      headers: origin,
      body: { name: 'Delegate, Peru', role: 'delegate', delegation: 'PER' },
    });
    expect(invite.body.url).toMatch(/^https:\/\/negotiations\.example\.int\/signin#/);
    const feed = await api<{ url: string; webcalUrl: string }>(ts.url, 'POST', `${base}/roadmap/feed`, {
      cookie,
      headers: origin,
    });
    expect(feed.body.url).toMatch(/^https:\/\/negotiations\.example\.int\/api\/calendar\//);
    expect(feed.body.webcalUrl).toMatch(/^webcal:\/\/negotiations\.example\.int\//);
    const ics = await (await fetch(feed.body.url.replace('https://negotiations.example.int', ts.url))).text();
    expect(ics).toContain('https://negotiations.example.int/n/');
    const ws = await openRawClient(`${ts.wsUrl}/${draftDocName(DEMO_NEGOTIATION_ID)}`, {
      headers: { cookie, ...origin },
    });
    ws.close();
  });
});
