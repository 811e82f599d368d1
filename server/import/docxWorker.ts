/**
 * The worker thread that reads an uploaded .docx (`docxImport.ts` starts one per import, with a
 * heap limit, and ends it when it overruns its time): the checks of `docxLimits.ts`, then mammoth.
 * Whatever the file does to this thread, the server's own thread keeps answering.
 */
import { parentPort } from 'node:worker_threads';
import { AppError } from '../../shared/errors.js';
import { checkDocx, type ImportLimits, tooManyParagraphs } from './docxLimits.js';
import { readDocx } from './docxReader.js';

/** What the worker is sent. */
export interface DocxJob {
  file: Uint8Array;
  limits: ImportLimits;
}

/** What the worker answers. */
export type DocxOutcome =
  | { ok: true; paragraphs: Awaited<ReturnType<typeof readDocx>> }
  | { ok: false; code: AppError['code']; message: string };

parentPort?.once('message', async ({ file, limits }: DocxJob) => {
  let outcome: DocxOutcome;
  try {
    const buffer = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
    checkDocx(buffer, limits);
    const paragraphs = await readDocx(buffer);
    if (paragraphs.length > limits.paragraphs) throw tooManyParagraphs(limits, paragraphs.length);
    outcome = { ok: true, paragraphs };
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
