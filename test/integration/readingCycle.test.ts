/**
 * The cycle of readings through the real server: a reading closes only once each of its open
 * proposals is decided (incorporated, set aside or carried forward), the closed record shows
 * each decision, carried proposals come back open in the next reading with their history, a
 * reading opens once per revision, and everyone sees where the negotiation stands, live.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import {
  decodeNegotiationState,
  decodeNotice,
  NEGOTIATION_MAP,
  NOTICES_ARRAY,
  type Notice,
} from '../../shared/negotiationState.js';
import { PROPOSAL_ACTORS_MAP, type ProposalView } from '../../shared/proposals.js';
import { draftDocName, proposalsDocName } from '../../shared/protocol.js';
import type { CanonicalSnapshot } from '../../shared/snapshot.js';
import { api } from '../support/auth.js';
import { paragraphString, paragraphText } from '../support/draft.js';
import { connectProvider, waitFor } from '../support/provider.js';
import { startTestServer, type TestServer } from '../support/server.js';

let ts: TestServer;
const c: Record<string, string> = {};
const base = `/api/negotiations/${DEMO_NEGOTIATION_ID}`;

interface Reading {
  id: string;
  number: number;
  revisionId: string;
  closedAt: string | null;
  snapshotId: string | null;
}
interface ErrorAnswer {
  error: { code: string; message: string; details?: { proposalIds?: string[] } };
}

beforeAll(async () => {
  ts = await startTestServer();
  for (const id of ['demo-cofac-bgd', 'demo-eu', 'demo-mex', 'demo-observer']) c[id] = await ts.signIn(id);
});
afterAll(async () => {
  await ts.stop();
});

const cofac = () => c['demo-cofac-bgd']!;
const readings = async () =>
  (await api<{ readings: Reading[] }>(ts.url, 'GET', `${base}/timeline`, { cookie: cofac() })).body.readings;
const proposals = async () =>
  (await api<{ proposals: ProposalView[] }>(ts.url, 'GET', `${base}/proposals`, { cookie: cofac() })).body
    .proposals;
const close = (readingId: string, body: unknown, cookie = cofac()) =>
  api<ErrorAnswer & { snapshot: { id: string; hash: string } }>(
    ts.url,
    'POST',
    `${base}/readings/${readingId}/close`,
    { cookie, body },
  );
const text = async (pid: string) =>
  paragraphString((await ts.server.rooms.open(draftDocName(DEMO_NEGOTIATION_ID))).doc, pid);

/** The second reading's proposals by who tabled them and where. */
async function secondReading() {
  const open = (await readings()).find((r) => r.closedAt === null)!;
  const all = (await proposals()).filter((p) => p.readingId === open.id && p.status === 'open');
  const find = (code: string, pid: string) => all.find((p) => p.delegation.code === code && p.pid === pid)!;
  return {
    reading: open,
    all,
    eu: find('EU', 'op05'),
    usa: find('USA', 'op05'),
    g77: find('G77', 'op20'),
    gbr: find('GBR', 'op30'),
    mex: find('MEX', 'pp04'),
  };
}

/** The notices and state the proposals document holds. */
function published(doc: Y.Doc) {
  const map = doc.getMap(NEGOTIATION_MAP);
  return {
    state: decodeNegotiationState((key) => map.get(key)),
    notices: doc
      .getArray<string>(NOTICES_ARRAY)
      .toArray()
      .map(decodeNotice)
      .filter((n): n is Notice => n !== undefined),
  };
}

describe('closing a reading', () => {
  it('publishes where the negotiation stands for every participant', async () => {
    const watcher = await connectProvider(ts.wsUrl, proposalsDocName(DEMO_NEGOTIATION_ID), {
      headers: { cookie: c['demo-observer']! },
    });
    const { state } = published(watcher.doc);
    const open = (await readings()).find((r) => r.closedAt === null)!;
    expect(state).toMatchObject({
      stage: 'reading',
      openReading: { id: open.id, number: 2, revisionLabel: 'Rev.1' },
      latestRevision: { label: 'Rev.1' },
      latestRevisionRead: true,
    });
    expect(state!.readings.map((r) => [r.number, r.closedAt === null])).toEqual([
      [1, false],
      [2, true],
    ]);
    watcher.provider.destroy();
  });

  it('is refused while proposals are undecided, with their ids, and nothing changes', async () => {
    const { reading, all } = await secondReading();
    expect(all.length).toBe(5);
    const snapshotsBefore = (
      await api<{ snapshots: unknown[] }>(ts.url, 'GET', `${base}/timeline`, { cookie: cofac() })
    ).body.snapshots.length;

    const none = await close(reading.id, {});
    expect(none.status).toBe(409);
    expect(none.body.error.code).toBe('PROPOSALS_UNDECIDED');
    expect(new Set(none.body.error.details?.proposalIds)).toEqual(new Set(all.map((p) => p.id)));

    const some = await close(reading.id, {
      dispositions: all.slice(1).map((p) => ({ proposalId: p.id, disposition: 'set-aside' })),
    });
    expect(some.status).toBe(409);
    expect(some.body.error).toMatchObject({
      code: 'PROPOSALS_UNDECIDED',
      details: { proposalIds: [all[0]!.id] },
    });

    expect((await readings()).find((r) => r.id === reading.id)!.closedAt).toBeNull();
    expect((await proposals()).filter((p) => p.readingId === reading.id && p.status === 'open').length).toBe(
      5,
    );
    const snapshotsAfter = (
      await api<{ snapshots: unknown[] }>(ts.url, 'GET', `${base}/timeline`, { cookie: cofac() })
    ).body.snapshots.length;
    expect(snapshotsAfter).toBe(snapshotsBefore);
  });

  it('refuses malformed, foreign and impossible dispositions, changing nothing', async () => {
    const { reading, all, eu } = await secondReading();
    const every = (disposition: string) => all.map((p) => ({ proposalId: p.id, disposition }));
    const op05 = await text('op05');

    const cases: [unknown, number, string][] = [
      [{ dispositions: every('keep') }, 400, 'INVALID_BODY'],
      [{ dispositions: every('set-aside'), note: 'x' }, 400, 'INVALID_BODY'],
      [
        { dispositions: [...every('set-aside'), { proposalId: eu.id, disposition: 'incorporate' }] },
        400,
        'INVALID_BODY',
      ],
      [
        { dispositions: [...every('set-aside'), { proposalId: 'nope', disposition: 'set-aside' }] },
        404,
        'PROPOSAL_NOT_FOUND',
      ],
    ];
    for (const [body, status, code] of cases) {
      const res = await close(reading.id, body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.body.error.code).toBe(code);
    }
    const delegate = await close(reading.id, { dispositions: every('set-aside') }, c['demo-eu']);
    expect(delegate.status).toBe(403);

    // The EU and Mexico rewrite the same words: both cannot be taken in.
    const op13 = await text('op13');
    const words = op13.split(' ');
    const rewrite = (word: string) => [words[0], word, ...words.slice(2)].join(' ');
    const table = async (who: string, word: string) =>
      (
        await api<{ proposal: ProposalView }>(ts.url, 'POST', `${base}/proposals`, {
          cookie: c[who],
          body: { kind: 'amend', pid: 'op13', baseText: op13, text: rewrite(word) },
        })
      ).body.proposal;
    const first = await table('demo-eu', 'resolutely');
    const rival = await table('demo-mex', 'firmly');
    const both = await close(reading.id, {
      dispositions: [...all, first, rival].map((p) => ({
        proposalId: p.id,
        disposition: p.id === first.id || p.id === rival.id ? 'incorporate' : 'carry-forward',
      })),
    });
    expect(both.status).toBe(409);
    expect(both.body.error).toMatchObject({
      code: 'PROPOSAL_OUTDATED',
      details: { proposalIds: [rival.id] },
    });
    expect(await text('op13')).toBe(op13);

    expect(await text('op05')).toBe(op05);
    expect((await readings()).find((r) => r.id === reading.id)!.closedAt).toBeNull();
    expect((await proposals()).filter((p) => p.readingId === reading.id && p.status === 'open').length).toBe(
      7,
    );
  });

  it('applies the decisions and records each one in the closed reading', async () => {
    const { reading, all, eu, usa, g77, gbr, mex } = await secondReading();
    const rivals = all.filter((p) => p.pid === 'op13');
    expect(rivals.length).toBe(2);
    const watcher = await connectProvider(ts.wsUrl, proposalsDocName(DEMO_NEGOTIATION_ID), {
      headers: { cookie: c['demo-eu']! },
    });
    const noticesBefore = published(watcher.doc).notices.length;
    const res = await close(reading.id, {
      dispositions: [
        { proposalId: eu.id, disposition: 'incorporate' },
        { proposalId: usa.id, disposition: 'carry-forward' },
        { proposalId: gbr.id, disposition: 'incorporate' },
        { proposalId: g77.id, disposition: 'carry-forward' },
        { proposalId: mex.id, disposition: 'carry-forward' },
        ...rivals.map((p) => ({ proposalId: p.id, disposition: 'set-aside' })),
      ],
    });
    expect(res.status).toBe(200);
    expect(await text('op05')).toContain('the further widening');
    // A deletion of the paragraph is a decision, not an edit: the paragraph is still there.
    expect(await text('op30')).not.toBe('');

    const record = (
      await api<{ snapshot: CanonicalSnapshot }>(ts.url, 'GET', `${base}/snapshots/${res.body.snapshot.id}`, {
        cookie: c['demo-eu'],
      })
    ).body.snapshot;
    const status = (id: string) => record.proposals.find((p) => p.proposal.id === id)?.proposal.status;
    expect([eu, usa, gbr, g77, mex].map((p) => status(p.id))).toEqual([
      'incorporated',
      'carried-forward',
      'incorporated',
      'carried-forward',
      'carried-forward',
    ]);
    expect(record.proposals.find((p) => p.proposal.id === eu.id)!.proposal.appliedAt).not.toBeNull();
    expect(record.blocks.find((b) => b.pid === 'op05')!.text).toContain('the further widening');

    // Everyone is told, live, and every view shows its decision.
    await waitFor(() => published(watcher.doc).notices.length > noticesBefore, 5_000, 'closing notice');
    const { state, notices } = published(watcher.doc);
    expect(notices.at(-1)).toMatchObject({
      kind: 'reading-closed',
      readingNumber: 2,
      incorporated: 2,
      setAside: 2,
      carried: 3,
      // Who closed it, from the session: their own browser lists it without alerting them.
      by: 'demo-cofac-bgd',
    });
    // Beside each decided proposal's view, who decided it.
    const actors = watcher.doc.getMap<string>(PROPOSAL_ACTORS_MAP);
    for (const p of [eu, usa, gbr, g77, mex, ...rivals]) expect(actors.get(p.id)).toBe('demo-cofac-bgd');
    expect(state).toMatchObject({ stage: 'revision', openReading: null, latestRevisionRead: true });
    const views = await proposals();
    expect(views.find((p) => p.id === g77.id)!.status).toBe('carried-forward');
    expect(
      (await api<{ ok: boolean }>(ts.url, 'GET', `${base}/verify`, { cookie: c['demo-eu'] })).body.ok,
    ).toBe(true);
    watcher.provider.destroy();
  });
});

describe('the next reading', () => {
  it('does not open again on the revision already read; opens on the next one with the carried proposals', async () => {
    const deadline = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const again = await api<ErrorAnswer>(ts.url, 'POST', `${base}/readings`, {
      cookie: cofac(),
      body: { deadline },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('REVISION_ALREADY_READ');
    expect(again.body.error.message).toMatch(/Second reading was held on Rev\.1/i);

    const watcher = await connectProvider(ts.wsUrl, proposalsDocName(DEMO_NEGOTIATION_ID), {
      headers: { cookie: c['demo-mex']! },
    });
    const before = published(watcher.doc).notices.length;
    const rev2 = await api(ts.url, 'POST', `${base}/revisions`, { cookie: cofac(), body: {} });
    expect(rev2.status).toBe(201);
    await waitFor(() => published(watcher.doc).notices.length === before + 1, 5_000, 'circulation notice');
    expect(published(watcher.doc)).toMatchObject({
      state: { stage: 'revision', latestRevision: { label: 'Rev.2' }, latestRevisionRead: false },
      notices: expect.arrayContaining([
        expect.objectContaining({ kind: 'revision-circulated', revisionLabel: 'Rev.2' }),
      ]),
    });

    // Between the readings the co-facilitators rewrite the words the United States' amendment targets.
    const views = await proposals();
    const carried = (code: string) =>
      views.find((p) => p.delegation.code === code && p.status === 'carried-forward')!;
    const [usa, g77, mex] = [carried('USA'), carried('G77'), carried('MEX')];
    const second = (await readings()).find((r) => r.number === 2)!;
    const room = await ts.server.rooms.open(draftDocName(DEMO_NEGOTIATION_ID));
    const op05 = await text('op05');
    const at = op05.indexOf('widening');
    await room.serverChange((doc) => paragraphText(doc, 'op05').delete(at, 'widening'.length));
    const historyBefore = (
      await api<{ versions: unknown[] }>(ts.url, 'GET', `${base}/proposals/${usa.id}/history`, {
        cookie: cofac(),
      })
    ).body.versions;

    const opened = await api<{ reading: Reading }>(ts.url, 'POST', `${base}/readings`, {
      cookie: cofac(),
      body: { deadline },
    });
    expect(opened.status).toBe(201);
    const third = opened.body.reading;
    expect(third.number).toBe(3);

    const after = await proposals();
    const now = (id: string) => after.find((p) => p.id === id)!;
    for (const p of [usa, g77, mex]) {
      expect(now(p.id)).toMatchObject({ status: 'open', readingId: third.id, carriedFrom: second.id });
    }
    // Anchors still resolve where their words are unchanged; the others are outdated.
    expect([usa, g77, mex].map((p) => now(p.id).outdated)).toEqual([true, false, false]);
    expect(now(mex.id).supporters.map((s) => s.code)).toEqual(['BRA']);
    expect(now(g77.id).supporters.map((s) => s.code)).toEqual(['EGY', 'ZAF']);
    expect(now(usa.id).version).toBe(usa.version);
    expect(
      (
        await api<{ versions: unknown[] }>(ts.url, 'GET', `${base}/proposals/${usa.id}/history`, {
          cookie: cofac(),
        })
      ).body.versions,
    ).toEqual(historyBefore);

    // A carried proposal is live again: it can be supported; one set aside cannot.
    expect(
      (await api(ts.url, 'PUT', `${base}/proposals/${g77.id}/support`, { cookie: c['demo-eu'] })).status,
    ).toBe(200);
    const setAside = after.find(
      (p) => p.pid === 'op13' && p.status === 'not-retained' && p.readingId === second.id,
    )!;
    const refused = await api<ErrorAnswer>(ts.url, 'PUT', `${base}/proposals/${setAside.id}/support`, {
      cookie: c['demo-eu'],
    });
    expect(refused.status).toBe(409);

    // The closed record still says "carried forward": records don't change.
    const record = (
      await api<{ snapshot: CanonicalSnapshot }>(ts.url, 'GET', `${base}/snapshots/${second.snapshotId}`, {
        cookie: cofac(),
      })
    ).body.snapshot;
    expect(record.proposals.find((p) => p.proposal.id === g77.id)!.proposal.status).toBe('carried-forward');

    // Everyone's document says the third reading is open on Rev.2, with its deadline.
    await waitFor(() => published(watcher.doc).state?.stage === 'reading', 5_000, 'reading state');
    expect(published(watcher.doc).state).toMatchObject({
      openReading: { id: third.id, number: 3, revisionLabel: 'Rev.2', deadline },
      latestRevisionRead: true,
    });
    expect(published(watcher.doc).notices.at(-1)).toMatchObject({
      kind: 'reading-opened',
      readingNumber: 3,
      revisionLabel: 'Rev.2',
      carried: 3,
    });

    const later = new Date(Date.now() + 9 * 86_400_000).toISOString();
    expect(
      (
        await api(ts.url, 'PUT', `${base}/readings/${third.id}/deadline`, {
          cookie: cofac(),
          body: { deadline: later },
        })
      ).status,
    ).toBe(200);
    await waitFor(
      () => published(watcher.doc).state?.openReading?.deadline === later,
      5_000,
      'extended deadline',
    );
    expect(published(watcher.doc).notices.at(-1)).toMatchObject({
      kind: 'deadline-extended',
      readingNumber: 3,
      deadline: later,
    });
    watcher.provider.destroy();
  });
});
