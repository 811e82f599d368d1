/**
 * Text that would break records (issue 14, case 10): every entry point refuses it with a stable
 * code naming the problem, and every export of records already holding such text opens in a
 * strict XML parser.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import type { ErrorCode } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { draftDocName } from '../../shared/protocol.js';
import { writable } from '../../shared/textValidation.js';
import { api, redeem } from '../support/auth.js';
import { paragraphString, typeInto } from '../support/draft.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { strictDocxParts } from '../support/strictXml.js';

let ts: TestServer;
const c: Record<string, string> = {};
const base = `/api/negotiations/${DEMO_NEGOTIATION_ID}`;
type Answer = { error?: { code: ErrorCode; message: string } } & Record<string, unknown>;

beforeAll(async () => {
  ts = await startTestServer();
  for (const id of ['demo-cofac-bgd', 'demo-eu', 'demo-usa', 'demo-observer']) c[id] = await ts.signIn(id);
});
afterAll(async () => {
  await ts.stop();
});

const call = (who: string, method: string, path: string, body: unknown) =>
  api<Answer>(ts.url, method, `${base}${path}`, { cookie: c[who], body });

async function text(pid: string): Promise<string> {
  const room = await ts.server.rooms.open(draftDocName(DEMO_NEGOTIATION_ID));
  return paragraphString(room.doc, pid);
}

function expectRefused(res: { status: number; body: Answer }, code: ErrorCode, named?: string) {
  expect(res.body.error?.code).toBe(code);
  expect(res.status).toBe(400);
  if (named) expect(res.body.error?.message).toContain(named);
}

describe('text entry points', () => {
  it('refuses a comment holding U+FFFE, naming it, and stores nothing', async () => {
    const before = (await ts.storage.proposals.list(DEMO_NEGOTIATION_ID)).length;
    const res = await call('demo-eu', 'POST', '/proposals', {
      kind: 'comment',
      pid: 'op03',
      text: 'We cannot accept\uFFFE this paragraph.',
    });
    expectRefused(res, 'INVALID_TEXT', 'U+FFFE');
    expect(res.body.error?.message).toMatch(/^text: /);
    expect((await ts.storage.proposals.list(DEMO_NEGOTIATION_ID)).length).toBe(before);
  });

  it('refuses lone surrogates sent as JSON escapes and bodies that are not UTF-8', async () => {
    const escaped = await api<Answer>(ts.url, 'POST', `${base}/proposals`, {
      cookie: c['demo-eu'],
      rawBody: '{"kind":"insert","pid":"op03","text":"A new paragraph \\ud800 here."}',
    });
    expectRefused(escaped, 'INVALID_TEXT', 'lone surrogate (U+D800');
    const bytes = Buffer.concat([
      Buffer.from('{"kind":"comment","pid":"op03","text":"Broken '),
      Buffer.from([0xc3, 0x28, 0xff]),
      Buffer.from('"}'),
    ]);
    const res = await fetch(`${ts.url}${base}/proposals`, {
      method: 'POST',
      headers: { cookie: c['demo-eu']!, 'content-type': 'application/json' },
      body: bytes,
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as Answer).error?.code).toBe('INVALID_TEXT');
  });

  it('refuses an amendment that only inserts a zero-width space, and a text with nothing visible', async () => {
    const base4 = await text('op04');
    const at = base4.indexOf(' ');
    const zwsp = await call('demo-eu', 'POST', '/proposals', {
      kind: 'amend',
      pid: 'op04',
      baseText: base4,
      text: `${base4.slice(0, at)}\u200B${base4.slice(at)}`,
    });
    expectRefused(zwsp, 'INVISIBLE_TEXT', 'invisible');
    const only = await call('demo-eu', 'POST', '/proposals', {
      kind: 'alt',
      pid: 'op04',
      text: '\u200B\u2060',
    });
    expectRefused(only, 'INVISIBLE_TEXT');
    // A visible change with an invisible character in it is a change.
    const real = await call('demo-eu', 'POST', '/proposals', {
      kind: 'amend',
      pid: 'op04',
      baseText: base4,
      text: `${base4.slice(0, at)} firmly\u200B${base4.slice(at)}`,
    });
    expect(real.status).toBe(201);
  });

  it('refuses an edit of a proposal or an input that changes nothing visible', async () => {
    const tabled = await call('demo-eu', 'POST', '/proposals', {
      kind: 'comment',
      pid: 'op05',
      text: 'We prefer the earlier wording.',
    });
    const id = (tabled.body.proposal as { id: string }).id;
    expectRefused(
      await call('demo-eu', 'PATCH', `/proposals/${id}`, { text: 'We prefer the earlier\u00AD wording.' }),
      'INVISIBLE_TEXT',
    );
    const input = await call('demo-usa', 'POST', '/inputs', {
      kind: 'general',
      text: 'Our general comment.',
    });
    expect(input.status).toBe(201);
    const inputId = (input.body.input as { id: string }).id;
    expectRefused(
      await call('demo-usa', 'PATCH', `/inputs/${inputId}`, { text: 'Our general\u200B comment.' }),
      'INVISIBLE_TEXT',
    );
    expectRefused(
      await call('demo-usa', 'PATCH', `/inputs/${inputId}`, { text: 'Our general comment.\u0007' }),
      'INVALID_TEXT',
      'U+0007',
    );
  });

  it('stores texts in NFC, with line feeds where lines are allowed', async () => {
    const res = await call('demo-observer', 'POST', '/inputs', {
      kind: 'general',
      text: 'Re\u0301sume\u0301 of our views.\r\nSecond line.',
    });
    expect(res.status).toBe(201);
    expect((res.body.input as { text: string }).text).toBe('Résumé of our views.\nSecond line.');
  });

  it('checks questions, roadmap entries, names of people and negotiations, and imported drafts', async () => {
    expectRefused(
      await call('demo-cofac-bgd', 'POST', '/questions', { text: 'What \u202Eshould change?' }),
      'INVALID_TEXT',
      'U+202E',
    );
    expectRefused(
      await call('demo-cofac-bgd', 'POST', '/roadmap', {
        kind: 'activity',
        title: 'Briefing\u0000',
        precision: 'tbd',
        slots: [],
        format: null,
        audience: 'all',
      }),
      'INVALID_TEXT',
      'U+0000',
    );
    expectRefused(
      await call('demo-cofac-bgd', 'POST', '/invitations', {
        name: 'Delegate,\nFrance',
        role: 'delegate',
        delegation: 'FRA',
      }),
      'INVALID_TEXT',
      'U+000A',
    );
    const admin = await redeem(ts.url, (await ts.server.accounts.createAdmin('Admin')).token);
    expectRefused(
      await api<Answer>(ts.url, 'POST', '/api/negotiations', {
        cookie: admin,
        body: { title: 'Declaration \uFDD0', timeZone: 'Europe/Zurich', facilitatorDelegations: ['MEX'] },
      }),
      'INVALID_TEXT',
      'U+FDD0',
    );
    const created = await api<{ id: string }>(ts.url, 'POST', '/api/negotiations', {
      cookie: admin,
      body: { title: 'Declaration', timeZone: 'Europe/Zurich', facilitatorDelegations: ['MEX'] },
    });
    const link = await api<{ token: string }>(
      ts.url,
      'POST',
      `/api/negotiations/${created.body.id}/invitations`,
      {
        cookie: admin,
        body: { name: 'Co-facilitator, Mexico', role: 'facilitator', delegation: 'MEX' },
      },
    );
    const mexico = await redeem(ts.url, link.body.token);
    const n = `/api/negotiations/${created.body.id}`;
    // The preview leaves out what a record may not hold; an import of such text is refused.
    const preview = await api<{ doc: { content: { content?: { text: string }[] }[] } }>(
      ts.url,
      'POST',
      `${n}/import/preview`,
      {
        cookie: mexico,
        body: { text: 'Declaration\uFFFE\n\nRecalling\u0007 the Compact,\n\n1. We commit.' },
      },
    );
    expect(preview.status).toBe(200);
    const previewText = JSON.stringify(preview.body.doc);
    expect(previewText).not.toMatch(/\\ufffe|\\u0007/i);
    expect(previewText).toContain('Recalling the Compact');
    const refused = await api<Answer>(ts.url, 'POST', `${n}/import`, {
      cookie: mexico,
      body: {
        doc: {
          type: 'doc',
          content: [{ type: 'title', content: [{ type: 'text', text: 'Declaration\uFFFF' }] }],
        },
      },
    });
    expectRefused(refused, 'INVALID_TEXT', 'U+FFFF');
  });
});

describe('records already holding bad characters', () => {
  it('export to Word files and a calendar a strict parser opens', async () => {
    // Text stored before these checks: in the draft, a proposal, a written input and the roadmap.
    const bad = '\uFFFE\u0007\uDC00';
    await ts.server.rooms.withRoom(draftDocName(DEMO_NEGOTIATION_ID), (room) =>
      room.serverChange((doc) => typeInto(doc, 'op06', 0, `Stored${bad} `)),
    );
    const existing = (await ts.storage.proposals.list(DEMO_NEGOTIATION_ID)).find((p) => p.status === 'open')!;
    await ts.storage.proposals.insert({
      ...existing,
      id: newId(),
      pid: 'op06',
      kind: 'comment',
      version: 1,
      content: { changes: [], baseText: '', text: `A comment${bad} stored long ago.`, reservation: false },
    });
    const input = (await ts.storage.inputs.listInputs(DEMO_NEGOTIATION_ID, existing.readingId!))[0]!;
    await ts.storage.inputs.insertInput({
      ...input,
      id: newId(),
      kind: 'paragraph',
      pid: 'op06',
      delegation: 'USA',
      source: 'member-state',
      text: `An input${bad} stored long ago.`,
    });
    const entry = (await ts.storage.roadmap.listEntries(DEMO_NEGOTIATION_ID))[0]!;
    await ts.storage.roadmap.insertEntry({
      ...entry,
      id: newId(),
      data: { ...entry.data, title: `A sitting${bad}`, note: `Bring${bad} the text.` },
    });

    const get = async (path: string) => {
      const res = await fetch(`${ts.url}${base}${path}`, { headers: { cookie: c['demo-cofac-bgd']! } });
      expect(res.status).toBe(200);
      return Buffer.from(await res.arrayBuffer());
    };
    for (const mode of ['clean', 'compilation']) {
      const parts = await strictDocxParts(await get(`/export/live.docx?mode=${mode}`));
      expect(parts['word/document.xml']).toContain('Stored');
      if (mode === 'compilation') expect(parts['word/document.xml']).toContain('stored long ago.');
    }
    const timeline = await api<{ snapshots: { id: string }[] }>(ts.url, 'GET', `${base}/timeline`, {
      cookie: c['demo-cofac-bgd'],
    });
    await strictDocxParts(await get(`/export/compare.docx?from=${timeline.body.snapshots[0]!.id}&to=live`));
    const inputs = await strictDocxParts(
      await get(`/inputs/compilation.docx?readingId=${existing.readingId}`),
    );
    expect(inputs['word/document.xml']).toContain('stored long ago.');
    const ics = (await get('/roadmap.ics')).toString('utf8');
    expect(ics).toContain('A sitting');
    expect(writable(ics)).toBe(ics);
    expect(ics).not.toContain('\uFFFD');
  });
});
