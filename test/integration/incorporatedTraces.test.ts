/**
 * Words put in by an applied amendment keep who proposed them outside the live compilation too:
 * in the live text's snapshot (what the print page shows), in the Word export of the live
 * compilation and of the closed reading's record. The live text traces the reading under way,
 * as the published negotiation state says, not the reading of the latest proposal.
 */
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import type { ProposalView } from '../../shared/proposals.js';
import type { CanonicalSnapshot } from '../../shared/snapshot.js';
import { api } from '../support/auth.js';
import { closeReadingWithAll } from '../support/readings.js';
import { startTestServer, type TestServer } from '../support/server.js';

const BASE = `/api/negotiations/${DEMO_NEGOTIATION_ID}`;
const TRACE = '⌜markedly⌝ incorporated: European Union';

let ts: TestServer;
let cofac: string;
let eu: string;

beforeAll(async () => {
  ts = await startTestServer();
  cofac = await ts.signIn('demo-cofac-bgd');
  eu = await ts.signIn('demo-eu');
});
afterAll(async () => {
  await ts.stop();
});

/** The text of a Word export's body, paragraphs on their own lines. */
async function exported(snapshotId: string): Promise<string> {
  const res = await fetch(`${ts.url}${BASE}/export/${snapshotId}.docx?mode=compilation`, {
    headers: { cookie: eu },
  });
  expect(res.status).toBe(200);
  const zip = await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()));
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join('\n');
}

async function live(): Promise<CanonicalSnapshot> {
  return (await api<{ snapshot: CanonicalSnapshot }>(ts.url, 'GET', `${BASE}/snapshots/live`, { cookie: eu }))
    .body.snapshot;
}

async function openReadingId(): Promise<string | null> {
  const t = await api<{ readings: { id: string; closedAt: string | null }[] }>(
    ts.url,
    'GET',
    `${BASE}/timeline`,
    { cookie: eu },
  );
  return t.body.readings.find((r) => r.closedAt === null)?.id ?? null;
}

describe('incorporated words outside the live compilation', () => {
  let amendment: ProposalView;

  it('records where an applied amendment’s words are, and exports them marked with who proposed them', async () => {
    const baseText = (await live()).blocks.find((b) => b.pid === 'op12')!.text;
    expect(baseText).toContain('has been uneven');
    const tabled = await api<{ proposal: ProposalView }>(ts.url, 'POST', `${BASE}/proposals`, {
      cookie: eu,
      body: {
        kind: 'amend',
        pid: 'op12',
        baseText,
        text: baseText.replace('been uneven', 'been markedly uneven'),
      },
    });
    expect(tabled.status).toBe(201);
    amendment = tabled.body.proposal;
    const applied = await api(ts.url, 'POST', `${BASE}/proposals/${amendment.id}/apply`, { cookie: cofac });
    expect(applied.status).toBe(200);

    // The live snapshot (the print page's) says where the words it put in begin.
    const entry = (await live()).proposals.find((p) => p.proposal.id === amendment.id)!;
    const text = (await live()).blocks.find((b) => b.pid === 'op12')!.text;
    expect(entry.located).toHaveLength(1);
    expect(text.slice(entry.located![0]!.from).trimStart()).toMatch(/^markedly uneven/);
    // The Word export of the live compilation marks them; the clean text does not.
    expect(await exported('live')).toContain(`has been ${TRACE} uneven`);
    const clean = await fetch(`${ts.url}${BASE}/export/live.docx?mode=clean`, { headers: { cookie: eu } });
    const cleanXml = await (await JSZip.loadAsync(Buffer.from(await clean.arrayBuffer())))
      .file('word/document.xml')!
      .async('string');
    expect(cleanXml).not.toContain('incorporated:');
  });

  it('keeps the trace in the closed reading’s record and, between readings, in the live text', async () => {
    const readingId = (await openReadingId())!;
    const closed = await closeReadingWithAll(ts.url, cofac, DEMO_NEGOTIATION_ID, readingId, 'set-aside');
    expect(closed.status).toBe(200);
    expect(await exported(closed.body.snapshot.id)).toContain(TRACE);
    // No reading open: the latest reading's incorporations are still the text's news.
    expect(await openReadingId()).toBeNull();
    expect(await exported('live')).toContain(TRACE);
  });

  it('stops tracing them once the next reading opens, though no proposal is tabled in it yet', async () => {
    const circulated = await api(ts.url, 'POST', `${BASE}/revisions`, { cookie: cofac, body: {} });
    expect(circulated.status).toBe(201);
    const deadline = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const opened = await api(ts.url, 'POST', `${BASE}/readings`, { cookie: cofac, body: { deadline } });
    expect(opened.status).toBe(201);
    // The latest proposal is still the one of the reading just closed …
    const all = (await api<{ proposals: ProposalView[] }>(ts.url, 'GET', `${BASE}/proposals`, { cookie: eu }))
      .body.proposals;
    expect(all.at(-1)!.readingId).not.toBe(await openReadingId());
    // … but the reading under way is the new one: its words are now plain text.
    const text = await exported('live');
    expect(text).not.toContain('incorporated: European Union');
    expect(text).toContain('has been markedly uneven');
  });
});
