/**
 * Someone who does not take part in a negotiation cannot tell whether it exists: every route and
 * the WebSocket answer a negotiation they are not in exactly as one that does not exist.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import { draftDocName, proposalsDocName } from '../../shared/protocol.js';
import { api, redeem } from '../support/auth.js';
import { jsonError, rawRequest, upgradeRequest } from '../support/rawHttp.js';
import { startTestServer, type TestServer } from '../support/server.js';

let ts: TestServer;
let outsider: string;

beforeAll(async () => {
  ts = await startTestServer();
  // A delegate of another negotiation.
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
  expect(link.status, JSON.stringify(link.body)).toBe(201);
  outsider = await redeem(ts.url, link.body.token);
});
afterAll(async () => {
  await ts.stop();
});

const ROUTES: [string, string, unknown?][] = [
  ['GET', ''],
  ['GET', '/timeline'],
  ['GET', '/proposals'],
  ['GET', '/participants'],
  ['GET', '/audit'],
  ['GET', '/roadmap'],
  ['GET', '/roadmap/next'],
  ['GET', '/inputs'],
  ['GET', '/snapshots/live'],
  ['GET', '/paragraphs'],
  ['GET', '/verify'],
  ['GET', '/compare?from=live&to=live'],
  ['GET', '/export/live.docx'],
  ['POST', '/proposals', { kind: 'retain', pid: 'op01' }],
  ['POST', '/revisions', {}],
  ['POST', '/roadmap/feed'],
  ['POST', '/invitations', { name: 'Someone else', role: 'delegate', delegation: 'PER' }],
];

describe('existence of negotiations', () => {
  it('answers every route of an existing negotiation as of one that does not exist', async () => {
    for (const [method, path, body] of ROUTES) {
      const existing = await api(ts.url, method, `/api/negotiations/${DEMO_NEGOTIATION_ID}${path}`, {
        cookie: outsider,
        body,
      });
      const missing = await api(ts.url, method, `/api/negotiations/no-such-negotiation${path}`, {
        cookie: outsider,
        body,
      });
      expect(existing.status, `${method} ${path}`).toBe(403);
      expect(missing, `${method} ${path}`).toEqual(existing);
    }
    // The refusals are audited in no negotiation's log: neither one that exists nor one named at will.
    const refusals = ts.storage.db
      .prepare(
        "SELECT negotiation_id AS id FROM audit WHERE person_name = 'Delegate, Chile' AND action = 'request.refused'",
      )
      .all() as { id: string | null }[];
    expect(refusals).toHaveLength(2 * ROUTES.length);
    expect(refusals.every((r) => r.id === null)).toBe(true);
  });

  it('answers a WebSocket to an existing negotiation as to one that does not exist', async () => {
    for (const doc of [draftDocName, proposalsDocName]) {
      const [existing, missing] = await Promise.all(
        [DEMO_NEGOTIATION_ID, 'no-such-negotiation'].map((id) =>
          rawRequest(ts.server.port, upgradeRequest(`/collab/${doc(id)}`, [`Cookie: ${outsider}`])),
        ),
      );
      expect(existing!.status).toBe(403);
      expect(missing!.status).toBe(existing!.status);
      expect(jsonError(missing!)).toEqual(jsonError(existing!));
    }
  });
});
