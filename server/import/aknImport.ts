/**
 * Reading uploaded Akoma Ntoso files for the import preview: at most a few at once (the parser
 * runs on the server's thread, in slices), more refused with IMPORT_BUSY; then the blocks read
 * (`aknReader.ts`) taken as they are (`importStructured`).
 */
import { AppError } from '../../shared/errors.js';
import { type ImportResult, importStructured } from '../../shared/importText.js';
import { AKN_LIMITS, type AknLimits, readAkn } from './aknReader.js';

/** Akoma Ntoso files read at once. */
export const MAX_CONCURRENT_AKN_IMPORTS = 2;

/** Media types an Akoma Ntoso upload may declare. */
export const AKN_UPLOAD_TYPES = ['application/akn+xml', 'application/xml', 'text/xml'] as const;

/** Reads Akoma Ntoso uploads, a bounded number at once. */
export class AknImporter {
  private running = 0;
  readonly limits: AknLimits;

  constructor(limits: Partial<AknLimits> = {}) {
    this.limits = { ...AKN_LIMITS, ...limits };
  }

  /** What the import would make of `file`, or the refusal. */
  async preview(file: Buffer): Promise<ImportResult> {
    if (this.running >= MAX_CONCURRENT_AKN_IMPORTS)
      throw new AppError('IMPORT_BUSY', 'Other documents are being imported. Try again in a moment.');
    this.running++;
    try {
      return importStructured(await readAkn(file, this.limits));
    } finally {
      this.running--;
    }
  }
}
