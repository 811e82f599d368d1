/** Importing a zero draft from pasted text or a Word document, with a preview first. */
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import { draftParagraphs, paragraphPlainText } from '../../shared/anchors.js';
import { draftDocName } from '../../shared/protocol.js';
import { api, redeem } from '../support/auth.js';
import { startTestServer, type TestServer } from '../support/server.js';

let ts: TestServer;
let facilitator: string;
let negotiationId: string;

beforeAll(async () => {
  ts = await startTestServer();
  const admin = await redeem(ts.url, (await ts.server.accounts.createAdmin('Admin')).token);
  negotiationId = (
    await api<{ id: string }>(ts.url, 'POST', '/api/negotiations', {
      cookie: admin,
      body: { title: 'Political declaration', timeZone: 'America/New_York', facilitatorDelegations: ['MEX'] },
    })
  ).body.id;
  const link = await api<{ token: string }>(
    ts.url,
    'POST',
    `/api/negotiations/${negotiationId}/invitations`,
    {
      cookie: admin,
      body: { name: 'Co-facilitator, Mexico', role: 'facilitator', delegation: 'MEX' },
    },
  );
  facilitator = await redeem(ts.url, link.body.token);
});
afterAll(async () => {
  await ts.stop();
});

describe('import', () => {
  it('previews pasted text without changing the draft, then replaces the draft', async () => {
    const preview = await api<{ doc: unknown; summary: Record<string, unknown> }>(
      ts.url,
      'POST',
      `/api/negotiations/${negotiationId}/import/preview`,
      {
        cookie: facilitator,
        body: {
          text: 'Political declaration\nPP1 Recalling our commitments,\nOP1 We commit to act.\nOP2 We decide to review.',
        },
      },
    );
    expect(preview.body.summary).toEqual({
      title: 'Political declaration',
      sections: 0,
      preambular: 1,
      operative: 2,
    });
    const room = await ts.server.rooms.open(draftDocName(negotiationId));
    expect(draftParagraphs(room.doc)).toHaveLength(0);

    const done = await api(ts.url, 'POST', `/api/negotiations/${negotiationId}/import`, {
      cookie: facilitator,
      body: { doc: preview.body.doc },
    });
    expect(done.status).toBe(200);
    const paras = draftParagraphs(room.doc);
    expect(paras.map((p) => p.kind)).toEqual(['preambular', 'operative', 'operative']);
    expect(paragraphPlainText(paras[1]!.element)).toBe('We commit to act.');
  });

  it('reads a Word document: italic opening words, headings and typed numbers', async () => {
    const file = await Packer.toBuffer(
      new Document({
        sections: [
          {
            children: [
              new Paragraph({ children: [new TextRun({ text: 'Political declaration', bold: true })] }),
              new Paragraph({
                children: [new TextRun({ text: 'Reaffirming', italics: true }), new TextRun(' the Charter,')],
              }),
              new Paragraph({ children: [new TextRun({ text: 'Commitments', bold: true })] }),
              new Paragraph({ children: [new TextRun('1. We commit to cooperate.')] }),
            ],
          },
        ],
      }),
    );
    const res = await fetch(`${ts.url}/api/negotiations/${negotiationId}/import/preview`, {
      method: 'POST',
      headers: {
        cookie: facilitator,
        'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      },
      body: new Uint8Array(file),
    });
    const body = (await res.json()) as {
      doc: { content: { type: string; content?: { text: string; marks?: unknown[] }[] }[] };
    };
    expect(body.doc.content.map((b) => b.type)).toEqual(['title', 'preambular', 'section', 'operative']);
    expect(body.doc.content[1]!.content![0]!.marks).toEqual([{ type: 'em' }]);
    expect(body.doc.content[3]!.content![0]!.text).toBe('We commit to cooperate.');
  });

  it('refuses a broken file, delegates, and a draft that was already circulated', async () => {
    const broken = await fetch(`${ts.url}/api/negotiations/${negotiationId}/import/preview`, {
      method: 'POST',
      headers: {
        cookie: facilitator,
        'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      },
      body: new Uint8Array([1, 2, 3]),
    });
    expect(((await broken.json()) as { error: { code: string } }).error.code).toBe('INVALID_BODY');
    const delegate = await ts.signIn('demo-eu');
    const refused = await api(ts.url, 'POST', `/api/negotiations/${DEMO_NEGOTIATION_ID}/import/preview`, {
      cookie: delegate,
      body: { text: 'x' },
    });
    expect(refused.status).toBe(403);
    const fac = await ts.signIn('demo-cofac-bgd');
    const circulated = await api(ts.url, 'POST', `/api/negotiations/${DEMO_NEGOTIATION_ID}/import`, {
      cookie: fac,
      body: { doc: { type: 'doc', content: [{ type: 'title' }] } },
    });
    expect(circulated.body).toMatchObject({ error: { code: 'DRAFT_CIRCULATED' } });
  });
});
