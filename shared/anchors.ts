/**
 * Anchoring proposals to the exact words of a base paragraph with Yjs relative positions, so
 * that edits elsewhere in the paragraph do not move them, and resolving them back to offsets.
 * Works on the draft's Y.Doc on both sides (the server anchors, everyone resolves).
 */
import * as Y from 'yjs';
import type { AnchoredChange } from './proposals.js';
import { DRAFT_FRAGMENT, isParagraphType, type ParagraphKind } from './schema.js';
import type { SnapshotRun } from './snapshot.js';
import type { TextChange } from './wordDiff.js';

/** A paragraph of the draft document. */
export interface DraftParagraph {
  pid: string;
  kind: ParagraphKind;
  element: Y.XmlElement;
}

/** The numbered paragraphs of the draft, in order. */
export function draftParagraphs(doc: Y.Doc): DraftParagraph[] {
  const out: DraftParagraph[] = [];
  for (const child of doc.getXmlFragment(DRAFT_FRAGMENT).toArray()) {
    if (child instanceof Y.XmlElement && isParagraphType(child.nodeName)) {
      out.push({ pid: String(child.getAttribute('pid') ?? ''), kind: child.nodeName, element: child });
    }
  }
  return out;
}

/** The paragraph with id `pid`, or undefined. */
export function findParagraph(doc: Y.Doc, pid: string): DraftParagraph | undefined {
  return draftParagraphs(doc).find((p) => p.pid === pid);
}

/** The Y.XmlText holding a paragraph's words (created empty if the paragraph has none). */
export function paragraphTextType(element: Y.XmlElement): Y.XmlText {
  const first = element.firstChild;
  if (first instanceof Y.XmlText) return first;
  const text = new Y.XmlText();
  element.insert(0, [text]);
  return text;
}

/** Plain text of a Y.XmlText, marks dropped. */
export function plainText(text: Y.XmlText): string {
  let out = '';
  for (const op of text.toDelta() as { insert: unknown }[])
    if (typeof op.insert === 'string') out += op.insert;
  return out;
}

/** The formatted runs of a paragraph element (italic opening words and the like). */
export function paragraphRuns(element: Y.XmlElement): SnapshotRun[] {
  const first = element.firstChild;
  if (!(first instanceof Y.XmlText)) return [];
  return (first.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]).flatMap((op) => {
    if (typeof op.insert !== 'string') return [];
    const run: SnapshotRun = { text: op.insert };
    if (op.attributes?.em) run.em = true;
    if (op.attributes?.strong) run.strong = true;
    return [run];
  });
}

/** Plain text of a paragraph element. */
export function paragraphPlainText(element: Y.XmlElement): string {
  const first = element.firstChild;
  return first instanceof Y.XmlText ? plainText(first) : '';
}

function encode(pos: Y.RelativePosition): string {
  const bytes = Y.encodeRelativePosition(pos);
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

function decode(b64: string): Y.RelativePosition {
  const s = atob(b64);
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
  return Y.decodeRelativePosition(bytes);
}

/**
 * Anchors word changes (offsets into the text's current plain text) to the words themselves:
 * the start sticks to the first targeted character, the end to the last one, and an insertion
 * point to the character before it.
 */
export function anchorChanges(text: Y.XmlText, changes: readonly TextChange[]): AnchoredChange[] {
  return changes.map((c) => {
    const from =
      c.from === c.to
        ? Y.createRelativePositionFromTypeIndex(text, c.from, -1)
        : Y.createRelativePositionFromTypeIndex(text, c.from, 0);
    const to = c.from === c.to ? from : Y.createRelativePositionFromTypeIndex(text, c.to, -1);
    return { from: encode(from), to: encode(to), deleted: c.deleted, inserted: c.inserted };
  });
}

/**
 * Resolves anchored changes against one state of the draft. Paragraphs are indexed by id and
 * their plain text computed once, so resolving every amendment of a negotiation is linear.
 * The resolver reads the document as it is when each paragraph is first used: build a new one
 * after the document changes.
 */
export class AnchorResolver {
  private readonly byPid = new Map<string, Y.XmlElement>();
  private readonly texts = new Map<string, string>();

  constructor(private readonly doc: Y.Doc) {
    for (const p of draftParagraphs(doc)) if (!this.byPid.has(p.pid)) this.byPid.set(p.pid, p.element);
  }

  /**
   * Current offsets of `changes` in paragraph `pid`, or null when the paragraph or any targeted
   * words are gone or no longer read as they did (the proposal is outdated).
   */
  resolve(pid: string, changes: readonly AnchoredChange[]): { from: number; to: number }[] | null {
    const element = this.byPid.get(pid);
    if (!element) return null;
    const first = element.firstChild;
    if (!(first instanceof Y.XmlText)) return changes.length === 0 ? [] : null;
    let current = this.texts.get(pid);
    if (current === undefined) {
      current = plainText(first);
      this.texts.set(pid, current);
    }
    const out: { from: number; to: number }[] = [];
    for (const c of changes) {
      let from: Y.AbsolutePosition | null;
      let to: Y.AbsolutePosition | null;
      try {
        from = Y.createAbsolutePositionFromRelativePosition(decode(c.from), this.doc);
        to = Y.createAbsolutePositionFromRelativePosition(decode(c.to), this.doc);
      } catch {
        return null;
      }
      if (!from || !to || from.type !== first || to.type !== first) return null;
      if (from.index > to.index || current.slice(from.index, to.index) !== c.deleted) return null;
      out.push({ from: from.index, to: to.index });
    }
    return out;
  }

  /**
   * Where `changes` stand in paragraph `pid` now, whatever became of their words: each anchor
   * resolves to the place of the character it sticks to, deleted or not. For an amendment whose
   * words were rewritten (outdated) this is where they were; for an applied one, where the words
   * it put in begin. Null when the paragraph is gone or an anchor points elsewhere.
   */
  locate(pid: string, changes: readonly AnchoredChange[]): { from: number; to: number }[] | null {
    const element = this.byPid.get(pid);
    const first = element?.firstChild;
    if (!(first instanceof Y.XmlText)) return null;
    const out: { from: number; to: number }[] = [];
    for (const c of changes) {
      let from: Y.AbsolutePosition | null;
      let to: Y.AbsolutePosition | null;
      try {
        from = Y.createAbsolutePositionFromRelativePosition(decode(c.from), this.doc);
        to = Y.createAbsolutePositionFromRelativePosition(decode(c.to), this.doc);
      } catch {
        return null;
      }
      if (!from || !to || from.type !== first || to.type !== first) return null;
      out.push({ from: from.index, to: Math.max(from.index, to.index) });
    }
    return out;
  }
}

/** `AnchorResolver.resolve` for a single paragraph (see there). */
export function resolveChanges(
  doc: Y.Doc,
  pid: string,
  changes: readonly AnchoredChange[],
): { from: number; to: number }[] | null {
  return new AnchorResolver(doc).resolve(pid, changes);
}

/**
 * What anchors into a paragraph can resolve against: the ids, lengths and deletion flags of the
 * items of its text, in order. Equal fingerprints mean every anchor into the paragraph resolves
 * as before, so a check for outdated proposals can skip paragraphs whose fingerprint is unchanged.
 */
export function paragraphFingerprint(element: Y.XmlElement | undefined): string {
  if (!element) return 'missing';
  const first = element.firstChild;
  if (!(first instanceof Y.XmlText)) return 'empty';
  let fp = '';
  // `_start` is a Yjs type's first item (typed, and stable across Yjs 13 releases).
  for (let item = first._start; item; item = item.right) {
    fp += `${item.id.client}.${item.id.clock}.${item.length}.${item.deleted ? 1 : 0};`;
  }
  return fp;
}
