/**
 * The worker thread that reads an uploaded .docx (`docxImport.ts` starts one per import, with a
 * heap limit, and ends it when it overruns its time): the checks of `docxLimits.ts`, then either
 * mammoth (a draft's paragraphs) or `revisionReader.ts` (a delegation's tracked changes and
 * comments). Whatever the file does to this thread, the server's own thread keeps answering.
 */
import { parentPort } from 'node:worker_threads';
import { AppError } from '../../shared/errors.js';
import type { WordRevisions } from '../../shared/wordRevisions.js';
import { checkDocx, type ImportLimits, tooManyParagraphs } from './docxLimits.js';
import { readDocx } from './docxReader.js';
import { readRevisions } from './revisionReader.js';

/** What the worker is asked to read: a draft's paragraphs, or tracked changes and comments. */
export type DocxJobKind = 'paragraphs' | 'revisions';

/** What the worker is sent. */
export interface DocxJob {
  kind: DocxJobKind;
  file: Uint8Array;
  limits: ImportLimits;
}

/** What the worker answers. */
export type DocxOutcome =
  | { ok: true; kind: 'paragraphs'; paragraphs: Awaited<ReturnType<typeof readDocx>> }
  | { ok: true; kind: 'revisions'; revisions: WordRevisions }
  | { ok: false; code: AppError['code']; message: string };

async function read({ kind, file, limits }: DocxJob): Promise<DocxOutcome> {
  const buffer = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  const checked = checkDocx(buffer, limits);
  if (kind === 'revisions') return { ok: true, kind, revisions: readRevisions(checked) };
  const paragraphs = await readDocx(buffer);
  if (paragraphs.length > limits.paragraphs) throw tooManyParagraphs(limits, paragraphs.length);
  return { ok: true, kind, paragraphs };
}

parentPort?.once('message', async (job: DocxJob) => {
  let outcome: DocxOutcome;
  try {
    outcome = await read(job);
  } catch (err) {
    outcome =
      err instanceof AppError
        ? { ok: false, code: err.code, message: err.message }
        : {
            ok: false,
            code: 'INVALID_BODY',
            message: 'This file could not be read as a Word document (.docx).',
          };
  }
  parentPort!.postMessage(outcome);
});
