/**
 * "Agreed ad ref." is agreed: the server refuses any change to the text of an agreed paragraph,
 * from raw protocol clients as from its own commands, until a co-facilitator reopens it. Deleted
 * paragraphs are left out of the clean text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import { findParagraph, paragraphTextType } from '../../shared/anchors.js';
import { PARAGRAPH_STATUS_MAP, type ParagraphStatusView } from '../../shared/proposals.js';
import { draftDocName, proposalsDocName } from '../../shared/protocol.js';
import { DRAFT_FRAGMENT } from '../../shared/schema.js';
import { type CanonicalSnapshot, snapshotParagraphs } from '../../shared/snapshot.js';
import { api } from '../support/auth.js';
import { paragraphString } from '../support/draft.js';
import { connectProvider, settle, waitFor } from '../support/provider.js';
import { openRawClient, type RawClient } from '../support/rawClient.js';
import { removeDir, startTestServer, type TestServer, tempDataDir } from '../support/server.js';

const DOC = draftDocName(DEMO_NEGOTIATION_ID);
const base = `/api/negotiations/${DEMO_NEGOTIATION_ID}`;
const dataDir = tempDataDir();
let ts: TestServer;
const c: Record<string, string> = {};

async function start(): Promise<void> {
  ts = await startTestServer({ dataDir });
  for (const id of ['demo-cofac-bgd', 'demo-cofac-lux', 'demo-eu', 'demo-observer'])
    c[id] = await ts.signIn(id);
}

beforeAll(start);
afterAll(async () => {
  await ts.stop();
  removeDir(dataDir);
});

/** An update made by `change` on a copy of `client`'s document (what its editor would send). */
function updateBy(client: RawClient, change: (doc: Y.Doc) => void): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(client.doc));
  const before = Y.encodeStateVector(copy);
  change(copy);
  return Y.encodeStateAsUpdate(copy, before);
}

const words = (pid: string) => (d: Y.Doc) => paragraphTextType(findParagraph(d, pid)!.element);

async function setStatus(pid: string, status: string, who = 'demo-cofac-lux') {
  return api<{ error?: { code: string } }>(ts.url, 'PUT', `${base}/paragraphs/${pid}/status`, {
    cookie: c[who],
    body: { status },
  });
}

const coFacilitator = () =>
  openRawClient(`${ts.wsUrl}/${DOC}`, { headers: { cookie: c['demo-cofac-bgd']! } });

describe('an agreed paragraph is locked', () => {
  it('refuses a raw update into it: error code, not applied, not broadcast, audited, not stored', async () => {
    expect((await setStatus('op05', 'agreed-ad-ref')).status).toBe(200);
    const room = await ts.server.rooms.open(DOC);
    const agreedText = paragraphString(room.doc, 'op05');
    const neighbourText = paragraphString(room.doc, 'op06');
    const witness = await openRawClient(`${ts.wsUrl}/${DOC}`, { headers: { cookie: c['demo-observer']! } });
    const writer = await coFacilitator();
    const framesBefore = witness.received.length;

    writer.sendUpdate(updateBy(writer, (d) => words('op05')(d).insert(0, 'TAMPERED ')));
    await waitFor(() => writer.errors.length > 0, 5_000, 'refusal');
    expect(writer.errors[0]!.code).toBe('PARAGRAPH_AGREED');
    // The message names the paragraph by its number in the reading (Rev.1's OP5).
    expect(writer.errors[0]!.message).toMatch(/^OP5 is agreed ad referendum/);
    await settle(200);
    expect(paragraphString(room.doc, 'op05')).toBe(agreedText);
    expect(witness.received.slice(framesBefore).filter((f) => f.type === 0)).toHaveLength(0);
    const audit = await ts.storage.audit.list(DEMO_NEGOTIATION_ID, 20);
    const refused = audit.find((a) => a.action === 'text.update.refused');
    expect(refused?.detail).toMatchObject({ personId: 'demo-cofac-bgd', document: DOC });
    expect(String(refused?.detail.reason)).toContain('op05');

    // Formatting it, or deleting it, is refused the same way.
    const other = await coFacilitator();
    other.sendUpdate(updateBy(other, (d) => words('op05')(d).format(0, 5, { strong: true })));
    await waitFor(() => other.errors.length > 0, 5_000, 'refusal of formatting');
    expect(other.errors[0]!.code).toBe('PARAGRAPH_AGREED');
    const third = await coFacilitator();
    third.sendUpdate(
      updateBy(third, (d) => {
        const fragment = d.getXmlFragment(DRAFT_FRAGMENT);
        fragment.delete(fragment.toArray().indexOf(findParagraph(d, 'op05')!.element), 1);
      }),
    );
    await waitFor(() => third.errors.length > 0, 5_000, 'refusal of deletion');
    expect(third.errors[0]!.code).toBe('PARAGRAPH_AGREED');
    expect(findParagraph(room.doc, 'op05')).toBeDefined();

    // An update to the neighbouring paragraph passes, and reaches everyone.
    const fresh = await coFacilitator();
    fresh.sendUpdate(updateBy(fresh, (d) => words('op06')(d).insert(0, 'Neighbour edit. ')));
    await waitFor(
      () => paragraphString(witness.doc, 'op06').startsWith('Neighbour edit. '),
      5_000,
      'broadcast',
    );
    expect(fresh.errors).toEqual([]);
    expect(paragraphString(room.doc, 'op06')).toBe(`Neighbour edit. ${neighbourText}`);
    for (const client of [witness, writer, other, third, fresh]) client.close();

    // Nothing refused was stored: after a restart the agreed paragraph reads as agreed.
    await ts.stop();
    await start();
    const reloaded = await ts.server.rooms.open(DOC);
    expect(paragraphString(reloaded.doc, 'op05')).toBe(agreedText);
    expect(paragraphString(reloaded.doc, 'op06')).toBe(`Neighbour edit. ${neighbourText}`);
    // …and it is still locked after the restart.
    const again = await coFacilitator();
    again.sendUpdate(updateBy(again, (d) => words('op05')(d).insert(0, 'AFTER RESTART ')));
    await waitFor(() => again.errors.length > 0, 5_000, 'refusal after restart');
    expect(again.errors[0]!.code).toBe('PARAGRAPH_AGREED');
    again.close();
  });

  it('refuses applying an amendment to it, until a co-facilitator reopens it, live for everyone', async () => {
    const room = await ts.server.rooms.open(DOC);
    expect((await setStatus('op07', 'pending')).status).toBe(200);
    const before = paragraphString(room.doc, 'op07');
    const tabled = await api<{ proposal: { id: string } }>(ts.url, 'POST', `${base}/proposals`, {
      cookie: c['demo-eu'],
      body: { kind: 'amend', pid: 'op07', baseText: before, text: `Indeed, ${before}` },
    });
    expect(tabled.status).toBe(201);
    expect((await setStatus('op07', 'agreed-ad-ref')).status).toBe(200);
    const apply = () =>
      api<{ error?: { code: string } }>(
        ts.url,
        'POST',
        `${base}/proposals/${tabled.body.proposal.id}/apply`,
        {
          cookie: c['demo-cofac-bgd'],
        },
      );
    const refused = await apply();
    expect(refused.status).toBe(409);
    expect(refused.body.error?.code).toBe('PARAGRAPH_AGREED');
    expect(paragraphString(room.doc, 'op07')).toBe(before);

    // Reopening is a status change everyone sees; then the text may change again.
    const watcher = await connectProvider(ts.wsUrl, proposalsDocName(DEMO_NEGOTIATION_ID), {
      headers: { cookie: c['demo-observer']! },
    });
    const statuses = watcher.doc.getMap<ParagraphStatusView>(PARAGRAPH_STATUS_MAP);
    expect(statuses.get('op07')?.status).toBe('agreed-ad-ref');
    expect((await setStatus('op07', 'pending')).status).toBe(200);
    await waitFor(() => statuses.get('op07')?.status === 'pending', 5_000, 'reopened live');
    expect((await apply()).status).toBe(200);
    expect(paragraphString(room.doc, 'op07')).toBe(`Indeed, ${before}`);
    const writer = await coFacilitator();
    writer.sendUpdate(updateBy(writer, (d) => words('op05')(d).insert(0, 'x')));
    await waitFor(() => writer.errors.length > 0, 5_000, 'op05 still agreed');
    const fresh = await coFacilitator();
    expect((await setStatus('op05', 'bracketed')).status).toBe(200);
    fresh.sendUpdate(updateBy(fresh, (d) => words('op05')(d).insert(0, 'Reopened: ')));
    await waitFor(
      () => paragraphString(room.doc, 'op05').startsWith('Reopened: '),
      5_000,
      'edit after reopening',
    );
    expect(fresh.errors).toEqual([]);
    writer.close();
    fresh.close();
    watcher.provider.destroy();
  });
});

describe('closing a reading', () => {
  it('does not incorporate a change to an agreed paragraph: PARAGRAPH_AGREED, nothing closed', async () => {
    const room = await ts.server.rooms.open(DOC);
    const before = paragraphString(room.doc, 'op11');
    const tabled = await api<{ proposal: { id: string } }>(ts.url, 'POST', `${base}/proposals`, {
      cookie: c['demo-eu'],
      body: { kind: 'amend', pid: 'op11', baseText: before, text: `Moreover, ${before}` },
    });
    expect(tabled.status).toBe(201);
    expect((await setStatus('op11', 'agreed-ad-ref')).status).toBe(200);
    const timeline = await api<{ readings: { id: string; closedAt: string | null }[] }>(
      ts.url,
      'GET',
      `${base}/timeline`,
      { cookie: c['demo-cofac-lux'] },
    );
    const open = timeline.body.readings.find((r) => r.closedAt === null)!;
    const undecided = await api<{ proposals: { id: string; incorporable: boolean }[] }>(
      ts.url,
      'GET',
      `${base}/readings/${open.id}/undecided`,
      { cookie: c['demo-cofac-lux'] },
    );
    expect(undecided.body.proposals.find((p) => p.id === tabled.body.proposal.id)?.incorporable).toBe(false);
    const refused = await api<{ error?: { code: string; details?: { proposalIds: string[] } } }>(
      ts.url,
      'POST',
      `${base}/readings/${open.id}/close`,
      {
        cookie: c['demo-cofac-lux'],
        body: {
          dispositions: undecided.body.proposals.map((p) => ({
            proposalId: p.id,
            disposition: p.id === tabled.body.proposal.id ? 'incorporate' : 'set-aside',
          })),
        },
      },
    );
    expect(refused.status).toBe(409);
    expect(refused.body.error?.code).toBe('PARAGRAPH_AGREED');
    expect(refused.body.error?.details?.proposalIds).toEqual([tabled.body.proposal.id]);
    expect(paragraphString(room.doc, 'op11')).toBe(before);
    const after = await api<{ readings: { id: string; closedAt: string | null }[] }>(
      ts.url,
      'GET',
      `${base}/timeline`,
      { cookie: c['demo-cofac-lux'] },
    );
    expect(after.body.readings.find((r) => r.id === open.id)?.closedAt).toBeNull();
  });
});

describe('a deleted paragraph', () => {
  it('keeps its number in the compilation and is left out of the clean text', async () => {
    expect((await setStatus('op08', 'deleted')).status).toBe(200);
    const live = await api<{ snapshot: CanonicalSnapshot }>(ts.url, 'GET', `${base}/snapshots/live`, {
      cookie: c['demo-observer'],
    });
    const op08 = snapshotParagraphs(live.body.snapshot).find((b) => b.pid === 'op08')!;
    expect(op08.label).toBe('OP9'); // Rev.1's number: a new paragraph came after OP6 in the first reading
    expect(live.body.snapshot.paragraphStatuses.op08).toBe('deleted');
    const text = await wordText(`${base}/export/live.docx?mode=clean`);
    expect(text).not.toContain(op08.text.slice(0, 40));
    expect(text).toContain(
      snapshotParagraphs(live.body.snapshot)
        .find((b) => b.pid === 'op09')!
        .text.slice(0, 40),
    );
    const compiled = await wordText(`${base}/export/live.docx?mode=compilation`);
    expect(compiled).toContain(op08.text.slice(0, 40));
    expect(compiled).toContain('(deleted)');
  });
});

/** The text of a Word export's document body. */
async function wordText(path: string): Promise<string> {
  const res = await fetch(`${ts.url}${path}`, { headers: { cookie: c['demo-observer']! } });
  expect(res.status).toBe(200);
  const { default: mammoth } = await import('mammoth');
  const { value } = await mammoth.extractRawText({ buffer: Buffer.from(await res.arrayBuffer()) });
  return value;
}
