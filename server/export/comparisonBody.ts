/**
 * The body of an exported comparison in Word's tracked changes, as the UN asks of a "Rev.": the
 * paragraphs of both texts in one sequence (`comparisonSequence.ts`), each word change a real
 * revision (`w:ins` / `w:del`) by the delegation whose incorporated proposal made it or by the
 * co-facilitators (`changeAuthors.ts`), added and deleted paragraphs with a revision on their
 * paragraph mark, a renumbered label as a revision of the label ("OP12" deleted, "OP14"
 * inserted). Everything that is not text of either version is a Word comment
 * (`comparisonNotes.ts`), so accepting every change gives exactly the newer text and rejecting
 * every change exactly the older one.
 */
import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  type ICommentOptions,
  Paragraph,
  type ParagraphChild,
  Tab,
  TextRun,
} from 'docx';
import type { Comparison, ComparisonRow, RowSide } from '../../shared/compare.js';
import { paragraphDirection } from '../../shared/direction.js';
import type { Piece } from '../../shared/pieces.js';
import { exactChanges, type TrackedText } from '../../shared/trackChanges.js';
import { rowAuthors } from './changeAuthors.js';
import { ComparisonNotes, type ComparisonTitles } from './comparisonNotes.js';
import { comparisonSequence, type SequenceItem, type Showing } from './comparisonSequence.js';
import { headingParagraph, numberedParagraph, type ParagraphRevision, WIDE_LABEL_INDENT } from './layout.js';
import type { ExportStamp } from './recordStamp.js';
import { type Emphasis, pieceEmphasis, RevisionIds, trackedRun } from './revisionRuns.js';

export { type ComparisonTitles, summaryLine } from './comparisonNotes.js';

/** The paragraphs of a comparison in tracked changes, and the comments they anchor. */
export interface TrackedComparison {
  paragraphs: Paragraph[];
  comments: ICommentOptions[];
}

/** The comparison as tracked changes; `stamp` goes into a comment on the last paragraph. */
export function comparisonBody(c: Comparison, t: ComparisonTitles, stamp?: ExportStamp): TrackedComparison {
  const ids = new RevisionIds();
  const notes = new ComparisonNotes(ids, c, t);
  const authors = new Map<ComparisonRow, ReturnType<typeof rowAuthors>>();
  const authorsOf = (row: ComparisonRow) => {
    const known = authors.get(row);
    if (known) return known;
    const found = rowAuthors(row, piecesShown(row, 'both'), c.newer.takenAt);
    authors.set(row, found);
    return found;
  };
  const items = comparisonSequence(c.rows);
  const overview = notes.overview();
  const paragraphs = items.map((item, i) => {
    const comments = [...(i === 0 ? overview : []), ...notes.row(item.row, item.showing)];
    if (i === items.length - 1) comments.push(...notes.closing(stamp));
    return itemParagraph(item, ids, authorsOf, comments);
  });
  // Two empty texts: one empty paragraph holds the comments.
  if (paragraphs.length === 0)
    paragraphs.push(new Paragraph({ children: commented([], [...overview, ...notes.closing(stamp)]) }));
  return { paragraphs, comments: notes.comments };
}

type AuthorsOf = (row: ComparisonRow) => ReturnType<typeof rowAuthors>;

function itemParagraph(
  item: SequenceItem,
  ids: RevisionIds,
  authorsOf: AuthorsOf,
  comments: number[],
): Paragraph {
  const { row, showing } = item;
  const authors = authorsOf(row);
  const revision = item.mark ? markRevision(item.mark, ids, authorsOf) : undefined;
  const heading = row.kind === 'heading';
  const base: Emphasis = heading ? { bold: true } : {};
  const text = textRuns(item, ids, authors, base);
  // Tracked runs are not cut by direction: the paragraph takes that of the text it shows.
  const direction = paragraphDirection(
    (showing === 'older' ? row.left : (row.right ?? row.left))?.text ?? '',
  );
  if (heading) return headingParagraph(commented(text, comments), { revision, direction });
  return numberedParagraph(
    [...labelRuns(row, showing, ids, authors), ...commented(text, comments)],
    [],
    WIDE_LABEL_INDENT,
    { revision, direction },
  );
}

/** The revision on a paragraph mark, by the author of the paragraph it goes with. */
function markRevision(
  mark: NonNullable<SequenceItem['mark']>,
  ids: RevisionIds,
  authorsOf: AuthorsOf,
): ParagraphRevision {
  const by = authorsOf(mark.of).paragraph;
  return {
    ...(mark.revision !== 'del' ? { inserted: ids.revision(by) } : {}),
    ...(mark.revision !== 'ins' ? { deleted: ids.revision(by) } : {}),
  };
}

/** The words of the row as the item shows them: with their changes, or wholly deleted or inserted. */
function textRuns(
  item: SequenceItem,
  ids: RevisionIds,
  authors: ReturnType<typeof rowAuthors>,
  base: Emphasis,
): ParagraphChild[] {
  const whole = item.showing !== 'both';
  return piecesShown(item.row, item.showing).map((p, i) =>
    trackedRun(
      ids,
      p.text,
      pieceEmphasis(p, base),
      p.kind === 'text' ? { as: 'text' } : { as: p.kind, by: whole ? authors.paragraph : authors.pieces[i]! },
    ),
  );
}

/**
 * The row's text as the item shows it, in pieces that spell each side exactly: both sides with
 * the changes between them, or one side wholly deleted or inserted.
 */
function piecesShown(row: ComparisonRow, showing: Showing): Piece[] {
  return exactChanges(
    showing === 'newer' ? null : tracked(row.left),
    showing === 'older' ? null : tracked(row.right),
  );
}

/** A side's text with its italics and bold. */
function tracked(side: RowSide | null): TrackedText | null {
  return side && { text: side.text, runs: side.runs };
}
/** The paragraph's number and its tab: deleted or inserted with the paragraph, or renumbered. */
function labelRuns(
  row: ComparisonRow,
  showing: SequenceItem['showing'],
  ids: RevisionIds,
  authors: ReturnType<typeof rowAuthors>,
): ParagraphChild[] {
  const by = authors.paragraph;
  if (showing === 'older') return [trackedRun(ids, `${row.left!.label ?? ''}\t`, {}, { as: 'del', by })];
  if (showing === 'newer') return [trackedRun(ids, `${row.right!.label ?? ''}\t`, {}, { as: 'ins', by })];
  const older = row.left!.label ?? '';
  const newer = row.right!.label ?? '';
  if (older === newer) return [new TextRun({ children: [newer, new Tab()] })];
  return [
    trackedRun(ids, older, {}, { as: 'del', by: authors.number }),
    trackedRun(ids, newer, {}, { as: 'ins', by: authors.number }),
    new TextRun({ children: [new Tab()] }),
  ];
}

/** The runs with the comments `ids` spanning them, each followed by its reference mark. */
function commented(children: readonly ParagraphChild[], ids: readonly number[]): ParagraphChild[] {
  return [
    ...ids.map((id) => new CommentRangeStart(id)),
    ...children,
    ...ids.flatMap((id) => [new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] })]),
  ];
}
