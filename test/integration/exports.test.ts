/** Comparing any two snapshots (or one against the live text) and exporting them to Word. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import type { ComparisonBrief } from '../../shared/compareBrief.js';
import type { CanonicalSnapshot } from '../../shared/snapshot.js';
import { api } from '../support/auth.js';
import { docxParagraphs, outsideBrackets, spacedAsRead } from '../support/docxParagraphs.js';
import { convertToPdf, findOnPath, run } from '../support/office.js';
import { ROOT, startTestServer, type TestServer } from '../support/server.js';
import { resolveRevisions, revisionsOf } from '../support/wordRevisions.js';

let ts: TestServer;
let cookie: string;
let ids: Record<string, string>;
const base = `/api/negotiations/${DEMO_NEGOTIATION_ID}`;

beforeAll(async () => {
  ts = await startTestServer();
  cookie = await ts.signIn('demo-usa');
  const t = await api<{ snapshots: { id: string; label: string }[] }>(ts.url, 'GET', `${base}/timeline`, {
    cookie,
  });
  ids = Object.fromEntries(t.body.snapshots.map((s) => [s.label, s.id]));
});
afterAll(async () => {
  await ts.stop();
});

async function download(path: string): Promise<{ name: string; data: Buffer; xml: string }> {
  const res = await fetch(`${ts.url}${path}`, { headers: { cookie } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('wordprocessingml');
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')![1]!;
  const data = Buffer.from(await res.arrayBuffer());
  const xml = await (await JSZip.loadAsync(data)).file('word/document.xml')!.async('string');
  return { name, data, xml };
}

/** The text of a Word document's body, its paragraphs on their own lines. */
function textOf(xml: string): string {
  return xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join('\n');
}

/** The formatting of the first run whose text is exactly `text`. */
function runProps(xml: string, text: string): string {
  for (const m of xml.matchAll(/<w:r>((?:(?!<\/w:r>)[\s\S])*)<\/w:r>/g))
    if (m[1]!.includes(`>${text}</w:t>`)) return /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(m[1]!)?.[1] ?? '';
  throw new Error(`no run with ${text}`);
}

describe('comparison', () => {
  it('compares the zero draft with Rev.1 (not neighbours of the same kind) and links proposals', async () => {
    const res = await api<{ comparison: ComparisonBrief }>(
      ts.url,
      'GET',
      `${base}/compare?from=${ids['Zero draft']}&to=${ids['Rev.1']}`,
      { cookie },
    );
    expect(res.status).toBe(200);
    const c = res.body.comparison;
    expect(c.summary.changed).toBeGreaterThanOrEqual(8);
    expect(c.summary.added).toBeGreaterThanOrEqual(1);
    const changed = c.rows.filter((r) => r.kind === 'changed');
    expect(changed.some((r) => r.incorporated.length > 0)).toBe(true);
    expect(c.rows.some((r) => r.renumbered)).toBe(true);
  });

  it('compares a snapshot with the live text, and refuses an unknown snapshot', async () => {
    const res = await api<{ comparison: ComparisonBrief }>(
      ts.url,
      'GET',
      `${base}/compare?from=${ids['Rev.1']}&to=live`,
      { cookie },
    );
    expect(res.status).toBe(200);
    expect(res.body.comparison.rows.length).toBeGreaterThan(60);
    const bad = await api(ts.url, 'GET', `${base}/compare?from=nope&to=live`, { cookie });
    expect(bad.body).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });
});

describe('Word export', () => {
  it('exports the first reading as a compilation: numbered paragraphs, attributions, bold insertions, struck deletions', async () => {
    const { name, data, xml } = await download(
      `${base}/export/${ids['First reading']}.docx?mode=compilation`,
    );
    expect(name).toMatch(/^Progress-Declaration.*First-reading.*\.docx$/);
    expect(xml).toContain('OP1');
    expect(xml).toContain('PP1');
    expect(xml).toContain('European Union');
    expect(xml).toContain('<w:b/>');
    expect(xml).toContain('<w:strike/>');
    // Japan's "We are alarmed by" → "We are concerned by" on OP16, whose opening words are set in
    // italics: the struck word stays italic, and a space sets it apart from the word put in.
    expect(textOf(xml)).toContain('[alarmed concerned — Japan · Not retained]');
    const struck = runProps(xml, 'alarmed');
    expect(struck).toContain('<w:strike/>');
    expect(struck).toContain('<w:i/>');
    expect(runProps(xml, 'concerned')).toContain('<w:b/>');
    expect(runProps(xml, 'concerned')).not.toContain('<w:i/>');
    const dir = join(ROOT, 'test-output', 'exports');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, name), data);
    const office = findOnPath('soffice');
    if (office) {
      const converting = convertToPdf(office, join(dir, name), dir);
      // The server, in this same process, keeps answering while LibreOffice works.
      expect((await fetch(`${ts.url}/api/health`)).status).toBe(200);
      const pdf = await converting;
      await run('pdftoppm', [
        '-png',
        '-r',
        '60',
        '-f',
        '1',
        '-l',
        '1',
        pdf,
        join(dir, 'first-reading-compilation'),
      ]);
    }
  }, 240_000);

  it('exports the live text clean', async () => {
    const clean = await download(`${base}/export/live.docx`);
    expect(clean.xml).toContain('OP55');
    expect(clean.xml).not.toContain('<w:strike/>');
  });

  it('exports a comparison in Word tracked changes: accept all gives Rev.1, reject all the zero draft, changes by their delegation', async () => {
    const cmp = await download(`${base}/export/compare.docx?from=${ids['Zero draft']}&to=${ids['Rev.1']}`);
    expect(cmp.name).toContain('comparison');
    const version = async (sid: string) =>
      (await api<{ snapshot: CanonicalSnapshot }>(ts.url, 'GET', `${base}/snapshots/${sid}`, { cookie })).body
        .snapshot;
    const [zero, rev1] = [await version(ids['Zero draft']!), await version(ids['Rev.1']!)];
    /** Each block as Word reads it: number, tab and text; its italic words. */
    const read = (s: CanonicalSnapshot) =>
      s.blocks.map((b) => ({
        text: b.label === undefined ? b.text : `${b.label}\t${b.text}`,
        italics: b.runs.filter((r) => r.em).map((r) => r.text),
      }));
    const resolved = (mode: 'accept' | 'reject') =>
      resolveRevisions(cmp.xml, mode).map((p) => ({
        text: p.text,
        italics: p.runs.filter((r) => r.italics).map((r) => r.text),
      }));
    expect(resolved('accept')).toEqual(read(rev1));
    expect(resolved('reject')).toEqual(read(zero));
    // The italic opening words are kept (the demo's operative paragraphs open with them).
    expect(resolved('accept').filter((p) => p.italics.length > 0).length).toBeGreaterThan(10);

    const revisions = revisionsOf(cmp.xml);
    expect(cmp.xml).not.toContain('<w:strike/>');
    expect(revisions.filter((r) => r.kind === 'ins').length).toBeGreaterThan(10);
    expect(revisions.filter((r) => r.kind === 'del').length).toBeGreaterThan(5);
    // Rev.1 took in proposals of several delegations from the first reading: their changes carry
    // their names and the time they were applied.
    const incorporated = (await version(ids['First reading']!)).proposals
      .map((r) => r.proposal)
      .filter((p) => p.appliedAt !== null && !p.byFacilitators);
    const authors = new Set(revisions.map((r) => r.author));
    expect(authors).toContain('Co-facilitators');
    expect(
      [...authors].filter((a) => incorporated.some((p) => p.delegation.name === a)).length,
    ).toBeGreaterThanOrEqual(2);
    for (const r of revisions.filter((x) => x.author !== 'Co-facilitators')) {
      const p = incorporated.find(
        (q) => q.delegation.name === r.author && q.appliedAt!.slice(0, 19) === r.date.slice(0, 19),
      );
      expect(p, `${r.author} ${r.date}`).toBeDefined();
    }
  });
});

describe('Word export of the demo’s text as written', () => {
  async function snapshotOf(id: string): Promise<CanonicalSnapshot> {
    const res = await api<{ snapshot: CanonicalSnapshot }>(ts.url, 'GET', `${base}/snapshots/${id}`, {
      cookie,
    });
    expect(res.status).toBe(200);
    return res.body.snapshot;
  }

  it('exports each record’s clean text character for character', async () => {
    for (const label of ['Zero draft', 'First reading', 'Rev.1']) {
      const s = await snapshotOf(ids[label]!);
      const { xml } = await download(`${base}/export/${ids[label]}.docx?mode=clean`);
      const exported = docxParagraphs(xml).filter((p) => p.label !== '' || p.text !== '');
      const expected = s.blocks
        .filter((b) => b.pid === undefined || s.paragraphStatuses[b.pid] !== 'deleted')
        .map((b) => ({ label: b.label ?? '', text: b.text }));
      expect(exported.slice(0, expected.length).map((p) => ({ label: p.label, text: p.text }))).toEqual(
        expected,
      );
    }
  });

  it('keeps the words of the first reading’s compilation apart from its brackets, the text outside them the paragraph’s', async () => {
    const s = await snapshotOf(ids['First reading']!);
    const { xml } = await download(`${base}/export/${ids['First reading']}.docx?mode=compilation`);
    const paragraphs = docxParagraphs(xml);
    // The United Kingdom's deletion of " and the wider public", applied: its bracket stands apart.
    const op12 = paragraphs.find((p) => p.label === 'OP12')!;
    expect(op12.text).toMatch(
      /officials \[incorporated: and the wider public — United Kingdom · Incorporated\]\.$/,
    );
    let checked = 0;
    for (const block of s.blocks) {
      if (block.pid === undefined || block.label === undefined) continue;
      const p = paragraphs.find((x) => x.label === block.label)!;
      const bracketed = s.paragraphStatuses[block.pid] === 'bracketed';
      expect(spacedAsRead(outsideBrackets(p, bracketed)), block.label).toBe(spacedAsRead(block.text));
      expect(p.text, block.label).not.toMatch(/\][\p{L}\p{N}]|[\p{L}\p{N}]\[/u);
      checked++;
    }
    expect(checked).toBeGreaterThan(50);
  });
});
