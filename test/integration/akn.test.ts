/**
 * Akoma Ntoso through the real server: every export (a zero draft, a revision, closed readings
 * with proposals of every kind, the live text) is valid against the OASIS AKN 3.0 schema and
 * says what the records hold; an AKN document imports as a zero draft (an export round-trips
 * with its text and numbering), and hostile files are refused with their codes, nothing stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import type { ProposalView } from '../../shared/proposals.js';
import { draftDocName } from '../../shared/protocol.js';
import type { CanonicalSnapshot, SnapshotRun } from '../../shared/snapshot.js';
import { validateAkn } from '../support/aknSchema.js';
import { api, redeem } from '../support/auth.js';
import { paragraphString } from '../support/draft.js';
import { startTestServer, type TestServer } from '../support/server.js';

let ts: TestServer;
let admin: string;
const c: Record<string, string> = {};
const demo = `/api/negotiations/${DEMO_NEGOTIATION_ID}`;

interface Timeline {
  snapshots: { id: string; label: string; kind: string }[];
  readings: { id: string; closedAt: string | null; snapshotId: string | null }[];
}

beforeAll(async () => {
  // Small enough to send an oversized file quickly; every other bound is production's.
  ts = await startTestServer({ aknLimits: { fileBytes: 512 * 1024, depth: 40 } });
  admin = await redeem(ts.url, (await ts.server.accounts.createAdmin('Admin')).token);
  for (const id of ['demo-cofac-bgd', 'demo-eu', 'demo-mex', 'demo-usa', 'demo-nor'])
    c[id] = await ts.signIn(id);
});
afterAll(async () => {
  await ts.stop();
});

const timeline = async (id = DEMO_NEGOTIATION_ID, cookie = c['demo-cofac-bgd']!) =>
  (await api<Timeline>(ts.url, 'GET', `/api/negotiations/${id}/timeline`, { cookie })).body;

/** Downloads an AKN export, checking its type and name; returns the XML. */
async function exportAkn(path: string, cookie = c['demo-usa']!): Promise<{ xml: string; name: string }> {
  const res = await fetch(`${ts.url}${path}`, { headers: { cookie } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/akn+xml; charset=utf-8');
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')![1]!;
  expect(name).toMatch(/\.akn\.xml$/);
  return { xml: await res.text(), name };
}

/** Asserts the schema accepts `xml`, showing its complaints otherwise. */
async function expectValid(xml: string): Promise<void> {
  const { valid, errors } = await validateAkn(xml);
  expect(errors).toEqual([]);
  expect(valid).toBe(true);
}

/** A new negotiation with a co-facilitator of Mexico; returns its id and the co-facilitator's cookie. */
async function newNegotiation(title: string): Promise<{ id: string; cookie: string }> {
  const id = (
    await api<{ id: string }>(ts.url, 'POST', '/api/negotiations', {
      cookie: admin,
      body: { title, timeZone: 'America/New_York', facilitatorDelegations: ['MEX'] },
    })
  ).body.id;
  const link = await api<{ token: string }>(ts.url, 'POST', `/api/negotiations/${id}/invitations`, {
    cookie: admin,
    body: { name: 'Co-facilitator, Mexico', role: 'facilitator', delegation: 'MEX' },
  });
  return { id, cookie: await redeem(ts.url, link.body.token) };
}

/** Posts a file to the import preview as `type`. */
async function preview(
  id: string,
  cookie: string,
  body: string | Uint8Array<ArrayBuffer>,
  type = 'application/akn+xml',
) {
  const res = await fetch(`${ts.url}/api/negotiations/${id}/import/preview`, {
    method: 'POST',
    headers: { cookie, 'content-type': type },
    body,
  });
  return {
    status: res.status,
    body: (await res.json()) as {
      doc: { type: 'doc'; content: unknown[] };
      summary: Record<string, unknown>;
      error?: { code: string };
    },
  };
}

/** A snapshot's blocks as the text and numbering a reader sees: kind, number, words and their marks. */
function textOf(s: CanonicalSnapshot) {
  return s.blocks.map((b) => ({ type: b.type, label: b.label ?? null, runs: merged(b.runs) }));
}

/** Runs with neighbours of the same marks joined and empty ones dropped. */
function merged(runs: readonly SnapshotRun[]): SnapshotRun[] {
  const out: SnapshotRun[] = [];
  for (const r of runs) {
    if (r.text === '') continue;
    const last = out.at(-1);
    if (last && !!last.em === !!r.em && !!last.strong === !!r.strong) last.text += r.text;
    else out.push({ ...r });
  }
  return out;
}

const live = async (id: string, cookie: string) =>
  (
    await api<{ snapshot: CanonicalSnapshot }>(ts.url, 'GET', `/api/negotiations/${id}/snapshots/live`, {
      cookie,
    })
  ).body.snapshot;

describe('AKN export', () => {
  it('exports every record of the demo and the live text, each valid against the AKN 3.0 schema', async () => {
    const t = await timeline();
    expect(t.snapshots.map((s) => s.label)).toEqual(['Zero draft', 'First reading', 'Rev.1']);
    for (const s of [...t.snapshots, { id: 'live', label: 'live', kind: 'live' }]) {
      const { xml, name } = await exportAkn(`${demo}/export/${s.id}.akn.xml`);
      await expectValid(xml);
      expect(xml).toContain('<statement name="declaration">');
      if (s.id === 'live')
        expect(name).toMatch(/^Progress-Declaration-International-Migration-Review-Forum-2022_/);
    }
  });

  it('models a revision: FRBR expressions of one work, lifecycle, numbered recitals and paragraphs', async () => {
    const t = await timeline();
    const rev1 = t.snapshots.find((s) => s.label === 'Rev.1')!;
    const { xml } = await exportAkn(`${demo}/export/${rev1.id}.akn.xml`);
    const work = `/akn/un/statement/declaration/`;
    expect(xml).toMatch(new RegExp(`<FRBRuri value="${work}\\d{4}-\\d{2}-\\d{2}/${DEMO_NEGOTIATION_ID}"/>`));
    // Zero draft (17 March 2022), first reading, Rev.1: one event each, the first the work's generation.
    expect(xml.match(/<eventRef /g)).toHaveLength(3);
    expect(xml).toMatch(
      /<eventRef eId="evt_1" date="2022-03-17T[^"]+" source="#ver_1" refersTo="#circulation" type="generation"\/>/,
    );
    expect(xml).toContain('<original eId="ver_1"');
    expect(xml).toContain('showAs="Co-facilitator, Bangladesh"');
    expect(xml).toContain(
      '<TLCOrganization eId="cofacilitators" href="/akn/ontology/organizations/un/cofacilitators" showAs="Co-facilitators (Bangladesh, Luxembourg)"/>',
    );
    expect(xml).toContain(
      '<TLCOrganization eId="org_lux" href="/akn/ontology/organizations/un/LUX" showAs="Luxembourg"/>',
    );
    expect(xml).toContain('<FRBRversionNumber value="Rev.1"/>');
    // Preambular paragraphs are recitals with their number; operative paragraphs under sections.
    expect(xml).toMatch(/<recital eId="pp_1" GUID="[^"]+">\s*<num>PP1<\/num>\s*<p><i>[^<]+<\/i> /);
    expect(xml).toMatch(
      /<hcontainer name="section" eId="sec">\s*<heading>[^<]+<\/heading>\s*<paragraph eId="op_1"/,
    );
    expect(xml).toMatch(/<paragraph eId="op_2" GUID="[^"]+">\s*<num>OP2<\/num>\s*<content>\s*<p>/);
    // A revision records no proposals.
    expect(xml).not.toContain('<attachments>');
  });

  it('gives the same eIds every time: only the manifestation date may differ', async () => {
    const t = await timeline();
    const reading = t.snapshots.find((s) => s.label === 'First reading')!;
    const strip = (xml: string) => xml.replace(/<FRBRdate date="[^"]+" name="export"\/>/g, '');
    const a = await exportAkn(`${demo}/export/${reading.id}.akn.xml`);
    const b = await exportAkn(`${demo}/export/${reading.id}.akn.xml`, c['demo-mex']);
    expect(strip(a.xml)).toBe(strip(b.xml));
  });

  it('exports a closed reading with proposals of every kind, attributed, with their outcomes', async () => {
    const cofac = c['demo-cofac-bgd']!;
    const room = await ts.server.rooms.open(draftDocName(DEMO_NEGOTIATION_ID));
    const table = async (cookie: string, body: Record<string, unknown>) => {
      const res = await api<{ proposal: ProposalView }>(ts.url, 'POST', `${demo}/proposals`, {
        cookie,
        body,
      });
      expect(res.status).toBe(201);
      return res.body.proposal;
    };
    const op10 = paragraphString(room.doc, 'op10');
    // Facilitators' text, a reservation with characters that need escaping, an amendment in
    // Arabic and Chinese words supported by two delegations.
    const facilitators = await table(cofac, {
      kind: 'amend',
      pid: 'op10',
      baseText: op10,
      text: `${op10.replace(/\.$/, '')}, as appropriate.`,
    });
    expect(facilitators.byFacilitators).toBe(true);
    const reservation = await table(c['demo-mex']!, {
      kind: 'comment',
      pid: 'op11',
      text: 'Mexico reserves its position on "safe & orderly" <returns>.',
      reservation: true,
    });
    const op12 = paragraphString(room.doc, 'op12');
    const words = await table(c['demo-eu']!, {
      kind: 'amend',
      pid: 'op12',
      baseText: op12,
      text: `${op12.replace(/\.$/, '')} (الهجرة 移民).`,
    });
    for (const who of ['demo-usa', 'demo-nor'])
      expect(
        (await api(ts.url, 'PUT', `${demo}/proposals/${words.id}/support`, { cookie: c[who]! })).status,
      ).toBe(200);

    const t = await timeline();
    const open = t.readings.find((r) => r.closedAt === null)!;
    const undecided = await api<{ proposals: { id: string }[] }>(
      ts.url,
      'GET',
      `${demo}/readings/${open.id}/undecided`,
      { cookie: cofac },
    );
    const dispositions = undecided.body.proposals.map((p, i) => ({
      proposalId: p.id,
      disposition:
        p.id === facilitators.id
          ? 'incorporate'
          : p.id === reservation.id || i % 2 === 0
            ? 'set-aside'
            : 'carry-forward',
    }));
    const closed = await api<{ snapshot: { id: string } }>(
      ts.url,
      'POST',
      `${demo}/readings/${open.id}/close`,
      {
        cookie: cofac,
        body: { dispositions },
      },
    );
    expect(closed.status).toBe(200);

    const { xml } = await exportAkn(`${demo}/export/${closed.body.snapshot.id}.akn.xml`);
    await expectValid(xml);
    const record = (
      await api<{ snapshot: CanonicalSnapshot }>(
        ts.url,
        'GET',
        `${demo}/snapshots/${closed.body.snapshot.id}`,
        {
          cookie: cofac,
        },
      )
    ).body.snapshot;
    // One amendment document per proposal of the record but the withdrawn.
    const shown = record.proposals.filter((r) => r.proposal.status !== 'withdrawn');
    expect(xml.match(/<amendment name="/g)).toHaveLength(shown.length);
    for (const { proposal } of shown) expect(xml).toContain(`GUID="${proposal.id}"`);
    expect(xml).toContain('<amendment name="reservation">');
    expect(xml).toMatch(
      /<amendmentJustification>\s*<p>Mexico reserves its position on "safe &amp; orderly" &lt;returns&gt;\.<\/p>/,
    );
    expect(xml).toMatch(
      /<docProponent refersTo="#cofacilitators" as="#cofacilitator">Co-facilitators<\/docProponent>/,
    );
    expect(xml).toContain('<docStatus refersTo="#status_incorporated">Incorporated</docStatus>');
    expect(xml).toContain('<docStatus refersTo="#status_not-retained">Not retained</docStatus>');
    // The Arabic and Chinese words put in, the tabling delegation and its two supporters.
    expect(xml).toContain('<ins> (الهجرة 移民)</ins>');
    expect(xml).toContain(
      '<docProponent refersTo="#org_eu" as="#proponent">European Union</docProponent>, supported by <docProponent refersTo="#org_usa" as="#supporter">United States</docProponent>, <docProponent refersTo="#org_nor" as="#supporter">Norway</docProponent>',
    );
    // The first reading's kinds, carried into this record or tabled in it: every kind is there.
    const first = await exportAkn(
      `${demo}/export/${t.snapshots.find((s) => s.label === 'First reading')!.id}.akn.xml`,
    );
    for (const name of ['amendment', 'deletion', 'newParagraph', 'alternative', 'retention', 'comment'])
      expect(first.xml).toContain(`<amendment name="${name}">`);
    expect(first.xml).toMatch(/<del>[^<]+<\/del><ins>[^<]+<\/ins>/);
    expect(first.xml).toMatch(
      /<paragraph eId="op_\w+_alt" alternativeTo="#op_\w+" refersTo="#status_[\w-]+">/,
    );
    // A group's proposal names the member that tabled it.
    expect(first.xml).toMatch(
      /<docProponent refersTo="#org_g77" as="#proponent">G77 and China<\/docProponent> \(tabled by <docProponent refersTo="#org_\w+" as="#tablingMember">/,
    );
    // The live text after the reading is valid too, and its lifecycle lists the four records.
    const after = await exportAkn(`${demo}/export/live.akn.xml`);
    await expectValid(after.xml);
    expect(after.xml.match(/<eventRef /g)).toHaveLength(4);
  });

  it('is what the schema checks: an element out of place fails validation', async () => {
    const { xml } = await exportAkn(`${demo}/export/live.akn.xml`);
    const broken = xml.replace('<num>OP1</num>', '<num>OP1</num><note>not here</note>');
    expect(broken).not.toBe(xml);
    const result = await validateAkn(broken);
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toContain('note');
    const duplicate = xml.replace('eId="op_2"', 'eId="op_1"');
    expect((await validateAkn(duplicate)).valid).toBe(false);
  });

  it('answers NOT_FOUND for a snapshot of another negotiation and NOT_PARTICIPANT to outsiders', async () => {
    const other = await newNegotiation('Another negotiation');
    const res = await fetch(`${ts.url}/api/negotiations/${other.id}/export/live.akn.xml`, {
      headers: { cookie: c['demo-usa']! },
    });
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('NOT_PARTICIPANT');
    const t = await timeline();
    const wrong = await fetch(`${ts.url}/api/negotiations/${other.id}/export/${t.snapshots[0]!.id}.akn.xml`, {
      headers: { cookie: other.cookie },
    });
    expect(wrong.status).toBe(404);
  });
});

/** A hand-written AKN statement, as another tool might write it. */
const FOREIGN = `<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
  <statement name="resolution">
    <meta><identification source="#x"><FRBRWork/></identification></meta>
    <preface>
      <p><docTitle>Déclaration &amp; &lt;paix&gt; "2030"</docTitle></p>
    </preface>
    <preamble>
      <formula name="enactingFormula"><p>The General Assembly,</p></formula>
      <recitals>
        <recital eId="pp_1"><num>(a)</num>
          <p><i>Recalling</i>  its resolution
             on migration,</p>
        </recital>
        <recital eId="pp_2"><p><i>Noting</i> الهجرة الآمنة,</p></recital>
      </recitals>
    </preamble>
    <mainBody>
      <hcontainer name="section" eId="sec_1">
        <heading>Commitments 承诺</heading>
        <paragraph eId="op_1"><num>1.</num><content><p>我们承诺 to <b>act</b> now;</p></content></paragraph>
        <paragraph eId="op_1_alt" alternativeTo="#op_1"><num>1 alt</num><content><p>Not the text.</p></content></paragraph>
        <paragraph eId="op_2"><num>2.</num>
          <intro><p>Decide:</p></intro>
          <subparagraph eId="op_2__a"><num>(a)</num><content><p>to meet;</p></content></subparagraph>
          <subparagraph eId="op_2__b"><num>(b)</num><content><p>to report<authorialNote eId="n1"><p>A note.</p></authorialNote>.</p></content></subparagraph>
        </paragraph>
      </hcontainer>
    </mainBody>
    <attachments><attachment eId="att_1"><amendment name="x"><meta/><preface><p>Not the text either.</p></preface><amendmentBody/></amendment></attachment></attachments>
  </statement>
</akomaNtoso>`;

describe('AKN import', () => {
  it('reads title, recitals, sections, paragraphs with subparagraphs, italics and bold; replaces the draft', async () => {
    const n = await newNegotiation('Imported from AKN');
    const res = await preview(n.id, n.cookie, FOREIGN);
    expect(res.status).toBe(200);
    expect(res.body.summary).toEqual({
      title: 'Déclaration & <paix> "2030"',
      sections: 1,
      preambular: 2,
      operative: 2,
    });
    expect(res.body.doc.content.slice(1)).toMatchObject([
      {
        type: 'preambular',
        content: [{ text: 'Recalling', marks: [{ type: 'em' }] }, { text: '  its resolution on migration,' }],
      },
      {
        type: 'preambular',
        content: [{ text: 'Noting', marks: [{ type: 'em' }] }, { text: ' الهجرة الآمنة,' }],
      },
      { type: 'section', content: [{ text: 'Commitments 承诺' }] },
      {
        type: 'operative',
        content: [{ text: '我们承诺 to ' }, { text: 'act', marks: [{ type: 'strong' }] }, { text: ' now;' }],
      },
      { type: 'operative', content: [{ text: 'Decide: (a) to meet; (b) to report.' }] },
    ]);
    // Previewing stored nothing; replacing does.
    expect((await live(n.id, n.cookie)).blocks.filter((b) => b.pid)).toHaveLength(0);
    const done = await api(ts.url, 'POST', `/api/negotiations/${n.id}/import`, {
      cookie: n.cookie,
      body: { doc: res.body.doc },
    });
    expect(done.status).toBe(200);
    expect((await live(n.id, n.cookie)).blocks.map((b) => b.label ?? b.type)).toEqual([
      'title',
      'PP1',
      'PP2',
      'section',
      'OP1',
      'OP2',
    ]);
  });

  it('round-trips an export: the draft text and numbering are those of the exported revision', async () => {
    const rev1 = (await timeline()).snapshots.find((s) => s.label === 'Rev.1')!;
    const { xml } = await exportAkn(`${demo}/export/${rev1.id}.akn.xml`);
    const record = (
      await api<{ snapshot: CanonicalSnapshot }>(ts.url, 'GET', `${demo}/snapshots/${rev1.id}`, {
        cookie: c['demo-usa'],
      })
    ).body.snapshot;
    const n = await newNegotiation('Round trip');
    const res = await preview(n.id, n.cookie, xml, 'text/xml');
    expect(res.status).toBe(200);
    expect(
      (
        await api(ts.url, 'POST', `/api/negotiations/${n.id}/import`, {
          cookie: n.cookie,
          body: { doc: res.body.doc },
        })
      ).status,
    ).toBe(200);
    expect(
      (await api(ts.url, 'POST', `/api/negotiations/${n.id}/revisions`, { cookie: n.cookie, body: {} }))
        .status,
    ).toBe(201);
    const zero = (await timeline(n.id, n.cookie)).snapshots[0]!;
    const imported = (
      await api<{ snapshot: CanonicalSnapshot }>(
        ts.url,
        'GET',
        `/api/negotiations/${n.id}/snapshots/${zero.id}`,
        {
          cookie: n.cookie,
        },
      )
    ).body.snapshot;
    expect(textOf(imported)).toEqual(textOf(record));
    expect(imported.blocks.length).toBeGreaterThan(40);
  });

  it('round-trips Arabic, Chinese and characters that need escaping through a zero draft export', async () => {
    const n = await newNegotiation('Escaping & scripts');
    const res = await preview(n.id, n.cookie, FOREIGN);
    await api(ts.url, 'POST', `/api/negotiations/${n.id}/import`, {
      cookie: n.cookie,
      body: { doc: res.body.doc },
    });
    await api(ts.url, 'POST', `/api/negotiations/${n.id}/revisions`, { cookie: n.cookie, body: {} });
    const zero = (await timeline(n.id, n.cookie)).snapshots[0]!;
    const { xml } = await exportAkn(`/api/negotiations/${n.id}/export/${zero.id}.akn.xml`, n.cookie);
    await expectValid(xml);
    expect(xml).toContain('<docTitle>Déclaration &amp; &lt;paix&gt; "2030"</docTitle>');
    expect(xml).toContain('<p><i>Noting</i> الهجرة الآمنة,</p>');
    expect(xml).toContain('<p>我们承诺 to <b>act</b> now;</p>');
    const again = await newNegotiation('Escaping & scripts, again');
    const back = await preview(again.id, again.cookie, xml);
    await api(ts.url, 'POST', `/api/negotiations/${again.id}/import`, {
      cookie: again.cookie,
      body: { doc: back.body.doc },
    });
    expect(textOf(await live(again.id, again.cookie))).toEqual(textOf(await live(n.id, n.cookie)));
  });

  it('refuses hostile files with their codes and stores nothing', async () => {
    const n = await newNegotiation('Hostile files');
    const cases: [string, string | Uint8Array<ArrayBuffer>, string, number][] = [
      ['not XML', 'PP1 Recalling,\nOP1 We act.', 'IMPORT_NOT_XML', 400],
      [
        'not UTF-8',
        new Uint8Array([0x3c, 0x61, 0x3e, 0xff, 0xfe, 0x3c, 0x2f, 0x61, 0x3e]),
        'IMPORT_NOT_XML',
        400,
      ],
      [
        'unclosed',
        '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><statement>',
        'IMPORT_NOT_XML',
        400,
      ],
      [
        'entities',
        `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><statement><preface><p><docTitle>&lol2;</docTitle></p></preface></statement></akomaNtoso>`,
        'IMPORT_DOCTYPE_REFUSED',
        400,
      ],
      [
        'external entity',
        `<!DOCTYPE a SYSTEM "file:///etc/passwd"><akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"/>`,
        'IMPORT_DOCTYPE_REFUSED',
        400,
      ],
      ['wrong root', '<html><body><p>Hello</p></body></html>', 'IMPORT_NOT_AKN', 400],
      [
        'other namespace',
        '<akomaNtoso xmlns="http://www.akomantoso.org/2.0"><act/></akomaNtoso>',
        'IMPORT_NOT_AKN',
        400,
      ],
      [
        'no document',
        '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"/>',
        'IMPORT_NOT_AKN',
        400,
      ],
      [
        'huge',
        `<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><statement><mainBody><p>${'x'.repeat(600 * 1024)}</p></mainBody></statement></akomaNtoso>`,
        'IMPORT_FILE_TOO_LARGE',
        413,
      ],
      [
        'deep',
        `<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><statement><mainBody>${'<p>'.repeat(100)}${'</p>'.repeat(100)}</mainBody></statement></akomaNtoso>`,
        'IMPORT_TOO_COMPLEX',
        422,
      ],
      [
        'too many paragraphs',
        `<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><statement><mainBody>${'<p>x</p>'.repeat(5_001)}</mainBody></statement></akomaNtoso>`,
        'IMPORT_TOO_MANY_PARAGRAPHS',
        413,
      ],
    ];
    for (const [what, body, code, status] of cases) {
      const res = await preview(n.id, n.cookie, body);
      expect({ what, status: res.status, code: res.body.error?.code }).toEqual({ what, status, code });
    }
    // A type the route does not take is refused before anything reads it.
    const res = await preview(n.id, n.cookie, FOREIGN, 'application/octet-stream');
    expect(res.body.error?.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    // The server still answers, and the draft is as it was: empty.
    expect((await live(n.id, n.cookie)).blocks.filter((b) => b.pid)).toHaveLength(0);
    expect((await timeline(n.id, n.cookie)).snapshots).toHaveLength(0);
  });
});
