/**
 * Routes receive services, never the storage: no module of server/http imports server/storage
 * (types included). Biome's `noRestrictedImports` does not look at relative imports, so this
 * test reads the imports itself.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const HTTP = import.meta.dirname;
const STORAGE = resolve(HTTP, '../storage');

/** Every module specifier a source file imports or re-exports, statically or dynamically. */
function specifiers(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/\b(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) found.push(m[1]!);
  return found;
}

/** The modules of server/http (tests aside) that reach into server/storage, with what they import. */
function storageImports(): string[] {
  return readdirSync(HTTP)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .flatMap((f) => {
      const file = join(HTTP, f);
      return specifiers(readFileSync(file, 'utf8'))
        .filter((s) => s.startsWith('.'))
        .filter((s) => !relative(STORAGE, resolve(dirname(file), s)).startsWith('..'))
        .map((s) => `${f}: ${s}`);
    });
}

describe('routes', () => {
  it('import no storage module', () => {
    expect(storageImports()).toEqual([]);
  });

  it('would be caught importing one', () => {
    expect(
      specifiers("import type { Storage } from '../storage/storage.js';\nawait import('../storage/x.js');"),
    ).toEqual(['../storage/storage.js', '../storage/x.js']);
  });
});
