/**
 * What stands under a delegation's name is what it did, through the real server: support given
 * to words stays with those words (rewording a proposal drops it, carrying the same changes onto
 * a newer text keeps it), the same proposal tabled twice (a double click, a retried request, two
 * people of one delegation) is one proposal, a closed reading's outcomes cannot be changed
 * afterwards by anyone, the co-facilitators included, and proposals on a paragraph the
 * co-facilitators remove from the text are marked (their delegations are told) until it comes back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import type { ProposalView } from '../../shared/proposals.js';
import { draftDocName } from '../../shared/protocol.js';
import { rebase, resolveRebase } from '../../shared/rebase.js';
import { DRAFT_FRAGMENT } from '../../shared/schema.js';
import { api } from '../support/auth.js';
import { paragraphString, paragraphText } from '../support/draft.js';
import { connectProvider } from '../support/provider.js';
import { startTestServer, type TestServer } from '../support/server.js';

let ts: TestServer;
const c: Record<string, string> = {};
const base = `/api/negotiations/${DEMO_NEGOTIATION_ID}`;

beforeAll(async () => {
  ts = await startTestServer();
  for (const id of ['demo-cofac-bgd', 'demo-pak', 'demo-egy', 'demo-usa', 'demo-nor', 'demo-eu'])
    c[id] = await ts.signIn(id);
});
afterAll(async () => {
  await ts.stop();
});

type Answer = { proposal: ProposalView; error?: { code: string; details?: { proposalId?: string } } };

const table = (who: string, body: Record<string, unknown>) =>
  api<Answer>(ts.url, 'POST', `${base}/proposals`, { cookie: c[who], body });
const edit = (who: string, id: string, body: Record<string, unknown>) =>
  api<Answer>(ts.url, 'PATCH', `${base}/proposals/${id}`, { cookie: c[who], body });
const support = (who: string, id: string) =>
  api<Answer>(ts.url, 'PUT', `${base}/proposals/${id}/support`, { cookie: c[who] });
const proposals = async () =>
  (await api<{ proposals: ProposalView[] }>(ts.url, 'GET', `${base}/proposals`, { cookie: c['demo-eu'] }))
    .body.proposals;
const text = async (pid: string) =>
  paragraphString((await ts.server.rooms.open(draftDocName(DEMO_NEGOTIATION_ID))).doc, pid);
const codes = (p: ProposalView) => p.supporters.map((s) => s.code);

/** Polls an asynchronous condition for up to five seconds. */
async function waitFor(predicate: () => Promise<boolean>): Promise<void> {
  for (const start = Date.now(); !(await predicate()); ) {
    if (Date.now() - start > 5_000) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('support stays with the words it was given to', () => {
  it('a group amendment reworded by its member loses the supports of the old words; carried onto a new text it keeps them', async () => {
    const words = await text('op06');
    const tabled = await table('demo-pak', {
      kind: 'amend',
      pid: 'op06',
      baseText: words,
      text: words.replace('collection', 'systematic collection'),
      delegation: 'G77',
    });
    expect(tabled.status).toBe(201);
    const id = tabled.body.proposal.id;
    expect((await support('demo-egy', id)).status).toBe(200);
    expect(codes((await support('demo-usa', id)).body.proposal)).toEqual(['EGY', 'USA']);

    // Another member of the group may support it, but only the tabling member changes it.
    expect((await edit('demo-egy', id, { text: words, baseText: words })).body.error?.code).toBe(
      'NOT_YOUR_PROPOSAL',
    );

    // The same changes carried onto a text the co-facilitators changed elsewhere: still what
    // the supporters supported.
    const draft = await connectProvider(ts.wsUrl, draftDocName(DEMO_NEGOTIATION_ID), {
      headers: { cookie: c['demo-cofac-bgd']! },
    });
    const para = paragraphText(draft.doc, 'op06');
    para.insert(para.length, ' Data must serve people.');
    await waitFor(async () => (await text('op06')) !== words);
    const moved = await text('op06');
    expect(moved).not.toBe(words);
    const carried = resolveRebase(
      rebase(words, words.replace('collection', 'systematic collection'), moved),
      [],
    );
    const recarried = await edit('demo-pak', id, { text: carried, baseText: moved });
    expect(recarried.status).toBe(200);
    expect(recarried.body.proposal.version).toBe(2);
    expect(codes(recarried.body.proposal)).toEqual(['EGY', 'USA']);
    draft.provider.destroy();

    // New words: nobody supported them yet.
    const reworded = await edit('demo-pak', id, {
      text: moved.replace('collection', 'regular collection'),
      baseText: moved,
    });
    expect(reworded.status).toBe(200);
    expect(reworded.body.proposal.version).toBe(3);
    expect(reworded.body.proposal.supporters).toEqual([]);
    const live = (await proposals()).find((p) => p.id === id)!;
    expect(live.supporters).toEqual([]);
    expect(live.changes.map((ch) => ch.inserted)).toEqual(['regular ']);

    // The audit log says whose support went.
    const audit = await api<{ entries: { action: string; detail: Record<string, unknown> }[] }>(
      ts.url,
      'GET',
      `${base}/audit`,
      { cookie: c['demo-cofac-bgd'] },
    );
    const entry = audit.body.entries.find(
      (e) => e.action === 'proposal.edited' && e.detail.proposalId === id && e.detail.version === 3,
    );
    expect(entry?.detail.supportDropped).toEqual(['EGY', 'USA']);

    // Supported again, the support counts for the new words.
    expect(codes((await support('demo-usa', id)).body.proposal)).toEqual(['USA']);
  });

  it('a reworded comment loses its supports too', async () => {
    const tabled = await table('demo-eu', { kind: 'comment', pid: 'op07', text: 'Data protection first.' });
    const id = tabled.body.proposal.id;
    await support('demo-nor', id);
    const same = await edit('demo-eu', id, { text: '  Data protection first.  ' });
    // Spaces around it are trimmed: nothing changed, so the support stays (or the edit is refused).
    if (same.status === 200) expect(codes(same.body.proposal)).toEqual(['NOR']);
    const changed = await edit('demo-eu', id, { text: 'Data protection and privacy first.' });
    expect(changed.status).toBe(200);
    expect(changed.body.proposal.supporters).toEqual([]);
  });
});

describe('the same proposal is tabled once', () => {
  it('ten identical requests at once give one proposal and nine refusals naming it', async () => {
    const body = { kind: 'comment', pid: 'op08', text: 'Local authorities need resources.' };
    const answers = await Promise.all(Array.from({ length: 10 }, () => table('demo-usa', body)));
    const made = answers.filter((a) => a.status === 201);
    expect(made).toHaveLength(1);
    const id = made[0]!.body.proposal.id;
    for (const refused of answers.filter((a) => a.status !== 201)) {
      expect(refused.status).toBe(409);
      expect(refused.body.error?.code).toBe('PROPOSAL_DUPLICATE');
      expect(refused.body.error?.details?.proposalId).toBe(id);
    }
    expect((await proposals()).filter((p) => p.pid === 'op08' && p.text === body.text)).toHaveLength(1);
  });

  it('refuses the same amendment, deletion or group proposal again, not different words or another name', async () => {
    const words = await text('op09');
    const amend = {
      kind: 'amend',
      pid: 'op09',
      baseText: words,
      text: words.replace('donors', 'donors and partners'),
    };
    expect((await table('demo-usa', amend)).status).toBe(201);
    expect((await table('demo-usa', amend)).body.error?.code).toBe('PROPOSAL_DUPLICATE');
    // Other words, or another delegation: separate proposals.
    expect(
      (await table('demo-usa', { ...amend, text: words.replace('donors', 'generous donors') })).status,
    ).toBe(201);
    expect((await table('demo-nor', amend)).status).toBe(201);
    // The same words changed at another place: another amendment.
    const twice = await text('op11');
    const first = twice.indexOf('the ');
    const second = twice.indexOf('the ', first + 1);
    expect(second).toBeGreaterThan(first);
    const at = (i: number) => `${twice.slice(0, i)}THE ${twice.slice(i + 4)}`;
    const body = { kind: 'amend', pid: 'op11', baseText: twice };
    expect((await table('demo-usa', { ...body, text: at(first) })).status).toBe(201);
    expect((await table('demo-usa', { ...body, text: at(second) })).status).toBe(201);
    expect((await table('demo-usa', { ...body, text: at(second) })).body.error?.code).toBe(
      'PROPOSAL_DUPLICATE',
    );

    expect((await table('demo-usa', { kind: 'delete', pid: 'op10' })).status).toBe(201);
    expect((await table('demo-usa', { kind: 'delete', pid: 'op10' })).body.error?.code).toBe(
      'PROPOSAL_DUPLICATE',
    );

    // The group's proposal once, whoever of its members tables it; the member's own is its own.
    const alt = { kind: 'alt', pid: 'op11', text: 'We welcome the assistance of the Network.' };
    expect((await table('demo-pak', { ...alt, delegation: 'G77' })).status).toBe(201);
    expect((await table('demo-egy', { ...alt, delegation: 'G77' })).body.error?.code).toBe(
      'PROPOSAL_DUPLICATE',
    );
    expect((await table('demo-egy', alt)).status).toBe(201);
  });
});

describe('a closed reading’s outcomes are its record', () => {
  it('the co-facilitators can neither reopen, re-decide nor apply a proposal of a closed reading', async () => {
    const all = await proposals();
    const timeline = await api<{ readings: { id: string; closedAt: string | null }[] }>(
      ts.url,
      'GET',
      `${base}/timeline`,
      { cookie: c['demo-eu'] },
    );
    const first = timeline.body.readings.find((r) => r.closedAt !== null)!;
    const setAside = all.find(
      (p) => p.readingId === first.id && p.status === 'not-retained' && p.kind === 'amend',
    )!;
    const incorporated = all.find((p) => p.readingId === first.id && p.status === 'incorporated')!;
    const before = await text(setAside.pid);
    const cofac = { cookie: c['demo-cofac-bgd'] };

    for (const [id, status] of [
      [setAside.id, 'open'],
      [setAside.id, 'incorporated'],
      [incorporated.id, 'not-retained'],
      [incorporated.id, 'withdrawn'],
    ] as const) {
      const r = await api<Answer>(ts.url, 'PUT', `${base}/proposals/${id}/status`, {
        ...cofac,
        body: { status },
      });
      expect(r.status).toBe(409);
      expect(r.body.error?.code).toBe('READING_CLOSED');
    }
    const applied = await api<Answer>(ts.url, 'POST', `${base}/proposals/${setAside.id}/apply`, cofac);
    expect(applied.body.error?.code).toBe('READING_CLOSED');
    expect(await text(setAside.pid)).toBe(before);
    const after = await proposals();
    expect(after.find((p) => p.id === setAside.id)?.status).toBe('not-retained');
    expect(after.find((p) => p.id === incorporated.id)?.status).toBe('incorporated');
  });
});

describe('proposals on a paragraph removed from the text', () => {
  it('are marked outdated while it is gone and current again when it comes back, and the closing list names it', async () => {
    const comment = await table('demo-usa', { kind: 'comment', pid: 'op13', text: 'Keep this one in view.' });
    const alt = await table('demo-pak', { kind: 'alt', pid: 'op13', text: 'A G77 text.', delegation: 'G77' });
    expect([comment.status, alt.status]).toEqual([201, 201]);
    const ids = [comment.body.proposal.id, alt.body.proposal.id];
    const flags = async () => {
      const all = await proposals();
      return ids.map((id) => all.find((p) => p.id === id)!.outdated);
    };
    expect(await flags()).toEqual([false, false]);

    const draft = await connectProvider(ts.wsUrl, draftDocName(DEMO_NEGOTIATION_ID), {
      headers: { cookie: c['demo-cofac-bgd']! },
    });
    const fragment = draft.doc.getXmlFragment(DRAFT_FRAGMENT);
    const index = fragment
      .toArray()
      .findIndex((n) => n instanceof Y.XmlElement && n.getAttribute('pid') === 'op13');
    const undo = new Y.UndoManager(fragment);
    fragment.delete(index, 1);
    await waitFor(async () => (await flags()).every(Boolean));

    // The co-facilitators deciding at closing see which paragraph they were on.
    const open = (
      await api<{ readings: { id: string; closedAt: string | null }[] }>(ts.url, 'GET', `${base}/timeline`, {
        cookie: c['demo-eu'],
      })
    ).body.readings.find((r) => r.closedAt === null)!;
    const undecided = await api<{ proposals: { id: string; label: string; incorporable: boolean }[] }>(
      ts.url,
      'GET',
      `${base}/readings/${open.id}/undecided`,
      { cookie: c['demo-cofac-bgd'] },
    );
    const listed = undecided.body.proposals.filter((p) => ids.includes(p.id));
    expect(listed.map((p) => p.label)).toEqual(['OP14', 'OP14']);
    expect(listed.map((p) => p.incorporable)).toEqual([true, false]);

    undo.undo();
    await waitFor(async () => (await flags()).every((f) => !f));
    draft.provider.destroy();
  });
});
