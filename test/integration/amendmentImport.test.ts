/**
 * A delegation's amendments imported from Word through the real server: the circulated revision
 * downloaded, edited with tracked changes and comments, uploaded for preview, then the reviewed
 * batch tabled in one unit, attributed to the session's delegation. Forged attribution, observers,
 * co-facilitators and hostile files are refused with stable codes, and nothing is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import { DOCX_TYPE } from '../../server/http/importDraft.js';
import { type ImportItem, type ImportPreview, importItemBody } from '../../shared/amendmentImport.js';
import type { ProposalView } from '../../shared/proposals.js';
import { api } from '../support/auth.js';
import { docxOf, paragraphXml, repeat } from '../support/docxFiles.js';
import { revisionExport, type UnchangedParagraph } from '../support/revisionExport.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { del, editExport, ins, label, p, t, trackedDocx } from '../support/trackedDocx.js';

let ts: TestServer;
const c: Record<string, string> = {};
const base = `/api/negotiations/${DEMO_NEGOTIATION_ID}`;
let exported: Buffer;
/** Operative paragraphs whose text in the export is the live text, by label. */
let same: UnchangedParagraph[];

beforeAll(async () => {
  ts = await startTestServer();
  for (const id of ['demo-eu', 'demo-usa', 'demo-observer', 'demo-cofac-bgd']) c[id] = await ts.signIn(id);
  ({ file: exported, unchanged: same } = await revisionExport(ts, c['demo-eu']!));
  expect(same.length).toBeGreaterThanOrEqual(6);
});
afterAll(async () => {
  await ts.stop();
});

const preview = (who: string, file: Buffer) =>
  fetch(`${ts.url}${base}/amendments/import/preview`, {
    method: 'POST',
    headers: { cookie: c[who]!, 'content-type': DOCX_TYPE },
    body: new Uint8Array(file),
  }).then(async (r) => ({
    status: r.status,
    body: (await r.json()) as ImportPreview & { error?: { code: string } },
  }));

const tableBatch = (who: string, body: unknown) =>
  api<{ proposals: ProposalView[]; error?: { code: string; details?: { index?: number } } }>(
    ts.url,
    'POST',
    `${base}/amendments/import`,
    { cookie: c[who], body },
  );

const count = async () => (await ts.storage.proposals.list(DEMO_NEGOTIATION_ID)).length;
const words = (s: string) => s.split(' ');

/** The export with tracked changes: a replacement, an addition, a deletion, a new paragraph, a comment. */
async function editedExport(): Promise<Buffer> {
  const [a, b, d, e, f] = same;
  const [a0, a1, ...aRest] = words(a!.text);
  return editExport(
    exported,
    {
      // "We X …" → "We [X→firmly X] …": a replacement, one revision.
      [a!.label]: () => [
        t(`${a0} `),
        del(a1!, { author: 'Anna Capital' }),
        ins(`firmly ${a1}`, { author: 'Anna Capital' }),
        t(` ${aRest.join(' ')}`),
      ],
      // An addition at the end, and a comment on the paragraph.
      [b!.label]: (text) => [t(text.replace(/\.$/, '')), ins(', as appropriate'), t('.')],
      // The whole paragraph deleted.
      [d!.label]: (text) => [del(text)],
      // Words kept but changed without tracking: the text changed since, so not matched.
      [f!.label]: (text) => [t(`Altered ${text}`), ins(' indeed')],
    },
    [],
    {
      after: {
        [e!.label]: [
          p(ins(`${e!.label}bis`), '<w:r><w:tab/></w:r>', ins('We also welcome new partnerships.')),
        ],
      },
    },
  );
}

describe('importing amendments from Word', () => {
  let items: ImportItem[];

  it('previews the revisions of a downloaded revision edited with Track Changes', async () => {
    const before = await count();
    const r = await preview('demo-eu', await editedExport());
    expect(r.status).toBe(200);
    const [a, b, d, e, f] = same;
    items = r.body.items;
    expect(items.map((i) => [i.kind, i.label])).toEqual([
      ['amend', a!.label],
      ['amend', b!.label],
      ['delete', d!.label],
      ['insert', e!.label],
    ]);
    expect(items[0]).toMatchObject({
      pid: a!.pid,
      before: a!.text,
      author: 'Anna Capital',
      matchedBy: 'label',
    });
    expect(items[0]!.changes.map((x) => x.inserted.trim())).toEqual(['firmly']);
    expect(items[1]!.after).toBe(b!.text.replace(/\.$/, ', as appropriate.'));
    expect(items[3]).toMatchObject({
      pid: e!.pid,
      text: 'We also welcome new partnerships.',
      documentLabel: `${e!.label}bis`,
    });
    expect(r.body.unmatched).toEqual([
      expect.objectContaining({ kind: 'revision', label: f!.label, reason: 'text-changed', text: ' indeed' }),
    ]);
    expect(await count()).toBe(before);
  });

  it('tables the reviewed batch (one dropped) for the session’s delegation, all in one unit', async () => {
    const before = await count();
    const kept = items.filter((i) => i.kind !== 'delete');
    const r = await tableBatch('demo-eu', { items: kept.map(importItemBody) });
    expect(r.status).toBe(201);
    expect(r.body.proposals).toHaveLength(3);
    for (const prop of r.body.proposals) {
      expect(prop.delegation.code).toBe('EU');
      expect(prop.personName).toBe('Delegate, European Union');
    }
    expect(r.body.proposals.map((x) => [x.kind, x.pid])).toEqual(kept.map((i) => [i.kind, i.pid]));
    expect(r.body.proposals[0]!.changes.map((x) => x.inserted.trim())).toEqual(['firmly']);
    expect(await count()).toBe(before + 3);
    // The audit log says they came from Word, one entry per proposal, under the session's delegation.
    const audit = await ts.storage.audit.list(DEMO_NEGOTIATION_ID, 100_000);
    const tabled = audit.filter((x) => x.action === 'proposal.tabled' && x.detail.source === 'word');
    expect(tabled).toHaveLength(3);
    expect(tabled.every((x) => x.delegation === 'EU')).toBe(true);
  });

  it('marks what the delegation already tabled, and refuses the whole batch that repeats it', async () => {
    const r = await preview('demo-eu', await editedExport());
    const marked = r.body.items.filter((i) => i.alreadyTabled).map((i) => i.kind);
    expect(marked).toEqual(['amend', 'amend', 'insert']);
    const before = await count();
    const again = await tableBatch('demo-eu', { items: r.body.items.map(importItemBody) });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'PROPOSAL_DUPLICATE', details: { index: 0 } });
    expect(await count()).toBe(before);
    // Another delegation's preview of the same file marks nothing.
    const usa = await preview('demo-usa', await editedExport());
    expect(usa.body.items.filter((i) => i.alreadyTabled)).toEqual([]);
  });

  it('stores nothing when one item of the batch fails, and names it', async () => {
    const before = await count();
    const [, , , , , g] = same;
    const r = await tableBatch('demo-usa', {
      items: [
        { kind: 'comment', pid: g!.pid, text: 'We need more time on this.' },
        { kind: 'amend', pid: g!.pid, baseText: 'Not the text.', text: 'Something else.' },
      ],
    });
    expect(r.status).toBe(409);
    expect(r.body.error).toMatchObject({ code: 'BASE_CHANGED', details: { index: 1 } });
    expect(await count()).toBe(before);
  });
});

describe('attribution and rights', () => {
  it('refuses a body naming another delegation, or attribution fields in an item', async () => {
    const before = await count();
    const g = same[5]!;
    const item = { kind: 'comment', pid: g.pid, text: 'Forged.' };
    const forged = await tableBatch('demo-eu', { delegation: 'USA', items: [item] });
    expect(forged.status).toBe(403);
    expect(forged.body.error?.code).toBe('NOT_YOUR_DELEGATION');
    for (const extra of [{ delegation: 'USA' }, { personName: 'Someone' }, { tabledBy: 'USA' }]) {
      const r = await tableBatch('demo-eu', { items: [{ ...item, ...extra }] });
      expect(r.status).toBe(400);
      expect(r.body.error?.code).toBe('INVALID_BODY');
    }
    expect(await count()).toBe(before);
  });

  it('refuses observers and co-facilitators', async () => {
    const file = await trackedDocx([p(label('OP1'), t('x'), ins('y'))]);
    expect((await preview('demo-observer', file)).body.error?.code).toBe('OBSERVERS_READ_ONLY');
    expect((await preview('demo-cofac-bgd', file)).body.error?.code).toBe('FORBIDDEN');
    const item = { kind: 'comment', pid: same[0]!.pid, text: 'Hello.' };
    const observer = await tableBatch('demo-observer', { items: [item] });
    expect([observer.status, observer.body.error?.code]).toEqual([403, 'OBSERVERS_READ_ONLY']);
  });

  it('refuses a batch over 200 proposals', async () => {
    const item = { kind: 'comment', pid: same[0]!.pid, text: 'Hello.' };
    const r = await tableBatch('demo-eu', { items: Array.from({ length: 201 }, () => item) });
    expect([r.status, r.body.error?.code]).toEqual([413, 'IMPORT_TOO_MANY_ITEMS']);
  });
});

describe('hostile files', () => {
  const lol = `<!DOCTYPE w:document [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]>`;
  const CASES: { name: string; file: () => Promise<Buffer>; status: number; code: string }[] = [
    {
      name: 'not a zip',
      file: async () => Buffer.from('PK but not really'),
      status: 400,
      code: 'INVALID_BODY',
    },
    {
      name: 'a zip bomb (document.xml inflating to 100 MB, declaring 1 KB)',
      file: () =>
        docxOf(repeat(paragraphXml('x'.repeat(1000)).repeat(100), 1_000), { declaredDocumentSize: 1024 }),
      status: 413,
      code: 'IMPORT_UNPACKED_TOO_LARGE',
    },
    {
      name: 'a DOCTYPE with entities (billion laughs)',
      file: () => trackedDocx(['<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>'], { prolog: lol }),
      status: 400,
      code: 'IMPORT_DOCTYPE_REFUSED',
    },
    {
      name: 'a huge document (100,000 paragraphs)',
      file: () => docxOf(repeat('<w:p/>'.repeat(1_000), 100)),
      status: 413,
      code: 'IMPORT_TOO_MANY_PARAGRAPHS',
    },
    {
      name: 'an 11 MB upload',
      file: async () => Buffer.alloc(11 * 1024 * 1024, 7),
      status: 413,
      code: 'IMPORT_FILE_TOO_LARGE',
    },
  ];
  for (const k of CASES)
    it(`${k.name}: ${k.status} ${k.code}, nothing stored`, async () => {
      const before = await count();
      const auditBefore = (await ts.storage.audit.list(DEMO_NEGOTIATION_ID, 100_000)).length;
      const r = await preview('demo-eu', await k.file());
      expect([r.status, r.body.error?.code]).toEqual([k.status, k.code]);
      expect(await count()).toBe(before);
      expect((await ts.storage.audit.list(DEMO_NEGOTIATION_ID, 100_000)).length).toBe(auditBefore);
    }, 60_000);

  it('a JSON body instead of the file: INVALID_BODY', async () => {
    const r = await api<{ error?: { code: string } }>(ts.url, 'POST', `${base}/amendments/import/preview`, {
      cookie: c['demo-eu'],
      body: { items: [] },
    });
    expect([r.status, r.body.error?.code]).toEqual([400, 'INVALID_BODY']);
  });
});
