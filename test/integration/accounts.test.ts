/** Sign-in links, sessions, invitations and refusals over HTTP, with forged requests. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import { api, redeem } from '../support/auth.js';
import { startTestServer, type TestServer } from '../support/server.js';

let ts: TestServer;
let facilitator: string;
let delegate: string;
const base = `/api/negotiations/${DEMO_NEGOTIATION_ID}`;

beforeAll(async () => {
  ts = await startTestServer();
  facilitator = await ts.signIn('demo-cofac-lux');
  delegate = await ts.signIn('demo-eu');
});
afterAll(async () => {
  await ts.stop();
});

describe('sign-in links', () => {
  it('signs in once, sets an HttpOnly SameSite cookie, and refuses the same link again', async () => {
    const link = await ts.server.accounts.issueLink('demo-mex', DEMO_NEGOTIATION_ID, null);
    const res = await fetch(`${ts.url}/api/auth/signin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: link.token }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const again = await api(ts.url, 'POST', '/api/auth/signin', { body: { token: link.token } });
    expect(again.status).toBe(410);
    expect(again.body).toMatchObject({ error: { code: 'LINK_USED' } });
  });

  it('refuses an expired, a revoked and an unknown link with stable codes', async () => {
    const expired = await ts.server.accounts.issueLink('demo-mex', DEMO_NEGOTIATION_ID, null);
    ts.storage.db
      .prepare('UPDATE invitations SET expires_at = ? WHERE id = ?')
      .run('2000-01-01T00:00:00Z', expired.invitationId);
    expect(
      (await api(ts.url, 'POST', '/api/auth/signin', { body: { token: expired.token } })).body,
    ).toMatchObject({
      error: { code: 'LINK_EXPIRED' },
    });
    const revoked = await ts.server.accounts.issueLink('demo-mex', DEMO_NEGOTIATION_ID, null);
    const del = await api(ts.url, 'DELETE', `${base}/invitations/${revoked.invitationId}`, {
      cookie: facilitator,
    });
    expect(del.body).toEqual({ revoked: true });
    expect(
      (await api(ts.url, 'POST', '/api/auth/signin', { body: { token: revoked.token } })).body,
    ).toMatchObject({
      error: { code: 'LINK_REVOKED' },
    });
    expect(
      (await api(ts.url, 'POST', '/api/auth/signin', { body: { token: 'x'.repeat(43) } })).body,
    ).toMatchObject({
      error: { code: 'LINK_INVALID' },
    });
  });

  it('stores tokens only as hashes', async () => {
    const link = await ts.server.accounts.issueLink('demo-mex', DEMO_NEGOTIATION_ID, null);
    const dump = JSON.stringify(ts.storage.db.prepare('SELECT * FROM invitations').all());
    expect(dump).not.toContain(link.token);
    const cookie = await redeem(ts.url, link.token);
    expect(JSON.stringify(ts.storage.db.prepare('SELECT * FROM sessions').all())).not.toContain(
      cookie.split('=')[1],
    );
  });

  it('signs out: the cookie stops working', async () => {
    const cookie = await ts.signIn('demo-bra');
    expect((await api(ts.url, 'GET', '/api/me', { cookie })).status).toBe(200);
    await api(ts.url, 'POST', '/api/auth/signout', { cookie });
    const after = await api(ts.url, 'GET', '/api/me', { cookie });
    expect(after.status).toBe(401);
    expect(after.body).toMatchObject({ error: { code: 'SESSION_EXPIRED' } });
  });
});

describe('who may do what', () => {
  it('answers missing and forged cookies with UNAUTHENTICATED', async () => {
    expect((await api(ts.url, 'GET', '/api/me')).body).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    const forged = await api(ts.url, 'GET', '/api/negotiations', {
      cookie: 'nte_session=not-a-real-session',
    });
    expect(forged.status).toBe(401);
  });

  it('tells a delegate who they are and that they cannot edit the text', async () => {
    const me = await api<{ me: Record<string, unknown> }>(ts.url, 'GET', base, { cookie: delegate });
    expect(me.body.me).toMatchObject({
      role: 'delegate',
      delegation: 'EU',
      delegationName: 'European Union',
      canEditText: false,
    });
  });

  it('refuses facilitator-only endpoints to a delegate, changes nothing, and audits it', async () => {
    const before = (await ts.storage.accounts.listParticipants(DEMO_NEGOTIATION_ID)).length;
    const res = await api(ts.url, 'POST', `${base}/invitations`, {
      cookie: delegate,
      body: { name: 'Delegate, France', role: 'delegate', delegation: 'FRA' },
    });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ error: { code: 'NOT_FACILITATOR' } });
    expect((await ts.storage.accounts.listParticipants(DEMO_NEGOTIATION_ID)).length).toBe(before);
    expect((await api(ts.url, 'GET', `${base}/participants`, { cookie: delegate })).status).toBe(403);
    expect((await api(ts.url, 'GET', `${base}/audit`, { cookie: delegate })).status).toBe(403);
    const audit = await ts.storage.audit.list(DEMO_NEGOTIATION_ID, 50);
    expect(
      audit.some(
        (a) =>
          a.action === 'request.refused' &&
          a.delegation === null &&
          a.personName === 'Delegate, European Union',
      ),
    ).toBe(true);
  });

  it('ignores nothing silently: unknown fields, bad JSON and unknown delegations are refused', async () => {
    const extra = await api(ts.url, 'POST', '/api/auth/signout', { cookie: delegate, rawBody: '{"bad json' });
    expect(extra.body).toMatchObject({ error: { code: 'INVALID_BODY' } });
    const unknown = await api(ts.url, 'POST', `${base}/invitations`, {
      cookie: facilitator,
      body: { name: 'Delegate, Atlantis', role: 'delegate', delegation: 'ATL' },
    });
    expect(unknown.body).toMatchObject({ error: { code: 'UNKNOWN_DELEGATION' } });
    const smuggled = await api(ts.url, 'POST', `${base}/invitations`, {
      cookie: facilitator,
      body: { name: 'Delegate, France', role: 'delegate', delegation: 'FRA', isAdmin: true },
    });
    expect(smuggled.body).toMatchObject({ error: { code: 'INVALID_BODY' } });
    expect((await api(ts.url, 'GET', '/api/nowhere')).body).toMatchObject({ error: { code: 'NOT_FOUND' } });
    const huge = await api(ts.url, 'POST', `${base}/invitations`, {
      cookie: facilitator,
      rawBody: JSON.stringify({ name: 'x'.repeat(300_000), role: 'observer', delegation: null }),
    });
    expect(huge.status).toBe(413);
    expect(huge.body).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('lets a co-facilitator invite a delegate whose link signs in with that role', async () => {
    const res = await api<{ url: string; token: string }>(ts.url, 'POST', `${base}/invitations`, {
      cookie: facilitator,
      body: { name: 'Delegate, France', role: 'delegate', delegation: 'FRA', expiresInHours: 24 },
    });
    expect(res.status).toBe(201);
    expect(res.body.url).toContain('/signin#');
    const cookie = await redeem(ts.url, res.body.token);
    const me = await api<{ me: Record<string, unknown> }>(ts.url, 'GET', base, { cookie });
    expect(me.body.me).toMatchObject({ name: 'Delegate, France', role: 'delegate', delegation: 'FRA' });
    const list = await api<{ participants: { name: string; sessions: unknown[] }[] }>(
      ts.url,
      'GET',
      `${base}/participants`,
      {
        cookie: facilitator,
      },
    );
    expect(list.body.participants.find((p) => p.name === 'Delegate, France')?.sessions).toHaveLength(1);
    const audit = await api<{ entries: { action: string }[] }>(ts.url, 'GET', `${base}/audit`, {
      cookie: facilitator,
    });
    expect(audit.body.entries.some((e) => e.action === 'invitation.created')).toBe(true);
  });
});

describe('sign-in rate limit', () => {
  it('rate-limits sign-in attempts', async () => {
    let last = 0; // runs last: it exhausts this address's budget
    for (let i = 0; i < 15; i++)
      last = (await api(ts.url, 'POST', '/api/auth/signin', { body: { token: 'y'.repeat(43) } })).status;
    expect(last).toBe(429);
  });
});
