/**
 * The paragraphs of an exported Word document as a reader meets them, read with a conforming XML
 * parser: each paragraph's direction, its number (the text before its first tab) and its runs
 * with their text and formatting; and, for a compilation, the text outside its brackets.
 */
import { SaxesParser } from 'saxes';

/** A run of a paragraph: its text (tabs as "\t") and the formatting the tests look at. */
export interface DocxRun {
  text: string;
  bold: boolean;
  strike: boolean;
  rtl: boolean;
}

/** A paragraph of document.xml. */
export interface DocxParagraph {
  /** True when the paragraph is laid out right to left (`w:bidi`). */
  bidi: boolean;
  /** The text before the first tab (a paragraph's number), or '' when there is no tab. */
  label: string;
  /** The runs after that tab (all of them when there is none). */
  runs: DocxRun[];
  /** The text of `runs`. */
  text: string;
}

/** The body's paragraphs of a document.xml, in order. */
export function docxParagraphs(xml: string): DocxParagraph[] {
  const parser = new SaxesParser();
  const out: DocxParagraph[] = [];
  let runs: DocxRun[] = [];
  let bidi = false;
  let run: DocxRun | null = null;
  let inText = false;
  let inRunProps = false;
  let inParagraphProps = false;
  const on = (attrs: Record<string, unknown>) => {
    const val = (attrs['w:val'] as string | undefined) ?? 'true';
    return val !== 'false' && val !== '0';
  };
  parser.on('opentag', (tag) => {
    const attrs = tag.attributes as Record<string, unknown>;
    switch (tag.name) {
      case 'w:p':
        runs = [];
        bidi = false;
        break;
      case 'w:pPr':
        inParagraphProps = true;
        break;
      case 'w:bidi':
        if (inParagraphProps && !inRunProps) bidi = on(attrs);
        break;
      case 'w:r':
        run = { text: '', bold: false, strike: false, rtl: false };
        break;
      case 'w:rPr':
        inRunProps = true;
        break;
      case 'w:b':
        if (run && inRunProps) run.bold = on(attrs);
        break;
      case 'w:strike':
        if (run && inRunProps) run.strike = on(attrs);
        break;
      case 'w:rtl':
        if (run && inRunProps) run.rtl = on(attrs);
        break;
      case 'w:t':
        inText = true;
        break;
      case 'w:tab':
        if (run && !inParagraphProps) run.text += '\t';
        break;
    }
  });
  parser.on('text', (text) => {
    if (inText && run) run.text += text;
  });
  parser.on('closetag', (tag) => {
    switch (tag.name) {
      case 'w:t':
        inText = false;
        break;
      case 'w:rPr':
        inRunProps = false;
        break;
      case 'w:pPr':
        inParagraphProps = false;
        break;
      case 'w:r':
        if (run) runs.push(run);
        run = null;
        break;
      case 'w:p': {
        const all = runs.map((r) => r.text).join('');
        const tab = all.indexOf('\t');
        let body = runs;
        if (tab >= 0) {
          // The number and its tab are one run in the export.
          const at = runs.findIndex((r) => r.text.includes('\t'));
          const rest = runs[at]!.text.slice(runs[at]!.text.indexOf('\t') + 1);
          body = [...(rest ? [{ ...runs[at]!, text: rest }] : []), ...runs.slice(at + 1)];
        }
        out.push({
          bidi,
          label: tab >= 0 ? all.slice(0, tab) : '',
          runs: body,
          text: body.map((r) => r.text).join(''),
        });
        break;
      }
    }
  });
  parser.write(xml).close();
  return out;
}

/**
 * The text of a compilation paragraph outside its brackets, each bracket read as the base words
 * it covers: those of its words that are not put in (bold), none for a tagged one ("[incorporated:
 * …") or an outdated one. Brackets of one cluster (one space apart, the same base words) count
 * once. Without the square brackets of a bracketed paragraph, the marks around words an
 * incorporated proposal put in, their tag and status notes. Assumes no proposal's words hold
 * square brackets or " — ".
 */
export function outsideBrackets(p: DocxParagraph, bracketed = false): string {
  const chars = p.runs
    .filter((r) => !/^(⌜|⌝| incorporated: .*| \((agreed ad ref\.|deleted)\))$/.test(r.text))
    .flatMap((r) => [...r.text].map((ch) => ({ ch, bold: r.bold })));
  const text = chars.map((c) => c.ch).join('');
  let from = 0;
  let to = text.length;
  if (bracketed) {
    if (!text.startsWith('[') || !text.endsWith(']')) throw new Error(`not bracketed: ${text}`);
    from = 1;
    to -= 1;
  }
  let out = '';
  let lastBase: string | null = null;
  let i = from;
  while (i < to) {
    if (text[i] !== '[') {
      out += text[i];
      if (text[i] !== ' ') lastBase = null;
      i++;
      continue;
    }
    const dash = text.indexOf(' — ', i);
    const close = text.indexOf(']', dash);
    const content = text.slice(i + 1, dash);
    let base = /^[\p{L} ]+: /u.test(content)
      ? ''
      : chars
          .slice(i + 1, dash)
          .filter((c) => !c.bold)
          .map((c) => c.ch)
          .join('');
    i = close + 1;
    if (text.startsWith(' (outdated)', i)) {
      base = '';
      i += ' (outdated)'.length;
    }
    // The next bracket of the same cluster: drop the space between them, count its words once.
    if (lastBase !== null && base === lastBase && out.endsWith(' ')) {
      out = out.slice(0, -1);
      continue;
    }
    out += base;
    lastBase = base;
  }
  return out;
}

/**
 * A text with each run of spaces as one space and none before closing punctuation, for
 * comparing a compilation's text outside its brackets (around which the export sets a space a
 * bracket stood for) with the paragraph's.
 */
export function spacedAsRead(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/ ([.,;:])/g, '$1')
    .trim();
}
