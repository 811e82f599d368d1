/**
 * Word export of a snapshot (clean or compilation text) and of a comparison of two snapshots,
 * in the UN layout (`layout.ts`), with the `docx` package. Also names the exported files.
 */
import { Packer } from 'docx';
import { DateTime } from 'luxon';
import type { Comparison } from '../../shared/compare.js';
import type { ProposalView } from '../../shared/proposals.js';
import type { CanonicalSnapshot } from '../../shared/snapshot.js';
import { writableDeep } from '../../shared/textValidation.js';
import { comparisonBody } from './comparisonBody.js';
import { subtitleParagraph, textRun, titleParagraph, unDocument } from './layout.js';
import { type ExportStamp, stampFooter, stampParagraphs } from './recordStamp.js';
import { renumberingBody } from './renumberingBody.js';
import { type ExportMode, INCORPORATED_COLOR, snapshotBody } from './snapshotBody.js';

/** How to export a snapshot. */
export interface SnapshotExportOptions {
  mode: ExportMode;
  /** The negotiation's title. */
  title: string;
  /** Zone in which to date the snapshot in the header (the negotiation's); UTC when not given. */
  timeZone?: string;
  /**
   * Which proposals a compilation shows (`shownInCompilation`); by default those of the
   * snapshot's kind, without the traces of the live text's current reading.
   */
  shown?: (p: ProposalView) => boolean;
  /** The chain head and record hash to print (footer and end). */
  stamp?: ExportStamp;
}

/** How to export a comparison. */
export interface ComparisonExportOptions {
  /** The negotiation's title. */
  title: string;
  olderLabel: string;
  newerLabel: string;
  /** The chain head and the two records' hashes to print (footer and end). */
  stamp?: ExportStamp;
}

/** A snapshot as a Word document: the clean text, or the compilation text with its proposals. */
export async function snapshotToDocx(
  record: CanonicalSnapshot,
  options: SnapshotExportOptions,
): Promise<Buffer> {
  // Records stored before text was checked may hold characters XML cannot: `writable` leaves them out.
  const [s, opts] = writableDeep([record, options] as const);
  const version = `${s.label} — ${longDate(s.takenAt, opts.timeZone ?? 'UTC')}`;
  const body = [...snapshotBody(s, opts.mode, opts.shown), ...renumberingBody(s.label, s.renumbering)];
  const intro =
    opts.mode === 'compilation'
      ? [
          subtitleParagraph([textRun(`Compilation text — ${s.label}`, { bold: true })]),
          subtitleParagraph([
            textRun('Proposed insertions in ', { italics: true }),
            textRun('bold', { italics: true, bold: true }),
            textRun(', proposed deletions ', { italics: true }),
            textRun('struck through', { italics: true, strike: true }),
            textRun('; words an incorporated proposal put in ', { italics: true }),
            textRun('⌜', { italics: true, color: INCORPORATED_COLOR }),
            textRun('double-underlined', { italics: true, underline: 'double' }),
            textRun('⌝', { italics: true, color: INCORPORATED_COLOR }),
            textRun(', followed by who proposed them.', { italics: true }),
          ]),
        ]
      : [];
  // The compilation's lines go under the text's title; a text without one is headed by the negotiation's.
  const children =
    s.blocks[0]?.type === 'title'
      ? [body[0]!, ...intro, ...body.slice(1)]
      : s.blocks.some((b) => b.type === 'title')
        ? [...intro, ...body]
        : [titleParagraph(opts.title), ...intro, ...body];
  const doc = unDocument({
    title: `${opts.title} — ${s.label}`,
    headerLeft: opts.title,
    headerRight: opts.mode === 'compilation' ? `${version} — compilation` : version,
    footerNote: opts.stamp && stampFooter(opts.stamp.chain),
    children: opts.stamp ? [...children, ...stampParagraphs(opts.stamp)] : children,
  });
  return Packer.toBuffer(doc);
}

/**
 * A comparison as a Word document in tracked changes: accepting every change gives the newer
 * text, rejecting every change the older one; notes are comments (`comparisonBody.ts`).
 */
export async function comparisonToDocx(
  comparison: Comparison,
  options: ComparisonExportOptions,
): Promise<Buffer> {
  // Records stored before text was checked may hold characters XML cannot: `writable` leaves them out.
  const [c, opts] = writableDeep([comparison, options] as const);
  const tracked = comparisonBody(c, opts, opts.stamp);
  const doc = unDocument({
    title: `${opts.title} — ${opts.olderLabel} → ${opts.newerLabel}`,
    headerLeft: opts.title,
    headerRight: `${opts.olderLabel} → ${opts.newerLabel}`,
    footerNote: opts.stamp && stampFooter(opts.stamp.chain),
    children: tracked.paragraphs,
    comments: tracked.comments,
    trackRevisions: true,
  });
  return Packer.toBuffer(doc);
}

/**
 * A safe file name for an export: ASCII letters, digits, dots and hyphens, parts joined by
 * underscores, e.g. "Progress-Declaration-IMRF-2022_Rev.1_2022-04-04.docx". `date` is an ISO
 * date (or date-time, whose date part is used as written: pass the negotiation's local date);
 * `extension` is `docx` unless given (`akn.xml`).
 */
export function exportFileName(parts: {
  negotiationTitle: string;
  label: string;
  date: string;
  suffix?: string;
  extension?: string;
}): string {
  const date = /^\d{4}-\d{2}-\d{2}/.exec(parts.date)?.[0];
  if (!date) throw new RangeError(`${parts.date} is not an ISO date`);
  const names = [
    safeName(parts.negotiationTitle) || 'text',
    safeName(parts.label),
    date,
    safeName(parts.suffix ?? ''),
  ];
  return `${names.filter((n) => n !== '').join('_')}.${parts.extension ?? 'docx'}`;
}

const MAX_PART = 80;

/** ASCII-only: accents dropped, every other run of characters but letters, digits and dots a hyphen. */
function safeName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9.]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .slice(0, MAX_PART)
    .replace(/^[-.]+|[-.]+$/g, '');
}

/** "4 April 2022": the date of an instant in a zone. */
function longDate(instant: string, zone: string): string {
  const dt = DateTime.fromISO(instant, { setZone: true }).setZone(zone);
  if (!dt.isValid) throw new RangeError(`${instant} is not an instant in ${zone}`);
  return dt.setLocale('en-GB').toFormat('d LLLL yyyy');
}
