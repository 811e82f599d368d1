/**
 * Who made each change of a comparison row, as Word's tracked changes name it: the delegation
 * whose incorporated proposal explains the change (an amendment whose words match, the new
 * paragraph, the deletion of the paragraph, the alternative text), dated when the proposal was
 * applied; otherwise the co-facilitators, who issued the newer text, dated with it.
 */
import type { ComparisonRow } from '../../shared/compare.js';
import type { Piece } from '../../shared/pieces.js';
import type { ProposalView } from '../../shared/proposals.js';
import { authorOf, FACILITATORS_NAME } from './attribution.js';

/** The author and time of a tracked change. */
export interface ChangeAuthor {
  /** "European Union", "Co-facilitators". */
  name: string;
  /** ISO instant, to the second. */
  date: string;
}

/** The authors of one row's changes. */
export interface RowAuthors {
  /** Of the whole paragraph: its mark and label when it was added or deleted. */
  paragraph: ChangeAuthor;
  /** Of each of the row's pieces given (the same author for every piece of one change). */
  pieces: ChangeAuthor[];
  /** Of a changed number (OP12 → OP14): the co-facilitators, whose order of the text it follows. */
  number: ChangeAuthor;
}

/**
 * The authors of a row's changes, `pieces` the changes between its sides (`exactChanges`);
 * `newerDate` dates the changes no proposal explains (the newer text's time). An amendment explains a change when the words struck out and put in lie within
 * the words one of its changes deletes and inserts; when none explains the change as a whole,
 * each struck or inserted piece is matched on its own.
 */
export function rowAuthors(row: ComparisonRow, pieces: readonly Piece[], newerDate: string): RowAuthors {
  const facilitators: ChangeAuthor = { name: FACILITATORS_NAME, date: instant(newerDate) };
  const byProposal = (p: ProposalView): ChangeAuthor => ({
    name: authorOf(p),
    date: instant(p.appliedAt ?? newerDate),
  });
  const whole = wholeParagraphProposal(row);
  const paragraph = whole ? byProposal(whole) : facilitators;
  if (whole) return { paragraph, pieces: pieces.map(() => paragraph), number: facilitators };
  const amendments = row.incorporated.filter((p) => p.kind === 'amend');
  const authors = pieces.map(() => facilitators);
  for (const [start, end] of changeSpans(pieces)) {
    const span = pieces.slice(start, end);
    const found = amendments.find((p) => explains(p, span));
    for (let i = start; i < end; i++) {
      const piece = pieces[i]!;
      const one = found ?? (piece.kind === 'text' ? undefined : amendments.find((p) => explains(p, [piece])));
      if (one) authors[i] = byProposal(one);
    }
  }
  return { paragraph, pieces: authors, number: facilitators };
}

/** The incorporated proposal that made the whole paragraph what it is: new, deleted or replaced. */
function wholeParagraphProposal(row: ComparisonRow): ProposalView | undefined {
  const text = row.right && normalized(row.right.text);
  if (row.left === null)
    return row.incorporated.find((p) => p.kind === 'insert' && normalized(p.text) === text);
  if (row.right === null) return row.incorporated.find((p) => p.kind === 'delete' && p.pid === row.left?.pid);
  return row.incorporated.find((p) => p.kind === 'alt' && normalized(p.text) === text);
}

/**
 * Each change as [start, end) in the pieces: struck and inserted pieces with only spaces
 * between them (a deletion and the insertion that replaces it are set apart by one space).
 */
function changeSpans(pieces: readonly Piece[]): [number, number][] {
  const spans: [number, number][] = [];
  let start = -1;
  let end = -1;
  pieces.forEach((p, i) => {
    if (p.kind === 'text' && p.text.trim() !== '') {
      if (start >= 0) spans.push([start, end]);
      start = -1;
    } else if (p.kind !== 'text') {
      if (start < 0) start = i;
      end = i + 1;
    }
  });
  if (start >= 0) spans.push([start, end]);
  return spans;
}

/** True when one of the amendment's changes deletes the span's struck words and inserts its new ones. */
function explains(p: ProposalView, span: readonly Piece[]): boolean {
  const words = (kind: Piece['kind']) =>
    normalized(
      span
        .filter((s) => s.kind === kind)
        .map((s) => s.text)
        .join(' '),
    );
  const deleted = words('del');
  const inserted = words('ins');
  if (deleted === '' && inserted === '') return false;
  return p.changes.some(
    (c) => within(deleted, normalized(c.deleted)) && within(inserted, normalized(c.inserted)),
  );
}

/** True when `part` is empty or stands in `whole` as whole words. */
function within(part: string, whole: string): boolean {
  if (part === '') return true;
  for (let at = whole.indexOf(part); at >= 0; at = whole.indexOf(part, at + 1)) {
    const before = whole[at - 1];
    const after = whole[at + part.length];
    if (!isWordChar(before) && !isWordChar(after)) return true;
  }
  return false;
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[\p{L}\p{N}]/u.test(c);
}

function normalized(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** An ISO instant to the second, as Word writes `w:date`. */
function instant(iso: string): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) throw new RangeError(`${iso} is not an instant`);
  return t.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
