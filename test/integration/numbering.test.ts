/**
 * Paragraph numbers through the real server: stable bis/ter numbers within a reading, the
 * numbering basis published live, and renumbering with an old → new table at circulation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import { NUMBERING_MAP } from '../../shared/proposals.js';
import { proposalsDocName } from '../../shared/protocol.js';
import { type CanonicalSnapshot, snapshotParagraphs } from '../../shared/snapshot.js';
import { api } from '../support/auth.js';
import { connectProvider, waitFor } from '../support/provider.js';
import { startTestServer, type TestServer } from '../support/server.js';

let ts: TestServer;
const c: Record<string, string> = {};
const base = `/api/negotiations/${DEMO_NEGOTIATION_ID}`;

beforeAll(async () => {
  ts = await startTestServer();
  for (const id of ['demo-cofac-bgd', 'demo-eu', 'demo-observer']) c[id] = await ts.signIn(id);
});
afterAll(async () => {
  await ts.stop();
});

async function snapshot(id: string): Promise<CanonicalSnapshot> {
  const res = await api<{ snapshot: CanonicalSnapshot }>(ts.url, 'GET', `${base}/snapshots/${id}`, {
    cookie: c['demo-observer'],
  });
  expect(res.status).toBe(200);
  return res.body.snapshot;
}

/** Labels of the live text by paragraph id. */
async function liveLabels(): Promise<Map<string, string>> {
  return new Map(snapshotParagraphs(await snapshot('live')).map((b) => [b.pid, b.label]));
}

/** Tables a new paragraph after `pid` for the EU and applies it; returns the new paragraph's id. */
async function insertAfter(pid: string, text: string): Promise<string> {
  const before = new Set((await liveLabels()).keys());
  const tabled = await api<{ proposal: { id: string } }>(ts.url, 'POST', `${base}/proposals`, {
    cookie: c['demo-eu'],
    body: { kind: 'insert', pid, text },
  });
  expect(tabled.status).toBe(201);
  const applied = await api(ts.url, 'POST', `${base}/proposals/${tabled.body.proposal.id}/apply`, {
    cookie: c['demo-cofac-bgd'],
  });
  expect(applied.status).toBe(200);
  const added = [...(await liveLabels()).keys()].filter((p) => !before.has(p));
  expect(added).toHaveLength(1);
  return added[0]!;
}

describe('numbers during a reading and at circulation', () => {
  it('keeps OP17 OP17 when OP16bis is applied, renumbers at circulation with the table', async () => {
    const watcher = await connectProvider(ts.wsUrl, proposalsDocName(DEMO_NEGOTIATION_ID), {
      headers: { cookie: c['demo-observer']! },
    });
    const numbering = watcher.doc.getMap<string>(NUMBERING_MAP);
    // The basis of the open second reading is Rev.1, published to every client.
    const labels = await liveLabels();
    const byLabel = new Map([...labels].map(([pid, label]) => [label, pid]));
    const op16 = byLabel.get('OP16')!;
    const op17 = byLabel.get('OP17')!;
    const last = [...labels].at(-1)!;
    expect(numbering.get(op16)).toBe('OP16');
    expect(numbering.size).toBe(labels.size);

    const bis = await insertAfter(op16, 'We commit to new paragraph one.');
    let now = await liveLabels();
    expect(now.get(bis)).toBe('OP16bis');
    expect(now.get(op17)).toBe('OP17');
    expect(now.get(last[0])).toBe(last[1]);

    // A second new paragraph after OP16 goes after OP16bis and is OP16ter: OP16bis does not move.
    const ter = await insertAfter(op16, 'We commit to new paragraph two.');
    now = await liveLabels();
    expect([now.get(bis), now.get(ter), now.get(op17)]).toEqual(['OP16bis', 'OP16ter', 'OP17']);
    const order = [...now.keys()];
    expect(order.indexOf(ter)).toBe(order.indexOf(bis) + 1);

    // Closing the reading records the numbers as they were during it.
    const timeline = await api<{ readings: { id: string; closedAt: string | null }[] }>(
      ts.url,
      'GET',
      `${base}/timeline`,
      { cookie: c['demo-observer'] },
    );
    const open = timeline.body.readings.find((r) => r.closedAt === null)!;
    // Every proposal still open is set aside (closing must decide each one).
    const undecided = await api<{ proposals: { id: string }[] }>(
      ts.url,
      'GET',
      `${base}/readings/${open.id}/undecided`,
      { cookie: c['demo-cofac-bgd'] },
    );
    const closed = await api<{ snapshot: { id: string } }>(
      ts.url,
      'POST',
      `${base}/readings/${open.id}/close`,
      {
        cookie: c['demo-cofac-bgd'],
        body: {
          dispositions: undecided.body.proposals.map((p) => ({ proposalId: p.id, disposition: 'set-aside' })),
        },
      },
    );
    expect(closed.status).toBe(200);
    const record = await snapshot(closed.body.snapshot.id);
    expect(snapshotParagraphs(record).find((b) => b.pid === bis)?.label).toBe('OP16bis');
    expect(record.renumbering).toBeUndefined();

    // Circulating Rev.2 numbers afresh and records the table of old → new numbers.
    const circulated = await api<{ snapshot: { id: string; renumbered: { from: string }[] | null } }>(
      ts.url,
      'POST',
      `${base}/revisions`,
      { cookie: c['demo-cofac-bgd'], body: {} },
    );
    expect(circulated.status).toBe(201);
    const rev2 = await snapshot(circulated.body.snapshot.id);
    const rev2Labels = new Map(snapshotParagraphs(rev2).map((b) => [b.pid, b.label]));
    expect([rev2Labels.get(op16), rev2Labels.get(bis), rev2Labels.get(ter), rev2Labels.get(op17)]).toEqual([
      'OP16',
      'OP17',
      'OP18',
      'OP19',
    ]);
    const operative = snapshotParagraphs(rev2).filter((b) => b.type === 'operative');
    expect(operative.map((b) => b.label)).toEqual(operative.map((_, i) => `OP${i + 1}`));
    expect(rev2.renumbering).toContainEqual({ pid: bis, from: 'OP16bis', to: 'OP17' });
    expect(rev2.renumbering).toContainEqual({ pid: op17, from: 'OP17', to: 'OP19' });
    expect(rev2.renumbering).toContainEqual({ pid: op16, from: 'OP16', to: 'OP16' });
    expect(circulated.body.snapshot.renumbered).toEqual(rev2.renumbering!.filter((e) => e.from !== e.to));

    // The verification of the chain covers the table: it is inside the hashed canonical JSON.
    const verify = await api<{ ok: boolean }>(ts.url, 'GET', `${base}/verify`, {
      cookie: c['demo-observer'],
    });
    expect(verify.body.ok).toBe(true);

    // Everyone's numbering changes live to Rev.2's.
    await waitFor(() => numbering.get(bis) === 'OP17', 5_000, 'new basis published');
    expect(numbering.get(op17)).toBe('OP19');
    expect((await liveLabels()).get(op17)).toBe('OP19');

    // The comparison of Rev.1 and Rev.2 carries the table.
    const t2 = await api<{ snapshots: { id: string; label: string }[] }>(ts.url, 'GET', `${base}/timeline`, {
      cookie: c['demo-observer'],
    });
    const rev1 = t2.body.snapshots.find((s) => s.label === 'Rev.1')!;
    const compare = await api<{ comparison: { renumbering: { from: string; to: string | null }[] | null } }>(
      ts.url,
      'GET',
      `${base}/compare?from=${rev1.id}&to=${circulated.body.snapshot.id}`,
      { cookie: c['demo-observer'] },
    );
    expect(compare.status).toBe(200);
    expect(compare.body.comparison.renumbering).toContainEqual({ pid: bis, from: 'OP16bis', to: 'OP17' });
    watcher.provider.destroy();
  });
});
