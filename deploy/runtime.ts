/** How production runs the server's Node process, read from `npm run serve` in package.json. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

/** How production runs the server's Node process. */
export interface ProductionRuntime {
  /** Environment variables set before `node` (the C allocator's settings). */
  env: Record<string, string>;
  /** Node flags (V8 heap sizes). */
  flags: string[];
}

/**
 * How production runs the server: the environment and Node flags of `npm run serve` in
 * package.json, so that the benchmark measures the server as it is deployed.
 */
export function productionRuntime(): ProductionRuntime {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const words = (pkg.scripts.serve ?? '').split(/\s+/);
  const node = words.indexOf('node');
  const env: Record<string, string> = {};
  for (const word of words.slice(0, Math.max(node, 0))) {
    const m = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(word);
    if (m) env[m[1]!] = m[2]!;
  }
  return { env, flags: words.slice(node + 1).filter((w) => w.startsWith('--')) };
}
