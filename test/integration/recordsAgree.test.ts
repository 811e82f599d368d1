/**
 * A closed reading's record tells every proposal's outcome the same way everywhere, through the
 * real server: its snapshot, the timeline's counts, the comparison with the revision it was held
 * on (screen answer and Word), and its Word compilation. A proposal carried forward is neither
 * in nor out of the next text, but it shows; none silently disappears.
 */
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import type { ComparisonBrief } from '../../shared/compareBrief.js';
import type { ProposalView } from '../../shared/proposals.js';
import type { CanonicalSnapshot } from '../../shared/snapshot.js';
import { api } from '../support/auth.js';
import { startTestServer, type TestServer } from '../support/server.js';

let ts: TestServer;
let cofac: string;
let usa: string;
const base = `/api/negotiations/${DEMO_NEGOTIATION_ID}`;

beforeAll(async () => {
  ts = await startTestServer();
  cofac = await ts.signIn('demo-cofac-bgd');
  usa = await ts.signIn('demo-usa');
});
afterAll(async () => {
  await ts.stop();
});

/** The paragraphs of a Word document's body as plain text, one string each. */
async function docxParagraphs(path: string): Promise<string[]> {
  const res = await fetch(`${ts.url}${path}`, { headers: { cookie: usa } });
  expect(res.status).toBe(200);
  const zip = await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()));
  // A comparison in tracked changes says what is not text of either version in comments.
  const xml =
    (await zip.file('word/document.xml')!.async('string')) +
    ((await zip.file('word/comments.xml')?.async('string')) ?? '');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:(?:t|delText)(?: [^>]*)?>([^<]*)<\/w:(?:t|delText)>/g)]
      .map((t) => t[1]!)
      .join('')
      .replaceAll('&amp;', '&'),
  );
}

describe('a closed reading’s record', () => {
  it('says the same of every proposal in the snapshot, the timeline, the comparison and the Word files', async () => {
    const t0 = await api<{ readings: { id: string; closedAt: string | null; revisionId: string }[] }>(
      ts.url,
      'GET',
      `${base}/timeline`,
      { cookie: usa },
    );
    const second = t0.body.readings.find((r) => r.closedAt === null)!;
    const open = (
      await api<{ proposals: ProposalView[] }>(ts.url, 'GET', `${base}/proposals`, { cookie: usa })
    ).body.proposals.filter((p) => p.readingId === second.id && p.status === 'open');
    const by = (code: string, pid: string) => open.find((p) => p.delegation.code === code && p.pid === pid)!;
    const eu = by('EU', 'op05');
    const us = by('USA', 'op05');
    const g77 = by('G77', 'op20');
    const gbr = by('GBR', 'op30');
    const mex = by('MEX', 'pp04');
    const choice = new Map([
      [eu.id, 'incorporate'],
      [us.id, 'set-aside'],
      [g77.id, 'carry-forward'],
      [gbr.id, 'set-aside'],
      [mex.id, 'incorporate'],
    ]);
    expect(open.map((p) => p.id).sort()).toEqual([...choice.keys()].sort());
    const closed = await api<{ snapshot: { id: string } }>(
      ts.url,
      'POST',
      `${base}/readings/${second.id}/close`,
      {
        cookie: cofac,
        body: { dispositions: [...choice].map(([proposalId, disposition]) => ({ proposalId, disposition })) },
      },
    );
    expect(closed.status).toBe(200);
    const sid = closed.body.snapshot.id;

    // The snapshot is the truth the others must tell.
    const snap = (
      await api<{ snapshot: CanonicalSnapshot }>(ts.url, 'GET', `${base}/snapshots/${sid}`, { cookie: usa })
    ).body.snapshot;
    const status = new Map(snap.proposals.map((r) => [r.proposal.id, r.proposal.status]));
    expect(
      Object.fromEntries([eu, us, g77, gbr, mex].map((p) => [p.delegation.code, status.get(p.id)])),
    ).toEqual({
      EU: 'incorporated',
      USA: 'not-retained',
      G77: 'carried-forward',
      GBR: 'not-retained',
      MEX: 'incorporated',
    });
    const t1 = await api<{ snapshots: { id: string; proposalCounts: Record<string, number> }[] }>(
      ts.url,
      'GET',
      `${base}/timeline`,
      { cookie: usa },
    );
    expect(t1.body.snapshots.find((s) => s.id === sid)!.proposalCounts).toEqual({
      incorporated: 2,
      'not-retained': 2,
      'carried-forward': 1,
    });

    // The comparison with the revision the reading was held on: in, out and carried, each on its row.
    const cmp = await api<{ comparison: ComparisonBrief }>(
      ts.url,
      'GET',
      `${base}/compare?from=${second.revisionId}&to=${sid}`,
      { cookie: usa },
    );
    const listed = (list: 'incorporated' | 'notRetained' | 'carried') =>
      cmp.body.comparison.rows.flatMap((r) => r[list].map((p) => p.id)).sort();
    expect(listed('incorporated')).toEqual([eu.id, mex.id].sort());
    expect(listed('notRetained')).toEqual([us.id, gbr.id].sort());
    expect(listed('carried')).toEqual([g77.id]);
    const g77Row = cmp.body.comparison.rows.find((r) => r.carried.length > 0)!;
    expect((g77Row.right ?? g77Row.left)?.pid).toBe('op20');

    const compareDocx = await docxParagraphs(
      `${base}/export/compare.docx?from=${second.revisionId}&to=${sid}`,
    );
    expect(compareDocx).toContain(
      'Carried forward: alternative text — G77 and China (tabled by Pakistan), supported by Egypt, South Africa.',
    );
    expect(compareDocx.some((p) => p.startsWith('Not retained: amendment — United States'))).toBe(true);
    expect(compareDocx.some((p) => p.startsWith('Incorporated: amendment — Mexico'))).toBe(true);

    // Its Word compilation says what became of each, as the screen and the print view do.
    const words = await docxParagraphs(`${base}/export/${sid}.docx?mode=compilation`);
    const all = words.join('\n');
    expect(all).toContain(' — United States · Not retained]');
    expect(all).toContain('[delete — United Kingdom · Not retained]');
    expect(all).toMatch(
      / — G77 and China \(tabled by Pakistan\), supported by Egypt, South Africa · Carried forward\]/,
    );
    // Incorporated words are marked where they stand, with who proposed them.
    expect(all).toContain('⌜further⌝ incorporated: European Union, supported by Norway, Switzerland');
    expect(all).toContain('⌜and objectives⌝ incorporated: Mexico, supported by Brazil');
    // No bracket of the record is left without its outcome.
    const brackets = all.match(/\[[^[\]]* — [^[\]]*\]/g) ?? [];
    expect(brackets.length).toBeGreaterThanOrEqual(2);
    for (const b of brackets) expect(b).toMatch(/ · (Incorporated|Not retained|Carried forward)\]$/);
  });
});
