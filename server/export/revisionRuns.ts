/**
 * Runs of text as Word's tracked changes (`w:ins`, `w:del` with `w:delText`), each revision with
 * an id unique in the document, its author and date, and the italics and bold of its words.
 * Word itself shows insertions underlined and deletions struck through; the runs carry no such
 * formatting, so that accepting or rejecting a change leaves the text as it was written.
 */
import { DeletedTextRun, InsertedTextRun, type ParagraphChild, Tab, TextRun } from 'docx';
import type { Piece } from '../../shared/pieces.js';
import type { ChangeAuthor } from './changeAuthors.js';
import type { Revision } from './layout.js';

/** Hands out the ids of a document's revisions and comments, each once. */
export class RevisionIds {
  private next = 0;

  /** A fresh id. */
  id(): number {
    return this.next++;
  }

  /** A revision by `author`, with a fresh id. */
  revision(author: ChangeAuthor): Revision {
    return { id: this.id(), author: author.name, date: author.date };
  }
}

/** Bold and italics of a run, on top of the paragraph's (a heading is bold). */
export interface Emphasis {
  bold?: true;
  italics?: true;
}

/** What a piece becomes: unchanged, or inserted or deleted by someone. */
export type Tracking = { as: 'text' } | { as: 'ins' | 'del'; by: ChangeAuthor };

/**
 * A piece's text as a run: plain, inserted or deleted. A tab (`\t`) in the text is written as
 * Word's tab.
 */
export function trackedRun(
  ids: RevisionIds,
  text: string,
  emphasis: Emphasis,
  tracking: Tracking,
): ParagraphChild {
  const children = text.split('\t').flatMap((part, i) => (i === 0 ? [part] : [new Tab(), part]));
  const style = { ...emphasis, children: children.filter((c) => c !== '') };
  if (tracking.as === 'text') return new TextRun(style);
  const revision = ids.revision(tracking.by);
  return tracking.as === 'ins'
    ? new InsertedTextRun({ ...style, ...revision })
    : new DeletedTextRun({ ...style, ...revision });
}

/** The emphasis of a piece (its italics and bold) on top of `base`. */
export function pieceEmphasis(piece: Pick<Piece, 'em' | 'strong'>, base: Emphasis = {}): Emphasis {
  return {
    ...base,
    ...(piece.em ? { italics: true } : {}),
    ...(piece.strong ? { bold: true } : {}),
  };
}
