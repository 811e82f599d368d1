/**
 * The production build of the server: its entry bundled by esbuild into one ES module,
 * `build/main.mjs`, run by plain Node (`npm start`, `npm run serve`) without a TypeScript
 * loader. Packages stay external and resolve from the repository's `node_modules`. The bundle
 * sits as deep in the tree as `server/main.ts`, so both find the repository root the same way;
 * it stays out of `dist/`, which is served to browsers.
 *
 *   tsx server/build.ts        (part of `npm run build`)
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** The server's entry points by output name. */
export const SERVER_ENTRIES: Readonly<Record<string, string>> = {
  main: 'server/main.ts',
};

/**
 * Worker threads every bundle of the server needs, beside its chunks (the code that starts them
 * looks for them there).
 */
export const WORKER_ENTRIES: Readonly<Record<string, string>> = {
  docxWorker: 'server/import/docxWorker.ts',
};

/**
 * Bundles `entries` (output name → source path, relative to `rootDir`) and `WORKER_ENTRIES` into `outDir` as
 * `<name>.mjs`; returns the output files by name.
 */
export async function bundleServer(
  rootDir: string,
  entries: Readonly<Record<string, string>>,
  outDir: string,
): Promise<Record<string, string>> {
  await build({
    entryPoints: Object.fromEntries(
      Object.entries({ ...entries, ...WORKER_ENTRIES }).map(([name, path]) => [name, resolve(rootDir, path)]),
    ),
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    // Modules imported with `await import()` (Word export and import, calendars) become chunks
    // loaded on first use, so a server that never exports does not hold their libraries.
    splitting: true,
    sourcemap: true,
    logLevel: 'warning',
  });
  return Object.fromEntries(Object.keys(entries).map((name) => [name, resolve(outDir, `${name}.mjs`)]));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const rootDir = resolve(fileURLToPath(import.meta.url), '../..');
  await bundleServer(rootDir, SERVER_ENTRIES, resolve(rootDir, 'build'));
}
