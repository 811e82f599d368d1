/**
 * Reading an Akoma Ntoso 3.0 document as a draft's blocks, with saxes, a streaming XML parser
 * fed in slices so that a large file never holds the event loop for long. Refused before
 * anything is kept, each with its code: bytes that are not UTF-8 or not well-formed XML
 * (IMPORT_NOT_XML), a DOCTYPE (which is where entities are declared: IMPORT_DOCTYPE_REFUSED), a
 * root other than `akomaNtoso` in the AKN 3.0 namespace (IMPORT_NOT_AKN), more elements or
 * deeper nesting than any draft has (IMPORT_TOO_COMPLEX), too many paragraphs
 * (IMPORT_TOO_MANY_PARAGRAPHS).
 *
 * Of the first document in the root (a `statement`, `act`, `doc` …): the `docTitle` of its
 * preface is the title; in its preamble each `recital` or `citation` (or `p` outside them) is a
 * preambular paragraph and each `heading` a section heading; in its main body (`mainBody` or
 * `body`) each outermost `paragraph` — its subparagraphs, points and lists included, with their
 * numbers — or `p`
 * outside one is an operative paragraph, each `heading` of a container a section heading.
 * `i` and `b` are italics and bold. Left out: metadata, numbers (`num`: numbering is computed),
 * alternatives (`alternativeTo`), notes, deleted words (`del`), attachments and components
 * (proposals are not text), conclusions.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { AppError } from '../../shared/errors.js';
import type { StructuredBlock } from '../../shared/importText.js';
import type { SnapshotRun } from '../../shared/snapshot.js';

/** The Akoma Ntoso 3.0 namespace, the only one read. */
const AKN_NS = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';

/** Bounds of an Akoma Ntoso import. */
export interface AknLimits {
  /** Largest file, in bytes. */
  fileBytes: number;
  /** Most elements in the file. */
  elements: number;
  /** Deepest nesting of elements. */
  depth: number;
  /** Most paragraphs (title and headings included). */
  paragraphs: number;
}

/** Production bounds: far above any real draft (a few thousand elements, nesting under 15). */
export const AKN_LIMITS: AknLimits = {
  fileBytes: 10 * 1024 * 1024,
  elements: 200_000,
  depth: 100,
  paragraphs: 5_000,
};

/** Characters parsed between two turns of the event loop. */
const SLICE = 64 * 1024;

/** Subtrees whose text is never part of the draft. */
const SKIPPED = new Set([
  'meta',
  'coverPage',
  'conclusions',
  'attachments',
  'components',
  'num',
  'authorialNote',
  'noteRef',
  'del',
  'formula',
  'toc',
  'remark',
  'componentRef',
  'documentRef',
]);

/** Elements that are one paragraph of the draft, whatever they hold. */
const UNITS = new Set(['paragraph', 'recital', 'citation', 'li']);

/** Elements that end a line of text (their neighbours are set apart by a space). */
const BREAKS = new Set([
  'p',
  'eol',
  'eop',
  'br',
  'intro',
  'wrapUp',
  'content',
  'subparagraph',
  'point',
  'list',
  'item',
]);

type Part = 'preface' | 'preamble' | 'main' | null;

interface Open {
  name: string;
  /** Text inside is not read. */
  skip: boolean;
}

/** A paragraph being read: its kind and runs, with a pending line break between two pieces. */
interface Unit {
  type: StructuredBlock['type'];
  runs: SnapshotRun[];
  depth: number;
  soft: boolean;
}

/** Reads `file` (the bytes of an .xml file) as the blocks of a draft, or refuses it. */
export async function readAkn(file: Buffer, limits: AknLimits = AKN_LIMITS): Promise<StructuredBlock[]> {
  if (file.length > limits.fileBytes)
    throw new AppError('IMPORT_FILE_TOO_LARGE', `This file is larger than ${limits.fileBytes} bytes.`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(file);
  } catch {
    throw notXml('it is not UTF-8 text');
  }
  const reader = new AknReader(limits);
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (err) => {
    throw notXml(err.message);
  });
  parser.on('doctype', () => {
    throw new AppError(
      'IMPORT_DOCTYPE_REFUSED',
      'XML with a DOCTYPE (document type or entities) is not accepted.',
    );
  });
  parser.on('xmldecl', (decl) => {
    if (decl.encoding !== undefined && !/^utf-?8$/i.test(decl.encoding))
      throw notXml(`it declares the encoding ${decl.encoding}; only UTF-8 is read`);
  });
  parser.on('opentag', (tag) => reader.open(tag));
  parser.on('closetag', () => reader.close());
  parser.on('text', (t) => reader.text(t));
  parser.on('cdata', (t) => reader.text(t));
  for (let at = 0; at < text.length; at += SLICE) {
    parser.write(text.slice(at, at + SLICE));
    // Let other requests in between slices.
    if (at + SLICE < text.length) await new Promise((resolve) => setImmediate(resolve));
  }
  parser.close();
  return reader.finish();
}

function notXml(why: string): AppError {
  return new AppError('IMPORT_NOT_XML', `This file could not be read as XML: ${why}.`);
}

function notAkn(why: string): AppError {
  return new AppError('IMPORT_NOT_AKN', `This XML file is not an Akoma Ntoso 3.0 document: ${why}.`);
}

/** The state of one reading: where in the document the parser is and what it has collected. */
class AknReader {
  private readonly stack: Open[] = [];
  private readonly blocks: StructuredBlock[] = [];
  private elements = 0;
  /** True once the document element (statement, act …) is met; later ones are skipped. */
  private documentSeen = false;
  private part: Part = null;
  private partDepth = 0;
  private unit: Unit | null = null;
  private em = 0;
  private strong = 0;
  private titleTaken = false;

  constructor(private readonly limits: AknLimits) {}

  open(tag: SaxesTagNS): void {
    if (++this.elements > this.limits.elements)
      throw new AppError(
        'IMPORT_TOO_COMPLEX',
        `This document has more than ${this.limits.elements} elements.`,
      );
    if (this.stack.length >= this.limits.depth)
      throw new AppError(
        'IMPORT_TOO_COMPLEX',
        `This document nests elements more than ${this.limits.depth} deep.`,
      );
    const depth = this.stack.length;
    const foreign = tag.uri !== AKN_NS;
    const name = tag.local;
    if (depth === 0) {
      if (foreign || name !== 'akomaNtoso')
        throw notAkn(
          `its root is ${tag.name}${tag.uri ? ` in ${tag.uri}` : ''}, not akomaNtoso in ${AKN_NS}`,
        );
      this.stack.push({ name, skip: false });
      return;
    }
    const parent = this.stack.at(-1)!;
    // Numbers are computed, but those of a paragraph's subparagraphs are part of its text.
    const ownNumber = name === 'num' && !(this.unit && depth > this.unit.depth + 1);
    let skip =
      parent.skip ||
      foreign ||
      (SKIPPED.has(name) && (name !== 'num' || ownNumber)) ||
      tag.attributes.alternativeTo !== undefined;
    if (depth === 1 && !foreign) {
      // The first document of the root is read; anything after it is not.
      skip ||= this.documentSeen;
      this.documentSeen = true;
    }
    if (!skip && depth === 2) {
      const part: Part =
        name === 'preface'
          ? 'preface'
          : name === 'preamble'
            ? 'preamble'
            : name === 'mainBody' || name === 'body'
              ? 'main'
              : null;
      if (part) {
        this.part = part;
        this.partDepth = depth;
      } else skip = true;
    }
    this.stack.push({ name, skip });
    if (skip) return;
    this.enter(name, tag, depth);
  }

  close(): void {
    const depth = this.stack.length - 1;
    const node = this.stack.pop()!;
    if (node.skip || depth === 0) return;
    if (node.name === 'i') this.em--;
    if (node.name === 'b') this.strong--;
    if (this.unit && this.unit.depth === depth) this.endUnit();
    else if (this.unit && BREAKS.has(node.name)) this.unit.soft = true;
    if (this.part && depth === this.partDepth) this.part = null;
  }

  text(t: string): void {
    const top = this.stack.at(-1);
    if (!this.unit || !top || top.skip) return;
    this.append(t);
  }

  finish(): StructuredBlock[] {
    if (!this.documentSeen) throw notAkn('its root holds no document');
    return this.blocks;
  }

  private enter(name: string, tag: SaxesTagNS, depth: number): void {
    if (name === 'i') this.em++;
    if (name === 'b') this.strong++;
    if (this.unit) {
      if (BREAKS.has(name)) this.unit.soft = true;
      return;
    }
    const part = this.part;
    if (part === 'preface') {
      if (name === 'docTitle' && !this.titleTaken) {
        this.titleTaken = true;
        this.startUnit('title', depth);
      }
      return;
    }
    if (part === null) return;
    // A heading, or a container of the preamble named as one (how the export writes a heading
    // that opens no recitals).
    if (name === 'heading' || (name === 'container' && tag.attributes.name?.value === 'section')) {
      this.startUnit('section', depth);
      return;
    }
    const paragraphType: StructuredBlock['type'] =
      part === 'preamble' || tag.attributes.class?.value.split(/\s+/).includes('preambular')
        ? 'preambular'
        : 'operative';
    if (UNITS.has(name) || name === 'p') this.startUnit(paragraphType, depth);
  }

  private startUnit(type: StructuredBlock['type'], depth: number): void {
    if (this.blocks.length >= this.limits.paragraphs)
      throw new AppError(
        'IMPORT_TOO_MANY_PARAGRAPHS',
        `This document has more than ${this.limits.paragraphs} paragraphs.`,
      );
    this.unit = { type, runs: [], depth, soft: false };
  }

  private endUnit(): void {
    const unit = this.unit!;
    this.unit = null;
    this.blocks.push({ type: unit.type, runs: unit.runs });
  }

  /**
   * Adds text to the paragraph being read. Whitespace that lays out the XML (any run of it with
   * a line break or tab) and the ends of lines become at most one space; spaces typed in the
   * text are kept as they are.
   */
  private append(t: string): void {
    const unit = this.unit!;
    const pieces = t.split(/ *[\t\n\r][\t\n\r ]*/);
    pieces.forEach((piece, i) => {
      if (i > 0) unit.soft = true;
      if (piece === '') return;
      let out = piece;
      if (unit.soft) {
        const last = unit.runs.at(-1)?.text ?? '';
        if (last !== '' && !/\s$/.test(last) && !/^\s/.test(out)) out = ` ${out}`;
        unit.soft = false;
      }
      const run: SnapshotRun = { text: out };
      if (this.em > 0) run.em = true;
      if (this.strong > 0) run.strong = true;
      const prev = unit.runs.at(-1);
      if (prev && prev.em === run.em && prev.strong === run.strong) prev.text += out;
      else unit.runs.push(run);
    });
  }
}
