/**
 * Matching a delegation's Word revisions and comments to the live draft, for tabling them as
 * proposals. A Word paragraph is matched to a draft paragraph by its number and its text as it
 * was (every change rejected), compared in NFC with white space collapsed: the same number with
 * other words is "text changed since"; the same words under another number (or none) is matched
 * by text and flagged. Nothing is guessed: whatever cannot be matched safely is listed with its
 * reason. Each matched revision becomes one amendment (the paragraph with only that revision
 * applied), a paragraph deleted whole a deletion, a paragraph typed in whole a new paragraph
 * after the matched paragraph before it, each comment a comment.
 */
import { labelKind } from './numbering.js';
import type { ParagraphKind } from './schema.js';
import { textProblem } from './textValidation.js';
import { type TextChange, wordChanges } from './wordDiff.js';
import {
  type ParagraphRevision,
  type ReadParagraph,
  readParagraph,
  type WordAuthorship,
  type WordRevisions,
} from './wordRevisions.js';

/** A paragraph of the live draft as matching needs it. */
export interface DraftParagraphInfo {
  pid: string;
  kind: ParagraphKind;
  /** Its number in the reading ("OP3", "OP3bis"). */
  label: string;
  /** Its plain text now. */
  text: string;
  /** False when it is agreed or deleted and takes no new proposals. */
  open: boolean;
}

/** The kinds of proposal an import makes. */
export const IMPORT_KINDS = ['amend', 'delete', 'insert', 'comment'] as const;
/** A kind of proposal an import makes. */
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** One proposal found in the Word file, ready to review. */
export interface ImportItem extends WordAuthorship {
  /** Stable within one preview: which Word paragraph and revision or comment it comes from. */
  key: string;
  kind: ImportKind;
  /** The draft paragraph it is on (for a new paragraph: the one it follows). */
  pid: string;
  /** That paragraph's number now. */
  label: string;
  /** The paragraph's text now ('' for a new paragraph). */
  before: string;
  /** The paragraph with this change alone ('' for a deletion; the new paragraph's text; for a comment, unchanged). */
  after: string;
  /** Word changes from `before` to `after` (empty for a comment and a new paragraph). */
  changes: TextChange[];
  /** A comment's text, a new paragraph's text. */
  text?: string;
  /** The words a comment is on. */
  quoted?: string;
  /** `text` when matched by its words under another number (or none) in the Word file. */
  matchedBy: 'label' | 'text';
  /** The number the Word file gives the paragraph, when it has one. */
  documentLabel: string | null;
  /** The proposal the delegation already tabled with the same content (set by the server). */
  alreadyTabled?: string;
}

/** Why something of the Word file was not matched. */
export const UNMATCHED_REASONS = [
  /** A paragraph has this number, but its text changed since the file was made. */
  'text-changed',
  /** No paragraph of the text has this number or these words. */
  'not-found',
  /** Several paragraphs of the text have these words. */
  'ambiguous',
  /** The paragraph is agreed or deleted and takes no new proposals. */
  'paragraph-closed',
  /** Paragraphs were split or joined (a paragraph mark inserted or deleted). */
  'split-or-joined',
  /** A new paragraph whose preceding paragraph could not be matched. */
  'no-anchor',
  /** A new paragraph numbered for the other part (PP/OP) than the paragraph it follows. */
  'other-part',
  /** The paragraph's number itself was changed. */
  'label-changed',
  /** The resulting text has characters a record may not hold, or is too long. */
  'invalid-text',
  /** Nothing visible changes. */
  'no-change',
] as const;
/** A reason from `UNMATCHED_REASONS`. */
export type UnmatchedReason = (typeof UNMATCHED_REASONS)[number];

/** Something of the Word file that will not be tabled, and why. */
export interface UnmatchedItem extends WordAuthorship {
  kind: 'revision' | 'paragraph' | 'comment';
  /** The number the Word file gives its paragraph, if any. */
  label: string | null;
  /** The words concerned: a revision's (deleted → inserted), a new paragraph's, a comment's. */
  text: string;
  reason: UnmatchedReason;
}

/** What an import preview answers. */
export interface ImportPreview {
  items: ImportItem[];
  unmatched: UnmatchedItem[];
}

/** What tables a reviewed item (`POST …/amendments/import`): the proposal's kind, paragraph and words. */
export type ImportItemBody =
  | { kind: 'amend'; pid: string; text: string; baseText: string }
  | { kind: 'delete'; pid: string }
  | { kind: 'insert'; pid: string; text: string }
  | { kind: 'comment'; pid: string; text: string };

/** The body that tables a previewed item. */
export function importItemBody(item: ImportItem): ImportItemBody {
  switch (item.kind) {
    case 'amend':
      return { kind: 'amend', pid: item.pid, text: item.after, baseText: item.before };
    case 'delete':
      return { kind: 'delete', pid: item.pid };
    case 'insert':
      return { kind: 'insert', pid: item.pid, text: item.text ?? item.after };
    case 'comment':
      return { kind: 'comment', pid: item.pid, text: item.text ?? '' };
  }
}

/** Options of `matchRevisions`. */
export interface MatchOptions {
  /** Longest text of a proposal, in characters. */
  maxText: number;
}

/** A text folded for comparison, with where each of its characters came from in the original. */
interface Folded {
  text: string;
  /** `at[i]`: index in the original of folded character i; `at[text.length]` is the original's length. */
  at: number[];
}

/** NFC, white space runs as one space, trimmed; with the map back to the original. */
function fold(s: string): Folded {
  let text = '';
  const at: number[] = [];
  let space = -1;
  for (const m of s.matchAll(/\s+|\P{M}\p{M}*|\p{M}+/gsu)) {
    if (/^\s+$/u.test(m[0])) {
      if (text !== '') space = m.index;
      continue;
    }
    if (space >= 0) {
      text += ' ';
      at.push(space);
      space = -1;
    }
    const n = m[0].normalize('NFC');
    text += n;
    for (let k = 0; k < n.length; k++) at.push(m.index);
  }
  at.push(s.length);
  return { text, at };
}

/** The folded form of a text, for comparing paragraphs. */
export function foldText(s: string): string {
  return fold(s).text;
}

/** Maps an offset of `from` to the offset of `to` at the same place (their folded forms are equal). */
function mapOffset(from: Folded, to: Folded, offset: number): number {
  let i = 0;
  while (i < from.text.length && from.at[i]! < offset) i++;
  return to.at[i]!;
}

type Located =
  | { ok: true; draft: DraftParagraphInfo; by: 'label' | 'text' }
  | { ok: false; reason: UnmatchedReason };

/** The draft paragraph a Word paragraph (its number and text as it was) stands for. */
function locate(read: ReadParagraph, draft: readonly DraftParagraphInfo[]): Located {
  const key = foldText(read.before);
  const byLabel = read.label === null ? undefined : draft.find((d) => d.label === read.label);
  if (byLabel && foldText(byLabel.text) === key) return { ok: true, draft: byLabel, by: 'label' };
  const byText = key === '' ? [] : draft.filter((d) => foldText(d.text) === key);
  if (byText.length === 1) return { ok: true, draft: byText[0]!, by: 'text' };
  if (byText.length > 1) return { ok: false, reason: 'ambiguous' };
  return { ok: false, reason: byLabel ? 'text-changed' : 'not-found' };
}

function usable(text: string, max: number): boolean {
  return text.trim().length <= max && textProblem(text.trim(), { multiline: true }) === null;
}

/** Longest words of an unmatched entry: enough to recognise it, never a whole file echoed back. */
const UNMATCHED_TEXT_MAX = 500;

const shorten = (text: string) =>
  text.length > UNMATCHED_TEXT_MAX ? `${text.slice(0, UNMATCHED_TEXT_MAX)}…` : text;

const describe = (r: Pick<ParagraphRevision, 'deleted' | 'inserted'>) =>
  shorten(r.deleted && r.inserted ? `${r.deleted} → ${r.inserted}` : r.inserted || r.deleted);

const isNew = (r: ReadParagraph) => r.before.trim() === '' && r.after.trim() !== '';

/**
 * The proposals a Word file's revisions and comments make on `draft`, and what cannot be matched,
 * each with its reason. Pure: the server adds which are already tabled.
 */
export function matchRevisions(
  word: WordRevisions,
  draft: readonly DraftParagraphInfo[],
  opts: MatchOptions,
): ImportPreview {
  const read = word.paragraphs.map(readParagraph);
  const located = read.map((r) => (isNew(r) ? null : locate(r, draft)));
  const items: ImportItem[] = [];
  const unmatched: UnmatchedItem[] = [];

  // A paragraph mark inserted or deleted is safe only where a paragraph was typed in or deleted
  // whole; anywhere else paragraphs were split or joined, and their words cannot be matched.
  const allDeleted = (r: ReadParagraph | undefined) =>
    r !== undefined && r.before.trim() !== '' && r.after.trim() === '';
  const splitOrJoined = new Set<number>();
  word.paragraphs.forEach((p, i) => {
    if (p.mark === 'inserted' && !isNew(read[i]!) && !(read[i + 1] && isNew(read[i + 1]!)))
      splitOrJoined.add(i).add(i + 1);
    if (p.mark === 'deleted' && !allDeleted(read[i]) && !allDeleted(read[i + 1]))
      splitOrJoined.add(i).add(i + 1);
  });

  for (const [i, r] of read.entries()) {
    if (r.revisions.length === 0) continue;
    if (isNew(r) && !splitOrJoined.has(i)) {
      newParagraph(i, r);
      continue;
    }
    const at: Located = splitOrJoined.has(i) ? { ok: false, reason: 'split-or-joined' } : located[i]!;
    const reason = !at.ok ? at.reason : at.draft.open ? null : 'paragraph-closed';
    if (!at.ok || reason) {
      for (const rev of r.revisions)
        unmatched.push({
          kind: 'revision',
          label: r.label,
          text: describe(rev),
          reason: reason ?? 'not-found',
          ...authorship(rev),
        });
      continue;
    }
    if (r.labelChanged)
      unmatched.push({
        kind: 'revision',
        label: r.label,
        text: r.label ?? '',
        reason: 'label-changed',
        ...authorship(r.revisions[0]!),
      });
    const d = at.draft;
    const fromWord = fold(r.before);
    const inDraft = fold(d.text);
    for (const [n, rev] of r.revisions.entries()) {
      const from = mapOffset(fromWord, inDraft, rev.from);
      const to = mapOffset(fromWord, inDraft, rev.to);
      const inserted = rev.inserted.normalize('NFC');
      const after = d.text.slice(0, from) + inserted + d.text.slice(to);
      const whole = after.trim() === '';
      const changes = whole ? [] : wordChanges(d.text, after);
      const reason: UnmatchedReason | null = whole
        ? null
        : !usable(after, opts.maxText)
          ? 'invalid-text'
          : changes.length === 0 || foldText(after) === foldText(d.text)
            ? 'no-change'
            : null;
      if (reason) {
        unmatched.push({ kind: 'revision', label: r.label, text: describe(rev), reason, ...authorship(rev) });
        continue;
      }
      items.push({
        key: `p${i}.r${n}`,
        kind: whole ? 'delete' : 'amend',
        pid: d.pid,
        label: d.label,
        before: d.text,
        after: whole ? '' : after,
        changes: whole ? [{ from: 0, to: d.text.length, deleted: d.text, inserted: '' }] : changes,
        matchedBy: at.by,
        documentLabel: r.label,
        ...authorship(rev),
      });
    }
  }

  function newParagraph(i: number, r: ReadParagraph): void {
    const text = r.after.trim().normalize('NFC');
    const first = r.revisions[0]!;
    // The paragraph it follows: the nearest before it that is not new itself.
    let j = i - 1;
    while (j >= 0 && isNew(read[j]!)) j--;
    const anchor = j >= 0 ? located[j] : null;
    const part = r.label ? labelKind(r.label) : null;
    const reason: UnmatchedReason | null = !anchor?.ok
      ? 'no-anchor'
      : !anchor.draft.open
        ? 'paragraph-closed'
        : part && part !== anchor.draft.kind
          ? 'other-part'
          : usable(text, opts.maxText)
            ? null
            : 'invalid-text';
    if (!anchor?.ok || reason) {
      unmatched.push({
        kind: 'paragraph',
        label: r.label,
        text,
        reason: reason ?? 'no-anchor',
        ...authorship(first),
      });
      return;
    }
    items.push({
      key: `p${i}.new`,
      kind: 'insert',
      pid: anchor.draft.pid,
      label: anchor.draft.label,
      before: '',
      after: text,
      changes: [],
      text,
      matchedBy: anchor.by,
      documentLabel: r.label,
      ...authorship(first),
    });
  }

  for (const [n, c] of word.comments.entries()) {
    const text = c.text.trim().normalize('NFC');
    const r = read[c.paragraph];
    if (text === '') continue;
    const at: Located = splitOrJoined.has(c.paragraph)
      ? { ok: false, reason: 'split-or-joined' }
      : r && !isNew(r)
        ? located[c.paragraph]!
        : { ok: false, reason: 'not-found' };
    const reason: UnmatchedReason | null = !at.ok
      ? at.reason
      : !at.draft.open
        ? 'paragraph-closed'
        : usable(text, opts.maxText)
          ? null
          : 'invalid-text';
    if (!at.ok || reason) {
      unmatched.push({
        kind: 'comment',
        label: r?.label ?? null,
        text: shorten(text),
        reason: reason ?? 'not-found',
        ...authorship(c),
      });
      continue;
    }
    items.push({
      key: `c${n}`,
      kind: 'comment',
      pid: at.draft.pid,
      label: at.draft.label,
      before: at.draft.text,
      after: at.draft.text,
      changes: [],
      text,
      quoted: c.quoted,
      matchedBy: at.by,
      documentLabel: r?.label ?? null,
      ...authorship(c),
    });
  }

  return { items, unmatched };
}

const authorship = (a: WordAuthorship): WordAuthorship => ({ author: a.author, date: a.date });
