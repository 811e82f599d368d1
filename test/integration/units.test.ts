/**
 * Commands are units of work: when the last thing a command writes — its audit entry — fails (a
 * real SQLite trigger refuses the insert), nothing of the command is stored, not its proposal, its
 * status, its change of the text nor its reading's closure; the caller gets a stable code; the
 * live proposals document never shows it; and the next command works, its records verifying.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import type { InputView } from '../../shared/inputs.js';
import { decodeLiveView } from '../../shared/liveView.js';
import { PROPOSALS_MAP, type ProposalView } from '../../shared/proposals.js';
import { draftDocName, proposalsDocName } from '../../shared/protocol.js';
import { DRAFT_FRAGMENT } from '../../shared/schema.js';
import { api, redeem } from '../support/auth.js';
import { paragraphString } from '../support/draft.js';
import { connectProvider, waitFor } from '../support/provider.js';
import { startTestServer, type TestServer } from '../support/server.js';

let ts: TestServer;
const c: Record<string, string> = {};
const base = `/api/negotiations/${DEMO_NEGOTIATION_ID}`;
/** Every proposal view the live proposals document showed a reader, in order. */
const seen: ProposalView[] = [];
let closeWatch = () => {};

beforeAll(async () => {
  ts = await startTestServer();
  for (const id of ['demo-cofac-bgd', 'demo-eu', 'demo-usa', 'demo-observer']) c[id] = await ts.signIn(id);
  const watcher = await connectProvider(ts.wsUrl, proposalsDocName(DEMO_NEGOTIATION_ID), {
    headers: { cookie: c['demo-observer']! },
  });
  const map = watcher.doc.getMap(PROPOSALS_MAP);
  map.observe((event) => {
    for (const key of event.keysChanged) {
      const view = decodeLiveView(map.get(key));
      if (view) seen.push(view);
    }
  });
  closeWatch = () => watcher.provider.destroy();
});
afterAll(async () => {
  closeWatch();
  await ts.stop();
});

type Answer<T> = T & { error?: { code: string; message: string } };

/** Makes the audit append of `action` fail in the database itself until the returned function runs. */
function failAuditOf(action: string): () => void {
  ts.storage.db.exec(
    `CREATE TEMP TRIGGER injected_failure BEFORE INSERT ON main.audit WHEN NEW.action = '${action}'
     BEGIN SELECT RAISE(ABORT, 'injected failure at the audit append'); END`,
  );
  return () => ts.storage.db.exec('DROP TRIGGER temp.injected_failure');
}

/** Runs `command` while the audit append of `action` fails. */
async function withFailingAudit<T>(action: string, command: () => Promise<T>): Promise<T> {
  const restore = failAuditOf(action);
  try {
    return await command();
  } finally {
    restore();
  }
}

const call = <T>(who: string, method: string, path: string, body?: unknown) =>
  api<Answer<T>>(ts.url, method, `${base}${path}`, { cookie: c[who], body });
const table = (who: string, body: unknown) =>
  call<{ proposal: ProposalView }>(who, 'POST', '/proposals', body);
const auditActions = async () =>
  (await ts.storage.audit.list(DEMO_NEGOTIATION_ID, 100_000)).map(
    (e) => `${e.action} ${JSON.stringify(e.detail)}`,
  );

/** A paragraph's text as stored (the draft loaded from storage, not the room in memory). */
async function storedText(pid: string): Promise<string> {
  const stored = await ts.storage.loadDoc(draftDocName(DEMO_NEGOTIATION_ID));
  const doc = new Y.Doc();
  for (const u of stored.state ? [stored.state, ...stored.updates] : stored.updates) Y.applyUpdate(doc, u);
  return paragraphString(doc, pid);
}

/** A paragraph's text in the live room (loaded again from storage when a failed change dropped it). */
async function liveText(pid: string): Promise<string> {
  return ts.server.rooms.withRoom(draftDocName(DEMO_NEGOTIATION_ID), (room) =>
    paragraphString(room.doc, pid),
  );
}

/** Waits until the live proposals document shows `view`'s proposal with its status. */
async function published(view: ProposalView): Promise<void> {
  await waitFor(
    () => seen.some((v) => v.id === view.id && v.status === view.status && v.version === view.version),
    5_000,
    `proposal ${view.id} published as ${view.status}`,
  );
}

/** The stable code every failed unit answers with. */
function refusedWithCode(answer: { status: number; body: Answer<unknown> }): void {
  expect(answer.status).toBe(500);
  expect(answer.body.error?.code).toBe('INTERNAL');
}

describe('a command stored but not published', () => {
  it('answers as done, and the proposal shows once the proposals document is loaded again', async () => {
    // The proposals document refuses every write after the command's unit has committed.
    ts.storage.db.exec(
      `CREATE TEMP TRIGGER injected_failure BEFORE INSERT ON main.doc_updates
       WHEN NEW.doc = '${proposalsDocName(DEMO_NEGOTIATION_ID)}'
       BEGIN SELECT RAISE(ABORT, 'injected failure of the publication'); END`,
    );
    let tabled: Awaited<ReturnType<typeof table>>;
    try {
      tabled = await table('demo-eu', { kind: 'comment', pid: 'op11', text: 'Stored before it is shown.' });
    } finally {
      ts.storage.db.exec('DROP TRIGGER temp.injected_failure');
    }
    // The command is stored: the delegate is told so, not asked to table it again.
    expect(tabled.body.error).toBeUndefined();
    expect(tabled.status).toBe(201);
    expect((await ts.storage.proposals.get(tabled.body.proposal.id))?.status).toBe('open');
    // The failed room closed its readers; the watcher reconnects, the document is loaded again
    // and reconciled with the tables.
    await waitFor(() => seen.some((v) => v.id === tabled.body.proposal.id), 15_000, 'the proposal shown');
  });
});

describe('a command whose audit entry fails', () => {
  it('tabling: no proposal is stored or shown, and the same words can then be tabled', async () => {
    const body = { kind: 'comment', pid: 'op08', text: 'Units of work keep records whole.' };
    const before = await ts.storage.proposals.list(DEMO_NEGOTIATION_ID);
    const audit = await auditActions();
    const failed = await withFailingAudit('proposal.tabled', () => table('demo-usa', body));
    refusedWithCode(failed);
    expect(await ts.storage.proposals.list(DEMO_NEGOTIATION_ID)).toEqual(before);
    expect(await auditActions()).toEqual(audit);

    const tabled = await table('demo-usa', body);
    expect(tabled.status).toBe(201);
    await published(tabled.body.proposal);
    // The reader saw this proposal appear once, never one of the failed attempt.
    expect(
      seen.filter((v) => v.kind === 'comment' && v.pid === 'op08' && v.delegation.code === 'USA'),
    ).toEqual([tabled.body.proposal]);
  });

  it('applying: neither the text nor the proposal changes, in storage or live; applying again works', async () => {
    const words = await liveText('op09');
    const proposed = words.replace('donors', 'donors and units');
    const tabled = await table('demo-eu', { kind: 'amend', pid: 'op09', baseText: words, text: proposed });
    expect(tabled.status).toBe(201);
    const id = tabled.body.proposal.id;
    await published(tabled.body.proposal);
    const audit = await auditActions();

    const failed = await withFailingAudit('proposal.applied', () =>
      call('demo-cofac-bgd', 'POST', `/proposals/${id}/apply`),
    );
    refusedWithCode(failed);
    expect(await storedText('op09')).toBe(words);
    expect(await liveText('op09')).toBe(words);
    const stored = await ts.storage.proposals.get(id);
    expect(stored).toMatchObject({ status: 'open', appliedAt: null, version: 1 });
    expect(await auditActions()).toEqual(audit);

    const applied = await call<{ proposal: ProposalView }>(
      'demo-cofac-bgd',
      'POST',
      `/proposals/${id}/apply`,
    );
    expect(applied.status).toBe(200);
    expect(applied.body.proposal.status).toBe('incorporated');
    await published(applied.body.proposal);
    expect(seen.filter((v) => v.id === id).map((v) => v.status)).toEqual(['open', 'incorporated']);
    expect(await storedText('op09')).toBe(proposed);
    expect(
      (await auditActions()).filter((a) => a.includes(id) && a.startsWith('proposal.applied')),
    ).toHaveLength(1);
  });

  it('setting a status: the proposal keeps its status, in storage and live', async () => {
    const tabled = await table('demo-usa', {
      kind: 'comment',
      pid: 'op10',
      text: 'A status that fails once.',
    });
    const id = tabled.body.proposal.id;
    await published(tabled.body.proposal);
    const failed = await withFailingAudit('proposal.status', () =>
      call('demo-cofac-bgd', 'PUT', `/proposals/${id}/status`, { status: 'not-retained' }),
    );
    refusedWithCode(failed);
    expect((await ts.storage.proposals.get(id))?.status).toBe('open');

    const set = await call<{ proposal: ProposalView }>('demo-cofac-bgd', 'PUT', `/proposals/${id}/status`, {
      status: 'not-retained',
    });
    expect(set.status).toBe(200);
    await published(set.body.proposal);
    expect(seen.filter((v) => v.id === id).map((v) => v.status)).toEqual(['open', 'not-retained']);
  });

  it('submitting a written input: no input is stored, and submitting again works', async () => {
    const body = { kind: 'general', text: 'An input whose audit entry fails once.' };
    const inputs = async () =>
      (await call<{ inputs: InputView[] }>('demo-cofac-bgd', 'GET', '/inputs')).body.inputs.filter(
        (i) => i.text === body.text,
      );
    const failed = await withFailingAudit('input.submitted', () => call('demo-usa', 'POST', '/inputs', body));
    refusedWithCode(failed);
    expect(await inputs()).toEqual([]);
    const submitted = await call<{ input: InputView }>('demo-usa', 'POST', '/inputs', body);
    expect(submitted.status).toBe(201);
    expect((await inputs()).map((i) => i.id)).toEqual([submitted.body.input.id]);
  });

  it('closing a reading: no incorporation, decision, snapshot or closure is kept; closing again works', async () => {
    const timeline = async () =>
      (
        await call<{ snapshots: { id: string }[]; readings: { id: string; closedAt: string | null }[] }>(
          'demo-cofac-bgd',
          'GET',
          '/timeline',
        )
      ).body;
    const reading = (await timeline()).readings.find((r) => r.closedAt === null)!;
    // One amendment to incorporate into the text, every other open proposal set aside.
    const words = await liveText('op12');
    const proposed = `${words} (closing unit)`;
    const amendment = await table('demo-eu', { kind: 'amend', pid: 'op12', baseText: words, text: proposed });
    expect(amendment.status).toBe(201);
    const undecided = await call<{ proposals: { id: string }[] }>(
      'demo-cofac-bgd',
      'GET',
      `/readings/${reading.id}/undecided`,
    );
    const dispositions = undecided.body.proposals.map((p) => ({
      proposalId: p.id,
      disposition: p.id === amendment.body.proposal.id ? 'incorporate' : 'set-aside',
    }));
    const before = {
      timeline: await timeline(),
      proposals: await ts.storage.proposals.list(DEMO_NEGOTIATION_ID),
      audit: await auditActions(),
    };

    const failed = await withFailingAudit('reading.closed', () =>
      call('demo-cofac-bgd', 'POST', `/readings/${reading.id}/close`, { dispositions }),
    );
    refusedWithCode(failed);
    expect(await timeline()).toEqual(before.timeline);
    expect(await ts.storage.proposals.list(DEMO_NEGOTIATION_ID)).toEqual(before.proposals);
    expect(await auditActions()).toEqual(before.audit);
    expect(await storedText('op12')).toBe(words);
    expect(await liveText('op12')).toBe(words);
    expect(seen.filter((v) => v.id === amendment.body.proposal.id).map((v) => v.status)).toEqual(['open']);

    const closed = await call('demo-cofac-bgd', 'POST', `/readings/${reading.id}/close`, { dispositions });
    expect(closed.status).toBe(200);
    expect(await storedText('op12')).toBe(proposed);
    expect((await ts.storage.proposals.get(amendment.body.proposal.id))?.status).toBe('incorporated');
    expect((await timeline()).snapshots).toHaveLength(before.timeline.snapshots.length + 1);
    const verified = await call<{ ok: boolean }>('demo-cofac-bgd', 'GET', '/verify');
    expect(verified.body.ok).toBe(true);
  });
});

describe('an account or draft command whose audit entry fails', () => {
  let admin = '';
  let negotiationId = '';
  let cofac = '';
  const inNew = (path: string) => `/api/negotiations/${negotiationId}${path}`;

  beforeAll(async () => {
    admin = await redeem(ts.url, (await ts.server.accounts.createAdmin('Units admin')).token);
    const created = await api<{ id: string }>(ts.url, 'POST', '/api/negotiations', {
      cookie: admin,
      body: { title: 'Units of work', timeZone: 'Europe/Zurich', facilitatorDelegations: ['CHE'] },
    });
    negotiationId = created.body.id;
    const invited = await api<{ token: string }>(ts.url, 'POST', inNew('/invitations'), {
      cookie: admin,
      body: { name: 'Co-facilitator, Switzerland', role: 'facilitator', delegation: 'CHE' },
    });
    cofac = await redeem(ts.url, invited.body.token);
  });

  const people = async () =>
    (
      await api<{ participants: { name: string }[] }>(ts.url, 'GET', inNew('/participants'), {
        cookie: cofac,
      })
    ).body.participants;

  it('inviting: no person, participant or link is kept', async () => {
    const body = { name: 'Delegate, Austria', role: 'delegate', delegation: 'AUT' };
    const before = await people();
    const failed = await withFailingAudit('invitation.created', () =>
      api<Answer<unknown>>(ts.url, 'POST', inNew('/invitations'), { cookie: cofac, body }),
    );
    refusedWithCode(failed);
    expect(await people()).toEqual(before);
    const invited = await api<{ token: string }>(ts.url, 'POST', inNew('/invitations'), {
      cookie: cofac,
      body,
    });
    expect(invited.status).toBe(201);
    expect((await people()).map((p) => p.name)).toContain('Delegate, Austria');
  });

  it('revoking a session: the session goes on working', async () => {
    const link = await ts.server.accounts.invite({
      negotiationId,
      name: 'Delegate, Belgium',
      role: 'delegate',
      delegation: 'BEL',
      by: null,
    });
    const belgium = await redeem(ts.url, link.token);
    const me = async () => (await api(ts.url, 'GET', '/api/me', { cookie: belgium })).status;
    const sessions = await ts.storage.accounts.listSessions([link.personId]);
    const failed = await withFailingAudit('session.revoked', () =>
      api<Answer<unknown>>(ts.url, 'DELETE', inNew(`/sessions/${sessions[0]!.id}`), { cookie: cofac }),
    );
    refusedWithCode(failed);
    expect(await me()).toBe(200);
    const revoked = await api<{ revoked: boolean }>(ts.url, 'DELETE', inNew(`/sessions/${sessions[0]!.id}`), {
      cookie: cofac,
    });
    expect(revoked.body.revoked).toBe(true);
    expect(await me()).toBe(401);
  });

  it('importing a draft: the stored draft stays as it was', async () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'title', content: [{ type: 'text', text: 'Imported title' }] },
        { type: 'operative', attrs: { pid: 'imp1' }, content: [{ type: 'text', text: 'Imported words.' }] },
      ],
    };
    const stored = async () => {
      const s = await ts.storage.loadDoc(draftDocName(negotiationId));
      const ydoc = new Y.Doc();
      for (const u of s.state ? [s.state, ...s.updates] : s.updates) Y.applyUpdate(ydoc, u);
      return ydoc.getXmlFragment(DRAFT_FRAGMENT).toString();
    };
    const before = await stored();
    const failed = await withFailingAudit('draft.imported', () =>
      api<Answer<unknown>>(ts.url, 'POST', inNew('/import'), { cookie: cofac, body: { doc } }),
    );
    refusedWithCode(failed);
    expect(await stored()).toBe(before);
    const imported = await api(ts.url, 'POST', inNew('/import'), { cookie: cofac, body: { doc } });
    expect(imported.status).toBe(200);
    expect(await stored()).toContain('Imported words.');
    const audit = await ts.storage.audit.list(negotiationId, 100);
    expect(audit.filter((e) => e.action === 'draft.imported')).toHaveLength(1);
  });
});
