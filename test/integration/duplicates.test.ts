/**
 * Create-once commands sent many times at once (a double click, a retrying proxy, ten tabs) take
 * effect once: one reading closed, one revision circulated, one reading opened; every other copy
 * is refused with a stable code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import { draftDocName } from '../../shared/protocol.js';
import { api } from '../support/auth.js';
import { typeInto } from '../support/draft.js';
import { startTestServer, type TestServer } from '../support/server.js';

const base = `/api/negotiations/${DEMO_NEGOTIATION_ID}`;
let ts: TestServer;
let cookie: string;

beforeAll(async () => {
  ts = await startTestServer();
  cookie = await ts.signIn('demo-cofac-bgd');
  // Storage is asynchronous by contract; SQLite answers within the same turn of the event loop,
  // which hides races. Reads of readings and snapshots here yield to other requests first, as a
  // storage across the network would.
  const readings = ts.storage.readings as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const name of ['listSnapshots', 'listReadings', 'getReading']) {
    const original = readings[name]!.bind(readings);
    readings[name] = async (...args) => {
      await new Promise((r) => setTimeout(r, 20));
      return original(...args);
    };
  }
});
afterAll(async () => {
  await ts.stop();
});

interface Timeline {
  snapshots: { kind: string; label: string }[];
  readings: { id: string; closedAt: string | null }[];
}

const timeline = async () => (await api<Timeline>(ts.url, 'GET', `${base}/timeline`, { cookie })).body;

/** Sends the same request ten times at once; returns the statuses and error codes, sorted. */
async function tenAtOnce(method: string, path: string, body: unknown): Promise<string[]> {
  const answers = await Promise.all(
    Array.from({ length: 10 }, () =>
      api<{ error?: { code: string } }>(ts.url, method, path, { cookie, body }),
    ),
  );
  return answers.map((a) => `${a.status} ${a.body.error?.code ?? ''}`.trim()).sort();
}

describe('concurrent duplicates', () => {
  it('closes a reading once', async () => {
    const before = await timeline();
    const open = before.readings.find((r) => r.closedAt === null)!;
    const undecided = await api<{ proposals: { id: string }[] }>(
      ts.url,
      'GET',
      `${base}/readings/${open.id}/undecided`,
      { cookie },
    );
    const dispositions = undecided.body.proposals.map((p) => ({
      proposalId: p.id,
      disposition: 'set-aside',
    }));
    const answers = await tenAtOnce('POST', `${base}/readings/${open.id}/close`, { dispositions });
    expect(answers).toEqual(['200', ...Array(9).fill('409 READING_CLOSED')]);
    expect((await timeline()).snapshots).toHaveLength(before.snapshots.length + 1);
  });

  it('circulates a revision once, and refuses to circulate an unchanged text', async () => {
    await ts.server.rooms.withRoom(draftDocName(DEMO_NEGOTIATION_ID), (room) =>
      room.serverChange((doc) => typeInto(doc, 'op03', 0, 'Revised: ')),
    );
    const before = await timeline();
    const answers = await tenAtOnce('POST', `${base}/revisions`, {});
    expect(answers).toEqual(['201', ...Array(9).fill('409 REVISION_UNCHANGED')]);
    const after = await timeline();
    expect(after.snapshots.filter((s) => s.kind === 'revision').map((s) => s.label)).toEqual([
      'Zero draft',
      'Rev.1',
      'Rev.2',
    ]);
    expect(after.snapshots).toHaveLength(before.snapshots.length + 1);
    expect((await api<{ ok: boolean }>(ts.url, 'GET', `${base}/verify`, { cookie })).body.ok).toBe(true);
  });

  it('opens a reading once', async () => {
    const deadline = new Date(Date.now() + 7 * 24 * 3600_000).toISOString();
    const answers = await tenAtOnce('POST', `${base}/readings`, { deadline });
    expect(answers).toEqual(['201', ...Array(9).fill('409 READING_OPEN')]);
    expect((await timeline()).readings.filter((r) => r.closedAt === null)).toHaveLength(1);
  });
});
