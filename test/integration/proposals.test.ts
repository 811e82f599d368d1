/** Proposals through the real server: tabling, support, application, refusals, anchors. */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import { openSqliteStorage } from '../../server/storage/sqlite.js';
import { resolveChanges } from '../../shared/anchors.js';
import { decodeLiveView } from '../../shared/liveView.js';
import { PROPOSALS_MAP, type ProposalView } from '../../shared/proposals.js';
import { draftDocName, proposalsDocName } from '../../shared/protocol.js';
import { rebase, resolveRebase } from '../../shared/rebase.js';
import type { CanonicalSnapshot } from '../../shared/snapshot.js';
import { api } from '../support/auth.js';
import { paragraphString, paragraphText } from '../support/draft.js';
import { connectProvider, settle, waitFor } from '../support/provider.js';
import { openRawClient } from '../support/rawClient.js';
import { startTestServer, type TestServer } from '../support/server.js';

let ts: TestServer;
const c: Record<string, string> = {};
const base = `/api/negotiations/${DEMO_NEGOTIATION_ID}`;

beforeAll(async () => {
  ts = await startTestServer();
  for (const id of [
    'demo-cofac-bgd',
    'demo-eu',
    'demo-nor',
    'demo-che',
    'demo-pak',
    'demo-usa',
    'demo-observer',
  ])
    c[id] = await ts.signIn(id);
});
afterAll(async () => {
  await ts.stop();
});

async function currentText(pid: string): Promise<string> {
  const room = await ts.server.rooms.open(draftDocName(DEMO_NEGOTIATION_ID));
  return paragraphString(room.doc, pid);
}

type P = { proposal: ProposalView };

async function table(who: string, body: Record<string, unknown>) {
  return api<P & { error?: { code: string } }>(ts.url, 'POST', `${base}/proposals`, { cookie: c[who], body });
}

describe('tabling, support and application', () => {
  it('A tables, B supports, everyone sees it live, the co-facilitators apply it', async () => {
    const watcher = await connectProvider(ts.wsUrl, proposalsDocName(DEMO_NEGOTIATION_ID), {
      headers: { cookie: c['demo-observer']! },
    });
    const draft = await connectProvider(ts.wsUrl, draftDocName(DEMO_NEGOTIATION_ID), {
      headers: { cookie: c['demo-observer']! },
    });
    const before = await currentText('op05');
    const words = before.split(' ');
    const proposed = [...words.slice(0, 2), 'further', ...words.slice(2)].join(' ');

    const tabled = await table('demo-eu', { kind: 'amend', pid: 'op05', baseText: before, text: proposed });
    expect(tabled.status).toBe(201);
    const p = tabled.body.proposal;
    expect(p.delegation).toEqual({ code: 'EU', name: 'European Union' });
    expect(p.personName).toBe('Delegate, European Union');
    expect(p.changes).toHaveLength(1);
    expect(p.changes[0]!.inserted.trim()).toBe('further');

    const live = () => decodeLiveView(watcher.doc.getMap(PROPOSALS_MAP).get(p.id));
    await waitFor(() => live() !== undefined, 5_000, 'published');
    // The live view carries the changes only; an editor reads the whole texts from the versions.
    expect(live()!.text).toBe('');
    const history = await api<{ versions: { content: { text: string; baseText: string } }[] }>(
      ts.url,
      'GET',
      `${base}/proposals/${p.id}/history`,
      { cookie: c['demo-eu'] },
    );
    expect(history.body.versions.at(-1)!.content).toMatchObject({ text: proposed, baseText: before });

    const supported = await api<P>(ts.url, 'PUT', `${base}/proposals/${p.id}/support`, {
      cookie: c['demo-nor'],
    });
    expect(supported.status).toBe(200);
    await api(ts.url, 'PUT', `${base}/proposals/${p.id}/support`, { cookie: c['demo-che'] });
    await waitFor(() => live()?.supporters.length === 2, 5_000, 'supporters published');
    expect(live()!.supporters.map((s) => s.name)).toEqual(['Norway', 'Switzerland']);

    // The anchors resolve in any client's copy of the draft.
    expect(resolveChanges(draft.doc, 'op05', live()!.changes)).not.toBeNull();

    const applied = await api<P>(ts.url, 'POST', `${base}/proposals/${p.id}/apply`, {
      cookie: c['demo-cofac-bgd'],
    });
    expect(applied.status).toBe(200);
    expect(applied.body.proposal.status).toBe('incorporated');
    expect(applied.body.proposal.appliedAt).not.toBeNull();
    expect(await currentText('op05')).toBe(proposed);
    await waitFor(
      () => paragraphString(draft.doc, 'op05') === proposed,
      5_000,
      'applied text reaches clients',
    );
    await waitFor(() => live()?.status === 'incorporated', 5_000, 'status published');
    watcher.provider.destroy();
    draft.provider.destroy();
  });

  it('tables every kind of proposal, with bis numbering material and group attribution', async () => {
    expect((await table('demo-usa', { kind: 'delete', pid: 'op06' })).status).toBe(201);
    expect((await table('demo-nor', { kind: 'retain', pid: 'op06' })).status).toBe(201);
    expect(
      (await table('demo-che', { kind: 'insert', pid: 'op06', text: 'We further commit to new text.' }))
        .status,
    ).toBe(201);
    expect((await table('demo-usa', { kind: 'alt', pid: 'op06', text: 'An alternative text.' })).status).toBe(
      201,
    );
    expect(
      (
        await table('demo-usa', {
          kind: 'comment',
          pid: 'op06',
          text: 'We reserve our position.',
          reservation: true,
        })
      ).status,
    ).toBe(201);
    const group = await table('demo-pak', {
      kind: 'alt',
      pid: 'op07',
      text: 'G77 alternative.',
      delegation: 'G77',
    });
    expect(group.status).toBe(201);
    expect(group.body.proposal.delegation.code).toBe('G77');
    expect(group.body.proposal.tabledBy?.code).toBe('PAK');
    const fac = await table('demo-cofac-bgd', { kind: 'alt', pid: 'op07', text: 'Compromise text.' });
    expect(fac.body.proposal.byFacilitators).toBe(true);
  });

  it('keeps the history of an edited proposal', async () => {
    const t = await table('demo-che', { kind: 'comment', pid: 'op08', text: 'First wording.' });
    const id = t.body.proposal.id;
    const e = await api<P>(ts.url, 'PATCH', `${base}/proposals/${id}`, {
      cookie: c['demo-che'],
      body: { text: 'Second wording.' },
    });
    expect(e.body.proposal.version).toBe(2);
    const h = await api<{ versions: { content: { text: string } }[] }>(
      ts.url,
      'GET',
      `${base}/proposals/${id}/history`,
      { cookie: c['demo-eu'] },
    );
    expect(h.body.versions.map((v) => v.content.text)).toEqual(['First wording.', 'Second wording.']);
  });
});

describe('refusals change nothing', () => {
  it('refuses a forged delegation, someone else’s proposal, an observer and a closed paragraph', async () => {
    const count = async () => (await ts.storage.proposals.list(DEMO_NEGOTIATION_ID)).length;
    const n = await count();
    const forged = await table('demo-eu', { kind: 'retain', pid: 'op09', delegation: 'USA' });
    expect(forged.status).toBe(403);
    expect(forged.body.error?.code).toBe('NOT_YOUR_DELEGATION');
    expect(
      (await table('demo-eu', { kind: 'retain', pid: 'op09', delegation: 'G77' })).body.error?.code,
    ).toBe('NOT_YOUR_DELEGATION');
    expect((await table('demo-observer', { kind: 'retain', pid: 'op09' })).body.error?.code).toBe(
      'OBSERVERS_READ_ONLY',
    );
    const smuggled = await table('demo-eu', {
      kind: 'retain',
      pid: 'op09',
      personName: 'Delegate, United States',
    });
    expect(smuggled.body.error?.code).toBe('INVALID_BODY');
    expect((await table('demo-eu', { kind: 'retain', pid: 'nope' })).body.error?.code).toBe(
      'PARAGRAPH_NOT_FOUND',
    );
    expect(await count()).toBe(n);

    const usa = (await table('demo-usa', { kind: 'comment', pid: 'op09', text: 'Our comment.' })).body
      .proposal;
    const edit = await api<{ error: { code: string } }>(ts.url, 'PATCH', `${base}/proposals/${usa.id}`, {
      cookie: c['demo-eu'],
      body: { text: 'Hijacked' },
    });
    expect(edit.body.error.code).toBe('NOT_YOUR_PROPOSAL');
    const withdraw = await api<{ error: { code: string } }>(
      ts.url,
      'POST',
      `${base}/proposals/${usa.id}/withdraw`,
      { cookie: c['demo-eu'] },
    );
    expect(withdraw.body.error.code).toBe('NOT_YOUR_PROPOSAL');
    const status = await api<{ error: { code: string } }>(
      ts.url,
      'PUT',
      `${base}/proposals/${usa.id}/status`,
      { cookie: c['demo-eu'], body: { status: 'not-retained' } },
    );
    expect(status.body.error.code).toBe('NOT_FACILITATOR');
    const stored = (await ts.storage.proposals.get(usa.id))!;
    expect(stored.content.text).toBe('Our comment.');
    expect(stored.status).toBe('open');
    expect(stored.version).toBe(1);

    const agreed = await api(ts.url, 'PUT', `${base}/paragraphs/op10/status`, {
      cookie: c['demo-cofac-bgd'],
      body: { status: 'agreed-ad-ref' },
    });
    expect(agreed.status).toBe(200);
    expect((await table('demo-eu', { kind: 'retain', pid: 'op10' })).body.error?.code).toBe(
      'PARAGRAPH_CLOSED',
    );
    await api(ts.url, 'PUT', `${base}/paragraphs/op10/status`, {
      cookie: c['demo-cofac-bgd'],
      body: { status: 'bracketed' },
    });
    expect((await table('demo-eu', { kind: 'retain', pid: 'op10' })).status).toBe(201);
  });

  it('accepts no update to the proposals document from any client, not even a co-facilitator', async () => {
    const raw = await openRawClient(`${ts.wsUrl}/${proposalsDocName(DEMO_NEGOTIATION_ID)}`, {
      headers: { cookie: c['demo-cofac-bgd']! },
    });
    const before = Y.encodeStateVector(raw.doc);
    raw.doc.getMap(PROPOSALS_MAP).set('forged', { delegation: { code: 'USA' } });
    raw.sendUpdate(Y.encodeStateAsUpdate(raw.doc, before));
    await waitFor(() => raw.errors.length > 0, 5_000, 'refusal');
    expect(raw.errors[0]!.code).toBe('READ_ONLY');
    const room = await ts.server.rooms.open(proposalsDocName(DEMO_NEGOTIATION_ID));
    expect(room.doc.getMap(PROPOSALS_MAP).has('forged')).toBe(false);
    raw.close();
  });
});

describe('anchors', () => {
  it('survive facilitator edits elsewhere in the paragraph, and go outdated when their words are deleted', async () => {
    const fac = await connectProvider(ts.wsUrl, draftDocName(DEMO_NEGOTIATION_ID), {
      headers: { cookie: c['demo-cofac-bgd']! },
    });
    const text = await currentText('op12');
    const target = text.split(' ')[3]!; // a word in the middle
    const at = text.indexOf(` ${target} `) + 1;
    const proposed = `${text.slice(0, at)}REPLACED${text.slice(at + target.length)}`;
    const p = (await table('demo-eu', { kind: 'amend', pid: 'op12', baseText: text, text: proposed })).body
      .proposal;

    // A co-facilitator types at the start and at the end of the same paragraph.
    paragraphText(fac.doc, 'op12').insert(0, 'Moreover, ');
    const t = paragraphText(fac.doc, 'op12');
    t.insert(t.length, ' Added at the end.');
    await settle(600);
    let stored = (await ts.storage.proposals.get(p.id))!;
    expect(stored.outdated).toBe(false);
    const room = await ts.server.rooms.open(draftDocName(DEMO_NEGOTIATION_ID));
    const ranges = resolveChanges(room.doc, 'op12', stored.content.changes)!;
    expect(paragraphString(room.doc, 'op12').slice(ranges[0]!.from, ranges[0]!.to)).toBe(target);

    // Now the targeted word itself is deleted.
    const now = paragraphString(fac.doc, 'op12');
    paragraphText(fac.doc, 'op12').delete(now.indexOf(target), target.length);
    await settle(800);
    stored = (await ts.storage.proposals.get(p.id))!;
    expect(stored.outdated).toBe(true);
    const applied = await api<{ error: { code: string } }>(
      ts.url,
      'POST',
      `${base}/proposals/${p.id}/apply`,
      { cookie: c['demo-cofac-bgd'] },
    );
    expect(applied.body.error.code).toBe('PROPOSAL_OUTDATED');

    // The live snapshot records where its words were, for the compilation to show it there.
    const live = await api<{ snapshot: CanonicalSnapshot }>(ts.url, 'GET', `${base}/snapshots/live`, {
      cookie: c['demo-eu'],
    });
    const recorded = live.body.snapshot.proposals.find((r) => r.proposal.id === p.id)!;
    expect(recorded.ranges).toBeNull();
    const gone = now.indexOf(target);
    expect(recorded.located).toEqual([{ from: gone, to: gone }]);

    // Carried onto the current text (its word is gone: the co-facilitators' deletion stands
    // against its replacement, so the delegation chooses; here it keeps its word).
    const r = rebase(text, proposed, paragraphString(fac.doc, 'op12'));
    expect(r.conflicts).toHaveLength(1);
    const carried = resolveRebase(
      r,
      r.conflicts.map((x) => x.mine),
    );
    const edited = await api<P>(ts.url, 'PATCH', `${base}/proposals/${p.id}`, {
      cookie: c['demo-eu'],
      body: { text: carried, baseText: paragraphString(fac.doc, 'op12') },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.proposal.outdated).toBe(false);
    expect(edited.body.proposal.changes.map((x) => x.inserted.trim())).toEqual(['REPLACED']);
    fac.provider.destroy();
  });

  it('checks an amendment again when it is reopened after its words changed', async () => {
    const fac = await connectProvider(ts.wsUrl, draftDocName(DEMO_NEGOTIATION_ID), {
      headers: { cookie: c['demo-cofac-bgd']! },
    });
    const text = await currentText('op14');
    const target = text.split(' ')[2]!;
    const at = text.indexOf(` ${target} `) + 1;
    const proposed = `${text.slice(0, at)}OTHER${text.slice(at + target.length)}`;
    const p = (await table('demo-eu', { kind: 'amend', pid: 'op14', baseText: text, text: proposed })).body
      .proposal;
    const setStatus = (status: string) =>
      api(ts.url, 'PUT', `${base}/proposals/${p.id}/status`, {
        cookie: c['demo-cofac-bgd'],
        body: { status },
      });
    expect((await setStatus('not-retained')).status).toBe(200);
    const now = paragraphString(fac.doc, 'op14');
    paragraphText(fac.doc, 'op14').delete(now.indexOf(target), target.length);
    await settle(800);
    expect((await ts.storage.proposals.get(p.id))!.outdated).toBe(false); // not open: not checked
    expect((await setStatus('open')).status).toBe(200);
    expect((await ts.storage.proposals.get(p.id))!.outdated).toBe(true);
    fac.provider.destroy();
  });

  it('refuses an amendment made against a text that has since changed', async () => {
    const text = await currentText('op13');
    const res = await table('demo-eu', {
      kind: 'amend',
      pid: 'op13',
      baseText: `${text} (old)`,
      text: `${text} more`,
    });
    expect(res.body.error?.code).toBe('BASE_CHANGED');
    expect(
      (await table('demo-eu', { kind: 'amend', pid: 'op13', baseText: text, text })).body.error?.code,
    ).toBe('NO_CHANGE');
  });
});

describe('a proposals document written in an earlier format', () => {
  it('is rewritten in the current format when it is loaded', async () => {
    const first = await startTestServer();
    const name = proposalsDocName(DEMO_NEGOTIATION_ID);
    const room = await first.server.rooms.open(name);
    const [id, value] = [...room.doc.getMap<string>(PROPOSALS_MAP).entries()][0]!;
    const view = decodeLiveView(value)!;
    await first.stop();

    // The view as the document held it before: the JSON text of the whole object.
    const storage = openSqliteStorage(join(first.dataDir, 'negotiations.sqlite'));
    const stored = await storage.loadDoc(name);
    const old = new Y.Doc();
    for (const u of stored.state ? [stored.state, ...stored.updates] : stored.updates) Y.applyUpdate(old, u);
    const sv = Y.encodeStateVector(old);
    old.getMap(PROPOSALS_MAP).set(id, JSON.stringify(view));
    await storage.appendUpdates(name, [Y.encodeStateAsUpdate(old, sv)]);
    await storage.close();

    const again = await startTestServer({ dataDir: first.dataDir });
    const watcher = await connectProvider(again.wsUrl, name, {
      headers: { cookie: await again.signIn('demo-observer') },
    });
    expect(decodeLiveView(watcher.doc.getMap(PROPOSALS_MAP).get(id))).toEqual(view);
    watcher.provider.destroy();
    await again.stop();
  });
});
