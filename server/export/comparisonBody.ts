/**
 * The body of an exported comparison, in the track-changes style the UN asks for on revised
 * drafts: each paragraph under its label(s) ("OP12 → OP14"), insertions underlined and deletions
 * struck through, added paragraphs wholly underlined and deleted ones wholly struck, the
 * proposals incorporated or left out noted under it, and a summary line at the top.
 */
import type { Paragraph, TextRun } from 'docx';
import type { Comparison, ComparisonRow, ComparisonSummary } from '../../shared/compare.js';
import type { Piece } from '../../shared/pieces.js';
import type { ProposalView } from '../../shared/proposals.js';
import { attributionOf, KIND_NAMES } from './attribution.js';
import {
  GREY,
  headingParagraph,
  noteParagraph,
  numberedParagraph,
  pieceMarks,
  type RunStyle,
  subtitleParagraph,
  textRun,
  titleParagraph,
  WIDE_LABEL_INDENT,
} from './layout.js';

/** What a comparison export says about the two versions. */
export interface ComparisonTitles {
  /** The negotiation. */
  title: string;
  olderLabel: string;
  newerLabel: string;
}

const TRACK_STYLES: Record<Piece['kind'], RunStyle> = {
  text: {},
  ins: { underline: true },
  del: { strike: true },
};
const NOTE: RunStyle = { italics: true, color: GREY };

/** The paragraphs of a comparison export. */
export function comparisonBody(c: Comparison, t: ComparisonTitles): Paragraph[] {
  const labels = new Map<string, string>();
  for (const row of c.rows) {
    const side = row.right ?? row.left;
    if (side?.pid && side.label) labels.set(side.pid, side.label);
  }
  return [
    titleParagraph(t.title),
    subtitleParagraph([textRun(`Comparison of ${t.olderLabel} and ${t.newerLabel}`, { bold: true })]),
    subtitleParagraph([textRun(summaryLine(c.summary, t), { italics: true })]),
    subtitleParagraph([
      textRun('Insertions are ', NOTE),
      textRun('underlined', { ...NOTE, underline: true }),
      textRun(', deletions ', NOTE),
      textRun('struck through', { ...NOTE, strike: true }),
      textRun('.', NOTE),
    ]),
    ...c.rows.flatMap((row) => rowParagraphs(row, labels)),
  ];
}

/** "From Zero draft to Rev.1: 3 paragraphs changed, 1 added, 1 deleted, 1 moved, 2 renumbered; 10 unchanged." */
export function summaryLine(s: ComparisonSummary, t: ComparisonTitles): string {
  const changes = [
    `${s.changed} ${s.changed === 1 ? 'paragraph' : 'paragraphs'} changed`,
    `${s.added} added`,
    `${s.deleted} deleted`,
    `${s.moved} moved`,
    `${s.renumbered} renumbered`,
  ];
  return `From ${t.olderLabel} to ${t.newerLabel}: ${changes.join(', ')}; ${s.unchanged} unchanged.`;
}

function rowParagraphs(row: ComparisonRow, labels: ReadonlyMap<string, string>): Paragraph[] {
  const text = trackRuns(row.pieces, row.kind === 'heading' ? { bold: true } : {});
  if (row.kind === 'heading') return [headingParagraph(text)];
  const notes = rowNotes(row, labels);
  if (notes.length > 0) text.push(textRun(` (${notes.join('; ')})`, NOTE));
  return [
    numberedParagraph(rowLabel(row), text, WIDE_LABEL_INDENT),
    ...proposalNote('Incorporated', row.incorporated),
    ...proposalNote('Not retained', row.notRetained),
    ...proposalNote('Carried forward', row.carried),
  ];
}

/** "OP12 → OP14" when renumbered, else the paragraph's one label. */
function rowLabel(row: ComparisonRow): string {
  if (row.renumbered && row.left && row.right) return `${row.left.label} → ${row.right.label}`;
  return (row.right ?? row.left)?.label ?? '';
}

function rowNotes(row: ComparisonRow, labels: ReadonlyMap<string, string>): string[] {
  const notes: string[] = [];
  if (row.kind === 'added') notes.push('new');
  if (row.kind === 'deleted') notes.push('deleted');
  if (row.kind === 'moved') notes.push('moved');
  if (row.splitFrom) notes.push(`split from ${labels.get(row.splitFrom) ?? row.splitFrom}`);
  if (row.mergedInto) notes.push(`merged into ${labels.get(row.mergedInto) ?? row.mergedInto}`);
  return notes;
}

/** "Incorporated: amendment — EU, supported by Norway; new paragraph — Switzerland." */
function proposalNote(heading: string, proposals: readonly ProposalView[]): Paragraph[] {
  if (proposals.length === 0) return [];
  const items = proposals.map((p) => `${KIND_NAMES[p.kind]} — ${attributionOf(p)}`);
  return [noteParagraph([textRun(`${heading}: ${items.join('; ')}.`, NOTE)], WIDE_LABEL_INDENT)];
}

/** The pieces in track-changes style, each keeping the italics and bold of its text. */
function trackRuns(pieces: readonly Piece[], base: RunStyle): TextRun[] {
  return pieces.map((p) => textRun(p.text, { ...base, ...TRACK_STYLES[p.kind], ...pieceMarks(p) }));
}
