/**
 * Visits over HTTP: each person's last visit of a negotiation is theirs alone (from the session,
 * never from the body), stamped by the server, with the server's own reading of the text and the
 * proposals; on the next visit it comes back, so the client can show what changed since.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import { draftDocName } from '../../shared/protocol.js';
import { changesSince, draftTexts, type Visit } from '../../shared/visits.js';
import { api, redeem } from '../support/auth.js';
import { paragraphString, typeInto } from '../support/draft.js';
import { connectProvider, waitFor } from '../support/provider.js';
import { startTestServer, type TestServer } from '../support/server.js';

const N = `/api/negotiations/${DEMO_NEGOTIATION_ID}`;
let ts: TestServer;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  ts = await startTestServer();
  for (const id of ['demo-cofac-bgd', 'demo-eu', 'demo-nor', 'demo-observer'])
    cookies[id] = await ts.signIn(id);
});
afterAll(async () => {
  await ts.stop();
});

type Recorded = { at: string; previous: Visit | null };
const put = (who: string, body: unknown = {}) =>
  api<Recorded & { error?: { code: string } }>(ts.url, 'PUT', `${N}/visit`, { cookie: cookies[who], body });
const get = (who: string) =>
  api<{ visit: Visit | null }>(ts.url, 'GET', `${N}/visit`, { cookie: cookies[who] });

describe('visits', () => {
  let first: Recorded;
  let firstVisit: Visit;

  it('records a first visit from the session, with the server time and its reading of the text', async () => {
    expect((await get('demo-eu')).body.visit).toBeNull();
    const before = Date.now();
    const res = await put('demo-eu');
    expect(res.status).toBe(200);
    first = res.body;
    expect(first.previous).toBeNull();
    expect(Date.parse(first.at)).toBeGreaterThanOrEqual(before - 1_000);
    expect(Date.parse(first.at)).toBeLessThanOrEqual(Date.now());
    const { visit } = (await get('demo-eu')).body;
    expect(visit?.at).toBe(first.at);
    firstVisit = visit!;
    const room = await ts.server.rooms.open(draftDocName(DEMO_NEGOTIATION_ID));
    expect(visit?.seen.paragraphs).toEqual(draftTexts(room.doc));
    const proposals = (
      await api<{ proposals: { id: string }[] }>(ts.url, 'GET', `${N}/proposals`, {
        cookie: cookies['demo-eu'],
      })
    ).body.proposals;
    expect(Object.keys(visit!.seen.proposals).sort()).toEqual(proposals.map((p) => p.id).sort());
  });

  it('gives back the visit before on the next one, so the changes in between can be shown', async () => {
    const fac = await connectProvider(ts.wsUrl, draftDocName(DEMO_NEGOTIATION_ID), {
      headers: { cookie: cookies['demo-cofac-bgd']! },
    });
    typeInto(fac.doc, 'op04', 0, 'Welcoming progress, ');
    const room = await ts.server.rooms.open(draftDocName(DEMO_NEGOTIATION_ID));
    await waitFor(
      () => paragraphString(room.doc, 'op04').startsWith('Welcoming progress, '),
      5_000,
      'edit stored',
    );
    fac.provider.destroy();
    const proposals = (
      await api<{ proposals: { id: string; pid: string; status: string }[] }>(
        ts.url,
        'GET',
        `${N}/proposals`,
        { cookie: cookies['demo-eu'] },
      )
    ).body.proposals;
    const decided = proposals.find((p) => p.status === 'open')!;
    expect(
      (
        await api(ts.url, 'PUT', `${N}/proposals/${decided.id}/status`, {
          cookie: cookies['demo-cofac-bgd'],
          body: { status: 'not-retained' },
        })
      ).status,
    ).toBe(200);

    const second = (await put('demo-eu')).body;
    expect(second.previous).toEqual(firstVisit);
    const now = (await get('demo-eu')).body.visit!;
    expect(now.at).toBe(second.at);
    const changes = changesSince(second.previous!.seen, {
      paragraphs: now.seen.paragraphs,
      statuses: now.seen.statuses,
      proposals: (
        await api<{ proposals: Parameters<typeof changesSince>[1]['proposals'] }>(
          ts.url,
          'GET',
          `${N}/proposals`,
          {
            cookie: cookies['demo-eu'],
          },
        )
      ).body.proposals,
    });
    expect(changes.map((c) => `${c.kind} ${c.pid}`)).toEqual(
      expect.arrayContaining(['text op04', `updated ${decided.pid}`]),
    );
    expect(changes).toHaveLength(2);
  });

  it("keeps each person's visit apart: nobody reads or writes another's", async () => {
    expect((await get('demo-nor')).body.visit).toBeNull();
    const eu = (await get('demo-eu')).body.visit;
    expect((await put('demo-nor')).body.previous).toBeNull();
    expect((await get('demo-eu')).body.visit).toEqual(eu);
    expect((await put('demo-observer')).status).toBe(200);
    // The body names nobody: a person, a time or a record in it is refused, and nothing is stored.
    for (const body of [{ personId: 'demo-eu' }, { at: '2020-01-01T00:00:00Z' }, { seen: eu!.seen }]) {
      const forged = await put('demo-nor', body);
      expect(forged.status).toBe(400);
      expect(forged.body.error?.code).toBe('INVALID_BODY');
    }
    expect((await get('demo-eu')).body.visit).toEqual(eu);
  });

  it('refuses people outside the negotiation and callers without a session', async () => {
    const admin = await ts.server.accounts.createAdmin('Admin');
    const adminCookie = await redeem(ts.url, admin.token);
    const created = await api<{ id: string }>(ts.url, 'POST', '/api/negotiations', {
      cookie: adminCookie,
      body: { title: 'Another declaration', timeZone: 'Europe/Zurich', facilitatorDelegations: ['CHE'] },
    });
    const other = `/api/negotiations/${created.body.id}/visit`;
    for (const method of ['GET', 'PUT']) {
      const refused = await api<{ error?: { code: string } }>(ts.url, method, other, {
        cookie: cookies['demo-eu'],
        ...(method === 'PUT' ? { body: {} } : {}),
      });
      expect(refused.status).toBe(403);
      expect(refused.body.error?.code).toBe('NOT_PARTICIPANT');
      expect((await api(ts.url, method, `${N}/visit`, method === 'PUT' ? { body: {} } : {})).status).toBe(
        401,
      );
    }
  });
});
