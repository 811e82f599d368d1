/**
 * Hostile Word files sent to the import preview: each is refused with its own code, and the
 * server answers health checks throughout (the file is read in a bounded worker thread).
 * The health-check latencies measured during each import are printed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import { DOCX_TYPE } from '../../server/http/importDraft.js';
import { docxOf, paragraphXml, repeat } from '../support/docxFiles.js';
import { startTestServer, type TestServer } from '../support/server.js';

let ts: TestServer;
let cookie: string;

beforeAll(async () => {
  ts = await startTestServer();
  cookie = await ts.signIn('demo-cofac-bgd');
});
afterAll(async () => {
  await ts.stop();
});

/** Posts `file` for preview while checking /api/health every 25 ms; returns the answer and latencies. */
async function importWhileProbing(
  file: Buffer,
): Promise<{ status: number; code: string; latencies: number[] }> {
  const latencies: number[] = [];
  let done = false;
  const probing = (async () => {
    while (!done) {
      const t = performance.now();
      const res = await fetch(`${ts.url}/api/health`);
      expect(res.status).toBe(200);
      latencies.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 25));
    }
  })();
  const res = await fetch(`${ts.url}/api/negotiations/${DEMO_NEGOTIATION_ID}/import/preview`, {
    method: 'POST',
    headers: { cookie, 'content-type': DOCX_TYPE },
    body: new Uint8Array(file),
  });
  const body = (await res.json()) as { error?: { code: string } };
  done = true;
  await probing;
  return { status: res.status, code: body.error?.code ?? 'OK', latencies };
}

const CASES: { name: string; file: () => Promise<Buffer>; status: number; code: string }[] = [
  {
    name: 'a document.xml inflating to 100 MB',
    file: () => docxOf(repeat(paragraphXml('x'.repeat(1000)).repeat(100), 1_000)),
    status: 413,
    code: 'IMPORT_UNPACKED_TOO_LARGE',
  },
  {
    name: 'the same, declaring 1 KB',
    file: () =>
      docxOf(repeat(paragraphXml('x'.repeat(1000)).repeat(100), 1_000), { declaredDocumentSize: 1024 }),
    status: 413,
    code: 'IMPORT_UNPACKED_TOO_LARGE',
  },
  {
    name: 'a million empty paragraphs',
    file: () => docxOf(repeat('<w:p/>'.repeat(1_000), 1_000)),
    status: 413,
    code: 'IMPORT_TOO_MANY_PARAGRAPHS',
  },
  {
    name: 'a thousand paragraphs of two hundred runs',
    file: () => docxOf(repeat(`<w:p>${'<w:r><w:t>ab</w:t></w:r>'.repeat(200)}</w:p>`, 1000)),
    status: 422,
    code: 'IMPORT_TOO_COMPLEX',
  },
  {
    name: 'an 11 MB upload',
    file: async () => Buffer.alloc(11 * 1024 * 1024, 7),
    status: 413,
    code: 'IMPORT_FILE_TOO_LARGE',
  },
  {
    name: 'a plain draft (accepted)',
    file: () => docxOf(repeat(paragraphXml('We commit to act.'), 50)),
    status: 200,
    code: 'OK',
  },
];

describe('hostile .docx imports', () => {
  for (const c of CASES) {
    it(`${c.status === 200 ? 'reads' : `refuses with ${c.code}`} ${c.name}, answering health checks throughout`, async () => {
      const file = await c.file();
      const { status, code, latencies } = await importWhileProbing(file);
      expect({ status, code }).toEqual({ status: c.status, code: c.code });
      expect(latencies.length).toBeGreaterThan(0);
      const max = Math.max(...latencies);
      console.log(
        `import of ${c.name} (${(file.length / 1024).toFixed(1)} KB): ${latencies.length} health checks, max ${max.toFixed(0)} ms`,
      );
      // Before, such files held the server's thread for 20 s to 4 minutes.
      expect(max).toBeLessThan(2_000);
    });
  }
});
