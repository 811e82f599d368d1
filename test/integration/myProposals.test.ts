/**
 * "My delegation's proposals" through the real server: whose list it is comes from the session
 * (another delegation's proposals never appear, a forged parameter changes nothing), supported
 * and group proposals are listed and marked, and statuses follow applying and closing a reading.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import type { MyProposal, MyProposalsResponse } from '../../shared/myProposals.js';
import type { ProposalView } from '../../shared/proposals.js';
import { api } from '../support/auth.js';
import { closeReadingWithAll } from '../support/readings.js';
import { startTestServer, type TestServer } from '../support/server.js';

let ts: TestServer;
const c: Record<string, string> = {};
const base = `/api/negotiations/${DEMO_NEGOTIATION_ID}`;

beforeAll(async () => {
  ts = await startTestServer();
  for (const id of ['demo-cofac-bgd', 'demo-eu', 'demo-nor', 'demo-che', 'demo-pak', 'demo-observer'])
    c[id] = await ts.signIn(id);
});
afterAll(async () => {
  await ts.stop();
});

const mine = (who: string, query = '') =>
  api<MyProposalsResponse & { error?: { code: string } }>(ts.url, 'GET', `${base}/proposals/mine${query}`, {
    cookie: c[who],
  });
const all = async () =>
  (await api<{ proposals: ProposalView[] }>(ts.url, 'GET', `${base}/proposals`, { cookie: c['demo-eu'] }))
    .body.proposals;
const table = async (who: string, body: Record<string, unknown>) =>
  (await api<{ proposal: ProposalView }>(ts.url, 'POST', `${base}/proposals`, { cookie: c[who], body })).body
    .proposal;
const row = (list: MyProposal[], id: string) => list.find((p) => p.id === id);

describe('whose proposals', () => {
  it('lists exactly what the session’s delegation tabled or supports, whatever the query says', async () => {
    const answer = await mine('demo-eu');
    expect(answer.status).toBe(200);
    expect(answer.body.delegation).toBe('EU');
    const expected = (await all())
      .filter((p) => p.delegation.code === 'EU' || p.supporters.some((s) => s.code === 'EU'))
      .map((p) => p.id)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(answer.body.proposals.map((p) => p.id).sort()).toEqual(expected);
    for (const p of answer.body.proposals)
      expect(p.delegation.code === 'EU' || p.supporters.some((s) => s.code === 'EU')).toBe(true);

    const forged = await mine('demo-eu', '?delegation=USA&as=USA');
    expect(forged.status).toBe(200);
    expect(forged.body).toEqual(answer.body);
  });

  it('gives readings and paragraph labels across readings', async () => {
    const { proposals } = (await mine('demo-eu')).body;
    const labels = new Set(proposals.map((p) => p.readingLabel));
    expect(labels).toContain('First reading');
    expect(labels).toContain('Second reading');
    expect(proposals.every((p) => p.paragraphLabel !== null || p.kind === 'insert')).toBe(true);
  });

  it('marks proposals tabled for a group the delegation belongs to', async () => {
    const { proposals } = (await mine('demo-pak')).body;
    const g77 = proposals.filter((p) => p.delegation.code === 'G77');
    expect(g77.length).toBeGreaterThan(0);
    expect(g77.every((p) => p.relation === 'group')).toBe(true);
    // Norway is no member of the G77: none of them reach its list.
    expect((await mine('demo-nor')).body.proposals.some((p) => p.delegation.code === 'G77')).toBe(false);
  });

  it('lists a supported proposal for the supporter only', async () => {
    const p = await table('demo-che', { kind: 'comment', pid: 'op07', text: 'Switzerland remarks on OP7.' });
    expect(row((await mine('demo-nor')).body.proposals, p.id)).toBeUndefined();
    await api(ts.url, 'PUT', `${base}/proposals/${p.id}/support`, { cookie: c['demo-nor'] });
    expect(row((await mine('demo-nor')).body.proposals, p.id)).toMatchObject({
      relation: 'supported',
      status: 'open',
      supporters: [{ code: 'NOR' }],
    });
    expect(row((await mine('demo-che')).body.proposals, p.id)?.relation).toBe('own');
    expect(row((await mine('demo-eu')).body.proposals, p.id)).toBeUndefined();
  });

  it('refuses observers; co-facilitators get their own compromise texts', async () => {
    const observer = await mine('demo-observer');
    expect(observer.status).toBe(403);
    expect(observer.body.error?.code).toBe('OBSERVERS_READ_ONLY');
    const cofac = await mine('demo-cofac-bgd');
    expect(cofac.status).toBe(200);
    expect(cofac.body.delegation).toBe('FACILITATORS');
    expect(cofac.body.proposals.every((p) => p.byFacilitators)).toBe(true);
  });
});

describe('statuses', () => {
  it('follow applying a proposal and closing its reading', async () => {
    const applied = await table('demo-nor', {
      kind: 'alt',
      pid: 'op09',
      text: 'Norway’s alternative for OP9.',
    });
    const waiting = await table('demo-nor', { kind: 'comment', pid: 'op10', text: 'A remark of Norway.' });
    const r = await api(ts.url, 'POST', `${base}/proposals/${applied.id}/apply`, {
      cookie: c['demo-cofac-bgd'],
    });
    expect(r.status).toBe(200);
    expect(row((await mine('demo-nor')).body.proposals, applied.id)?.status).toBe('incorporated');
    expect(row((await mine('demo-nor')).body.proposals, waiting.id)).toMatchObject({
      status: 'open',
      readingLabel: 'Second reading',
    });

    const closed = await closeReadingWithAll(
      ts.url,
      c['demo-cofac-bgd']!,
      DEMO_NEGOTIATION_ID,
      waiting.readingId!,
      'carry-forward',
    );
    expect(closed.status).toBe(200);
    const after = (await mine('demo-nor')).body.proposals;
    expect(row(after, waiting.id)?.status).toBe('carried-forward');
    expect(row(after, applied.id)?.status).toBe('incorporated');
  });
});
