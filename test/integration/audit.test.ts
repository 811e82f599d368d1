/**
 * The audit log tells the truth: entries are stamped by the server's clock (the demo's 2022
 * history with its 2022 times), and a real attempt to change a read-only document, such as the
 * delete set the old client sent on every reconnection, is still refused and audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import { PROPOSALS_MAP } from '../../shared/proposals.js';
import { draftDocName, proposalsDocName } from '../../shared/protocol.js';
import { api } from '../support/auth.js';
import { settle, waitFor } from '../support/provider.js';
import { openRawClient } from '../support/rawClient.js';
import { startTestServer, type TestServer } from '../support/server.js';

interface Entry {
  seq: number;
  at: string;
  action: string;
  personName: string | null;
  delegation: string | null;
  detail: Record<string, unknown>;
}

let ts: TestServer;
let cofac: string;
const N = `/api/negotiations/${DEMO_NEGOTIATION_ID}`;

beforeAll(async () => {
  ts = await startTestServer();
  cofac = await ts.signIn('demo-cofac-bgd');
});
afterAll(async () => {
  await ts.stop();
});

async function entries(): Promise<Entry[]> {
  const res = await api<{ entries: Entry[] }>(ts.url, 'GET', `${N}/audit`, { cookie: cofac });
  expect(res.status).toBe(200);
  return res.body.entries;
}

describe('audit times', () => {
  it("stamps the demo's history with its own 2022 times, in the order it happened", async () => {
    const demo = (await entries()).filter((e) => e.action !== 'signin');
    const actions = new Set(demo.map((e) => e.action));
    for (const a of [
      'revision.circulated',
      'reading.opened',
      'proposal.tabled',
      'reading.closed',
      'roadmap.created',
    ])
      expect(actions).toContain(a);
    for (const e of demo) expect(e.at, `${e.action} #${e.seq}`).toMatch(/^2022-/);
    const tabled = demo.filter((e) => e.action === 'proposal.tabled').reverse();
    expect(tabled[0]!.at).toBe('2022-03-28T14:17:00.000Z');
    const times = tabled.map((e) => e.at);
    expect([...times].sort()).toEqual(times);
  });

  it("stamps what happens now with the server's clock of today", async () => {
    const before = Date.now();
    const signin = (await entries()).find((e) => e.action === 'signin')!;
    expect(Date.parse(signin.at)).toBeGreaterThan(before - 60_000);
    expect(Date.parse(signin.at)).toBeLessThanOrEqual(Date.now());
  });
});

describe('real attempts to change a read-only document', () => {
  for (const [doc, name] of [
    [proposalsDocName(DEMO_NEGOTIATION_ID), 'the proposals document'],
    [draftDocName(DEMO_NEGOTIATION_ID), 'the draft'],
  ] as const) {
    it(`refuses and audits a delegate's deletions sent to ${name}`, async () => {
      const eu = await ts.signIn('demo-eu');
      const raw = await openRawClient(`${ts.wsUrl}/${doc}`, { headers: { cookie: eu } });
      await waitFor(() => raw.doc.share.size > 0, 5_000, 'document received');
      // What the old client sent on reconnecting: a sync step 2 of nothing but its delete set.
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(raw.doc));
      const before = Y.encodeStateVector(copy);
      if (doc.startsWith('proposals.')) {
        const map = copy.getMap(PROPOSALS_MAP);
        map.delete([...map.keys()][0]!);
      } else {
        copy.getXmlFragment('draft').delete(0, 1);
      }
      const update = Y.encodeStateAsUpdate(copy, before);
      expect(Y.decodeUpdate(update).structs).toHaveLength(0);
      const seen = (await entries()).length;
      raw.sendUpdate(update);
      await waitFor(() => raw.errors.length > 0, 5_000, 'refusal');
      expect(raw.errors[0]!.code).toBe('READ_ONLY');
      const added = (await entries()).slice(0, (await entries()).length - seen);
      expect(added.map((e) => e.action)).toEqual(['text.update.refused']);
      expect(added[0]!.detail).toMatchObject({ personId: 'demo-eu', delegation: 'EU', document: doc });
      expect(Date.now() - Date.parse(added[0]!.at)).toBeLessThan(60_000);
      raw.close();
    });
  }

  it('sends a plain y-websocket client (no ext=1) only the standard frames, even when refusing it', async () => {
    const eu = await ts.signIn('demo-eu');
    const doc = proposalsDocName(DEMO_NEGOTIATION_ID);
    const raw = await openRawClient(`${ts.wsUrl}/${doc}`, { headers: { cookie: eu }, ext: false });
    await waitFor(() => raw.doc.share.size > 0, 5_000, 'document received');
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(raw.doc));
    const before = Y.encodeStateVector(copy);
    copy.getMap(PROPOSALS_MAP).set('forged', 'x');
    const seen = (await entries()).length;
    raw.sendUpdate(Y.encodeStateAsUpdate(copy, before));
    await settle(300);
    // y-websocket logs "Unable to compute message" for any other type (the extensions are 100, 101).
    expect(raw.received.map((f) => f.type).filter((t) => t > 3)).toEqual([]);
    expect((await entries()).length).toBe(seen + 1);
    raw.close();
  });
});
