/**
 * `GET /api/collab/:doc/access` answers as the WebSocket upgrade of the same request would: the
 * same status and stable code for every refusal (no session, session ended, not a participant,
 * a refused origin, too many sockets), and ok with the write right otherwise.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SOCKETS_PER_SESSION } from '../../server/collab/websocket.js';
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import { draftDocName, proposalsDocName } from '../../shared/protocol.js';
import { api, redeem } from '../support/auth.js';
import { openRawClient, type RawClient } from '../support/rawClient.js';
import { jsonError, rawRequest, upgradeRequest } from '../support/rawHttp.js';
import { startTestServer, type TestServer } from '../support/server.js';

const DRAFT = draftDocName(DEMO_NEGOTIATION_ID);
const PROPOSALS = proposalsDocName(DEMO_NEGOTIATION_ID);

let ts: TestServer;
beforeAll(async () => {
  ts = await startTestServer();
});
afterAll(async () => {
  await ts.stop();
});

/** The access answer and the upgrade's answer to the same headers. */
async function both(doc: string, headers: string[]) {
  const access = await rawRequest(
    ts.server.port,
    [
      `GET /api/collab/${doc}/access HTTP/1.1`,
      `Host: 127.0.0.1:${ts.server.port}`,
      ...headers,
      'Connection: close',
      '',
      '',
    ].join('\r\n'),
  );
  const upgrade = await rawRequest(ts.server.port, upgradeRequest(`/collab/${doc}`, headers));
  return { access, upgrade };
}

describe('the access check of a collaboration socket', () => {
  it('answers ok with the write right for a participant', async () => {
    const cofac = await ts.signIn('demo-cofac-bgd');
    const eu = await ts.signIn('demo-eu');
    const get = (doc: string, cookie: string) =>
      api<{ ok: boolean; canWrite: boolean }>(ts.url, 'GET', `/api/collab/${doc}/access`, { cookie });
    expect((await get(DRAFT, cofac)).body).toEqual({ ok: true, canWrite: true });
    expect((await get(DRAFT, eu)).body).toEqual({ ok: true, canWrite: false });
    expect((await get(PROPOSALS, cofac)).body).toEqual({ ok: true, canWrite: false });
  });

  it('refuses as the upgrade does: no session, an ended session, an outsider, a foreign origin', async () => {
    const ended = await ts.signIn('demo-mex');
    expect((await api(ts.url, 'POST', '/api/auth/signout', { cookie: ended })).status).toBe(200);
    const admin = await redeem(ts.url, (await ts.server.accounts.createAdmin('Admin')).token);
    const other = await api<{ id: string }>(ts.url, 'POST', '/api/negotiations', {
      cookie: admin,
      body: { title: 'Another declaration', timeZone: 'Europe/Zurich', facilitatorDelegations: ['CHE'] },
    });
    // An administrator invites the co-facilitators only; they invite the delegations.
    const invite = (cookie: string, body: unknown) =>
      api<{ token: string }>(ts.url, 'POST', `/api/negotiations/${other.body.id}/invitations`, {
        cookie,
        body,
      });
    const cofac = await invite(admin, { name: 'Co-facilitator', role: 'facilitator', delegation: 'CHE' });
    expect(cofac.status, JSON.stringify(cofac.body)).toBe(201);
    const link = await invite(await redeem(ts.url, cofac.body.token), {
      name: 'Delegate, Chile',
      role: 'delegate',
      delegation: 'CHL',
    });
    const outsider = await redeem(ts.url, link.body.token);
    const eu = await ts.signIn('demo-eu');
    const cases: [string[], number, string][] = [
      [[], 401, 'UNAUTHENTICATED'],
      [[`Cookie: ${ended}`], 401, 'SESSION_EXPIRED'],
      [[`Cookie: ${outsider}`], 403, 'NOT_PARTICIPANT'],
      [[`Cookie: ${eu}`, 'Origin: https://elsewhere.example'], 403, 'ORIGIN_REFUSED'],
    ];
    for (const [headers, status, code] of cases) {
      const { access, upgrade } = await both(DRAFT, headers);
      expect([access.status, jsonError(access)?.code], headers.join(' ')).toEqual([status, code]);
      expect([upgrade.status, jsonError(upgrade)?.code], headers.join(' ')).toEqual([status, code]);
    }
  });

  it('says TOO_MANY_CONNECTIONS while the session holds all its sockets, and ok once one closes', async () => {
    const cookie = await ts.signIn('demo-eu');
    const open: RawClient[] = [];
    for (let i = 0; i < MAX_SOCKETS_PER_SESSION; i++)
      open.push(await openRawClient(`${ts.wsUrl}/${i % 2 ? PROPOSALS : DRAFT}`, { headers: { cookie } }));
    const { access, upgrade } = await both(DRAFT, [`Cookie: ${cookie}`]);
    expect([access.status, jsonError(access)?.code]).toEqual([429, 'TOO_MANY_CONNECTIONS']);
    expect([upgrade.status, jsonError(upgrade)?.code]).toEqual([429, 'TOO_MANY_CONNECTIONS']);
    const last = open.pop()!;
    last.close();
    await last.closed;
    await expect
      .poll(async () => (await api(ts.url, 'GET', `/api/collab/${DRAFT}/access`, { cookie })).status, {
        timeout: 5_000,
      })
      .toBe(200);
    for (const c of open) c.close();
  });
});
