/**
 * The processes the benchmark starts, built as production runs them: the server's entries
 * bundled by esbuild (`bundleServer`, as `npm run build` does for `npm start`) and run by plain
 * Node, without a TypeScript loader. The bare relay is bundled the same way, so that neither
 * side pays for a loader the other does not. Packages resolve through a `node_modules` link
 * next to the bundles.
 */
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { productionRuntime } from '../../deploy/runtime.js';
import { bundleServer } from '../../server/build.js';
import { ROOT } from '../proc/child.js';

/** The bundled entries. */
export interface BenchBundle {
  /** `bench/server/entry.ts`: the server with the benchmark's IPC channel. */
  server: string;
  /** `bench/relay/entry.ts`: the bare relay. */
  relay: string;
  /** `server/main.ts`: the server as `npm start` runs it (start-up measurement). */
  main: string;
}

/** Bundles the benchmark's entries into `dir/bundle`. */
export async function bundleBench(dir: string): Promise<BenchBundle> {
  const out = join(dir, 'bundle');
  mkdirSync(out, { recursive: true });
  const modules = join(out, 'node_modules');
  if (!existsSync(modules)) symlinkSync(join(ROOT, 'node_modules'), modules, 'dir');
  const files = await bundleServer(
    ROOT,
    { server: 'bench/server/entry.ts', relay: 'bench/relay/entry.ts', main: 'server/main.ts' },
    out,
  );
  return { server: files.server!, relay: files.relay!, main: files.main! };
}

/** `npm run serve`'s command line without the script, for reports ("MALLOC_ARENA_MAX=2 node --…"). */
export function productionCommand(extraFlags: readonly string[] = []): string {
  const { env, flags } = productionRuntime();
  return [...Object.entries(env).map(([k, v]) => `${k}=${v}`), 'node', ...flags, ...extraFlags].join(' ');
}
