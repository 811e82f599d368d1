/**
 * Administrators' and co-facilitators' powers are what PROTOCOL.md says, and a delegation sees
 * every sign-in link issued for its people and their sessions (issue 14, case 8). Requests are
 * sent as forged as a client could make them, against the real server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import { draftDocName } from '../../shared/protocol.js';
import { api, redeem } from '../support/auth.js';
import { expectUpgradeRefused } from '../support/rawClient.js';
import { startTestServer, type TestServer } from '../support/server.js';

let ts: TestServer;
let admin: string;
const c: Record<string, string> = {};
const base = `/api/negotiations/${DEMO_NEGOTIATION_ID}`;

type Row = {
  personId: string;
  name: string;
  sessions: { id: string; current?: boolean }[];
  links: { id: string; createdBy: string | null; createdAt: string; state: string }[];
};
type Answer = { error?: { code: string }; people?: Row[]; participants?: Row[] } & Record<string, unknown>;

beforeAll(async () => {
  ts = await startTestServer();
  admin = await redeem(ts.url, (await ts.server.accounts.createAdmin('Server admin')).token);
  for (const id of ['demo-cofac-bgd', 'demo-cofac-lux', 'demo-eu', 'demo-usa', 'demo-observer'])
    c[id] = await ts.signIn(id);
});
afterAll(async () => {
  await ts.stop();
});

const call = (cookie: string | undefined, method: string, path: string, body?: unknown) =>
  api<Answer>(ts.url, method, `${base}${path}`, { cookie, ...(body === undefined ? {} : { body }) });

describe('an administrator who does not take part', () => {
  it('may see the description and invite, and nothing else of the negotiation', async () => {
    const described = await call(admin, 'GET', '');
    expect(described.status).toBe(200);
    expect(described.body.me).toMatchObject({ role: null, isAdmin: true, canEditText: false });
    const invited = await call(admin, 'POST', '/invitations', {
      name: 'Co-facilitator, Mexico',
      role: 'facilitator',
      delegation: 'MEX',
    });
    expect(invited.status).toBe(201);
    // Only the co-facilitators: they, not someone outside the negotiation, bring in delegations.
    for (const role of ['delegate', 'observer']) {
      const refused = await call(admin, 'POST', '/invitations', {
        name: `Someone, ${role}`,
        role,
        delegation: role === 'delegate' ? 'FRA' : null,
      });
      expect(refused.status, role).toBe(403);
      expect(refused.body.error?.code, role).toBe('NOT_FACILITATOR');
    }

    const session = (await ts.storage.accounts.listSessions(['demo-eu']))[0]!;
    const invitation = (await ts.storage.accounts.listInvitations(DEMO_NEGOTIATION_ID))[0]!;
    const refusals: [string, string, unknown?][] = [
      ['GET', '/participants'],
      ['GET', '/audit'],
      ['DELETE', `/sessions/${session.id}`],
      ['DELETE', `/invitations/${invitation.id}`],
      ['POST', '/participants/demo-eu/links', {}],
      ['GET', '/access'],
      ['GET', '/proposals'],
      ['GET', '/timeline'],
      ['GET', '/snapshots/live'],
      ['GET', '/roadmap'],
      ['GET', '/inputs'],
      ['POST', '/proposals', { kind: 'retain', pid: 'op01' }],
    ];
    for (const [method, path, body] of refusals) {
      const res = await call(admin, method, path, body);
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body.error?.code, `${method} ${path}`).toBe('NOT_PARTICIPANT');
    }
    expect((await ts.storage.accounts.getSession(session.id))!.revokedAt).toBeNull();
    expect((await ts.storage.accounts.getInvitation(invitation.id))!.revokedAt).toBeNull();
    const socket = await expectUpgradeRefused(`${ts.wsUrl}/${draftDocName(DEMO_NEGOTIATION_ID)}`, {
      cookie: admin,
    });
    expect(socket.body.error?.code).toBe('NOT_PARTICIPANT');
  });

  it('still creates negotiations, which nobody else may', async () => {
    const body = { title: 'Another declaration', timeZone: 'Europe/Zurich', facilitatorDelegations: ['CHE'] };
    expect((await api(ts.url, 'POST', '/api/negotiations', { cookie: admin, body })).status).toBe(201);
    const refused = await api<Answer>(ts.url, 'POST', '/api/negotiations', {
      cookie: c['demo-cofac-bgd'],
      body,
    });
    expect(refused.body.error?.code).toBe('NOT_ADMIN');
  });
});

describe('a delegation sees the sign-in links issued for its people', () => {
  it('shows who issued a link for one of its delegates, when, and the session it opened; others see none of it', async () => {
    // A co-facilitator mints a link for the EU's delegate and signs in with it.
    const minted = await call(c['demo-cofac-lux'], 'POST', '/participants/demo-eu/links', {});
    expect(minted.status).toBe(201);
    const impostor = await redeem(ts.url, minted.body.token as string);

    const seen = await call(c['demo-eu'], 'GET', '/access');
    expect(seen.status).toBe(200);
    expect(seen.body.people!.map((p) => p.personId)).toEqual(['demo-eu']);
    const eu = seen.body.people![0]!;
    const link = eu.links.find((l) => l.id === minted.body.invitationId)!;
    expect(link).toMatchObject({ createdBy: 'Co-facilitator, Luxembourg', state: 'used' });
    expect(eu.sessions.length).toBeGreaterThanOrEqual(2);
    expect(eu.sessions.filter((s) => s.current)).toHaveLength(1);

    // The co-facilitators' list says who issued it too.
    const list = await call(c['demo-cofac-bgd'], 'GET', '/participants');
    const row = list.body.participants!.find((p) => p.personId === 'demo-eu')!;
    expect(row.links.find((l) => l.id === minted.body.invitationId)!.createdBy).toBe(
      'Co-facilitator, Luxembourg',
    );

    // Another delegation sees only its own people; an observer only themselves.
    const usa = await call(c['demo-usa'], 'GET', '/access');
    expect(usa.body.people!.map((p) => p.personId)).toEqual(['demo-usa']);
    const observer = await call(c['demo-observer'], 'GET', '/access');
    expect(observer.body.people!.map((p) => p.personId)).toEqual(['demo-observer']);

    // The delegation ends the session it does not recognise (the newest): the impostor is out at once.
    const impostorSession = (await ts.storage.accounts.listSessions(['demo-eu']))[0]!;
    expect(eu.sessions.find((s) => s.id === impostorSession.id)?.current).toBe(false);
    const ended = await call(c['demo-eu'], 'DELETE', `/sessions/${impostorSession.id}`);
    expect(ended.status).toBe(200);
    expect(ended.body.revoked).toBe(true);
    expect((await call(impostor, 'GET', '')).status).toBe(401);
  });

  it('lets a delegation revoke a pending link for its people, and nobody else’s', async () => {
    const minted = await call(c['demo-cofac-bgd'], 'POST', '/participants/demo-eu/links', {});
    const id = minted.body.invitationId as string;
    const foreign = await call(c['demo-usa'], 'DELETE', `/invitations/${id}`);
    expect(foreign.status).toBe(403);
    expect(foreign.body.error?.code).toBe('NOT_YOUR_DELEGATION');
    const observer = await call(c['demo-observer'], 'DELETE', `/invitations/${id}`);
    expect(observer.body.error?.code).toBe('NOT_YOUR_DELEGATION');
    expect((await ts.storage.accounts.getInvitation(id))!.revokedAt).toBeNull();
    const own = await call(c['demo-eu'], 'DELETE', `/invitations/${id}`);
    expect(own.body.revoked).toBe(true);
    const revoked = await api(ts.url, 'POST', '/api/auth/signin', { body: { token: minted.body.token } });
    expect(revoked.body).toMatchObject({ error: { code: 'LINK_REVOKED' } });
  });

  it('refuses to end another delegation’s session or to issue links, and keeps the co-facilitators’ powers', async () => {
    const usaSession = (await ts.storage.accounts.listSessions(['demo-usa']))[0]!;
    const refused = await call(c['demo-eu'], 'DELETE', `/sessions/${usaSession.id}`);
    expect(refused.body.error?.code).toBe('NOT_YOUR_DELEGATION');
    expect((await ts.storage.accounts.getSession(usaSession.id))!.revokedAt).toBeNull();
    const issue = await call(c['demo-eu'], 'POST', '/participants/demo-eu/links', {});
    expect(issue.body.error?.code).toBe('NOT_FACILITATOR');
    for (const path of ['/participants', '/audit']) {
      expect((await call(c['demo-eu'], 'GET', path)).body.error?.code).toBe('NOT_FACILITATOR');
      expect((await call(c['demo-cofac-bgd'], 'GET', path)).status).toBe(200);
    }
  });
});
