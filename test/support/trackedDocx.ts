/**
 * Word files with tracked changes and comments for tests, written with JSZip: compact builders of
 * WordprocessingML (`p(label('OP3'), t('kept '), del('old'), ins('new'))`), a whole document with
 * its comments part, and a way to add tracked changes to a file our own export wrote.
 */
import JSZip from 'jszip';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Who made a change and when (Word's w:author and w:date). */
export interface By {
  author?: string;
  date?: string;
}

const byAttrs = (by: By, id: number) =>
  ` w:id="${id}" w:author="${esc(by.author ?? 'Capital')}" w:date="${by.date ?? '2022-03-28T10:00:00Z'}"`;

let nextId = 100;

/** A run of kept text. */
export const t = (text: string) => `<w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
/** A paragraph number and its tab, as our export writes them. */
export const label = (l: string) => `<w:r><w:t xml:space="preserve">${esc(l)}</w:t><w:tab/></w:r>`;
/** Inserted text (Track Changes). */
export const ins = (text: string, by: By = {}) =>
  `<w:ins${byAttrs(by, nextId++)}><w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:ins>`;
/** Deleted text (Track Changes). */
export const del = (text: string, by: By = {}) =>
  `<w:del${byAttrs(by, nextId++)}><w:r><w:delText xml:space="preserve">${esc(text)}</w:delText></w:r></w:del>`;
/** Start and end of a comment's range, and its reference run. */
export const commentStart = (id: number) => `<w:commentRangeStart w:id="${id}"/>`;
export const commentEnd = (id: number) =>
  `<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`;

/** A paragraph of `children`; `mark` tracks its paragraph mark as inserted or deleted. */
export function p(...children: string[]): string {
  return `<w:p>${children.join('')}</w:p>`;
}
/** A paragraph whose mark was inserted (`ins`) or deleted (`del`) with Track Changes. */
export function pMarked(mark: 'ins' | 'del', ...children: string[]): string {
  return `<w:p><w:pPr><w:rPr><w:${mark}${byAttrs({}, nextId++)}/></w:rPr></w:pPr>${children.join('')}</w:p>`;
}

/** A comment of comments.xml. */
export interface CommentSpec extends By {
  id: number;
  text: string;
}

/** The XML of comments.xml holding `comments`. */
export function commentsXml(comments: readonly CommentSpec[]): string {
  const body = comments
    .map(
      (c) =>
        `<w:comment${byAttrs(c, c.id).replace(/ w:id="\d+"/, ` w:id="${c.id}"`)} w:initials="X"><w:p><w:r><w:t xml:space="preserve">${esc(c.text)}</w:t></w:r></w:p></w:comment>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="${W}">${body}</w:comments>`;
}

/** document.xml around body `paragraphs`; `prolog` goes before the root (a DOCTYPE, say). */
export function documentXml(paragraphs: readonly string[], prolog = ''): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${prolog}<w:document xmlns:w="${W}"><w:body>${paragraphs.join('')}</w:body></w:document>`;
}

/** A .docx whose body is `paragraphs`, with a comments part when `comments` are given. */
export async function trackedDocx(
  paragraphs: readonly string[],
  opts: { comments?: readonly CommentSpec[]; prolog?: string; commentsXml?: string } = {},
): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  zip.file(
    'word/_rels/document.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>`,
  );
  zip.file('word/document.xml', documentXml(paragraphs, opts.prolog));
  const comments = opts.commentsXml ?? (opts.comments ? commentsXml(opts.comments) : null);
  if (comments !== null) zip.file('word/comments.xml', comments);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/**
 * `file` (a .docx our export wrote) with the paragraph whose text starts with `label` and a tab
 * rewritten by `edit`, which gets the paragraph's plain text after the tab and returns the new
 * runs (built with `t`, `ins`, `del`…); `comments` are added as the comments part.
 */
export async function editExport(
  file: Buffer,
  edits: Record<string, (text: string) => string[]>,
  comments: readonly CommentSpec[] = [],
  extra: { after?: Record<string, string[]> } = {},
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(file);
  let xml = await zip.file('word/document.xml')!.async('string');
  xml = xml.replace(/<w:p>(?:(?!<\/w:p>).)*<\/w:p>/gs, (para) => {
    const texts = [...para.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!);
    const first = texts[0] ?? '';
    const edit = edits[first];
    const added = extra.after?.[first] ?? [];
    if (!edit && added.length === 0) return para;
    const body = texts
      .slice(1)
      .join('')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
    const rewritten = edit ? p(label(first), ...edit(body)) : para;
    return rewritten + added.join('');
  });
  zip.file('word/document.xml', xml);
  if (comments.length > 0) {
    zip.file('word/comments.xml', commentsXml(comments));
    const types = await zip.file('[Content_Types].xml')!.async('string');
    zip.file(
      '[Content_Types].xml',
      types.replace(
        '</Types>',
        '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>',
      ),
    );
    const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
    zip.file(
      'word/_rels/document.xml.rels',
      rels.replace(
        '</Relationships>',
        '<Relationship Id="rIdComments" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>',
      ),
    );
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
