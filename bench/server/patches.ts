/**
 * Changes to the server that the benchmark's profiles call for, applied to the benchmark's
 * server process only, and only when asked (`BENCH_PATCHES=publication,outdated`), so that their
 * effect can be measured before they are made in `server/`. Each patch replaces one method with
 * the proposed version; the report says which patches a run used. The exact changes proposed
 * for `server/` and `shared/` are described next to each patch.
 */
import { outdated } from './patches/outdated.js';
import { publication, supports } from './patches/publication.js';
import { presenceBatch, syncCache } from './patches/room.js';

/** The patches by name. */
export const PATCHES: Record<string, () => void> = {
  publication,
  outdated,
  supports,
  syncCache,
  presenceBatch,
};

/** Applies the named patches; returns the names applied. */
export function applyPatches(names: readonly string[]): string[] {
  const applied: string[] = [];
  for (const name of names) {
    const patch = PATCHES[name];
    if (!patch) throw new Error(`unknown patch ${name}; known: ${Object.keys(PATCHES).join(', ')}`);
    patch();
    applied.push(name);
  }
  return applied;
}
