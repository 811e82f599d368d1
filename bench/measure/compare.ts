/**
 * Comparison of two readings of the large negotiation with the pure function
 * (`compareSnapshots` in `shared/compare.ts`), on the canonical snapshots stored when the last
 * two readings closed (300 paragraphs each).
 */

import { openSqliteStorage } from '../../server/storage/sqlite.js';
import type { CanonicalSnapshot } from '../../shared/snapshot.js';
import { median } from '../stats/histogram.js';
import { exportedFunction, importOptional } from './optional.js';

/** A timed measurement, or why it was skipped. */
export type Timed = { ok: true; ms: number; runs: number[]; detail: string } | { ok: false; reason: string };

/** The canonical snapshots of the last two closed readings. */
export async function lastTwoReadings(
  dbFile: string,
  negotiationId: string,
): Promise<{ a: CanonicalSnapshot; b: CanonicalSnapshot; ids: [string, string] } | undefined> {
  const storage = openSqliteStorage(dbFile);
  try {
    const closed = (await storage.readings.listReadings(negotiationId)).filter((r) => r.snapshotId);
    if (closed.length < 2) return undefined;
    const ids = closed.slice(-2).map((r) => r.snapshotId!) as [string, string];
    const [a, b] = await Promise.all(ids.map((id) => storage.readings.getSnapshot(id)));
    return {
      a: JSON.parse(a!.canonical) as CanonicalSnapshot,
      b: JSON.parse(b!.canonical) as CanonicalSnapshot,
      ids,
    };
  } finally {
    await storage.close();
  }
}

/** Times `compareSnapshots(a, b)` (median of 7 runs after one warm-up run). */
export async function measurePureCompare(dbFile: string, negotiationId: string): Promise<Timed> {
  const mod = await importOptional('../../shared/compare.js');
  if (!mod.ok) return mod;
  const compare = exportedFunction(mod.exports, ['compareSnapshots'], /compare/i);
  if (!compare) return { ok: false, reason: 'not available: shared/compare.ts exports no compareSnapshots' };
  const readings = await lastTwoReadings(dbFile, negotiationId);
  if (!readings) return { ok: false, reason: 'fewer than two closed readings' };
  try {
    await compare.fn(readings.a, readings.b);
    const runs: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t = performance.now();
      await compare.fn(readings.a, readings.b);
      runs.push(performance.now() - t);
    }
    const paragraphs = (s: CanonicalSnapshot) => s.blocks.filter((b) => b.pid).length;
    return {
      ok: true,
      ms: median(runs),
      runs,
      detail: `${compare.name}(${readings.a.label}, ${readings.b.label}), ${paragraphs(readings.a)} and ${paragraphs(readings.b)} paragraphs`,
    };
  } catch (err) {
    return { ok: false, reason: `failed: ${(err as Error).message}` };
  }
}
