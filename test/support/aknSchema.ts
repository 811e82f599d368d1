/**
 * Validating Akoma Ntoso documents against the OASIS AKN 3.0 schema (test/fixtures/akn/, see
 * its README) with xmllint compiled to WebAssembly (xmllint-wasm): the same libxml2 checks as
 * `xmllint --schema`, without a native install.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { validateXML } from 'xmllint-wasm';

const DIR = resolve(import.meta.dirname, '..', 'fixtures', 'akn');
const SCHEMA = { fileName: 'akn30.xsd', contents: readFileSync(join(DIR, 'akn30.xsd'), 'utf8') };
const XML_SCHEMA = { fileName: 'xml.xsd', contents: readFileSync(join(DIR, 'xml.xsd'), 'utf8') };

/** What the schema says of a document: valid, or the validator's messages. */
export interface AknValidation {
  valid: boolean;
  errors: string[];
}

/** Validates `xml` against the AKN 3.0 schema. */
export async function validateAkn(xml: string): Promise<AknValidation> {
  const result = await validateXML({
    xml: { fileName: 'document.xml', contents: xml },
    schema: SCHEMA,
    preload: [XML_SCHEMA],
    // The schema itself needs more than the default 32 MiB once compiled.
    maxMemoryPages: 4096,
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) };
}
