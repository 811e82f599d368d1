/**
 * Every refusal PROTOCOL.md lists for proposals, provoked with forged request bodies against the
 * real server: the stable code, its HTTP status, and nothing changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import { ERROR_STATUS, type ErrorCode } from '../../shared/errors.js';
import type { ProposalView } from '../../shared/proposals.js';
import { draftDocName } from '../../shared/protocol.js';
import { api, redeem } from '../support/auth.js';
import { paragraphString, paragraphText } from '../support/draft.js';
import { startTestServer, type TestServer } from '../support/server.js';

let ts: TestServer;
const c: Record<string, string> = {};
const base = `/api/negotiations/${DEMO_NEGOTIATION_ID}`;

type Answer = { proposal: ProposalView; error?: { code: ErrorCode; details?: Record<string, unknown> } };

beforeAll(async () => {
  ts = await startTestServer();
  for (const id of ['demo-cofac-bgd', 'demo-eu', 'demo-nor', 'demo-pak', 'demo-usa', 'demo-observer'])
    c[id] = await ts.signIn(id);
});
afterAll(async () => {
  await ts.stop();
});

const call = (who: string, method: string, path: string, body?: unknown) =>
  api<Answer>(ts.url, method, `${base}${path}`, { cookie: c[who], ...(body === undefined ? {} : { body }) });
const table = (who: string, body: Record<string, unknown>) => call(who, 'POST', '/proposals', body);

async function text(pid: string): Promise<string> {
  const room = await ts.server.rooms.open(draftDocName(DEMO_NEGOTIATION_ID));
  return paragraphString(room.doc, pid);
}

/** An amendment of `pid` by `who` that puts `word` after the paragraph's first word. */
async function amend(who: string, pid: string, word: string): Promise<ProposalView> {
  const before = await text(pid);
  const at = before.indexOf(' ');
  const res = await table(who, {
    kind: 'amend',
    pid,
    baseText: before,
    text: `${before.slice(0, at)} ${word}${before.slice(at)}`,
  });
  expect(res.status).toBe(201);
  return res.body.proposal;
}

/** Asserts a refusal with `code` and its status; returns the answer. */
function refused(res: { status: number; body: Answer }, code: ErrorCode) {
  expect(res.body.error?.code).toBe(code);
  expect(res.status).toBe(ERROR_STATUS[code]);
  return res;
}

async function proposalsCount(): Promise<number> {
  return (await ts.storage.proposals.list(DEMO_NEGOTIATION_ID)).length;
}

describe('refusals of proposal commands', () => {
  it('NOT_YOUR_DELEGATION: a delegation names another delegation or a group it is not in', async () => {
    const before = await proposalsCount();
    refused(
      await table('demo-eu', { kind: 'retain', pid: 'op03', delegation: 'USA' }),
      'NOT_YOUR_DELEGATION',
    );
    refused(
      await table('demo-usa', { kind: 'retain', pid: 'op03', delegation: 'G77' }),
      'NOT_YOUR_DELEGATION',
    );
    refused(
      await table('demo-cofac-bgd', { kind: 'retain', pid: 'op03', delegation: 'BGD' }),
      'NOT_YOUR_DELEGATION',
    );
    expect(await proposalsCount()).toBe(before);
  });

  it('NOT_YOUR_PROPOSAL: another delegation edits or withdraws a proposal; co-facilitators withdraw it by status', async () => {
    const p = await amend('demo-eu', 'op04', 'firmly');
    refused(
      await call('demo-nor', 'PATCH', `/proposals/${p.id}`, { text: 'Hijacked text.' }),
      'NOT_YOUR_PROPOSAL',
    );
    refused(await call('demo-nor', 'POST', `/proposals/${p.id}/withdraw`), 'NOT_YOUR_PROPOSAL');
    refused(await call('demo-cofac-bgd', 'POST', `/proposals/${p.id}/withdraw`), 'NOT_YOUR_PROPOSAL');
    refused(
      await call('demo-cofac-bgd', 'PUT', `/proposals/${p.id}/status`, { status: 'withdrawn' }),
      'NOT_YOUR_PROPOSAL',
    );
    const stored = (await ts.storage.proposals.get(p.id))!;
    expect(stored).toMatchObject({ status: 'open', version: 1 });
  });

  it('OWN_PROPOSAL: a delegation supports its own proposal, or one it tabled for its group', async () => {
    const own = await amend('demo-usa', 'op05', 'also');
    refused(await call('demo-usa', 'PUT', `/proposals/${own.id}/support`), 'OWN_PROPOSAL');
    const forGroup = await table('demo-pak', { kind: 'retain', pid: 'op05', delegation: 'G77' });
    expect(forGroup.body.proposal.tabledBy?.code).toBe('PAK');
    refused(await call('demo-pak', 'PUT', `/proposals/${forGroup.body.proposal.id}/support`), 'OWN_PROPOSAL');
    const supports = await ts.storage.proposals.supportsOf([own.id, forGroup.body.proposal.id]);
    expect(supports).toHaveLength(0);
  });

  it('OBSERVERS_READ_ONLY: an observer tables, supports, edits or withdraws', async () => {
    const p = await amend('demo-nor', 'op06', 'resolutely');
    refused(
      await table('demo-observer', { kind: 'comment', pid: 'op06', text: 'A remark.' }),
      'OBSERVERS_READ_ONLY',
    );
    refused(await call('demo-observer', 'PUT', `/proposals/${p.id}/support`), 'OBSERVERS_READ_ONLY');
    refused(
      await call('demo-observer', 'PATCH', `/proposals/${p.id}`, { text: 'Other words.' }),
      'OBSERVERS_READ_ONLY',
    );
    refused(await call('demo-observer', 'POST', `/proposals/${p.id}/withdraw`), 'OBSERVERS_READ_ONLY');
    expect((await ts.storage.proposals.get(p.id))!.status).toBe('open');
  });

  it('PARAGRAPH_NOT_FOUND and PARAGRAPH_CLOSED', async () => {
    refused(await table('demo-eu', { kind: 'retain', pid: 'op99-none' }), 'PARAGRAPH_NOT_FOUND');
    refused(
      await call('demo-cofac-bgd', 'PUT', '/paragraphs/op99-none/status', { status: 'agreed-ad-ref' }),
      'PARAGRAPH_NOT_FOUND',
    );
    const p = await amend('demo-eu', 'op07', 'duly');
    expect(
      (await call('demo-cofac-bgd', 'PUT', '/paragraphs/op07/status', { status: 'agreed-ad-ref' })).status,
    ).toBe(200);
    refused(await table('demo-usa', { kind: 'retain', pid: 'op07' }), 'PARAGRAPH_CLOSED');
    refused(await call('demo-nor', 'PUT', `/proposals/${p.id}/support`), 'PARAGRAPH_CLOSED');
    expect(
      (await call('demo-cofac-bgd', 'PUT', '/paragraphs/op07/status', { status: 'pending' })).status,
    ).toBe(200);
  });

  it('PROPOSAL_CLOSED: editing, withdrawing, supporting or applying what is no longer open', async () => {
    const p = await amend('demo-eu', 'op08', 'promptly');
    expect((await call('demo-eu', 'POST', `/proposals/${p.id}/withdraw`)).status).toBe(200);
    refused(
      await call('demo-eu', 'PATCH', `/proposals/${p.id}`, { text: 'Anything else.' }),
      'PROPOSAL_CLOSED',
    );
    refused(await call('demo-eu', 'POST', `/proposals/${p.id}/withdraw`), 'PROPOSAL_CLOSED');
    refused(await call('demo-nor', 'PUT', `/proposals/${p.id}/support`), 'PROPOSAL_CLOSED');
  });

  it('PROPOSAL_CLOSED: a withdrawn amendment is neither applied nor revived (issue 14, case 9)', async () => {
    const pid = 'op09';
    const before = await text(pid);
    const p = await amend('demo-eu', pid, 'withdrawn-words');
    expect((await call('demo-eu', 'POST', `/proposals/${p.id}/withdraw`)).status).toBe(200);
    const applied = refused(
      await call('demo-cofac-bgd', 'POST', `/proposals/${p.id}/apply`),
      'PROPOSAL_CLOSED',
    );
    expect(applied.body.error?.details).toMatchObject({ status: 'withdrawn' });
    refused(
      await call('demo-cofac-bgd', 'PUT', `/proposals/${p.id}/status`, { status: 'open' }),
      'PROPOSAL_CLOSED',
    );
    expect(await text(pid)).toBe(before);
    const stored = (await ts.storage.proposals.get(p.id))!;
    expect(stored).toMatchObject({ status: 'withdrawn', appliedAt: null });
  });

  it('PROPOSAL_CLOSED: a set-aside amendment is applied only after being reopened', async () => {
    const pid = 'op10';
    const p = await amend('demo-nor', pid, 'set-aside-words');
    const status = (s: string) => call('demo-cofac-bgd', 'PUT', `/proposals/${p.id}/status`, { status: s });
    expect((await status('not-retained')).status).toBe(200);
    const before = await text(pid);
    refused(await call('demo-cofac-bgd', 'POST', `/proposals/${p.id}/apply`), 'PROPOSAL_CLOSED');
    expect(await text(pid)).toBe(before);
    expect((await status('open')).status).toBe(200);
    const applied = await call('demo-cofac-bgd', 'POST', `/proposals/${p.id}/apply`);
    expect(applied.status).toBe(200);
    expect(applied.body.proposal.status).toBe('incorporated');
    expect(await text(pid)).toContain('set-aside-words');
  });

  it('NOT_APPLICABLE: a kind that does not change the text, or one already applied', async () => {
    const retain = await table('demo-eu', { kind: 'retain', pid: 'op11' });
    refused(
      await call('demo-cofac-bgd', 'POST', `/proposals/${retain.body.proposal.id}/apply`),
      'NOT_APPLICABLE',
    );
    const comment = await table('demo-usa', { kind: 'comment', pid: 'op11', text: 'A reservation.' });
    refused(
      await call('demo-cofac-bgd', 'POST', `/proposals/${comment.body.proposal.id}/apply`),
      'NOT_APPLICABLE',
    );
    const p = await amend('demo-nor', 'op11', 'once');
    expect((await call('demo-cofac-bgd', 'POST', `/proposals/${p.id}/apply`)).status).toBe(200);
    const after = await text('op11');
    refused(await call('demo-cofac-bgd', 'POST', `/proposals/${p.id}/apply`), 'NOT_APPLICABLE');
    expect(await text('op11')).toBe(after);
  });

  it('PROPOSAL_OUTDATED: the words an amendment targets were changed', async () => {
    const pid = 'op12';
    const before = await text(pid);
    const target = before.split(' ')[2]!;
    const at = before.indexOf(` ${target} `) + 1;
    const res = await table('demo-usa', {
      kind: 'amend',
      pid,
      baseText: before,
      text: `${before.slice(0, at)}REWORDED${before.slice(at + target.length)}`,
    });
    const p = res.body.proposal;
    await ts.server.rooms.withRoom(draftDocName(DEMO_NEGOTIATION_ID), (room) =>
      room.serverChange((doc) => paragraphText(doc, pid).delete(at, target.length)),
    );
    const changed = await text(pid);
    refused(await call('demo-cofac-bgd', 'POST', `/proposals/${p.id}/apply`), 'PROPOSAL_OUTDATED');
    expect(await text(pid)).toBe(changed);
  });

  it('BASE_CHANGED and NO_CHANGE', async () => {
    const current = await text('op13');
    const before = await proposalsCount();
    refused(
      await table('demo-eu', {
        kind: 'amend',
        pid: 'op13',
        baseText: `${current} (as it was)`,
        text: `${current} (as it was), amended`,
      }),
      'BASE_CHANGED',
    );
    refused(
      await table('demo-eu', { kind: 'amend', pid: 'op13', baseText: current, text: current }),
      'NO_CHANGE',
    );
    expect(await proposalsCount()).toBe(before);
  });

  it('READING_CLOSED: changing the record of a closed reading', async () => {
    const readings = await ts.storage.readings.listReadings(DEMO_NEGOTIATION_ID);
    const closed = readings.find((r) => r.closedAt !== null)!;
    const old = (await ts.storage.proposals.list(DEMO_NEGOTIATION_ID)).find(
      (p) => p.readingId === closed.id && p.delegation !== 'NOR',
    )!;
    refused(await call('demo-nor', 'DELETE', `/proposals/${old.id}/support`), 'READING_CLOSED');
    refused(
      await call('demo-cofac-bgd', 'PUT', `/readings/${closed.id}/deadline`, {
        deadline: new Date(Date.now() + 86_400_000).toISOString(),
      }),
      'READING_CLOSED',
    );
    expect((await ts.storage.readings.getReading(closed.id))!.deadline).toBe(closed.deadline);
  });

  it('PROPOSAL_DEADLINE_PASSED: tabling after the open reading’s deadline, with the deadline and zone', async () => {
    const open = (await ts.storage.readings.listReadings(DEMO_NEGOTIATION_ID)).find(
      (r) => r.closedAt === null,
    )!;
    await ts.storage.readings.setDeadline(open.id, new Date(Date.now() - 60_000).toISOString());
    try {
      const before = await proposalsCount();
      const res = refused(
        await table('demo-usa', { kind: 'retain', pid: 'op14' }),
        'PROPOSAL_DEADLINE_PASSED',
      );
      expect(res.body.error?.details).toMatchObject({ timeZone: 'America/New_York' });
      expect(await proposalsCount()).toBe(before);
    } finally {
      await ts.storage.readings.setDeadline(open.id, open.deadline);
    }
  });

  it('NO_OPEN_READING: tabling in a negotiation whose draft has not been read yet', async () => {
    const admin = await redeem(ts.url, (await ts.server.accounts.createAdmin('Admin')).token);
    const created = await api<{ id: string }>(ts.url, 'POST', '/api/negotiations', {
      cookie: admin,
      body: { title: 'A declaration', timeZone: 'Europe/Zurich', facilitatorDelegations: ['MEX'] },
    });
    // An administrator invites the co-facilitators only; they invite the delegations.
    const invite = (cookie: string, body: unknown) =>
      api<{ token: string }>(ts.url, 'POST', `/api/negotiations/${created.body.id}/invitations`, {
        cookie,
        body,
      });
    const cofac = await invite(admin, { name: 'Co-facilitator', role: 'facilitator', delegation: 'MEX' });
    expect(cofac.status, JSON.stringify(cofac.body)).toBe(201);
    const link = await invite(await redeem(ts.url, cofac.body.token), {
      name: 'Delegate, Norway',
      role: 'delegate',
      delegation: 'NOR',
    });
    const norway = await redeem(ts.url, link.body.token);
    const res = await api<Answer>(ts.url, 'POST', `/api/negotiations/${created.body.id}/proposals`, {
      cookie: norway,
      body: { kind: 'comment', pid: 'anything', text: 'Too early.' },
    });
    refused(res, 'NO_OPEN_READING');
    expect(await ts.storage.proposals.list(created.body.id)).toHaveLength(0);
  });
});
