/** Storage figures of the large negotiation: the database file, its documents and one snapshot. */
import { existsSync, statSync } from 'node:fs';
import { openSqliteStorage } from '../../server/storage/sqlite.js';
import { draftDocName, proposalsDocName } from '../../shared/protocol.js';

/** Sizes in kilobytes unless named otherwise. */
export interface StorageFigures {
  databaseMb: number;
  /** Stored Yjs state of the draft and of the proposals document (compacted state plus log). */
  draftDocKb: number;
  proposalsDocKb: number;
  /** The latest closed reading's snapshot: Yjs state, canonical JSON, both. */
  snapshot: { label: string; yjsStateKb: number; canonicalKb: number; totalKb: number } | null;
  snapshots: number;
  rows: { proposals: number; supports: number; proposalVersions: number; audit: number; people: number };
}

const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

/** Reads the figures from the database file (with its WAL, if any). */
export async function storageFigures(dbFile: string, negotiationId: string): Promise<StorageFigures> {
  const size = (f: string) => (existsSync(f) ? statSync(f).size : 0);
  const databaseMb = Math.round((size(dbFile) + size(`${dbFile}-wal`)) / 104857.6) / 10;
  const storage = openSqliteStorage(dbFile);
  try {
    const docKb = async (name: string) => {
      const d = await storage.loadDoc(name);
      return kb((d.state?.length ?? 0) + d.updates.reduce((a, u) => a + u.length, 0));
    };
    const readings = await storage.readings.listReadings(negotiationId);
    const lastClosed = readings.filter((r) => r.snapshotId).at(-1);
    const snap = lastClosed?.snapshotId
      ? await storage.readings.getSnapshot(lastClosed.snapshotId)
      : undefined;
    const count = (sql: string) => (storage.db.prepare(sql).get() as { n: number }).n;
    return {
      databaseMb,
      draftDocKb: await docKb(draftDocName(negotiationId)),
      proposalsDocKb: await docKb(proposalsDocName(negotiationId)),
      snapshot: snap
        ? {
            label: snap.label,
            yjsStateKb: kb(snap.yjsState.length),
            canonicalKb: kb(Buffer.byteLength(snap.canonical)),
            totalKb: kb(snap.yjsState.length + Buffer.byteLength(snap.canonical)),
          }
        : null,
      snapshots: (await storage.readings.listSnapshots(negotiationId)).length,
      rows: {
        proposals: count('SELECT COUNT(*) AS n FROM proposals'),
        supports: count('SELECT COUNT(*) AS n FROM proposal_supports'),
        proposalVersions: count('SELECT COUNT(*) AS n FROM proposal_versions'),
        audit: count('SELECT COUNT(*) AS n FROM audit'),
        people: count('SELECT COUNT(*) AS n FROM people'),
      },
    };
  } finally {
    await storage.close();
  }
}
