/**
 * Checks on a .docx before anything parses it: the zip archive's directory (number of files and
 * the sizes they declare) and the main document itself, inflated with a hard cap on its output
 * (declared sizes can lie), then counted for paragraphs and runs. Each refusal has its own code.
 */
import { inflateRawSync } from 'node:zlib';
import { AppError } from '../../shared/errors.js';

/** The bounds of an import; `IMPORT_LIMITS` are production's. */
export interface ImportLimits {
  /** Largest upload, in bytes. */
  fileBytes: number;
  /** Largest total the archive's files may declare, in bytes. */
  unpackedBytes: number;
  /** Largest `word/document.xml`, inflated, in bytes. */
  documentBytes: number;
  /** Most files in the archive. */
  entries: number;
  /** Most paragraphs in the document. */
  paragraphs: number;
  /** Most runs (stretches of text of one format): what makes reading a document costly. */
  runs: number;
  /** Heap of the worker that reads the document, in megabytes. */
  memoryMb: number;
  /** Time the worker may take, in milliseconds. */
  timeMs: number;
}

/** Production bounds: generous for any real draft (a hundred paragraphs, a few thousand runs). */
export const IMPORT_LIMITS: ImportLimits = {
  fileBytes: 10 * 1024 * 1024,
  unpackedBytes: 64 * 1024 * 1024,
  documentBytes: 16 * 1024 * 1024,
  entries: 2_000,
  paragraphs: 5_000,
  runs: 100_000,
  memoryMb: 384,
  timeMs: 20_000,
};

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const notDocx = () => new AppError('INVALID_BODY', 'This file could not be read as a Word document (.docx).');

/** The archive's directory; throws INVALID_BODY when it is not a zip archive. */
function directory(file: Buffer, limits: ImportLimits): Entry[] {
  // The end-of-directory record sits in the last 22 bytes plus a comment of at most 64 KiB.
  let end = -1;
  for (let i = file.length - 22; i >= Math.max(0, file.length - 22 - 0xffff); i--) {
    if (file.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw notDocx();
  const count = file.readUInt16LE(end + 10);
  if (count > limits.entries)
    throw new AppError('IMPORT_UNPACKED_TOO_LARGE', `This file holds more than ${limits.entries} parts.`);
  const entries: Entry[] = [];
  let at = file.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    if (at + 46 > file.length || file.readUInt32LE(at) !== 0x02014b50) throw notDocx();
    const nameLength = file.readUInt16LE(at + 28);
    const extra = file.readUInt16LE(at + 30) + file.readUInt16LE(at + 32);
    entries.push({
      name: file.toString('utf8', at + 46, at + 46 + nameLength),
      method: file.readUInt16LE(at + 10),
      compressedSize: file.readUInt32LE(at + 20),
      size: file.readUInt32LE(at + 24),
      localOffset: file.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extra;
  }
  return entries;
}

/** The inflated bytes of `entry`, never more than `cap`; throws IMPORT_UNPACKED_TOO_LARGE beyond. */
function inflate(file: Buffer, entry: Entry, cap: number): Buffer {
  const at = entry.localOffset;
  if (at + 30 > file.length || file.readUInt32LE(at) !== 0x04034b50) throw notDocx();
  const start = at + 30 + file.readUInt16LE(at + 26) + file.readUInt16LE(at + 28);
  const data = file.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) {
    if (data.length > cap) throw unpackedTooLarge(cap);
    return data;
  }
  if (entry.method !== 8) throw notDocx();
  try {
    return inflateRawSync(data, { maxOutputLength: cap });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw unpackedTooLarge(cap);
    throw notDocx();
  }
}

const unpackedTooLarge = (cap: number) =>
  new AppError(
    'IMPORT_UNPACKED_TOO_LARGE',
    `The text of this document is larger than ${Math.round(cap / 1024 / 1024)} MB once unpacked.`,
  );

function count(xml: string, pattern: RegExp): number {
  let n = 0;
  for (pattern.lastIndex = 0; pattern.exec(xml); ) n++;
  return n;
}

/** A .docx that passed `checkDocx`: its main document, inflated, and its other parts on demand. */
export interface CheckedDocx {
  /** `word/document.xml` as text. */
  document: string;
  /**
   * Another part as text (`word/comments.xml`), inflated with the same cap as the main document,
   * or null when the archive has none.
   */
  part(name: string): string | null;
}

/** Checks `file` against `limits`; throws the refusal with its code, or returns the checked document. */
export function checkDocx(file: Buffer, limits: ImportLimits): CheckedDocx {
  if (file.length > limits.fileBytes) throw fileTooLarge(limits);
  const entries = directory(file, limits);
  const declared = entries.reduce((n, e) => n + e.size, 0);
  if (declared > limits.unpackedBytes) throw unpackedTooLarge(limits.unpackedBytes);
  const main = entries.find((e) => e.name === 'word/document.xml');
  if (!main) throw notDocx();
  const xml = inflate(file, main, limits.documentBytes).toString('utf8');
  const paragraphs = count(xml, /<w:p[\s>/]/g);
  if (paragraphs > limits.paragraphs) throw tooManyParagraphs(limits, paragraphs);
  if (count(xml, /<w:r[\s>/]/g) > limits.runs)
    throw new AppError(
      'IMPORT_TOO_COMPLEX',
      'This document has too much formatting to import. Save it with less formatting, or paste its text instead.',
    );
  return {
    document: xml,
    part(name) {
      const entry = entries.find((e) => e.name === name);
      return entry ? inflate(file, entry, limits.documentBytes).toString('utf8') : null;
    },
  };
}

/** IMPORT_FILE_TOO_LARGE for an upload over the limit. */
export function fileTooLarge(limits: Pick<ImportLimits, 'fileBytes'>): AppError {
  return new AppError(
    'IMPORT_FILE_TOO_LARGE',
    `This file is larger than ${Math.round(limits.fileBytes / 1024 / 1024)} MB. Remove images or paste the text instead.`,
  );
}

/** IMPORT_TOO_MANY_PARAGRAPHS for a document over the limit. */
export function tooManyParagraphs(limits: ImportLimits, found: number): AppError {
  return new AppError(
    'IMPORT_TOO_MANY_PARAGRAPHS',
    `This document has ${found} paragraphs; at most ${limits.paragraphs} can be imported.`,
  );
}
