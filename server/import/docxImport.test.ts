import { describe, expect, it } from 'vitest';
import { docxOf, paragraphXml, repeat } from '../../test/support/docxFiles.js';
import { DocxImporter } from './docxImport.js';
import { checkDocx, IMPORT_LIMITS } from './docxLimits.js';

/** A document costly to read: many runs in every paragraph (legal under relaxed limits). */
const heavy = () => docxOf(repeat(`<w:p>${'<w:r><w:t>ab</w:t></w:r>'.repeat(200)}</w:p>`, 1000));

const codeOf = async (p: Promise<unknown>) =>
  p.then(
    () => 'read',
    (err: { code?: string }) => err.code ?? String(err),
  );

describe('checkDocx', () => {
  it('accepts a plain document', async () => {
    expect(() => checkDocx(Buffer.from([]), IMPORT_LIMITS)).toThrow(/could not be read/);
    checkDocx(await docxOf(repeat(paragraphXml('We commit to act.'), 100)), IMPORT_LIMITS);
  });

  it('refuses a document that inflates beyond the cap, honest or lying about its size', async () => {
    const body = () => repeat(paragraphXml('x'.repeat(1000)), 20_000); // 20 MB of XML
    const honest = await docxOf(body());
    const lying = await docxOf(body(), { declaredDocumentSize: 1000 });
    expect(honest.length).toBeLessThan(200_000);
    for (const file of [honest, lying]) expect(() => checkDocx(file, IMPORT_LIMITS)).toThrow(/unpacked/);
  });

  it('refuses too many paragraphs and too many runs with their own codes', async () => {
    const many = await docxOf(repeat('<w:p/>', IMPORT_LIMITS.paragraphs + 1));
    expect(() => checkDocx(many, IMPORT_LIMITS)).toThrowError(
      expect.objectContaining({ code: 'IMPORT_TOO_MANY_PARAGRAPHS' }),
    );
    expect(() => checkDocx(many, { ...IMPORT_LIMITS, paragraphs: Infinity })).not.toThrow();
    const runs = await heavy();
    expect(() => checkDocx(runs, IMPORT_LIMITS)).toThrowError(
      expect.objectContaining({ code: 'IMPORT_TOO_COMPLEX' }),
    );
  });
});

describe('DocxImporter', () => {
  it('reads a document in a worker', async () => {
    const importer = new DocxImporter();
    const paragraphs = await importer.read(await docxOf(repeat(paragraphXml('We commit to act.'), 3)));
    expect(paragraphs.map((p) => p.runs[0]?.text)).toEqual(Array(3).fill('We commit to act.'));
  }, 60_000);

  it('ends a worker that overruns its time: IMPORT_TIMEOUT', async () => {
    const importer = new DocxImporter({ runs: Infinity, timeMs: 1_500 });
    expect(await codeOf(importer.read(await heavy()))).toBe('IMPORT_TIMEOUT');
  }, 60_000);

  it('ends a worker that reaches its heap limit: IMPORT_TOO_COMPLEX', async () => {
    const importer = new DocxImporter({ runs: Infinity, memoryMb: 96, timeMs: 60_000 });
    expect(await codeOf(importer.read(await heavy()))).toBe('IMPORT_TOO_COMPLEX');
  }, 90_000);

  it('refuses imports beyond those that may run at once: IMPORT_BUSY', async () => {
    const importer = new DocxImporter({ runs: Infinity, timeMs: 1_500 });
    const file = await heavy();
    const codes = await Promise.all([1, 2, 3].map(() => codeOf(importer.read(file))));
    expect(codes.sort()).toEqual(['IMPORT_BUSY', 'IMPORT_TIMEOUT', 'IMPORT_TIMEOUT']);
  }, 60_000);
});
