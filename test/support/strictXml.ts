/** Opening a .docx the way a strict reader would: every XML part parsed by a conforming XML 1.0 parser. */
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';

/** Parses `xml` strictly (well-formedness and XML 1.0 characters); throws the parser's first error. */
export function parseStrictXml(xml: string, name = 'document'): void {
  const parser = new SaxesParser({ xmlns: true });
  let failure: Error | null = null;
  parser.on('error', (err) => {
    failure ??= new Error(`${name}: ${err.message}`);
  });
  parser.write(xml).close();
  if (failure) throw failure;
}

/** Every XML part of a .docx, parsed strictly; returns their texts by name. */
export async function strictDocxParts(docx: Buffer | Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(docx);
  const parts: Record<string, string> = {};
  for (const [name, file] of Object.entries(zip.files)) {
    if (file.dir || !/\.(xml|rels)$/.test(name)) continue;
    parts[name] = await file.async('string');
    parseStrictXml(parts[name], name);
  }
  return parts;
}
