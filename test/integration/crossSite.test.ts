/**
 * Cross-site requests: another page holding the victim's cookie can neither change state over
 * HTTP nor open a WebSocket. Forged requests are refused with stable codes and change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import { draftDocName } from '../../shared/protocol.js';
import { api } from '../support/auth.js';
import { openRawClient } from '../support/rawClient.js';
import { startTestServer, type TestServer } from '../support/server.js';

const PARTNER = 'https://partner.example.org';
const base = `/api/negotiations/${DEMO_NEGOTIATION_ID}`;
let ts: TestServer;
let facilitator: string;
let readingId: string;

beforeAll(async () => {
  ts = await startTestServer({ allowedOrigins: [PARTNER] });
  facilitator = await ts.signIn('demo-cofac-bgd');
  const t = await api<{ readings: { id: string; closedAt: string | null }[] }>(
    ts.url,
    'GET',
    `${base}/timeline`,
    {
      cookie: facilitator,
    },
  );
  readingId = t.body.readings.find((r) => r.closedAt === null)!.id;
});
afterAll(async () => {
  await ts.stop();
});

async function readingOpen(): Promise<boolean> {
  const t = await api<{ readings: { id: string; closedAt: string | null }[] }>(
    ts.url,
    'GET',
    `${base}/timeline`,
    {
      cookie: facilitator,
    },
  );
  return t.body.readings.find((r) => r.id === readingId)!.closedAt === null;
}

async function signedIn(cookie: string): Promise<boolean> {
  return (await api(ts.url, 'GET', '/api/me', { cookie })).status === 200;
}

/** A request as a browser would send it from a page at `origin`. */
function forged(
  method: string,
  path: string,
  cookie: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; body: { error?: { code: string } } }> {
  return fetch(`${ts.url}${path}`, { method, headers: { cookie, ...headers }, body: body ?? null }).then(
    async (r) => ({ status: r.status, body: (await r.json()) as { error?: { code: string } } }),
  );
}

describe('cross-site HTTP requests', () => {
  it('refuses a state change from another origin, even as JSON, and changes nothing', async () => {
    const headers = { origin: 'https://evil.example', 'content-type': 'application/json' };
    const close = await forged('POST', `${base}/readings/${readingId}/close`, facilitator, headers, '{}');
    expect(close).toMatchObject({ status: 403, body: { error: { code: 'ORIGIN_REFUSED' } } });
    const circulate = await forged('POST', `${base}/revisions`, facilitator, headers, '{}');
    expect(circulate.body.error?.code).toBe('ORIGIN_REFUSED');
    expect(await readingOpen()).toBe(true);
  });

  it('refuses Origin: null and requests the browser marks as cross-site or same-site', async () => {
    const cases: Record<string, string>[] = [
      { origin: 'null' },
      { origin: ts.url, 'sec-fetch-site': 'cross-site' },
      { origin: ts.url, 'sec-fetch-site': 'same-site' },
      { 'sec-fetch-site': 'cross-site' },
      { origin: `http://sub.127.0.0.1.nip.example:${new URL(ts.url).port}` },
    ];
    for (const headers of cases) {
      const res = await forged('POST', `${base}/readings/${readingId}/close`, facilitator, {
        ...headers,
        'content-type': 'application/json',
      });
      expect(res.body.error?.code, JSON.stringify(headers)).toBe('ORIGIN_REFUSED');
    }
    expect(await readingOpen()).toBe(true);
  });

  it('refuses form and text bodies and body-less requests without JSON content type (415)', async () => {
    const victim = await ts.signIn('demo-eu');
    for (const type of [
      'application/x-www-form-urlencoded',
      'text/plain',
      'multipart/form-data; boundary=x',
      undefined,
    ]) {
      const headers: Record<string, string> = type ? { 'content-type': type } : {};
      const signout = await forged('POST', '/api/auth/signout', victim, headers, type ? 'a=b' : undefined);
      expect(signout, String(type)).toMatchObject({
        status: 415,
        body: { error: { code: 'UNSUPPORTED_MEDIA_TYPE' } },
      });
      const close = await forged('POST', `${base}/readings/${readingId}/close`, facilitator, headers);
      expect(close.body.error?.code, String(type)).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
    expect(await signedIn(victim)).toBe(true);
    expect(await readingOpen()).toBe(true);
  });

  it('accepts the app itself (same host) and configured origins, with JSON', async () => {
    const victim = await ts.signIn('demo-jpn');
    const own = await forged(
      'PUT',
      `${base}/inputs/settings`,
      facilitator,
      {
        origin: ts.url,
        'sec-fetch-site': 'same-origin',
        'content-type': 'application/json; charset=utf-8',
      },
      JSON.stringify({ stakeholderInputsVisible: true }),
    );
    expect(own.status).toBe(200);
    const partner = await forged('POST', '/api/auth/signout', victim, {
      origin: PARTNER,
      'sec-fetch-site': 'cross-site',
      'content-type': 'application/json',
    });
    expect(partner.status).toBe(200);
    expect(await signedIn(victim)).toBe(false);
  });

  it('takes a .docx upload only on the import route, only with its exact type', async () => {
    const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    const upload = await forged(
      'POST',
      `${base}/import/preview`,
      facilitator,
      { 'content-type': 'text/plain' },
      'x',
    );
    expect(upload.body.error?.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const elsewhere = await forged('POST', `${base}/revisions`, facilitator, { 'content-type': docx }, 'x');
    expect(elsewhere.body.error?.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const right = await forged(
      'POST',
      `${base}/import/preview`,
      facilitator,
      { 'content-type': docx },
      'not a zip',
    );
    expect(right.body.error?.code).toBe('INVALID_BODY');
  });

  it('leaves reads alone', async () => {
    const res = await forged('GET', '/api/me', facilitator, {
      origin: 'https://evil.example',
      'sec-fetch-site': 'cross-site',
    });
    expect(res.status).toBe(200);
  });
});

describe('cross-site WebSockets', () => {
  const url = () => `${ts.wsUrl}/${draftDocName(DEMO_NEGOTIATION_ID)}`;

  it('refuses another origin and a cross-site fetch, accepts a configured origin', async () => {
    const cases: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: ts.url, 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of cases) {
      await expect(openRawClient(url(), { headers: { cookie: facilitator, ...headers } })).rejects.toThrow(
        /403/,
      );
    }
    const ok = await openRawClient(url(), { headers: { cookie: facilitator, origin: PARTNER } });
    ok.close();
  });
});
