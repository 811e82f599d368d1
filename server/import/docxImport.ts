/**
 * Reading an uploaded .docx off the server's thread. Each import runs in a worker thread of its
 * own with a heap limit (`resourceLimits`) and a time limit (the worker is terminated when it
 * overruns); a few may run at once, more are refused. Every refusal has a stable code:
 * IMPORT_FILE_TOO_LARGE, IMPORT_UNPACKED_TOO_LARGE, IMPORT_TOO_MANY_PARAGRAPHS, IMPORT_TOO_COMPLEX
 * (too much formatting, or the heap limit reached), IMPORT_TIMEOUT, IMPORT_BUSY, INVALID_BODY, and
 * for tracked changes IMPORT_DOCTYPE_REFUSED.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../shared/errors.js';
import type { SourceParagraph } from '../../shared/importText.js';
import type { WordRevisions } from '../../shared/wordRevisions.js';
import { fileTooLarge, IMPORT_LIMITS, type ImportLimits } from './docxLimits.js';
import type { DocxJob, DocxJobKind, DocxOutcome } from './docxWorker.js';

/** Imports that may run at once; each holds a core and up to `memoryMb` of heap. */
export const MAX_CONCURRENT_IMPORTS = 2;

/**
 * How to start the worker: `docxWorker.mjs` beside the bundle that `server/build.ts` writes
 * (every chunk of the bundle sits in the same directory), or, when the server runs from source,
 * `docxWorker.ts` through tsx's CommonJS hook (Node 20 does not apply `--import` loaders to
 * worker threads; the require hook is installed in the worker itself).
 */
function workerSource(): { source: string | URL; eval: boolean } {
  if (!import.meta.url.endsWith('.ts'))
    return { source: new URL('./docxWorker.mjs', import.meta.url), eval: false };
  const tsx = createRequire(import.meta.url).resolve('tsx/cjs');
  const entry = fileURLToPath(new URL('./docxWorker.ts', import.meta.url));
  return { source: `require(${JSON.stringify(tsx)}); require(${JSON.stringify(entry)});`, eval: true };
}

/** Reads .docx uploads in bounded worker threads. */
export class DocxImporter {
  private running = 0;
  readonly limits: ImportLimits;

  constructor(limits: Partial<ImportLimits> = {}) {
    this.limits = { ...IMPORT_LIMITS, ...limits };
  }

  /** The paragraphs of `file`, or the refusal. */
  async read(file: Buffer): Promise<SourceParagraph[]> {
    const outcome = await this.run(file, 'paragraphs');
    if (outcome.kind !== 'paragraphs') throw new Error('the import worker answered another job');
    return outcome.paragraphs;
  }

  /** The tracked changes and comments of `file`, or the refusal. */
  async readRevisions(file: Buffer): Promise<WordRevisions> {
    const outcome = await this.run(file, 'revisions');
    if (outcome.kind !== 'revisions') throw new Error('the import worker answered another job');
    return outcome.revisions;
  }

  private async run(file: Buffer, kind: DocxJobKind): Promise<Extract<DocxOutcome, { ok: true }>> {
    if (file.length > this.limits.fileBytes) throw fileTooLarge(this.limits);
    if (this.running >= MAX_CONCURRENT_IMPORTS)
      throw new AppError('IMPORT_BUSY', 'Other documents are being imported. Try again in a moment.');
    this.running++;
    try {
      return await this.inWorker(file, kind);
    } finally {
      this.running--;
    }
  }

  private inWorker(file: Buffer, kind: DocxJobKind): Promise<Extract<DocxOutcome, { ok: true }>> {
    const { source, eval: isCode } = workerSource();
    const worker = new Worker(source, {
      eval: isCode,
      resourceLimits: { maxOldGenerationSizeMb: this.limits.memoryMb, maxYoungGenerationSizeMb: 16 },
    });
    return new Promise((resolve, reject) => {
      let settled = false;
      const settle = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        fn();
        void worker.terminate();
      };
      const timer = setTimeout(
        () =>
          settle(() =>
            reject(
              new AppError(
                'IMPORT_TIMEOUT',
                `Reading this document took longer than ${Math.round(this.limits.timeMs / 1000)} seconds. Paste its text instead.`,
              ),
            ),
          ),
        this.limits.timeMs,
      );
      worker.once('message', (outcome: DocxOutcome) =>
        settle(() => (outcome.ok ? resolve(outcome) : reject(new AppError(outcome.code, outcome.message)))),
      );
      worker.once('error', (err: NodeJS.ErrnoException) =>
        settle(() =>
          reject(
            err.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? new AppError(
                  'IMPORT_TOO_COMPLEX',
                  'This document needs too much memory to read. Save it with less formatting, or paste its text instead.',
                )
              : err,
          ),
        ),
      );
      worker.once('exit', () =>
        settle(() => reject(new Error('the import worker stopped without an answer'))),
      );
      const job: DocxJob = { kind, file: new Uint8Array(file), limits: this.limits };
      worker.postMessage(job, [job.file.buffer as ArrayBuffer]);
    });
  }
}
