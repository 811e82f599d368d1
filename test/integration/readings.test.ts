/** Readings and revisions as immutable, verifiable records; deadlines enforced by the server. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import { draftDocName } from '../../shared/protocol.js';
import type { CanonicalSnapshot } from '../../shared/snapshot.js';
import { api } from '../support/auth.js';
import { typeInto } from '../support/draft.js';
import { closeReadingWithAll } from '../support/readings.js';
import { startTestServer, type TestServer } from '../support/server.js';

let ts: TestServer;
const c: Record<string, string> = {};
const base = `/api/negotiations/${DEMO_NEGOTIATION_ID}`;

interface Timeline {
  snapshots: {
    id: string;
    label: string;
    kind: string;
    hash: string;
    proposalCounts: Record<string, number>;
  }[];
  readings: {
    id: string;
    number: number;
    closedAt: string | null;
    deadline: string;
    snapshotId: string | null;
  }[];
}

beforeAll(async () => {
  ts = await startTestServer();
  for (const id of ['demo-cofac-bgd', 'demo-eu', 'demo-observer']) c[id] = await ts.signIn(id);
});
afterAll(async () => {
  await ts.stop();
});

const timeline = async () =>
  (await api<Timeline>(ts.url, 'GET', `${base}/timeline`, { cookie: c['demo-observer'] })).body;

describe('the demo history', () => {
  it('starts with the zero draft, a closed first reading, Rev.1 and the second reading open', async () => {
    const t = await timeline();
    expect(t.snapshots.map((s) => s.label)).toEqual(['Zero draft', 'First reading', 'Rev.1']);
    expect(t.readings.map((r) => [r.number, r.closedAt === null])).toEqual([
      [1, false],
      [2, true],
    ]);
    const first = t.snapshots[1]!;
    const total = Object.values(first.proposalCounts).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(25);
    expect(first.proposalCounts.incorporated).toBeGreaterThan(3);
    expect(first.proposalCounts['not-retained']).toBeGreaterThan(3);
    const snap = await api<{ snapshot: CanonicalSnapshot }>(ts.url, 'GET', `${base}/snapshots/${first.id}`, {
      cookie: c['demo-observer'],
    });
    const delegations = new Set(snap.body.snapshot.proposals.map((p) => p.proposal.delegation.code));
    expect(delegations.size).toBeGreaterThanOrEqual(10);
  });

  it('verifies the hash chain', async () => {
    const report = await api<{ ok: boolean; checked: number }>(ts.url, 'GET', `${base}/verify`, {
      cookie: c['demo-eu'],
    });
    expect(report.body).toMatchObject({ ok: true, checked: 3 });
  });
});

describe('immutability', () => {
  it('refuses every API change to a snapshot, and the database refuses updates of snapshot rows', async () => {
    const id = (await timeline()).snapshots[0]!.id;
    for (const method of ['PUT', 'PATCH', 'DELETE', 'POST']) {
      const res = await api(ts.url, method, `${base}/snapshots/${id}`, {
        cookie: c['demo-cofac-bgd'],
        body: { label: 'Forged' },
      });
      expect(res.status).toBe(405);
      expect(res.body).toMatchObject({ error: { code: 'SNAPSHOT_IMMUTABLE' } });
    }
    expect(() => ts.storage.db.prepare("UPDATE snapshots SET label = 'Forged' WHERE id = ?").run(id)).toThrow(
      /immutable/,
    );
    expect(() => ts.storage.db.prepare('DELETE FROM snapshots WHERE id = ?').run(id)).toThrow(/immutable/);
  });

  it('detects tampering that bypasses the guards', async () => {
    const fresh = await startTestServer();
    const cookie = await fresh.signIn('demo-eu');
    const id = (await api<Timeline>(fresh.url, 'GET', `${base}/timeline`, { cookie })).body.snapshots[1]!.id;
    fresh.storage.db.exec('DROP TRIGGER snapshots_immutable_update');
    fresh.storage.db
      .prepare(
        "UPDATE snapshots SET canonical = replace(canonical, 'not-retained', 'incorporated') WHERE id = ?",
      )
      .run(id);
    const report = await api<{ ok: boolean; problems: { snapshotId: string; reason: string }[] }>(
      fresh.url,
      'GET',
      `${base}/verify`,
      { cookie },
    );
    expect(report.body.ok).toBe(false);
    expect(report.body.problems).toContainEqual(
      expect.objectContaining({ snapshotId: id, reason: 'content-altered' }),
    );
    await fresh.stop();
  });
});

describe('deadlines and closing', () => {
  it('refuses proposals after the deadline with the stable code, and accepts them after an extension', async () => {
    const reading = (await timeline()).readings.find((r) => r.closedAt === null)!;
    ts.storage.db
      .prepare('UPDATE readings SET deadline = ? WHERE id = ?')
      .run('2022-04-08T22:00:00.000Z', reading.id);
    const late = await api<{
      error: { code: string; message: string; details: { deadline: string; timeZone: string } };
    }>(ts.url, 'POST', `${base}/proposals`, { cookie: c['demo-eu'], body: { kind: 'retain', pid: 'op21' } });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('PROPOSAL_DEADLINE_PASSED');
    expect(late.body.error.details).toEqual({
      deadline: '2022-04-08T22:00:00.000Z',
      timeZone: 'America/New_York',
    });
    expect(late.body.error.message).toMatch(/8 April 2022.*18:00/);

    const notYours = await api(ts.url, 'PUT', `${base}/readings/${reading.id}/deadline`, {
      cookie: c['demo-eu'],
      body: { deadline: '2099-01-01T00:00:00Z' },
    });
    expect(notYours.status).toBe(403);
    const extended = await api(ts.url, 'PUT', `${base}/readings/${reading.id}/deadline`, {
      cookie: c['demo-cofac-bgd'],
      body: { deadline: new Date(Date.now() + 86_400_000).toISOString() },
    });
    expect(extended.status).toBe(200);
    expect(
      (
        await api(ts.url, 'POST', `${base}/proposals`, {
          cookie: c['demo-eu'],
          body: { kind: 'retain', pid: 'op21' },
        })
      ).status,
    ).toBe(201);
  });

  it('freezes the text and proposals when a reading closes; later edits and proposals do not appear in it', async () => {
    const reading = (await timeline()).readings.find((r) => r.closedAt === null)!;
    const closed = await closeReadingWithAll(
      ts.url,
      c['demo-cofac-bgd']!,
      DEMO_NEGOTIATION_ID,
      reading.id,
      'set-aside',
    );
    expect(closed.status).toBe(200);
    const id = closed.body.snapshot.id;
    const before = (
      await api<{ snapshot: CanonicalSnapshot }>(ts.url, 'GET', `${base}/snapshots/${id}`, {
        cookie: c['demo-eu'],
      })
    ).body.snapshot;
    expect(before.proposals.some((p) => p.proposal.pid === 'op21')).toBe(true);

    const room = await ts.server.rooms.open(draftDocName(DEMO_NEGOTIATION_ID));
    await room.serverChange((doc) => typeInto(doc, 'op01', 0, 'LATER EDIT '));
    const refused = await api<{ error: { code: string } }>(ts.url, 'POST', `${base}/proposals`, {
      cookie: c['demo-eu'],
      body: { kind: 'retain', pid: 'op22' },
    });
    expect(refused.body.error.code).toBe('NO_OPEN_READING');
    expect(
      (await api(ts.url, 'POST', `${base}/readings/${reading.id}/close`, { cookie: c['demo-cofac-bgd'] }))
        .status,
    ).toBe(409);

    const after = (
      await api<{ snapshot: CanonicalSnapshot; hash: string }>(ts.url, 'GET', `${base}/snapshots/${id}`, {
        cookie: c['demo-eu'],
      })
    ).body;
    expect(after.snapshot).toEqual(before);
    expect(after.hash).toBe(closed.body.snapshot.hash);
    expect(JSON.stringify(after.snapshot)).not.toContain('LATER EDIT');
    const live = (
      await api<{ snapshot: CanonicalSnapshot }>(ts.url, 'GET', `${base}/snapshots/live`, {
        cookie: c['demo-eu'],
      })
    ).body.snapshot;
    expect(live.blocks.find((b) => b.pid === 'op01')!.text.startsWith('LATER EDIT')).toBe(true);
    expect(
      (await api<{ ok: boolean }>(ts.url, 'GET', `${base}/verify`, { cookie: c['demo-eu'] })).body.ok,
    ).toBe(true);

    const rev2 = await api<{ snapshot: { label: string } }>(ts.url, 'POST', `${base}/revisions`, {
      cookie: c['demo-cofac-bgd'],
      body: {},
    });
    expect(rev2.body.snapshot.label).toBe('Rev.2');
  });
});
