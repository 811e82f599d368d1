/**
 * Reading a Word document's tracked changes and comments from its XML (`word/document.xml`,
 * `word/comments.xml`) with a streaming parser (saxes), for importing a delegation's amendments.
 * mammoth cannot serve here: it drops deleted words. A DOCTYPE (where entity declarations live:
 * "billion laughs" and external entities) is refused outright with IMPORT_DOCTYPE_REFUSED, and
 * any other malformed XML, undeclared entity references included, with INVALID_BODY. Runs in the
 * import worker, after `checkDocx` has bounded the parts.
 */
import { type SaxesAttributeNS, SaxesParser } from 'saxes';
import { AppError } from '../../shared/errors.js';
import type {
  WordAuthorship,
  WordComment,
  WordParagraph,
  WordRevisions,
  WordSegment,
} from '../../shared/wordRevisions.js';
import type { CheckedDocx } from './docxLimits.js';

/** WordprocessingML's namespaces: transitional (what Word writes) and strict. */
const W_NAMESPACES = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
]);
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

/** Subtrees whose content is not the paragraph's text: text boxes, formatting changes, fallbacks. */
const SKIPPED = new Set([
  'txbxContent',
  'pPrChange',
  'rPrChange',
  'sectPrChange',
  'tblPrChange',
  'trPrChange',
  'tcPrChange',
  'numberingChange',
  'footnoteReference',
  'endnoteReference',
]);

/** Longest quotation of the words a comment is on. */
const QUOTE_MAX = 200;

const notDocx = () => new AppError('INVALID_BODY', 'This file could not be read as a Word document (.docx).');

/** Parses `xml`, calling `open`/`close`/`text` for elements of WordprocessingML; throws coded refusals. */
function parse(
  xml: string,
  on: {
    open(local: string, attr: (name: string) => string | null): void;
    close(local: string): void;
    text(text: string): void;
  },
): void {
  const parser = new SaxesParser({
    xmlns: true,
    position: false,
    resolvePrefix: (p: string) => `urn:unbound:${p}`,
  });
  let skip = 0;
  parser.on('doctype', () => {
    throw new AppError(
      'IMPORT_DOCTYPE_REFUSED',
      'This file declares a document type (DOCTYPE), which Word never writes. It was not read.',
    );
  });
  parser.on('opentag', (tag) => {
    const w = W_NAMESPACES.has(tag.uri);
    if (skip > 0 || (w && SKIPPED.has(tag.local)) || (tag.uri === MC && tag.local === 'Fallback')) {
      if (!tag.isSelfClosing) skip++;
      return;
    }
    if (!w) return;
    on.open(tag.local, (name) => attribute(tag.attributes, name));
    if (tag.isSelfClosing) on.close(tag.local);
  });
  parser.on('closetag', (tag) => {
    // A self-closing element was closed with its opening (and never counted in `skip`).
    if (tag.isSelfClosing) return;
    if (skip > 0) {
      skip--;
      return;
    }
    if (W_NAMESPACES.has(tag.uri)) on.close(tag.local);
  });
  parser.on('text', (t) => {
    if (skip === 0) on.text(t);
  });
  try {
    parser.write(xml).close();
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw notDocx();
  }
}

function attribute(attributes: Record<string, SaxesAttributeNS>, local: string): string | null {
  for (const a of Object.values(attributes)) if (a.local === local && W_NAMESPACES.has(a.uri)) return a.value;
  return null;
}

const authorship = (attr: (name: string) => string | null): WordAuthorship => ({
  author: attr('author'),
  date: attr('date'),
});

/** The paragraphs of `word/document.xml` with their tracked changes, and where comments begin. */
function readDocument(xml: string): {
  paragraphs: WordParagraph[];
  starts: Map<string, { paragraph: number; quoted: string }>;
} {
  const paragraphs: WordParagraph[] = [];
  const starts = new Map<string, { paragraph: number; quoted: string }>();
  const quoting = new Set<string>();
  let paragraph: WordParagraph | null = null;
  /** Tracked changes around the current position, innermost last. */
  const changes: ({ kind: 'ins' | 'del' } & WordAuthorship)[] = [];
  let inParagraphProps = 0;
  let inRunProps = 0;
  let inText = false;
  let nested = 0;

  /** The paragraph being read, or the next one between paragraphs. */
  const here = () => paragraphs.length;
  const append = (text: string) => {
    if (!paragraph || text === '') return;
    const ins = changes.find((c) => c.kind === 'ins');
    const del = changes.find((c) => c.kind === 'del');
    // Inserted by someone and deleted again: in neither the text as it was nor as it is wanted.
    if (ins && del) return;
    const change = del ?? ins;
    const segment: WordSegment = change
      ? { kind: change.kind, text, author: change.author, date: change.date }
      : { kind: 'text', text };
    const last = paragraph.segments.at(-1);
    if (
      last &&
      last.kind === segment.kind &&
      (last.kind === 'text' ||
        (segment.kind !== 'text' && last.author === segment.author && last.date === segment.date))
    )
      last.text += text;
    else paragraph.segments.push(segment);
    if (segment.kind !== 'del')
      for (const id of quoting) {
        const q = starts.get(id);
        if (q && q.quoted.length < QUOTE_MAX) q.quoted = (q.quoted + text).slice(0, QUOTE_MAX);
      }
  };

  parse(xml, {
    open(local, attr) {
      if (local === 'p') {
        if (paragraph) nested++;
        else paragraph = { segments: [], mark: null };
        return;
      }
      if (nested > 0) return;
      if (local === 'pPr') inParagraphProps++;
      else if (local === 'rPr') inRunProps++;
      else if ((local === 'ins' || local === 'del') && inRunProps > 0) {
        // The paragraph mark's own change (pPr/rPr/ins|del); other run properties are formatting.
        if (inParagraphProps > 0 && paragraph) paragraph.mark = local === 'ins' ? 'inserted' : 'deleted';
      } else if (inParagraphProps > 0) return;
      else if (local === 'ins' || local === 'moveTo') changes.push({ kind: 'ins', ...authorship(attr) });
      else if (local === 'del' || local === 'moveFrom') changes.push({ kind: 'del', ...authorship(attr) });
      else if (local === 't' || local === 'delText') inText = true;
      else if (local === 'tab') append('\t');
      else if (local === 'br' || local === 'cr') append(' ');
      else if (local === 'noBreakHyphen') append('\u2011');
      else if (local === 'commentRangeStart' || local === 'commentReference') {
        const id = attr('id');
        if (id === null || starts.has(id)) return;
        starts.set(id, { paragraph: here(), quoted: '' });
        if (local === 'commentRangeStart') quoting.add(id);
      } else if (local === 'commentRangeEnd') {
        const id = attr('id');
        if (id !== null) quoting.delete(id);
      }
    },
    close(local) {
      if (local === 'p') {
        if (nested > 0) nested--;
        else if (paragraph) {
          paragraphs.push(paragraph);
          paragraph = null;
        }
        return;
      }
      if (nested > 0) return;
      if (local === 'pPr') inParagraphProps--;
      else if (local === 'rPr') inRunProps--;
      else if (inParagraphProps > 0 || inRunProps > 0) return;
      else if (local === 'ins' || local === 'del' || local === 'moveTo' || local === 'moveFrom')
        changes.pop();
      else if (local === 't' || local === 'delText') inText = false;
    },
    text(t) {
      if (inText && nested === 0) append(t);
    },
  });
  return { paragraphs, starts };
}

/** The comments of `word/comments.xml` by id: who, when, and their text (paragraphs on lines of their own). */
function readComments(xml: string): Map<string, WordAuthorship & { text: string }> {
  const comments = new Map<string, WordAuthorship & { text: string }>();
  let current: (WordAuthorship & { text: string }) | null = null;
  let inText = false;
  let paragraphs = 0;
  let deleted = 0;
  parse(xml, {
    open(local, attr) {
      if (local === 'comment') {
        const id = attr('id');
        current = { ...authorship(attr), text: '' };
        paragraphs = 0;
        if (id !== null) comments.set(id, current);
      } else if (!current) return;
      else if (local === 'p' && paragraphs++ > 0) current.text += '\n';
      else if (local === 'del' || local === 'moveFrom') deleted++;
      else if (local === 't') inText = true;
      else if (local === 'tab' || local === 'br') current.text += ' ';
    },
    close(local) {
      if (local === 'comment') current = null;
      else if (local === 't') inText = false;
      else if (local === 'del' || local === 'moveFrom') deleted--;
    },
    text(t) {
      if (current && inText && deleted === 0) current.text += t;
    },
  });
  return comments;
}

/** The tracked changes and comments of a checked .docx. */
export function readRevisions(docx: CheckedDocx): WordRevisions {
  const { paragraphs, starts } = readDocument(docx.document);
  const xml = docx.part('word/comments.xml');
  const texts = xml === null ? new Map<string, WordAuthorship & { text: string }>() : readComments(xml);
  const comments: WordComment[] = [];
  for (const [id, at] of starts) {
    const c = texts.get(id);
    if (!c || at.paragraph >= paragraphs.length) continue;
    comments.push({
      paragraph: at.paragraph,
      text: c.text,
      author: c.author,
      date: c.date,
      quoted: at.quoted,
    });
  }
  comments.sort((a, b) => a.paragraph - b.paragraph);
  return { paragraphs, comments };
}
