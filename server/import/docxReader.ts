/** Reading the paragraphs of a Word document with mammoth, keeping what recognition needs. */
import mammoth from 'mammoth';
import { AppError } from '../../shared/errors.js';
import type { SourceParagraph } from '../../shared/importText.js';
import type { SnapshotRun } from '../../shared/snapshot.js';

interface MammothNode {
  type: string;
  children?: MammothNode[];
  value?: string;
  styleName?: string | null;
  alignment?: string | null;
  numbering?: unknown;
  isBold?: boolean;
  isItalic?: boolean;
}

function runsOf(node: MammothNode, inherited: { em: boolean; strong: boolean }, out: SnapshotRun[]): void {
  const style =
    node.type === 'run'
      ? { em: inherited.em || !!node.isItalic, strong: inherited.strong || !!node.isBold }
      : inherited;
  if (node.type === 'text' && node.value) {
    const run: SnapshotRun = { text: node.value };
    if (style.em) run.em = true;
    if (style.strong) run.strong = true;
    const last = out.at(-1);
    if (last && !!last.em === !!run.em && !!last.strong === !!run.strong) last.text += run.text;
    else out.push(run);
  } else if (node.type === 'tab') {
    out.push({ text: ' ' });
  }
  for (const child of node.children ?? []) runsOf(child, style, out);
}

function collect(node: MammothNode, out: SourceParagraph[]): void {
  if (node.type === 'paragraph') {
    const runs: SnapshotRun[] = [];
    runsOf(node, { em: false, strong: false }, runs);
    out.push({
      runs,
      style: node.styleName ?? null,
      centered: node.alignment === 'center',
      listItem: node.numbering != null,
    });
    return;
  }
  for (const child of node.children ?? []) collect(child, out);
}

/** The paragraphs of a .docx file, in order; throws INVALID_BODY for a file that is not one. */
export async function readDocx(buffer: Buffer): Promise<SourceParagraph[]> {
  const paragraphs: SourceParagraph[] = [];
  try {
    await mammoth.convertToHtml(
      { buffer },
      {
        transformDocument: (doc: MammothNode) => {
          collect(doc, paragraphs);
          return doc;
        },
      },
    );
  } catch {
    throw new AppError('INVALID_BODY', 'This file could not be read as a Word document (.docx).');
  }
  return paragraphs;
}
