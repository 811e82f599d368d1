/**
 * The suggestion document: one paragraph on the draft's own marks (italic, bold), whose text is
 * the proposed text. Its formatting is never typed: the words it keeps from the base text keep
 * the base's marks, the words it puts in are plain (the record is plain text), so the editor
 * never shows formatting the record lacks. Pure functions, no DOM.
 */
import { type Mark, type Node, Schema } from 'prosemirror-model';
import { schema as draftSchema } from '../../../shared/schema.js';
import { type SnapshotRun, sliceRuns } from '../../../shared/snapshot.js';
import { wordChanges } from '../../../shared/wordDiff.js';

/** The schema of the suggestion editor: a document of exactly one paragraph of text. */
export const suggestionSchema = new Schema({
  nodes: {
    doc: { content: 'paragraph' },
    paragraph: {
      content: 'text*',
      parseDOM: [{ tag: 'p' }],
      toDOM: () => ['p', { class: 'suggestion-text' }, 0],
    },
    text: {},
  },
  marks: draftSchema.spec.marks,
});

/** The base text a proposal is written against, with its formatting. */
export interface SuggestionBase {
  text: string;
  runs: readonly SnapshotRun[];
}

/** The text a sequence of runs spells out. */
export function runsText(runs: readonly SnapshotRun[]): string {
  return runs.map((r) => r.text).join('');
}

/**
 * The base as formatted runs of `text`: `runs` (the paragraph as it reads now) carried onto
 * `text` by the word diff, so that a base the delegate saw earlier keeps the formatting of the
 * words it shares with the current one. Plain runs when `runs` is empty.
 */
export function baseOf(text: string, runs: readonly SnapshotRun[]): SuggestionBase {
  return { text, runs: styledRuns(runs, text) };
}

/**
 * The runs of `text` as the suggestion editor shows it: the words it keeps from the base (by the
 * word diff of `shared/wordDiff.ts`, the server's) with the base's marks, every word it puts in
 * plain. Adjacent runs of the same marks are merged.
 */
export function styledRuns(base: readonly SnapshotRun[], text: string): SnapshotRun[] {
  const baseText = runsText(base);
  const out: SnapshotRun[] = [];
  const push = (run: SnapshotRun) => {
    if (run.text === '') return;
    const last = out.at(-1);
    if (last && !!last.em === !!run.em && !!last.strong === !!run.strong) last.text += run.text;
    else out.push({ ...run });
  };
  let at = 0;
  for (const c of wordChanges(baseText, text)) {
    for (const run of sliceRuns(base, at, c.from)) push(run);
    push({ text: c.inserted });
    at = c.to;
  }
  for (const run of sliceRuns(base, at, baseText.length)) push(run);
  return out;
}

/** The marks a run carries in the suggestion schema. */
export function runMarks(run: SnapshotRun): Mark[] {
  const marks: Mark[] = [];
  if (run.em) marks.push(suggestionSchema.marks.em!.create());
  if (run.strong) marks.push(suggestionSchema.marks.strong!.create());
  return marks;
}

/** A suggestion document of formatted runs. */
export function docFromRuns(runs: readonly SnapshotRun[]): Node {
  const s = suggestionSchema;
  const texts = runs.filter((r) => r.text !== '').map((r) => s.text(r.text, runMarks(r)));
  return s.node('doc', null, [s.node('paragraph', null, texts)]);
}

/** The suggestion document of `text` written against `base`: kept words formatted, new words plain. */
export function suggestionDoc(base: SuggestionBase, text: string): Node {
  return docFromRuns(styledRuns(base.runs, text));
}

/** The proposed text a suggestion document holds. */
export function docText(doc: Node): string {
  return doc.textContent;
}

/** The formatted runs of a suggestion document. */
export function docRuns(doc: Node): SnapshotRun[] {
  const out: SnapshotRun[] = [];
  doc.descendants((node) => {
    if (!node.isText) return true;
    const run: SnapshotRun = { text: node.text ?? '' };
    if (node.marks.some((m) => m.type.name === 'em')) run.em = true;
    if (node.marks.some((m) => m.type.name === 'strong')) run.strong = true;
    out.push(run);
    return false;
  });
  return out;
}
