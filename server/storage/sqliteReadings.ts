/**
 * `ReadingStore` on SQLite. Snapshot rows, and reading rows once closed, are protected by
 * triggers that refuse UPDATE and DELETE (`sqliteGuards.ts`); every snapshot is appended together
 * with the sealing of its chain's head (`sqliteChains.ts`).
 */
import type Database from 'better-sqlite3';
import type { ReadingRecord, SnapshotRecord } from './records.js';
import type { SqliteChains } from './sqliteChains.js';
import type { Prepare } from './statements.js';
import type { CarriedProposal, ProposalDecision, ReadingStore } from './storage.js';

const SNAPSHOT = `id, negotiation_id AS negotiationId, seq, kind, label, taken_at AS takenAt, taken_by AS takenBy,
  yjs_state AS yjsState, canonical, prev_hash AS prevHash, hash, hash_format AS hashFormat`;
const READING = `id, negotiation_id AS negotiationId, number, revision_id AS revisionId, opened_at AS openedAt,
  opened_by AS openedBy, deadline, closed_at AS closedAt, closed_by AS closedBy, snapshot_id AS snapshotId`;

const toSnapshot = (r: SnapshotRecord & { yjsState: Buffer }): SnapshotRecord => ({
  ...r,
  yjsState: new Uint8Array(r.yjsState),
});

/** Readings and snapshots on SQLite. */
export class SqliteReadings implements ReadingStore {
  constructor(
    private readonly db: Database.Database,
    private readonly prepare: Prepare,
    private readonly chains: SqliteChains,
  ) {}

  private insertSnapshot(s: SnapshotRecord): void {
    this.prepare(
      `INSERT INTO snapshots (id, negotiation_id, seq, kind, label, taken_at, taken_by, yjs_state, canonical, prev_hash, hash, hash_format)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      s.id,
      s.negotiationId,
      s.seq,
      s.kind,
      s.label,
      s.takenAt,
      s.takenBy,
      s.yjsState,
      s.canonical,
      s.prevHash,
      s.hash,
      s.hashFormat,
    );
  }

  async addSnapshot(s: SnapshotRecord): Promise<void> {
    this.chains.appendSealed(s.negotiationId, () => this.insertSnapshot(s));
  }

  async getSnapshot(id: string): Promise<SnapshotRecord | undefined> {
    const row = this.prepare(`SELECT ${SNAPSHOT} FROM snapshots WHERE id = ?`).get(id) as
      | (SnapshotRecord & { yjsState: Buffer })
      | undefined;
    return row && toSnapshot(row);
  }

  async listSnapshots(negotiationId: string): Promise<SnapshotRecord[]> {
    return this.listSnapshotsNow(negotiationId);
  }

  /** `listSnapshots`, at once (inside a transaction). */
  listSnapshotsNow(negotiationId: string): SnapshotRecord[] {
    return (
      this.prepare(`SELECT ${SNAPSHOT} FROM snapshots WHERE negotiation_id = ? ORDER BY seq`).all(
        negotiationId,
      ) as (SnapshotRecord & {
        yjsState: Buffer;
      })[]
    ).map(toSnapshot);
  }

  async createReading(r: ReadingRecord, carried: readonly CarriedProposal[] = []): Promise<void> {
    this.db.transaction(() => {
      this.insertReading(r);
      const carry = this.prepare(
        `UPDATE proposals SET status = 'open', carried_from = reading_id, reading_id = ?, outdated = ?, updated_at = ?
           WHERE id = ? AND negotiation_id = ? AND status = 'carried-forward'`,
      );
      for (const c of carried) {
        const done = carry.run(r.id, c.outdated ? 1 : 0, r.openedAt, c.proposalId, r.negotiationId);
        if (done.changes === 0) throw new Error(`proposal ${c.proposalId} is not carried forward`);
      }
    })();
  }

  private insertReading(r: ReadingRecord): void {
    this.prepare(
      `INSERT INTO readings (id, negotiation_id, number, revision_id, opened_at, opened_by, deadline, closed_at, closed_by, snapshot_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      r.id,
      r.negotiationId,
      r.number,
      r.revisionId,
      r.openedAt,
      r.openedBy,
      r.deadline,
      r.closedAt,
      r.closedBy,
      r.snapshotId,
    );
  }

  async getReading(id: string): Promise<ReadingRecord | undefined> {
    return this.prepare(`SELECT ${READING} FROM readings WHERE id = ?`).get(id) as ReadingRecord | undefined;
  }

  async listReadings(negotiationId: string): Promise<ReadingRecord[]> {
    return this.listReadingsNow(negotiationId);
  }

  /** `listReadings`, at once (inside a transaction). */
  listReadingsNow(negotiationId: string): ReadingRecord[] {
    return this.prepare(`SELECT ${READING} FROM readings WHERE negotiation_id = ? ORDER BY number`).all(
      negotiationId,
    ) as ReadingRecord[];
  }

  async setDeadline(id: string, deadline: string): Promise<void> {
    this.prepare('UPDATE readings SET deadline = ? WHERE id = ? AND closed_at IS NULL').run(deadline, id);
  }

  async closeReading(
    id: string,
    at: string,
    by: string,
    snapshot: SnapshotRecord,
    decisions: readonly ProposalDecision[] = [],
  ): Promise<void> {
    this.chains.appendSealed(snapshot.negotiationId, () => {
      const decide = this.prepare(
        `UPDATE proposals SET status = ?, updated_at = ? WHERE id = ? AND reading_id = ? AND status = 'open'`,
      );
      for (const d of decisions) {
        if (decide.run(d.status, at, d.proposalId, id).changes === 0)
          throw new Error(`proposal ${d.proposalId} is not open in reading ${id}`);
      }
      this.insertSnapshot(snapshot);
      const done = this.prepare(
        'UPDATE readings SET closed_at = ?, closed_by = ?, snapshot_id = ? WHERE id = ? AND closed_at IS NULL',
      ).run(at, by, snapshot.id, id);
      if (done.changes === 0) throw new Error(`reading ${id} is not open`);
    });
  }
}
