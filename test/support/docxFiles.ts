/**
 * Word files built byte by byte for import tests, hostile ones included: a document.xml that
 * inflates to hundreds of megabytes from a few hundred kilobytes, one of a hundred thousand
 * paragraphs, an archive that lies about its sizes. The XML is streamed through deflate, so the
 * test process never holds the inflated text.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32, createDeflateRaw } from 'node:zlib';

/** One file of a zip archive, its data given as chunks. */
export interface ZipEntry {
  name: string;
  chunks: Iterable<Buffer>;
  /** Uncompressed size to declare instead of the real one (an archive that lies). */
  declaredSize?: number;
}

/** A zip archive (deflate) of `entries`. */
export async function zipOf(entries: readonly ZipEntry[]): Promise<Buffer> {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const { compressed, size, crc } = await deflateChunks(entry.chunks);
    const name = Buffer.from(entry.name, 'utf8');
    const declared = entry.declaredSize ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, compressed);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(compressed.length, 20);
    dir.writeUInt32LE(declared, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, name);
    offset += local.length + name.length + compressed.length;
  }
  const dirSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...central, end]);
}

async function deflateChunks(
  chunks: Iterable<Buffer>,
): Promise<{ compressed: Buffer; size: number; crc: number }> {
  let size = 0;
  let crc = 0;
  const out: Buffer[] = [];
  function* counted() {
    for (const chunk of chunks) {
      size += chunk.length;
      crc = crc32(chunk, crc);
      yield chunk;
    }
  }
  await pipeline(Readable.from(counted()), createDeflateRaw({ level: 9 }), async (compressed) => {
    for await (const c of compressed) out.push(c as Buffer);
  });
  return { compressed: Buffer.concat(out), size, crc };
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A paragraph of document.xml with `text`. */
export function paragraphXml(text: string): string {
  return `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
}

/** A .docx whose document body is `body` (chunks of XML, between `<w:body>` and `</w:body>`). */
export function docxOf(
  body: Iterable<Buffer>,
  opts: { declaredDocumentSize?: number } = {},
): Promise<Buffer> {
  const text = (s: string) => [Buffer.from(s, 'utf8')];
  function* document() {
    yield Buffer.from(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>`,
    );
    yield* body;
    yield Buffer.from('</w:body></w:document>');
  }
  return zipOf([
    {
      name: '[Content_Types].xml',
      chunks: text(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
    },
    {
      name: '_rels/.rels',
      chunks: text(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      ),
    },
    {
      name: 'word/document.xml',
      chunks: document(),
      ...(opts.declaredDocumentSize === undefined ? {} : { declaredSize: opts.declaredDocumentSize }),
    },
  ]);
}

/** `chunk` repeated `times` times, lazily. */
export function* repeat(chunk: string, times: number): Generator<Buffer> {
  const bytes = Buffer.from(chunk, 'utf8');
  for (let i = 0; i < times; i++) yield bytes;
}
