/**
 * A Word document's tracked changes and comments as the server reads them from its XML
 * (`server/import/revisionReader.ts`), and what one paragraph says once read: its number as our
 * export writes it ("OP3" and a tab), its text as it was (every change rejected) and as the
 * delegate wants it (every change accepted), and its revisions. A revision is a maximal stretch of
 * adjacent insertions and deletions, so that a replacement is one revision. Pure: no XML here.
 */
import { INSERT_SUFFIXES } from './numbering.js';

/** Who made a tracked change or comment in Word, and when, as Word recorded it (never attribution). */
export interface WordAuthorship {
  author: string | null;
  date: string | null;
}

/** A stretch of a Word paragraph's text: kept, or inserted or deleted with Track Changes. */
export type WordSegment =
  | { kind: 'text'; text: string }
  | ({ kind: 'ins' | 'del'; text: string } & WordAuthorship);

/** A paragraph of a Word document as its XML holds it (a tab is `\t`). */
export interface WordParagraph {
  segments: WordSegment[];
  /**
   * A tracked change of the paragraph mark itself: `inserted` when the paragraph was split off
   * (Enter pressed), `deleted` when it was joined to the next one.
   */
  mark: 'inserted' | 'deleted' | null;
}

/** A Word comment, on the paragraph where its commented range begins. */
export interface WordComment extends WordAuthorship {
  /** Index of its paragraph in `WordRevisions.paragraphs`. */
  paragraph: number;
  text: string;
  /** The words it comments on (as the delegate left them), shortened. */
  quoted: string;
}

/** Everything read from a .docx for importing amendments. */
export interface WordRevisions {
  paragraphs: WordParagraph[];
  comments: WordComment[];
}

/** One revision of a paragraph: `before[from, to)` (`deleted`) becomes `inserted`. */
export interface ParagraphRevision extends WordAuthorship {
  from: number;
  to: number;
  deleted: string;
  inserted: string;
}

/** A paragraph once read: its number and texts without the number, and its revisions. */
export interface ReadParagraph {
  /** "OP3", "PP12", "OP3bis" (written "OP3 bis" too), or null when it has none. */
  label: string | null;
  /** Its text with every change rejected. */
  before: string;
  /** Its text with every change accepted. */
  after: string;
  /** Revisions in text order, offsets in `before`. */
  revisions: ParagraphRevision[];
  /** True when the number itself was changed (inserted or deleted words in it). */
  labelChanged: boolean;
}

const SUFFIX = INSERT_SUFFIXES.join('|');
/** A number at the start of a paragraph, ended by a tab, as `numberedParagraph` writes it. */
const LABEL = new RegExp(`^[ \\u00a0]*(PP|OP)[ \\u00a0]*(\\d{1,4})[ \\u00a0]*(${SUFFIX})?[ \\u00a0]*\\t`);

/** The paragraph number at the start of `text` and the length it takes (tab included), or null. */
export function leadingLabel(text: string): { label: string; length: number } | null {
  const m = LABEL.exec(text);
  if (!m) return null;
  return { label: `${m[1]}${Number(m[2])}${m[3] ?? ''}`, length: m[0].length };
}

const inBefore = (s: WordSegment) => s.kind !== 'ins';
const inAfter = (s: WordSegment) => s.kind !== 'del';
const joined = (segments: readonly WordSegment[], keep: (s: WordSegment) => boolean) =>
  segments
    .filter(keep)
    .map((s) => s.text)
    .join('');

/**
 * `segments` without the first `length` characters of the view `keep` selects; `changed` is true
 * when a segment outside that view (a change) stood among them.
 */
function dropPrefix(
  segments: readonly WordSegment[],
  length: number,
  keep: (s: WordSegment) => boolean,
): { rest: WordSegment[]; changed: boolean } {
  let left = length;
  let changed = false;
  const rest: WordSegment[] = [];
  for (const s of segments) {
    if (left === 0) {
      rest.push(s);
      continue;
    }
    if (!keep(s)) {
      if (s.text !== '') changed = true;
      continue;
    }
    if (s.kind !== 'text') changed = true;
    if (s.text.length <= left) {
      left -= s.text.length;
      continue;
    }
    rest.push({ ...s, text: s.text.slice(left) });
    left = 0;
  }
  return { rest, changed };
}

/** Reads a paragraph: its number, both texts and its revisions (tabs in the text become spaces). */
export function readParagraph(p: WordParagraph): ReadParagraph {
  let segments = p.segments.filter((s) => s.text !== '');
  const fromBefore = leadingLabel(joined(segments, inBefore));
  // A paragraph typed in whole carries its number (if any) in its inserted words.
  const found =
    fromBefore ?? (joined(segments, inBefore).trim() === '' ? leadingLabel(joined(segments, inAfter)) : null);
  let labelChanged = false;
  if (found) {
    const keep = fromBefore ? inBefore : inAfter;
    const { rest, changed } = dropPrefix(segments, found.length, keep);
    segments = rest;
    // Deleting the whole paragraph, number included, is not a change of its number.
    const wholeDeleted = fromBefore !== null && joined(rest, inAfter).trim() === '';
    labelChanged = changed && !wholeDeleted;
  }
  segments = segments.map((s) => ({ ...s, text: s.text.replace(/\t/g, ' ') }));

  const revisions: ParagraphRevision[] = [];
  let at = 0;
  let open: ParagraphRevision | null = null;
  for (const s of segments) {
    if (s.kind === 'text') {
      at += s.text.length;
      open = null;
      continue;
    }
    if (!open) {
      open = { from: at, to: at, deleted: '', inserted: '', author: s.author, date: s.date };
      revisions.push(open);
    }
    if (s.kind === 'del') {
      open.deleted += s.text;
      at += s.text.length;
      open.to = at;
    } else open.inserted += s.text;
  }
  return {
    label: found?.label ?? null,
    before: joined(segments, inBefore),
    after: joined(segments, inAfter),
    revisions,
    labelChanged,
  };
}
