/**
 * The AKN writer's pieces: escaping (no text of a record can break the markup), eIds from
 * paragraph numbers, unique ids, expression versions per day; and a hand-made snapshot with
 * every kind of proposal, an order of blocks the preamble cannot hold, and characters XML cannot
 * hold, valid against the OASIS schema.
 */
import { describe, expect, it } from 'vitest';
import { proposalView } from '../../shared/proposalView.fixture.js';
import type { CanonicalSnapshot } from '../../shared/snapshot.js';
import { validateAkn } from '../../test/support/aknSchema.js';
import { snapshotToAkn, statementName } from './akn.js';
import { versionIds } from './aknMeta.js';
import { EIds, eIdOfLabel } from './aknRefs.js';
import { el, serializeXml } from './xml.js';

describe('xml writer', () => {
  it('escapes text and attributes and leaves out what XML 1.0 cannot hold', () => {
    const xml = serializeXml(el('a', { t: 'x "y" & <z>\n' }, 'b & <c> \u0001\uFFFE\uD800 "d"'));
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<a t="x &quot;y&quot; &amp; &lt;z&gt;&#10;">b &amp; &lt;c&gt;  "d"</a>\n',
    );
  });

  it('indents blocks but writes running text on one line, spaces kept', () => {
    const xml = serializeXml(
      el('doc', {}, el('p', {}, el('i', {}, 'a'), el('b', {}, ' b  c'))),
      new Set(['p']),
    );
    expect(xml).toContain('<doc>\n  <p><i>a</i><b> b  c</b></p>\n</doc>');
  });
});

describe('identifiers', () => {
  it('derives eIds from paragraph numbers', () => {
    expect(['PP1', 'OP3bis', 'OP3 alt', 'OP0ter', 'OP3(12)'].map(eIdOfLabel)).toEqual([
      'pp_1',
      'op_3bis',
      'op_3_alt',
      'op_0ter',
      'op_3_12',
    ]);
  });

  it('hands out each eId once', () => {
    const ids = new EIds();
    expect([ids.take('op_1'), ids.take('op_1'), ids.take('op_1'), ids.take('a b')]).toEqual([
      'op_1',
      'op_1_2',
      'op_1_3',
      'a_b',
    ]);
  });

  it('dates expressions in the negotiation zone, a second one of the same day apart', () => {
    expect(
      versionIds(
        ['2022-03-17T14:00:00Z', '2022-03-18T02:00:00Z', '2022-03-18T20:00:00Z'],
        'America/New_York',
      ),
    ).toEqual(['2022-03-17', '2022-03-17_2', '2022-03-18']);
  });

  it('names the statement after the text', () => {
    expect(statementName('Draft resolution on oceans')).toBe('resolution');
    expect(statementName('Progress Declaration')).toBe('declaration');
  });
});

const OP1 = 'We commit to strengthen cooperation & "dialogue".';

const snapshot: CanonicalSnapshot = {
  format: 1,
  negotiationId: 'n1',
  kind: 'reading',
  label: 'First reading',
  takenAt: '2022-03-29T22:00:00.000Z',
  blocks: [
    { type: 'title', text: 'Declaration <draft>', runs: [{ text: 'Declaration <draft>' }] },
    { type: 'section', text: 'Preamble', runs: [{ text: 'Preamble' }] },
    { type: 'section', text: 'Still preamble', runs: [{ text: 'Still preamble' }] },
    {
      type: 'preambular',
      pid: 'pp1',
      label: 'PP1',
      text: 'Recalling x\u0002,',
      runs: [{ text: 'Recalling', em: true }, { text: ' x\u0002,' }],
    },
    { type: 'operative', pid: 'op1', label: 'OP1', text: OP1, runs: [{ text: OP1 }] },
    {
      type: 'preambular',
      pid: 'pp2',
      label: 'PP2',
      text: 'Out of place,',
      runs: [{ text: 'Out of place,' }],
    },
    { type: 'section', text: 'Follow-up', runs: [{ text: 'Follow-up', strong: true }] },
    {
      type: 'operative',
      pid: 'op2',
      label: 'OP1bis',
      text: 'نص 中文',
      runs: [{ text: 'نص 中文', strong: true }],
    },
    { type: 'section', text: 'Empty', runs: [{ text: 'Empty' }] },
  ],
  proposals: [
    {
      proposal: proposalView({
        changes: [{ from: 'a', to: 'b', deleted: 'strengthen', inserted: 'reinforce' }],
        supporters: [{ code: 'NOR', name: 'Norway' }],
      }),
      ranges: [{ from: OP1.indexOf('strengthen'), to: OP1.indexOf('strengthen') + 'strengthen'.length }],
    },
    { proposal: proposalView({ pid: 'op2', kind: 'delete', status: 'not-retained' }), ranges: null },
    { proposal: proposalView({ pid: 'op2', kind: 'alt', text: 'Alt & text' }), ranges: null },
    { proposal: proposalView({ pid: 'op2', kind: 'alt', text: 'Second alt' }), ranges: null },
    {
      proposal: proposalView({
        pid: 'op2',
        kind: 'insert',
        text: 'New',
        tabledBy: { code: 'FRA', name: 'France' },
      }),
      ranges: null,
    },
    { proposal: proposalView({ pid: 'pp1', kind: 'alt', text: 'Alt pp' }), ranges: null },
    { proposal: proposalView({ pid: 'op1', kind: 'retain' }), ranges: null },
    {
      proposal: proposalView({ pid: 'gone', kind: 'comment', text: 'a\nb', reservation: true }),
      ranges: null,
    },
    {
      proposal: proposalView({
        kind: 'amend',
        byFacilitators: true,
        delegation: { code: 'FACILITATORS', name: 'Co-facilitators' },
        changes: [{ from: 'a', to: 'b', deleted: 'x', inserted: 'y' }],
        outdated: true,
      }),
      ranges: null,
    },
  ],
  paragraphStatuses: { op1: 'bracketed', op2: 'deleted', pp1: 'agreed-ad-ref' },
};

describe('snapshotToAkn', () => {
  it('writes a schema-valid statement of any order of blocks, every kind of proposal and stray characters', async () => {
    const xml = snapshotToAkn(snapshot, {
      negotiationId: 'n1',
      title: 'Declaration',
      timeZone: 'America/New_York',
      createdAt: '2022-03-01T10:00:00Z',
      facilitatorDelegations: [{ code: 'BGD', name: 'Bangladesh' }],
      history: [
        { id: 's0', kind: 'revision', label: 'Zero draft', takenAt: '2022-03-17T14:00:00Z', takenBy: 'Ann' },
        { id: 's1', kind: 'reading', label: 'First reading', takenAt: snapshot.takenAt, takenBy: 'Ann' },
      ],
      snapshotId: 's1',
      shown: () => true,
      exportedAt: '2022-04-01T10:00:00Z',
    });
    const { valid, errors } = await validateAkn(xml);
    expect(errors).toEqual([]);
    expect(valid).toBe(true);
    expect(xml).not.toContain('\u0002');
    // A heading followed by another heading in the preamble; a preambular paragraph after the
    // first operative one stays in place; a heading with nothing after it.
    expect(xml).toMatch(/<container name="section" eId="sec">\s*<p>Preamble<\/p>/);
    expect(xml).toMatch(/<recitals eId="recitals">\s*<heading>Still preamble<\/heading>/);
    expect(xml).toMatch(/<paragraph eId="pp_2" GUID="pp2" class="preambular">/);
    expect(xml).toMatch(
      /<hcontainer name="section" eId="sec_3">\s*<heading>Empty<\/heading>\s*<\/hcontainer>/,
    );
    expect(xml).toContain('eId="op_1bis_alt" alternativeTo="#op_1bis"');
    expect(xml).toContain('eId="op_1bis_alt_2" alternativeTo="#op_1bis"');
    expect(xml).toContain('status="removed" refersTo="#paragraphDeleted"');
    expect(xml).toContain('— a paragraph no longer in the text');
    expect(xml).toContain(
      '<p>We commit to <del>strengthen</del><ins>reinforce</ins> cooperation &amp; "dialogue".</p>',
    );
  });
});

describe('reading an export back', () => {
  it('gives every block of the text back in order, with its kind, words and marks', async () => {
    const { readAkn } = await import('../import/aknReader.js');
    const xml = snapshotToAkn(snapshot, {
      negotiationId: 'n1',
      title: 'Declaration',
      timeZone: 'UTC',
      createdAt: '2022-03-01T10:00:00Z',
      facilitatorDelegations: [{ code: 'BGD', name: 'Bangladesh' }],
      history: [],
      snapshotId: 'live',
      shown: () => true,
      exportedAt: '2022-04-01T10:00:00Z',
    });
    const blocks = await readAkn(Buffer.from(xml));
    const plain = (runs: readonly { text: string }[]) => runs.map((r) => r.text).join('');
    expect(blocks.map((b) => [b.type, plain(b.runs)])).toEqual(
      snapshot.blocks.map((b) => [b.type, b.text.replace('\u0002', '')]),
    );
    expect(blocks[3]!.runs).toEqual([{ text: 'Recalling', em: true }, { text: ' x,' }]);
  });
});
