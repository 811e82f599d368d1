import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { compareSnapshots } from '../../shared/compare.js';
import type { ResolvedProposal } from '../../shared/compilation.js';
import type { ProposalView } from '../../shared/proposals.js';
import { proposalView } from '../../shared/proposalView.fixture.js';
import { shownInCompilation } from '../../shared/shownProposals.js';
import type { CanonicalSnapshot, SnapshotBlock } from '../../shared/snapshot.js';
import { docxParagraphs, outsideBrackets, spacedAsRead } from '../../test/support/docxParagraphs.js';
import { convertToPdf, findOnPath, run } from '../../test/support/office.js';
import { comparisonToDocx, exportFileName, snapshotToDocx } from './docx.js';
import { INCORPORATED_COLOR } from './snapshotBody.js';

const PP1 = 'Recalling the Global Compact for Safe, Orderly and Regular Migration,';
const OP1 = 'We commit to strengthen cooperation, in line with international law.';
const OP2 = 'We request the Secretary-General to report.';

const PARAGRAPHS: SnapshotBlock[] = [
  {
    type: 'preambular',
    pid: 'pp1',
    label: 'PP1',
    text: PP1,
    runs: [{ text: 'Recalling', em: true }, { text: PP1.slice('Recalling'.length) }],
  },
  { type: 'operative', pid: 'op1', label: 'OP1', text: OP1, runs: [{ text: OP1 }] },
  { type: 'operative', pid: 'op2', label: 'OP2', text: OP2, runs: [{ text: OP2 }] },
];

/** An amendment on OP1 replacing `deleted` (found in the text) by `inserted`. */
function amend(deleted: string, inserted: string, over: Partial<ProposalView> = {}): ResolvedProposal {
  const from = deleted === '' ? OP1.indexOf('strengthen') : OP1.indexOf(deleted);
  return {
    proposal: proposalView({ changes: [{ from: 'a', to: 'b', deleted, inserted }], ...over }),
    ranges: [{ from, to: from + deleted.length }],
  };
}

const whole = (over: Partial<ProposalView>): ResolvedProposal => ({
  proposal: proposalView(over),
  ranges: null,
});

const PROPOSALS: ResolvedProposal[] = [
  amend('', 'further ', {
    supporters: [
      { code: 'NOR', name: 'Norway' },
      { code: 'CHE', name: 'Switzerland' },
    ],
  }),
  amend('in line with', 'consistent with', { delegation: { code: 'USA', name: 'United States' } }),
  amend('international law', 'applicable law', {
    byFacilitators: true,
    delegation: { code: 'FACILITATORS', name: 'Co-facilitators' },
  }),
  whole({ pid: 'op2', kind: 'delete', delegation: { code: 'USA', name: 'United States' } }),
  whole({ pid: 'op2', kind: 'retain', delegation: { code: 'NOR', name: 'Norway' } }),
  whole({
    pid: 'op2',
    kind: 'alt',
    text: 'We invite the Secretary-General to report.',
    delegation: { code: 'G77', name: 'G77 and China' },
  }),
  whole({
    pid: 'op2',
    kind: 'insert',
    text: 'We decide to meet again.',
    delegation: { code: 'CHE', name: 'Switzerland' },
  }),
  whole({ pid: 'op2', kind: 'comment', text: 'Cannot accept this paragraph.', reservation: true }),
  { ...amend('strengthen', 'reinforce'), ranges: [{ from: 0, to: 2 }] },
  whole({
    pid: 'op2',
    kind: 'delete',
    status: 'not-retained',
    delegation: { code: 'RUS', name: 'Russian Federation' },
  }),
];

function snapshot(over: Partial<CanonicalSnapshot> = {}): CanonicalSnapshot {
  return {
    format: 1,
    negotiationId: 'n1',
    kind: 'revision',
    label: 'Rev.1',
    takenAt: '2022-04-04T14:00:00Z',
    blocks: [
      { type: 'title', text: 'Progress Declaration', runs: [{ text: 'Progress Declaration' }] },
      { type: 'section', text: 'Preamble', runs: [{ text: 'Preamble' }] },
      PARAGRAPHS[0]!,
      { type: 'section', text: 'Commitments', runs: [{ text: 'Commitments' }] },
      PARAGRAPHS[1]!,
      PARAGRAPHS[2]!,
    ],
    proposals: PROPOSALS,
    paragraphStatuses: { op2: 'bracketed' },
    ...over,
  };
}

async function unzip(buffer: Buffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(buffer);
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files))
    if (name.endsWith('.xml')) out[name] = await zip.file(name)!.async('string');
  return out;
}

/** The text of a part: its `w:t` contents, paragraphs on their own lines. */
function textOf(xml: string): string {
  return xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join('\n');
}

/** The formatting of the run whose text is exactly `text` (XML-escaped as written). */
function runProps(xml: string, text: string): string {
  for (const m of xml.matchAll(/<w:r>((?:(?!<\/w:r>)[\s\S])*)<\/w:r>/g))
    if (m[1]!.includes(`>${text}</w:t>`)) return /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(m[1]!)?.[1] ?? '';
  throw new Error(`no run with ${text}`);
}

const TITLE = 'Progress Declaration IMRF 2022';

describe('snapshotToDocx', () => {
  it('exports the clean text in the UN layout', async () => {
    const parts = await unzip(await snapshotToDocx(snapshot(), { mode: 'clean', title: TITLE }));
    const doc = parts['word/document.xml']!;
    const text = textOf(doc);
    expect(text).toContain('Progress Declaration');
    expect(text).toContain(`PP1${PP1}`);
    expect(text).toContain(`OP1${OP1}`);
    expect(text).not.toContain('United States');
    expect(doc).toContain('<w:tab/>');
    expect(doc).toMatch(/<w:ind w:left="1247" w:hanging="1247"\/>/);
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(runProps(doc, 'Recalling')).toContain('<w:i/>');
    expect(runProps(doc, PP1.slice('Recalling'.length))).toBe('');
    expect(parts['word/styles.xml']).toContain('Times New Roman');
    const header = Object.entries(parts).find(([name]) => name.startsWith('word/header'))![1];
    expect(textOf(header)).toContain('Rev.1 — 4 April 2022');
    const footer = Object.entries(parts).find(([name]) => name.startsWith('word/footer'))![1];
    expect(footer).toContain('PAGE');
    expect(footer).toContain('NUMPAGES');
  });

  it('dates the header in the negotiation’s time zone', async () => {
    const late = snapshot({ takenAt: '2022-04-05T02:00:00Z' });
    const parts = await unzip(
      await snapshotToDocx(late, { mode: 'clean', title: TITLE, timeZone: 'America/New_York' }),
    );
    const header = Object.entries(parts).find(([name]) => name.startsWith('word/header'))![1];
    expect(textOf(header)).toContain('Rev.1 — 4 April 2022');
  });

  it('exports the compilation text with every shown proposal bracketed and attributed', async () => {
    // The live text shows the open proposals (a closed reading's record, every one of them).
    const parts = await unzip(
      await snapshotToDocx(snapshot({ kind: 'live' }), { mode: 'compilation', title: TITLE }),
    );
    const doc = parts['word/document.xml']!;
    const text = textOf(doc);
    // The space after the words put in stands after the bracket; the words struck and those put
    // in are set apart by one space.
    expect(text).toContain(
      'We commit to [further — European Union, supported by Norway, Switzerland] strengthen',
    );
    expect(text).toContain('[in line with consistent with — United States]');
    expect(text).toContain('[international law applicable law — Co-facilitators]');
    expect(text).toContain('[delete — United States]');
    expect(text).toContain('[retain — Norway]');
    expect(text).toContain('OP2 alt[We invite the Secretary-General to report. — G77 and China]');
    expect(text).toContain('OP2bis[We decide to meet again. — Switzerland]');
    expect(text).toContain('[Reservation: Cannot accept this paragraph. — European Union]');
    expect(text).toMatch(/\[strengthen reinforce — European Union\] \(outdated\)/);
    // A bracketed paragraph stands between square brackets, as negotiators write it.
    expect(text).toContain(`OP2[${OP2}]`);
    expect(text).not.toContain('(bracketed)');
    expect(text).not.toContain('Russian Federation');
    expect(runProps(doc, 'further')).toContain('<w:b/>');
    expect(runProps(doc, 'in line with')).toContain('<w:strike/>');
    expect(runProps(doc, 'consistent with')).toContain('<w:b/>');
    const facilitators = runProps(doc, ' — Co-facilitators]');
    expect(facilitators).toContain('<w:i/>');
    expect(facilitators).toContain('<w:color w:val="595959"/>');
  });

  it('keeps the italics of base words inside a bracket, inserted words plain', async () => {
    const reaffirm: ResolvedProposal = {
      proposal: proposalView({
        pid: 'pp1',
        changes: [{ from: 'a', to: 'b', deleted: 'Recalling the', inserted: 'Reaffirming the' }],
      }),
      ranges: [{ from: 0, to: 'Recalling the'.length }],
    };
    const doc = (
      await unzip(
        await snapshotToDocx(snapshot({ kind: 'live', proposals: [reaffirm] }), {
          mode: 'compilation',
          title: TITLE,
        }),
      )
    )['word/document.xml']!;
    expect(textOf(doc)).toContain('PP1[Recalling the Reaffirming the — European Union] Global Compact');
    const struck = runProps(doc, 'Recalling');
    expect(struck).toContain('<w:strike/>');
    expect(struck).toContain('<w:i/>');
    expect(runProps(doc, ' the')).not.toContain('<w:i/>');
    expect(runProps(doc, 'Reaffirming the')).not.toContain('<w:i/>');
  });

  it('leaves a paragraph marked deleted out of the clean text, and shows it in the compilation', async () => {
    const deleted = snapshot({ paragraphStatuses: { op2: 'deleted' } });
    const clean = textOf(
      (await unzip(await snapshotToDocx(deleted, { mode: 'clean', title: TITLE })))['word/document.xml']!,
    );
    expect(clean).toContain(`OP1${OP1}`);
    expect(clean).not.toContain(OP2);
    const compiled = textOf(
      (await unzip(await snapshotToDocx(deleted, { mode: 'compilation', title: TITLE })))[
        'word/document.xml'
      ]!,
    );
    expect(compiled).toContain(`OP2${OP2} (deleted)`);
  });

  it('ends a revision with the table of old → new numbers it recorded', async () => {
    const revision = snapshot({
      kind: 'revision',
      label: 'Rev.2',
      proposals: [],
      renumbering: [
        { pid: 'op1', from: 'OP1', to: 'OP1' },
        { pid: 'x', from: 'OP1bis', to: 'OP2' },
        { pid: 'op2', from: 'OP2', to: 'OP3' },
        { pid: 'gone', from: 'OP3', to: null },
      ],
    });
    const text = textOf(
      (await unzip(await snapshotToDocx(revision, { mode: 'clean', title: TITLE })))['word/document.xml']!,
    );
    expect(text).toContain('Renumbering at Rev.2: number during the reading → number in Rev.2');
    expect(text).toContain('OP1bis→ OP2');
    expect(text).toContain('OP2→ OP3');
    expect(text).toContain('OP3→ no longer in the text');
    expect(text).not.toContain('OP1→ OP1');
    const plain = textOf(
      (await unzip(await snapshotToDocx(snapshot(), { mode: 'clean', title: TITLE })))['word/document.xml']!,
    );
    expect(plain).not.toContain('Renumbering');
  });

  it('gives each proposal of a closed reading its outcome, and lists those applied to the text', async () => {
    const decided: ResolvedProposal[] = [
      amend('in line with', 'consistent with', {
        delegation: { code: 'USA', name: 'United States' },
        status: 'not-retained',
      }),
      whole({
        pid: 'op2',
        kind: 'alt',
        text: 'We invite the Secretary-General to report.',
        delegation: { code: 'G77', name: 'G77 and China' },
        tabledBy: { code: 'PAK', name: 'Pakistan' },
        status: 'carried-forward',
      }),
      whole({ pid: 'op2', kind: 'comment', text: 'A remark.', status: 'incorporated' }),
      // Applied, its words no longer found as they were put in: listed after the paragraph.
      whole({
        pid: 'op1',
        kind: 'amend',
        changes: [{ from: 'a', to: 'b', deleted: '', inserted: 'boldly ' }],
        status: 'incorporated',
        appliedAt: '2022-04-08T10:00:00Z',
      }),
    ];
    const reading = snapshot({ kind: 'reading', label: 'Second reading', proposals: decided });
    const text = textOf(
      (await unzip(await snapshotToDocx(reading, { mode: 'compilation', title: TITLE })))[
        'word/document.xml'
      ]!,
    );
    expect(text).toContain('[in line with consistent with — United States · Not retained]');
    expect(text).toContain(
      'OP2 alt[We invite the Secretary-General to report. — G77 and China (tabled by Pakistan) · Carried forward]',
    );
    expect(text).toContain('[Comment: A remark. — European Union · Incorporated]');
    expect(text).toContain('[applied: boldly — European Union · Incorporated]');
  });

  it('shows proposals in other statuses when asked', async () => {
    const parts = await unzip(
      await snapshotToDocx(snapshot(), {
        mode: 'compilation',
        title: TITLE,
        shown: (p) => p.status === 'not-retained',
      }),
    );
    const text = textOf(parts['word/document.xml']!);
    expect(text).toContain('[delete — Russian Federation]');
    expect(text).not.toContain('United States');
  });
});

const ARABIC_TITLE = 'الإعلان المرحلي';
const ARABIC_SECTION = 'الالتزامات';
const ARABIC_OP = 'نلتزم بتعزيز التعاون الدولي بشأن الهجرة، وفقاً للقانون الدولي.';
const MIXED_OP = 'نرحب بعمل المفوضية UNHCR والمنظمة الدولية للهجرة.';

/** A snapshot whose text is in several of the official languages, spaces and punctuation included. */
function multilingual(over: Partial<CanonicalSnapshot> = {}): CanonicalSnapshot {
  const block = (pid: string, label: string, text: string): SnapshotBlock => ({
    type: 'operative',
    pid,
    label,
    text,
    runs: [{ text }],
  });
  return snapshot({
    blocks: [
      { type: 'title', text: ARABIC_TITLE, runs: [{ text: ARABIC_TITLE }] },
      { type: 'section', text: ARABIC_SECTION, runs: [{ text: ARABIC_SECTION }] },
      block('op1', 'OP1', ARABIC_OP),
      block('op2', 'OP2', MIXED_OP),
      block('op3', 'OP3', 'Nous nous engageons « à coopérer » ;  deux espaces,\u00a0insécable & <signes>. '),
      block('op4', 'OP4', 'Мы обязуемся укреплять сотрудничество.'),
      block('op5', 'OP5', '我们承诺加强合作。'),
      block('op6', 'OP6', 'We commit to strengthen cooperation.'),
    ],
    proposals: [],
    paragraphStatuses: {},
    ...over,
  });
}

/** A block of `multilingual` numbered after the fixture's two operative paragraphs (OP11 …). */
function renumbered(b: SnapshotBlock): SnapshotBlock {
  return b.label ? { ...b, pid: `x${b.pid}`, label: b.label.replace('OP', 'OP1') } : b;
}

describe('text as written, in any of the six languages', () => {
  it('exports the clean text character for character: spaces and punctuation as in the snapshot', async () => {
    const s = multilingual();
    const doc = (await unzip(await snapshotToDocx(s, { mode: 'clean', title: TITLE })))['word/document.xml']!;
    const paragraphs = docxParagraphs(doc).map((p) => ({ label: p.label, text: p.text }));
    expect(paragraphs).toEqual(s.blocks.map((b) => ({ label: b.label ?? '', text: b.text })));
  });

  it('lays out an Arabic paragraph, title and heading right to left, the runs of Arabic text too', async () => {
    const doc = (await unzip(await snapshotToDocx(multilingual(), { mode: 'clean', title: TITLE })))[
      'word/document.xml'
    ]!;
    const [title, section, arabic, mixed, french, russian, chinese, english] = docxParagraphs(doc);
    for (const p of [title!, section!, arabic!, mixed!]) {
      expect(p.bidi, p.text).toBe(true);
    }
    for (const p of [french!, russian!, chinese!, english!]) {
      expect(p.bidi, p.text).toBe(false);
      expect(p.runs.some((r) => r.rtl)).toBe(false);
    }
    expect(arabic!.runs.every((r) => r.rtl)).toBe(true);
    // A mixed paragraph keeps each run's direction: the Latin name left to right.
    expect(mixed!.runs.map((r) => [r.text, r.rtl])).toEqual([
      ['نرحب بعمل المفوضية ', true],
      ['UNHCR', false],
      [' والمنظمة الدولية للهجرة.', true],
    ]);
    // The number keeps its place in the hanging indent, which a right-to-left paragraph puts on the right.
    expect(arabic!.label).toBe('OP1');
  });

  it('keeps an Arabic paragraph right to left in the compilation, its proposals inside', async () => {
    const from = ARABIC_OP.indexOf('الدولي');
    const proposal: ResolvedProposal = {
      proposal: proposalView({ changes: [{ from: 'a', to: 'b', deleted: '', inserted: 'والإقليمي ' }] }),
      ranges: [{ from, to: from }],
    };
    const doc = (
      await unzip(
        await snapshotToDocx(multilingual({ kind: 'live', proposals: [proposal] }), {
          mode: 'compilation',
          title: TITLE,
        }),
      )
    )['word/document.xml']!;
    const arabic = docxParagraphs(doc).find((p) => p.label === 'OP1')!;
    expect(arabic.bidi).toBe(true);
    expect(arabic.text).toContain('[والإقليمي — European Union] الدولي');
    expect(arabic.runs.find((r) => r.text === 'والإقليمي')!.rtl).toBe(true);
    expect(spacedAsRead(outsideBrackets(arabic))).toBe(spacedAsRead(ARABIC_OP));
  });

  it('declares a face and a language for Latin and Cyrillic, Arabic and Chinese text', async () => {
    const styles = (await unzip(await snapshotToDocx(multilingual(), { mode: 'clean', title: TITLE })))[
      'word/styles.xml'
    ]!;
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)![0];
    const fonts = /<w:rFonts [^>]*\/>/.exec(defaults)![0];
    expect(fonts).toContain('w:ascii="Times New Roman"');
    expect(fonts).toContain('w:hAnsi="Times New Roman"');
    expect(fonts).toContain('w:cs="Simplified Arabic"');
    expect(fonts).toContain('w:eastAsia="SimSun"');
    const lang = /<w:lang [^>]*\/>/.exec(defaults)![0];
    expect(lang).toContain('w:val="en-GB"');
    expect(lang).toContain('w:eastAsia="zh-CN"');
    expect(lang).toContain('w:bidi="ar-SA"');
  });

  it('keeps the text outside a compilation’s brackets as the paragraph’s, no bracket against a word', async () => {
    const s = snapshot({ kind: 'live' });
    const doc = (await unzip(await snapshotToDocx(s, { mode: 'compilation', title: TITLE })))[
      'word/document.xml'
    ]!;
    const paragraphs = docxParagraphs(doc);
    for (const block of s.blocks) {
      if (block.label === undefined) continue;
      const p = paragraphs.find((x) => x.label === block.label)!;
      const bracketed = s.paragraphStatuses[block.pid ?? ''] === 'bracketed';
      expect(spacedAsRead(outsideBrackets(p, bracketed)), block.label).toBe(spacedAsRead(block.text));
      expect(p.text, block.label).not.toMatch(/\][\p{L}\p{N}]|[\p{L}\p{N}]\[/u);
    }
  });
});

describe('incorporated words in the compilation export', () => {
  // OP1 as it reads once the EU's "further " was applied in reading r2 (its words begin at 13).
  const applied = OP1.replace('strengthen', 'further strengthen');
  const at = applied.indexOf('further');
  const incorporated = (readingId: string): ResolvedProposal => ({
    proposal: proposalView({
      readingId,
      status: 'incorporated',
      appliedAt: '2022-04-07T15:00:00Z',
      changes: [{ from: 'a', to: 'b', deleted: '', inserted: 'further ' }],
      supporters: [{ code: 'NOR', name: 'Norway' }],
    }),
    ranges: null,
    located: [{ from: at, to: at }],
  });
  const live = (proposals: ResolvedProposal[]) =>
    snapshot({
      kind: 'live',
      label: 'Live text',
      blocks: [{ type: 'operative', pid: 'op1', label: 'OP1', text: applied, runs: [{ text: applied }] }],
      proposals,
      paragraphStatuses: {},
    });

  it('marks the words an incorporated proposal put in as on screen: ⌜words⌝ incorporated: who', async () => {
    const doc = (
      await unzip(
        await snapshotToDocx(live([incorporated('r2')]), {
          mode: 'compilation',
          title: TITLE,
          shown: shownInCompilation('live', { openReading: 'r2', traceReading: 'r2' }),
        }),
      )
    )['word/document.xml']!;
    const text = textOf(doc);
    expect(text).toContain(
      'We commit to ⌜further⌝ incorporated: European Union, supported by Norway strengthen cooperation',
    );
    expect(text).not.toContain('[further');
    expect(runProps(doc, 'further')).toContain('<w:u w:val="double"/>');
    const tag = runProps(doc, ' incorporated: European Union, supported by Norway');
    expect(tag).toContain('<w:smallCaps/>');
    expect(runProps(doc, '⌜')).toContain(`<w:color w:val="${INCORPORATED_COLOR}"/>`);
    // The legend says how they are marked.
    expect(text).toContain(
      'words an incorporated proposal put in ⌜double-underlined⌝, followed by who proposed them.',
    );
  });

  it('traces only the current reading’s incorporations in the live text', async () => {
    const text = textOf(
      (
        await unzip(
          await snapshotToDocx(live([incorporated('r1')]), {
            mode: 'compilation',
            title: TITLE,
            shown: shownInCompilation('live', { openReading: 'r2', traceReading: 'r2' }),
          }),
        )
      )['word/document.xml']!,
    );
    expect(text).toContain(`OP1${applied}`);
    expect(text).not.toContain('incorporated: European Union');
  });

  it('marks them in a closed reading’s record, where every proposal of the reading shows', async () => {
    const reading = snapshot({
      kind: 'reading',
      blocks: [{ type: 'operative', pid: 'op1', label: 'OP1', text: applied, runs: [{ text: applied }] }],
      proposals: [incorporated('r1')],
      paragraphStatuses: {},
    });
    const text = textOf(
      (await unzip(await snapshotToDocx(reading, { mode: 'compilation', title: TITLE })))[
        'word/document.xml'
      ]!,
    );
    expect(text).toContain('⌜further⌝ incorporated: European Union, supported by Norway');
  });
});

describe('comparisonToDocx', () => {
  // The tracked changes themselves are tested in trackedComparison.test.ts.
  const older = snapshot({ label: 'Zero draft', proposals: [] });
  const newer = snapshot({
    proposals: [],
    blocks: [older.blocks[0]!, older.blocks[1]!, PARAGRAPHS[0]!, older.blocks[3]!, PARAGRAPHS[1]!],
  });

  it('puts the table of old → new numbers into a comment when the newer version is a revision that recorded one', async () => {
    const rev = {
      ...newer,
      kind: 'revision' as const,
      renumbering: [{ pid: 'op1', from: 'OP1bis', to: 'OP2' }],
    };
    const parts = await unzip(
      await comparisonToDocx(compareSnapshots(older, rev), {
        title: TITLE,
        olderLabel: 'Zero draft',
        newerLabel: 'Rev.1',
      }),
    );
    expect(textOf(parts['word/comments.xml']!)).toContain('Renumbering at Rev.1');
    expect(textOf(parts['word/comments.xml']!)).toContain('OP1bis→ OP2');
    expect(textOf(parts['word/document.xml']!)).not.toContain('Renumbering');
  });
});

describe('exportFileName', () => {
  it('builds a safe ASCII name without spaces', () => {
    expect(exportFileName({ negotiationTitle: TITLE, label: 'Rev.1', date: '2022-04-04' })).toBe(
      'Progress-Declaration-IMRF-2022_Rev.1_2022-04-04.docx',
    );
    expect(
      exportFileName({
        negotiationTitle: 'Déclaration / «Migration» — 2022',
        label: 'Zero draft',
        date: '2022-03-17T09:00:00Z',
        suffix: 'compilation',
      }),
    ).toBe('Declaration-Migration-2022_Zero-draft_2022-03-17_compilation.docx');
    expect(exportFileName({ negotiationTitle: '…', label: '', date: '2022-03-17' })).toBe(
      'text_2022-03-17.docx',
    );
  });

  it('refuses a date that is not ISO', () => {
    expect(() => exportFileName({ negotiationTitle: 'x', label: 'y', date: '4 April 2022' })).toThrow(
      RangeError,
    );
  });
});

const soffice = findOnPath('soffice');

describe('LibreOffice', () => {
  it.skipIf(soffice === '')(
    'converts an export to a PDF',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'docx-export-'));
      try {
        const file = join(dir, 'compilation.docx');
        writeFileSync(file, await snapshotToDocx(snapshot(), { mode: 'compilation', title: TITLE }));
        const pdf = await convertToPdf(soffice, file, dir);
        expect(statSync(pdf).size).toBeGreaterThan(0);
        expect(readFileSync(pdf).subarray(0, 4).toString()).toBe('%PDF');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    240_000,
  );

  it.skipIf(soffice === '' || findOnPath('pdftotext') === '')(
    'prints the words of a compilation with their spaces, and an Arabic paragraph right to left',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'docx-export-'));
      try {
        const s = snapshot({
          kind: 'live',
          blocks: [...snapshot().blocks, ...multilingual().blocks.slice(1).map(renumbered)],
        });
        const file = join(dir, 'multilingual.docx');
        writeFileSync(file, await snapshotToDocx(s, { mode: 'compilation', title: TITLE }));
        const pdf = await convertToPdf(soffice, file, dir);
        await run('pdftotext', ['-layout', pdf, join(dir, 'text.txt')]);
        const lines = readFileSync(join(dir, 'text.txt'), 'utf8').split('\n');
        if (process.env.EXPORT_PREVIEW) writeFileSync(`${process.env.EXPORT_PREVIEW}.txt`, lines.join('\n'));
        const printed = lines.join(' ').replace(/\s+/g, ' ');
        expect(printed).toContain(
          'We commit to [further — European Union, supported by Norway, Switzerland] strengthen cooperation, [in line with consistent with — United States]',
        );
        expect(printed).toContain('OP2 [We request the Secretary-General to report.]');
        expect(printed).toContain('Мы обязуемся укреплять сотрудничество.');
        // Laid out right to left: the Arabic line ends at the right margin, its number after it.
        const arabic = lines.find((l) => l.includes('OP11'))!;
        const english = lines.find((l) => l.includes('OP16'))!;
        expect(arabic.trimEnd().endsWith('OP11')).toBe(true);
        expect(english.trimStart().startsWith('OP16')).toBe(true);
        expect(arabic.length).toBeGreaterThan(english.length);
        if (process.env.EXPORT_PREVIEW)
          await run('pdftoppm', ['-png', '-r', '70', pdf, process.env.EXPORT_PREVIEW]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    240_000,
  );
});
