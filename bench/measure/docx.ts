/**
 * The .docx export of the compilation text of the large negotiation: `snapshotToDocx` of
 * `server/export/docx.ts` called on the live canonical snapshot (base text and every proposal)
 * in compilation mode, as the export route calls it.
 */

import { AuditLog } from '../../server/accounts/audit.js';
import { Rooms } from '../../server/collab/rooms.js';
import { createLogger } from '../../server/logger.js';
import { Publication } from '../../server/proposals/publication.js';
import { Readings } from '../../server/readings/readings.js';
import { openSqliteStorage } from '../../server/storage/sqlite.js';
import { median } from '../stats/histogram.js';
import type { Timed } from './compare.js';
import { exportedFunction, importOptional } from './optional.js';

function byteLength(value: unknown): number | undefined {
  if (value instanceof Uint8Array) return value.byteLength;
  if (value instanceof ArrayBuffer) return value.byteLength;
  if (typeof Blob !== 'undefined' && value instanceof Blob) return value.size;
  return undefined;
}

/** Times the export (median of 3 runs after one warm-up run). */
export async function measureDocx(dbFile: string, negotiationId: string): Promise<Timed> {
  const mod = await importOptional('../../server/export/docx.js');
  if (!mod.ok) return mod;
  const exporter = exportedFunction(mod.exports, ['snapshotToDocx']);
  if (!exporter)
    return { ok: false, reason: 'not available: server/export/docx.ts exports no snapshotToDocx' };
  const storage = openSqliteStorage(dbFile);
  const log = createLogger('error');
  const rooms = new Rooms(storage, log);
  try {
    const snapshot = await new Readings({
      storage,
      rooms,
      audit: new AuditLog(storage, log),
      publication: new Publication(storage, rooms, log),
    }).live(negotiationId);
    const negotiation = await storage.getNegotiation(negotiationId);
    const options = { mode: 'compilation', title: negotiation?.title ?? '', timeZone: negotiation?.timeZone };
    const once = async () => {
      const t = performance.now();
      const out = await exporter.fn(snapshot, options);
      return { ms: performance.now() - t, bytes: byteLength(out) };
    };
    const first = await once();
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) runs.push((await once()).ms);
    const size = first.bytes === undefined ? 'size unknown' : `${Math.round(first.bytes / 1024)} KB`;
    return {
      ok: true,
      ms: median(runs),
      runs,
      detail: `${exporter.name}(live snapshot: ${snapshot.blocks.length} blocks, ${snapshot.proposals.length} proposals) → ${size}`,
    };
  } catch (err) {
    return { ok: false, reason: `failed: ${(err as Error).message.split('\n')[0]}` };
  } finally {
    await rooms.closeAll();
    await storage.close();
  }
}
