/**
 * A production build of the server for the benchmark: `bench/server/entry.ts` and the server
 * bundled by esbuild into one ES module run by plain Node, without tsx's loader thread and
 * in-memory transpilation. Packages stay external and resolve through a `node_modules` link
 * next to the bundle. esbuild is the one tsx and Vite already install.
 */
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../proc/child.js';

/** Bundles the benchmark's server entry into `dir`; returns the bundle's path. */
export async function bundleServer(dir: string): Promise<string> {
  const out = join(dir, 'server-bundle');
  mkdirSync(out, { recursive: true });
  const modules = join(out, 'node_modules');
  if (!existsSync(modules)) symlinkSync(join(ROOT, 'node_modules'), modules, 'dir');
  const spec = 'esbuild';
  const esbuild = (await import(spec)) as {
    build(options: Record<string, unknown>): Promise<unknown>;
  };
  const outfile = join(out, 'server.mjs');
  await esbuild.build({
    entryPoints: [join(ROOT, 'bench', 'server', 'entry.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile,
    logLevel: 'error',
  });
  return outfile;
}
