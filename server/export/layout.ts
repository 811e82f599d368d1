/**
 * The layout of a UN negotiated text in Word: A4, Times New Roman 12 pt, the title centred and
 * bold, section headings bold, each paragraph's number (PP1, OP1) in a hanging indent before
 * its text, a header line naming the version and page numbers in the footer.
 *
 * Text in any of the six official languages: the document's defaults name a face for Latin and
 * Cyrillic, one for Arabic (complex script) and one for Chinese (East Asian), and the languages
 * of each. Every paragraph builder lays out a right-to-left paragraph (its first strong
 * character Arabic, `shared/direction.ts`) right to left (`w:bidi`: its number then stands on
 * the right), and marks the runs of right-to-left text in any paragraph `w:rtl`, cutting a run
 * where its direction changes. The runs they do this for are those of `textRun` and `markedRuns`.
 */
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  type ICommentOptions,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  Tab,
  TabStopType,
  TextRun,
  UnderlineType,
} from 'docx';
import { paragraphDirection, type TextDirection } from '../../shared/direction.js';
import type { SnapshotRun } from '../../shared/snapshot.js';
import { directionSpans } from './directionSpans.js';

/** Formatting of a run on top of the document's font. */
export interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  /** A single line, or a double one (words an incorporated proposal put in). */
  underline?: boolean | 'double';
  smallCaps?: boolean;
  /** Hex colour such as `595959`. */
  color?: string;
  /** Size in half-points. */
  size?: number;
}

/** A tracked change as Word records it: an id unique in the document, who made it and when (ISO). */
export interface Revision {
  id: number;
  author: string;
  date: string;
}

/**
 * A paragraph inserted or deleted as a whole in tracked changes: the revision on its paragraph
 * mark, so that accepting or rejecting the change removes the paragraph itself, not only its
 * words. A mark both inserted and deleted is gone whether the changes are accepted or rejected.
 */
export interface ParagraphRevision {
  inserted?: Revision;
  deleted?: Revision;
}

/** The paragraph mark's run properties that record a `ParagraphRevision`. */
function markRevision(revision: ParagraphRevision | undefined) {
  if (!revision) return undefined;
  return {
    ...(revision.inserted ? { insertion: revision.inserted } : {}),
    ...(revision.deleted ? { deletion: revision.deleted } : {}),
  };
}

/** Colour of text set apart from the delegations' proposals (co-facilitators' text, notes). */
export const GREY = '595959';
/** Width of the hanging indent that holds a paragraph's number, in twips (2.2 cm). */
export const LABEL_INDENT = 1247;
/** A wider hanging indent, for labels such as "OP12 → OP14" (3.2 cm). */
export const WIDE_LABEL_INDENT = 1814;

/**
 * The faces of the document's text by script: Times New Roman for Latin and Cyrillic (English,
 * French, Spanish, Russian), Simplified Arabic for Arabic (Word's complex-script face), SimSun
 * for Chinese (its East Asian face). A reader without one gets the closest face installed.
 */
export const FONTS = {
  ascii: 'Times New Roman',
  hAnsi: 'Times New Roman',
  cs: 'Simplified Arabic',
  eastAsia: 'SimSun',
} as const;
/** The languages Word and LibreOffice assume for spelling and shaping, by script. */
export const LANGUAGES = { value: 'en-GB', bidirectional: 'ar-SA', eastAsia: 'zh-CN' } as const;
const BODY_SIZE = 24;
const SMALL_SIZE = 20;
/** A4 in twips, with 2.54 cm margins. */
const PAGE = { width: 11906, height: 16838, margin: 1440 };
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
/** Space after a paragraph (6 pt), in twips. */
const AFTER = 120;

/**
 * A run made by `textRun`: a Word run that remembers its text and formatting, so that the
 * paragraph builders can cut it where its direction changes and mark its right-to-left part.
 */
class StyledRun extends TextRun {
  constructor(
    readonly text: string,
    readonly style: RunStyle,
    readonly direction?: TextDirection,
  ) {
    // Only what is set: a run that says "not bold" would undo the bold of a heading's style.
    super({
      text,
      bold: style.bold || undefined,
      italics: style.italics || undefined,
      strike: style.strike || undefined,
      underline: style.underline
        ? { type: style.underline === 'double' ? UnderlineType.DOUBLE : UnderlineType.SINGLE }
        : undefined,
      smallCaps: style.smallCaps || undefined,
      color: style.color,
      size: style.size,
      rightToLeft: direction === 'rtl' || undefined,
    });
  }
}

/** A run of text with the given formatting. */
export function textRun(text: string, style: RunStyle = {}): TextRun {
  return new StyledRun(text, style);
}

/** The direction a paragraph builder was given, or that of the text of its runs. */
type DirectionOption = TextDirection | undefined;

/**
 * A paragraph's children laid out for its direction: the runs of `textRun` cut where the text's
 * resolved direction changes, their right-to-left parts marked so; other children as given. A
 * left-to-right paragraph without right-to-left text keeps its runs as they are.
 */
function directed(
  children: readonly ParagraphChild[],
  direction: DirectionOption,
): { children: ParagraphChild[]; direction: TextDirection } {
  const text = children.map((c) => (c instanceof StyledRun ? c.text : '')).join('');
  const base = direction ?? paragraphDirection(text);
  const spans = directionSpans(text, base);
  if (base === 'ltr' && spans.every((span) => span.direction === 'ltr'))
    return { children: [...children], direction: base };
  let at = 0;
  const out = children.flatMap((child): ParagraphChild[] => {
    if (!(child instanceof StyledRun)) return [child];
    const from = at;
    at += child.text.length;
    return spans
      .filter((span) => span.from < at && from < span.to)
      .map(
        (span) =>
          new StyledRun(
            child.text.slice(Math.max(span.from, from) - from, Math.min(span.to, at) - from),
            child.style,
            span.direction,
          ),
      );
  });
  return { children: out, direction: base };
}

/** The paragraph properties of a direction: `w:bidi` for right to left. */
function bidi(direction: TextDirection): { bidirectional?: true } {
  return direction === 'rtl' ? { bidirectional: true } : {};
}

/**
 * The runs of a block's text between `from` and `to`, keeping its marks (em → italics,
 * strong → bold) under `style`. Falls back to the plain text when the runs do not spell it.
 */
export function markedRuns(
  runs: readonly SnapshotRun[],
  text: string,
  from: number,
  to: number,
  style: RunStyle = {},
): TextRun[] {
  const source = runs.map((r) => r.text).join('') === text ? runs : [{ text }];
  const out: TextRun[] = [];
  let at = 0;
  for (const run of source) {
    const start = Math.max(from, at);
    const end = Math.min(to, at + run.text.length);
    if (start < end)
      out.push(
        textRun(run.text.slice(start - at, end - at), {
          ...style,
          italics: style.italics || run.em === true,
          bold: style.bold || run.strong === true,
        }),
      );
    at += run.text.length;
  }
  return out;
}

/** The italics and bold a piece of a bracket or a comparison keeps from its base text. */
export function pieceMarks(piece: { em?: true; strong?: true }): RunStyle {
  return {
    ...(piece.em ? { italics: true } : {}),
    ...(piece.strong ? { bold: true } : {}),
  };
}

/** The title of the text: centred and bold. */
export function titleParagraph(text: string): Paragraph {
  const d = directed([textRun(text, { bold: true })], undefined);
  return new Paragraph({
    children: d.children,
    ...bidi(d.direction),
    alignment: AlignmentType.CENTER,
    spacing: { after: 2 * AFTER },
    keepNext: true,
  });
}

/** A centred line under the title, such as "Compilation text". */
export function subtitleParagraph(children: readonly ParagraphChild[]): Paragraph {
  const d = directed(children, undefined);
  return new Paragraph({
    children: d.children,
    ...bidi(d.direction),
    alignment: AlignmentType.CENTER,
    spacing: { after: AFTER },
  });
}

/** How a paragraph builder lays out a paragraph beyond its text. */
export interface ParagraphOptions {
  /** Its direction; by default that of its text (`shared/direction.ts`). */
  direction?: TextDirection | undefined;
  /** A revision on its paragraph mark (a paragraph added or deleted in tracked changes). */
  revision?: ParagraphRevision | undefined;
}

/** A section heading: bold, kept with the paragraph after it. */
export function headingParagraph(children: readonly ParagraphChild[], o: ParagraphOptions = {}): Paragraph {
  const d = directed(children, o.direction);
  return new Paragraph({
    children: d.children,
    ...bidi(d.direction),
    run: markRevision(o.revision),
    spacing: { before: 2 * AFTER, after: AFTER },
    keepNext: true,
  });
}

/**
 * A numbered paragraph: the label in a hanging indent, a tab, then the text; right to left, the
 * label on the right, when the direction (by default that of the text) says so. The label may be
 * given as runs of its own (tracked changes of a number), which then end with the tab.
 */
export function numberedParagraph(
  label: string | readonly ParagraphChild[],
  children: readonly ParagraphChild[],
  indent = LABEL_INDENT,
  o: ParagraphOptions = {},
): Paragraph {
  const labelRuns = typeof label === 'string' ? [new TextRun({ children: [label, new Tab()] })] : label;
  const d = directed(children, o.direction);
  return new Paragraph({
    children: [...labelRuns, ...d.children],
    ...bidi(d.direction),
    run: markRevision(o.revision),
    indent: { left: indent, hanging: indent },
    tabStops: [{ type: TabStopType.LEFT, position: indent }],
    alignment: AlignmentType.JUSTIFIED,
    spacing: { after: AFTER },
  });
}

/** A line under a numbered paragraph, aligned with its text: a proposal on it, a note. */
export function noteParagraph(
  children: readonly ParagraphChild[],
  indent = LABEL_INDENT,
  direction?: TextDirection,
): Paragraph {
  const d = directed(children, direction);
  return new Paragraph({
    children: d.children,
    ...bidi(d.direction),
    indent: { left: indent },
    alignment: AlignmentType.LEFT,
    spacing: { after: AFTER },
  });
}

/** What a UN document needs besides its body. */
export interface UnDocumentOptions {
  /** Document title in the file's properties. */
  title: string;
  /** Left of the header line: the negotiation. */
  headerLeft: string;
  /** Right of the header line: the version, e.g. "Rev.1 — 4 April 2022". */
  headerRight: string;
  /** A small line in the footer above the page numbers (the chain head of the records). */
  footerNote?: string | undefined;
  children: readonly Paragraph[];
  /** Word comments, anchored in the body by their ids. */
  comments?: readonly ICommentOptions[];
  /** Whether Word keeps tracking changes made to the document (a comparison in tracked changes). */
  trackRevisions?: boolean;
}

/** A Word document with the UN layout around the given body. */
export function unDocument(o: UnDocumentOptions): Document {
  const header = new Header({
    children: [
      new Paragraph({
        children: [
          textRun(o.headerLeft, { size: SMALL_SIZE }),
          new TextRun({ children: [new Tab(), o.headerRight], size: SMALL_SIZE }),
        ],
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
      }),
    ],
  });
  const footer = new Footer({
    children: [
      ...(o.footerNote
        ? [
            new Paragraph({
              children: [textRun(o.footerNote, { size: 16, color: GREY })],
              alignment: AlignmentType.CENTER,
            }),
          ]
        : []),
      new Paragraph({
        children: [
          new TextRun({ children: [PageNumber.CURRENT, '/', PageNumber.TOTAL_PAGES], size: SMALL_SIZE }),
        ],
        alignment: AlignmentType.CENTER,
      }),
    ],
  });
  return new Document({
    title: o.title,
    ...(o.comments ? { comments: { children: [...o.comments] } } : {}),
    ...(o.trackRevisions ? { features: { trackRevisions: true } } : {}),
    styles: {
      default: {
        document: {
          run: { font: FONTS, size: BODY_SIZE, language: LANGUAGES },
          paragraph: { spacing: { after: AFTER } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
          },
        },
        headers: { default: header },
        footers: { default: footer },
        children: [...o.children],
      },
    ],
  });
}
