/**
 * What a comparison exported in tracked changes says beside the two texts, as Word comments so
 * that the body stays exactly the texts (accept every change: the newer; reject every change: the
 * older): an overview on the first paragraph (which versions, the summary line, how to read it),
 * the proposals incorporated, not retained or carried forward on their paragraph (by their
 * delegation), moves, splits and merges, and at the end the renumbering table and the integrity
 * of the records.
 */
import { type ICommentOptions, Paragraph } from 'docx';
import type { Comparison, ComparisonRow, ComparisonSummary } from '../../shared/compare.js';
import type { ProposalView } from '../../shared/proposals.js';
import { attributionOf, authorOf, KIND_NAMES } from './attribution.js';
import type { Showing } from './comparisonSequence.js';
import { textRun } from './layout.js';
import { type ExportStamp, stampParagraphs } from './recordStamp.js';
import { renumberingBody } from './renumberingBody.js';
import type { RevisionIds } from './revisionRuns.js';

/** Who the comments the export makes itself are by (overview, moves, records). */
export const NOTES_AUTHOR = 'Comparison';

/** What a comparison export says about the two versions. */
export interface ComparisonTitles {
  /** The negotiation. */
  title: string;
  olderLabel: string;
  newerLabel: string;
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

/** Makes the comments of one export, ids from the document's revision ids. */
export class ComparisonNotes {
  /** Every comment made, in order. */
  readonly comments: ICommentOptions[] = [];
  private readonly labels = new Map<string, string>();
  private readonly newerDate: Date;

  constructor(
    private readonly ids: RevisionIds,
    private readonly c: Comparison,
    private readonly t: ComparisonTitles,
  ) {
    this.newerDate = new Date(c.newer.takenAt);
    for (const row of c.rows) {
      const side = row.right ?? row.left;
      if (side?.pid && side.label) this.labels.set(side.pid, side.label);
    }
  }

  /** The overview, for the first paragraph: which versions, the summary, how to read the changes. */
  overview(): number[] {
    const { olderLabel, newerLabel } = this.t;
    return [
      this.add(NOTES_AUTHOR, this.newerDate, [
        line(`Comparison of ${olderLabel} and ${newerLabel} — ${this.t.title}`, true),
        line(summaryLine(this.c.summary, this.t)),
        line(
          `Every change is a tracked change: accept them all to get ${newerLabel}, reject them all to get ${olderLabel}. ` +
            'A change is by the delegation whose incorporated proposal made it, otherwise by the co-facilitators; ' +
            'proposals incorporated, not retained or carried forward are comments on their paragraph.',
        ),
      ]),
    ];
  }

  /** The renumbering table and the integrity of the records, for the last paragraph. */
  closing(stamp: ExportStamp | undefined): number[] {
    const out: number[] = [];
    const table = renumberingBody(this.t.newerLabel, this.c.renumbering);
    if (table.length > 0) out.push(this.add(NOTES_AUTHOR, this.newerDate, table));
    if (stamp) out.push(this.add(NOTES_AUTHOR, this.newerDate, stampParagraphs(stamp)));
    return out;
  }

  /** The comments on a row's paragraph: its move, split or merge, then its proposals by outcome. */
  row(row: ComparisonRow, showing: Showing): number[] {
    const out: number[] = [];
    const note = this.rowNote(row, showing);
    if (note) out.push(this.add(NOTES_AUTHOR, this.newerDate, [line(note)]));
    // The deleted copy of a moved paragraph points to its new place, where its proposals are noted.
    if (showing === 'older' && row.right) return out;
    for (const [heading, proposals] of [
      ['Incorporated', row.incorporated],
      ['Not retained', row.notRetained],
      ['Carried forward', row.carried],
    ] as const)
      for (const p of proposals) out.push(this.proposal(heading, p));
    return out;
  }

  /** "Incorporated: amendment — European Union, supported by Norway.", by the European Union. */
  private proposal(heading: string, p: ProposalView): number {
    const date = heading === 'Incorporated' && p.appliedAt ? new Date(p.appliedAt) : this.newerDate;
    return this.add(authorOf(p), date, [line(`${heading}: ${KIND_NAMES[p.kind]} — ${attributionOf(p)}.`)]);
  }

  private rowNote(row: ComparisonRow, showing: Showing): string | null {
    const notes: string[] = [];
    // A paragraph in both texts shown on one side only was moved: deleted where it stood, inserted where it stands.
    if (row.left && row.right && showing === 'older')
      notes.push(row.right.label ? `moved: now ${row.right.label}` : 'moved');
    else if (row.left && row.right && showing === 'newer')
      notes.push(row.left.label ? `moved here (was ${row.left.label})` : 'moved here');
    if (row.splitFrom) notes.push(`split from ${this.labels.get(row.splitFrom) ?? row.splitFrom}`);
    if (row.mergedInto) notes.push(`merged into ${this.labels.get(row.mergedInto) ?? row.mergedInto}`);
    if (notes.length === 0) return null;
    const text = notes.join('; ');
    return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
  }

  private add(author: string, date: Date, children: Paragraph[]): number {
    const id = this.ids.id();
    this.comments.push({ id, author, date, children });
    return id;
  }
}

function line(text: string, bold = false): Paragraph {
  return new Paragraph({ children: [textRun(text, { bold })] });
}
