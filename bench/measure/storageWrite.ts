/**
 * Storage write latency: how long committing one small document update takes (what the room
 * waits for before it applies, broadcasts and acknowledges an edit), on the large database with
 * the server's settings. The same writes are then timed with `synchronous=NORMAL`, the setting
 * before acknowledged edits had to survive a power loss, for comparison.
 */
import * as Y from 'yjs';
import { openSqliteStorage } from '../../server/storage/sqlite.js';
import { type Percentiles, percentilesOf } from '../stats/histogram.js';

/** Commit latencies in milliseconds. */
export interface StorageWriteFigures {
  /** SQLite's `synchronous` setting as the server opens the database (FULL, NORMAL, …). */
  synchronous: string;
  writes: number;
  latency: Percentiles;
  /** The same writes with `synchronous=NORMAL`. */
  normal: Percentiles;
}

const SYNCHRONOUS = ['OFF', 'NORMAL', 'FULL', 'EXTRA'];
const PROBE_DOC = 'bench.write-probe';

/** Times `writes` commits of a one-character update each way; leaves nothing behind. */
export async function storageWriteLatency(dbFile: string, writes = 300): Promise<StorageWriteFigures> {
  const storage = openSqliteStorage(dbFile);
  try {
    const setting = SYNCHRONOUS[storage.db.pragma('synchronous', { simple: true }) as number] ?? 'unknown';
    const doc = new Y.Doc();
    const text = doc.getText('t');
    const time = async (): Promise<Percentiles> => {
      const samples: number[] = [];
      for (let i = 0; i < writes; i++) {
        const before = Y.encodeStateVector(doc);
        text.insert(text.length, 'x');
        const update = Y.encodeStateAsUpdate(doc, before);
        const started = performance.now();
        await storage.appendUpdates(PROBE_DOC, [update]);
        samples.push(performance.now() - started);
      }
      return percentilesOf(samples);
    };
    const latency = await time();
    storage.db.pragma('synchronous = NORMAL');
    const normal = await time();
    storage.db.prepare('DELETE FROM doc_updates WHERE doc = ?').run(PROBE_DOC);
    return { synchronous: setting, writes, latency, normal };
  } finally {
    await storage.close();
  }
}
