/**
 * Word's "Accept all" and "Reject all" on a document's body (`word/document.xml`), for tests of
 * exports in tracked changes: what a reader would be left with, paragraph by paragraph, with the
 * italics and bold of each run; and the list of revisions with their authors and dates.
 *
 * Accepting keeps inserted runs (`w:ins`) and drops deleted ones (`w:del`); a paragraph whose
 * mark is deleted (`w:pPr/w:rPr/w:del`) loses its mark, so what is left of it joins the next
 * paragraph. Rejecting does the reverse. Deleted text must be `w:delText` inside `w:del`, and
 * the document's last paragraph mark must carry no revision (Word cannot remove it): anything
 * else throws, as does markup this reader does not know (moves, tables).
 */
import { SaxesParser } from 'saxes';

/** An element of the part: its name, attributes and children (text as strings). */
interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  children: (XmlNode | string)[];
}

/** A run as read: its text and whether it is italic or bold. */
export interface ReadRun {
  text: string;
  italics: boolean;
  bold: boolean;
}

/** A paragraph as read: its text and its runs (neighbours of the same formatting joined). */
export interface ReadParagraph {
  text: string;
  runs: ReadRun[];
}

/** A tracked change in the body. */
export interface ReadRevision {
  kind: 'ins' | 'del';
  id: string;
  author: string;
  date: string;
  /** The text it inserts or deletes ('' for a paragraph mark). */
  text: string;
  /** True for the revision of a paragraph mark. */
  mark: boolean;
  /** True when it follows the revision before with no unchanged text (or paragraph mark) between. */
  adjacent: boolean;
}

/** Parses an XML part into a tree. */
export function parseXml(xml: string): XmlNode {
  const parser = new SaxesParser();
  const root: XmlNode = { name: '#root', attributes: {}, children: [] };
  const stack: XmlNode[] = [root];
  parser.on('opentag', (tag) => {
    const node: XmlNode = {
      name: tag.name,
      attributes: { ...(tag.attributes as Record<string, string>) },
      children: [],
    };
    stack.at(-1)!.children.push(node);
    stack.push(node);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('text', (text) => {
    stack.at(-1)!.children.push(text);
  });
  parser.write(xml).close();
  return root;
}

/** What a run holds that stands in the text as it is. */
const UNCHANGED = new Set(['w:t', 'w:tab', 'w:commentReference']);

const UNKNOWN = new Set(['w:moveFrom', 'w:moveTo', 'w:tbl', 'w:sdt', 'w:customXml', 'w:smartTag']);

function child(node: XmlNode, name: string): XmlNode | undefined {
  return node.children.find((c): c is XmlNode => typeof c !== 'string' && c.name === name);
}

function elements(node: XmlNode): XmlNode[] {
  return node.children.filter((c): c is XmlNode => typeof c !== 'string');
}

function textOf(node: XmlNode): string {
  return node.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}

/** The paragraphs of the body, in order. */
function bodyParagraphs(xml: string): XmlNode[] {
  const doc = child(parseXml(xml), 'w:document');
  const body = doc && child(doc, 'w:body');
  if (!body) throw new Error('no w:body');
  return elements(body).filter((e) => {
    if (UNKNOWN.has(e.name)) throw new Error(`${e.name} is not read`);
    return e.name === 'w:p';
  });
}

/** The revisions on a paragraph's mark: inserted, deleted (both: inserted, then deleted). */
function markOf(p: XmlNode): { ins: boolean; del: boolean } {
  const pPr = child(p, 'w:pPr');
  const rPr = pPr && child(pPr, 'w:rPr');
  return { ins: !!rPr && !!child(rPr, 'w:ins'), del: !!rPr && !!child(rPr, 'w:del') };
}

function on(props: XmlNode | undefined, name: string): boolean {
  const e = props && child(props, name);
  if (!e) return false;
  const val = e.attributes['w:val'];
  return val === undefined || !['false', '0', 'off'].includes(val);
}

/** The runs of a paragraph as kept in `mode`, in order. */
function paragraphRuns(p: XmlNode, mode: 'accept' | 'reject'): ReadRun[] {
  const out: ReadRun[] = [];
  const walk = (node: XmlNode, within: 'ins' | 'del' | null) => {
    for (const e of elements(node)) {
      if (UNKNOWN.has(e.name)) throw new Error(`${e.name} is not read`);
      if (e.name === 'w:pPr') continue;
      if (e.name === 'w:ins' || e.name === 'w:del') {
        if (within) throw new Error(`${e.name} inside w:${within}`);
        walk(e, e.name === 'w:ins' ? 'ins' : 'del');
      } else if (e.name === 'w:r') {
        const props = child(e, 'w:rPr');
        let text = '';
        for (const part of elements(e)) {
          if (part.name === 'w:t') {
            if (within === 'del') throw new Error('w:t inside w:del (deleted text is w:delText)');
            text += textOf(part);
          } else if (part.name === 'w:delText') {
            if (within !== 'del') throw new Error('w:delText outside w:del');
            text += textOf(part);
          } else if (part.name === 'w:tab') text += '\t';
        }
        const kept = within === null || (mode === 'accept' ? within === 'ins' : within === 'del');
        if (kept && text !== '') out.push({ text, italics: on(props, 'w:i'), bold: on(props, 'w:b') });
      } else walk(e, within);
    }
  };
  walk(p, null);
  return out;
}

/** Runs with neighbours of the same formatting joined. */
export function joinedRuns(runs: readonly ReadRun[]): ReadRun[] {
  const out: ReadRun[] = [];
  for (const r of runs) {
    if (r.text === '') continue;
    const last = out.at(-1);
    if (last && last.italics === r.italics && last.bold === r.bold)
      out[out.length - 1] = { ...last, text: last.text + r.text };
    else out.push({ ...r });
  }
  return out;
}

/** The body after Word's "Accept all" or "Reject all" of its tracked changes. */
export function resolveRevisions(xml: string, mode: 'accept' | 'reject'): ReadParagraph[] {
  const paragraphs = bodyParagraphs(xml);
  const last = paragraphs.at(-1);
  if (last && (markOf(last).ins || markOf(last).del))
    throw new Error('the last paragraph mark carries a revision, which Word cannot remove');
  const out: ReadParagraph[] = [];
  let carried: ReadRun[] = [];
  for (const p of paragraphs) {
    const runs = [...carried, ...paragraphRuns(p, mode)];
    const mark = markOf(p);
    const goes = mode === 'accept' ? mark.del : mark.ins;
    if (goes) {
      carried = runs;
      continue;
    }
    carried = [];
    const joined = joinedRuns(runs);
    out.push({ text: joined.map((r) => r.text).join(''), runs: joined });
  }
  return out;
}

/**
 * Every revision of the body, in reading order (a paragraph mark's after its paragraph's words),
 * each saying whether it follows the one before with no unchanged text between.
 */
export function revisionsOf(xml: string): ReadRevision[] {
  const out: ReadRevision[] = [];
  let apart = true;
  const push = (e: XmlNode, mark: boolean) => {
    out.push({
      kind: e.name === 'w:ins' ? 'ins' : 'del',
      id: e.attributes['w:id'] ?? '',
      author: e.attributes['w:author'] ?? '',
      date: e.attributes['w:date'] ?? '',
      text: elements(e)
        .flatMap((r) => elements(r))
        .map((t) => (t.name === 'w:tab' ? '\t' : t.name === 'w:t' || t.name === 'w:delText' ? textOf(t) : ''))
        .join(''),
      mark,
      adjacent: !apart,
    });
    apart = false;
  };
  const walk = (node: XmlNode) => {
    for (const e of elements(node)) {
      if (e.name === 'w:pPr') continue;
      if (e.name === 'w:ins' || e.name === 'w:del') push(e, false);
      // Unchanged words, and the mark of a comment (a character of the text in word processors).
      else if (e.name === 'w:r' && elements(e).some((t) => UNCHANGED.has(t.name))) apart = true;
      else walk(e);
    }
  };
  for (const p of bodyParagraphs(xml)) {
    walk(p);
    const pPr = child(p, 'w:pPr');
    const rPr = pPr && child(pPr, 'w:rPr');
    const marks = rPr ? elements(rPr).filter((e) => e.name === 'w:ins' || e.name === 'w:del') : [];
    if (marks.length === 0) apart = true;
    for (const m of marks) push(m, true);
  }
  return out;
}

/**
 * The changes a reader sees: neighbouring revisions of the same kind, author and date joined,
 * as word processors show (and LibreOffice stores) them.
 */
export function joinedRevisions(revisions: readonly ReadRevision[]): ReadRevision[] {
  const out: ReadRevision[] = [];
  for (const r of revisions) {
    const last = out.at(-1);
    if (last && r.adjacent && last.kind === r.kind && last.author === r.author && last.date === r.date)
      out[out.length - 1] = { ...last, text: last.text + r.text };
    else out.push({ ...r });
  }
  return out;
}
