/**
 * Recognising a declaration in imported text (a Word document or pasted text): the title,
 * section headings, preambular and operative paragraphs. Typed numbers ("PP3", "OP12", "1.",
 * "(a)") are stripped because numbering is computed. Pure: the .docx reading happens elsewhere.
 */
import { newId } from './ids.js';
import type { SnapshotRun } from './snapshot.js';
import { describeTextProblem, normalizeText, textProblem, writable } from './textValidation.js';

/** A paragraph as read from the source, with what formatting is known. */
export interface SourceParagraph {
  runs: SnapshotRun[];
  /** Word style name, e.g. "Title", "Heading 1". */
  style?: string | null;
  centered?: boolean;
  /** True when Word numbers the paragraph automatically (a list item). */
  listItem?: boolean;
}

/** The recognised document as ProseMirror JSON plus a summary for the preview. */
export interface ImportResult {
  doc: { type: 'doc'; content: unknown[] };
  summary: { title: string; sections: number; preambular: number; operative: number };
}

const TYPED_NUMBER =
  /^\s*(?:(PP|OP)\s*\d+\s*(?:bis|ter|quater)?\s*[.:)]?\s+|\d+\s*[.)]\s+|\(\s*[a-z0-9]+\s*\)\s+)/i;
const PREAMBLE_OPENERS =
  /^(Recalling|Reaffirming|Recognizing|Recognising|Acknowledging|Noting|Welcoming|Emphasizing|Emphasising|Stressing|Bearing in mind|Concerned|Deeply concerned|Convinced|Mindful|Guided by|Taking note|Underlining|Expressing|Determined|Aware|Considering|Having considered|Alarmed|Appreciating|Affirming)\b/;

function plain(runs: readonly SnapshotRun[]): string {
  return runs.map((r) => r.text).join('');
}

/** Drops the first `n` characters of a run list. */
function dropChars(runs: readonly SnapshotRun[], n: number): SnapshotRun[] {
  const out: SnapshotRun[] = [];
  let left = n;
  for (const r of runs) {
    if (left >= r.text.length) {
      left -= r.text.length;
      continue;
    }
    out.push({ ...r, text: r.text.slice(left) });
    left = 0;
  }
  return out;
}

function trimRuns(runs: readonly SnapshotRun[]): SnapshotRun[] {
  const out = runs.map((r) => ({ ...r })).filter((r) => r.text !== '');
  if (out.length > 0) out[0]!.text = out[0]!.text.replace(/^\s+/, '');
  if (out.length > 0) out[out.length - 1]!.text = out[out.length - 1]!.text.replace(/\s+$/, '');
  return out.filter((r) => r.text !== '');
}

function isHeading(p: SourceParagraph, text: string): boolean {
  if (p.style && /heading/i.test(p.style)) return true;
  const allBold = p.runs.length > 0 && p.runs.every((r) => r.strong || r.text.trim() === '');
  return (
    (allBold || (p.centered === true && text === text.toUpperCase())) &&
    text.length < 120 &&
    !/[.,;]$/.test(text)
  );
}

function content(runs: readonly SnapshotRun[]) {
  return runs.map((r) => {
    const marks = [...(r.em ? [{ type: 'em' }] : []), ...(r.strong ? [{ type: 'strong' }] : [])];
    return marks.length > 0 ? { type: 'text', text: r.text, marks } : { type: 'text', text: r.text };
  });
}

/** Recognises the structure of imported paragraphs. */
export function recognise(paragraphs: readonly SourceParagraph[]): ImportResult {
  const blocks: unknown[] = [];
  const summary = { title: '', sections: 0, preambular: 0, operative: 0 };
  let seenOperative = false;
  for (const p of paragraphs) {
    const runs = trimRuns(p.runs.map((r) => ({ ...r, text: cleanImported(r.text) })));
    const text = plain(runs);
    if (text === '') continue;
    if (summary.title === '') {
      summary.title = text;
      blocks.push({ type: 'title', content: content(runs.map(({ text: t }) => ({ text: t }))) });
      continue;
    }
    if (!TYPED_NUMBER.test(text) && isHeading(p, text)) {
      summary.sections++;
      blocks.push({ type: 'section', content: content(runs.map(({ text: t }) => ({ text: t }))) });
      continue;
    }
    const typed = TYPED_NUMBER.exec(text);
    const body = typed ? trimRuns(dropChars(runs, typed[0].length)) : runs;
    const bodyText = plain(body);
    const prefix = typed?.[1]?.toUpperCase();
    const italicOpening = body[0]?.em === true;
    const preambular =
      prefix === 'PP' ||
      (prefix !== 'OP' &&
        !(typed && !prefix) &&
        !p.listItem &&
        !seenOperative &&
        (italicOpening || PREAMBLE_OPENERS.test(bodyText) || /,$/.test(bodyText)));
    if (preambular) summary.preambular++;
    else {
      summary.operative++;
      seenOperative = true;
    }
    blocks.push({
      type: preambular ? 'preambular' : 'operative',
      attrs: { pid: newId() },
      content: content(body),
    });
  }
  if (summary.title === '') blocks.unshift({ type: 'title', content: [] });
  return { doc: { type: 'doc', content: blocks }, summary };
}

/** Paragraphs of pasted plain text: one per non-empty line. */
export function paragraphsOfText(text: string): SourceParagraph[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => ({ runs: [{ text: line }] }));
}

/**
 * A run of imported text as a paragraph may hold it: in NFC, with tabs, breaks and other
 * controls as spaces, and without noncharacters, broken surrogates or bidirectional overrides
 * (`shared/textValidation.ts`), so that the preview shows what the import will store.
 */
export function cleanImported(text: string): string {
  return writable(normalizeText(text))
    .replace(/[\t\n\r]/g, ' ')
    .replace(/[\u202A-\u202E]/g, '');
}

/** The first text of an imported document (ProseMirror JSON) a record may not hold, described; null when none. */
export function importedTextProblem(doc: unknown): string | null {
  const visit = (node: unknown): string | null => {
    if (node === null || typeof node !== 'object') return null;
    const { text, content } = node as { text?: unknown; content?: unknown };
    if (typeof text === 'string') {
      const problem = textProblem(text);
      if (problem && problem.kind !== 'invisible') return describeTextProblem(problem, 'doc');
    }
    if (Array.isArray(content))
      for (const child of content) {
        const found = visit(child);
        if (found) return found;
      }
    return null;
  };
  return visit(doc);
}

/** A block of a structured source (an Akoma Ntoso document), its kind given by the source. */
export interface StructuredBlock {
  type: 'title' | 'section' | 'preambular' | 'operative';
  runs: SnapshotRun[];
}

/**
 * The document of a structured source, taken as it says: no recognition, no numbers stripped
 * (the source keeps them apart). Runs are cleaned as any import's (`cleanImported`), empty
 * blocks dropped; the first title is the title (italics and bold dropped, as the title holds
 * none), later ones become section headings.
 */
export function importStructured(blocks: readonly StructuredBlock[]): ImportResult {
  const out: unknown[] = [];
  const summary = { title: '', sections: 0, preambular: 0, operative: 0 };
  let title: unknown = { type: 'title', content: [] };
  for (const b of blocks) {
    const runs = trimRuns(b.runs.map((r) => ({ ...r, text: cleanImported(r.text) })));
    const text = plain(runs);
    if (text === '') continue;
    if (b.type === 'title' && summary.title === '') {
      summary.title = text;
      title = { type: 'title', content: [{ type: 'text', text }] };
    } else if (b.type === 'title' || b.type === 'section') {
      summary.sections++;
      out.push({ type: 'section', content: content(runs.map(({ text: t }) => ({ text: t }))) });
    } else {
      summary[b.type]++;
      out.push({ type: b.type, attrs: { pid: newId() }, content: content(runs) });
    }
  }
  return { doc: { type: 'doc', content: [title, ...out] }, summary };
}
