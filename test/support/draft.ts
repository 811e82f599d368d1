/** Reading and editing a draft's Yjs document the way the editor does, without a browser. */
import * as Y from 'yjs';
import { DRAFT_FRAGMENT } from '../../shared/schema.js';

/** The paragraph element with id `pid`. */
export function paragraph(doc: Y.Doc, pid: string): Y.XmlElement {
  const fragment = doc.getXmlFragment(DRAFT_FRAGMENT);
  for (const child of fragment.toArray()) {
    if (child instanceof Y.XmlElement && child.getAttribute('pid') === pid) return child;
  }
  throw new Error(`no paragraph ${pid}`);
}

/** The Y.XmlText inside a paragraph, created when the paragraph is empty. */
export function paragraphText(doc: Y.Doc, pid: string): Y.XmlText {
  const p = paragraph(doc, pid);
  const first = p.firstChild;
  if (first instanceof Y.XmlText) return first;
  const text = new Y.XmlText();
  p.insert(0, [text]);
  return text;
}

/** Plain text of a paragraph. */
export function paragraphString(doc: Y.Doc, pid: string): string {
  return paragraph(doc, pid)
    .toArray()
    .map((c) =>
      c instanceof Y.XmlText
        ? c
            .toDelta()
            .map((d: { insert: string }) => d.insert)
            .join('')
        : '',
    )
    .join('');
}

/** Inserts `text` at `index` of a paragraph. */
export function typeInto(doc: Y.Doc, pid: string, index: number, text: string): void {
  paragraphText(doc, pid).insert(index, text);
}
