/**
 * `ReadingStore` on PostgreSQL. Snapshot rows, and reading rows once closed, are protected by
 * triggers that refuse UPDATE and DELETE (`guards.ts`); every snapshot is appended together with
 * the sealing of its chain's head, under the chain's lock (`chains.ts`).
 */
import type { ReadingRecord, SnapshotRecord } from '../records.js';
import type { CarriedProposal, ProposalDecision, ReadingStore } from '../storage.js';
import type { PgChains } from './chains.js';
import { toBytes } from './pools.js';
import type { Sql } from './units.js';

const SNAPSHOT = `id, negotiation_id AS "negotiationId", seq, kind, label, taken_at AS "takenAt", taken_by AS "takenBy",
  yjs_state AS "yjsState", canonical, prev_hash AS "prevHash", hash, hash_format AS "hashFormat"`;
const READING = `id, negotiation_id AS "negotiationId", number, revision_id AS "revisionId", opened_at AS "openedAt",
  opened_by AS "openedBy", deadline, closed_at AS "closedAt", closed_by AS "closedBy", snapshot_id AS "snapshotId"`;

type SnapshotRow = Omit<SnapshotRecord, 'yjsState'> & { yjsState: Buffer };
const toSnapshot = (r: SnapshotRow): SnapshotRecord => ({ ...r, yjsState: toBytes(r.yjsState) });

/** Readings and snapshots on PostgreSQL. */
export class PgReadings implements ReadingStore {
  constructor(
    private readonly sql: Sql,
    private readonly chains: PgChains,
  ) {}

  private async insertSnapshot(s: SnapshotRecord): Promise<void> {
    await this.sql.query(
      `INSERT INTO snapshots (id, negotiation_id, seq, kind, label, taken_at, taken_by, yjs_state, canonical, prev_hash, hash, hash_format)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
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
      ],
    );
  }

  async addSnapshot(s: SnapshotRecord): Promise<void> {
    await this.chains.appendSealed(s.negotiationId, () => this.insertSnapshot(s));
  }

  async getSnapshot(id: string): Promise<SnapshotRecord | undefined> {
    const { rows } = await this.sql.query<SnapshotRow>(`SELECT ${SNAPSHOT} FROM snapshots WHERE id = $1`, [
      id,
    ]);
    return rows[0] && toSnapshot(rows[0]);
  }

  async listSnapshots(negotiationId: string): Promise<SnapshotRecord[]> {
    const { rows } = await this.sql.query<SnapshotRow>(
      `SELECT ${SNAPSHOT} FROM snapshots WHERE negotiation_id = $1 ORDER BY seq`,
      [negotiationId],
    );
    return rows.map(toSnapshot);
  }

  createReading(r: ReadingRecord, carried: readonly CarriedProposal[] = []): Promise<void> {
    return this.sql.atomic(async () => {
      await this.sql.query(
        `INSERT INTO readings (id, negotiation_id, number, revision_id, opened_at, opened_by, deadline, closed_at, closed_by, snapshot_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
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
        ],
      );
      for (const c of carried) {
        const done = await this.sql.query(
          `UPDATE proposals SET status = 'open', carried_from = reading_id, reading_id = $1, outdated = $2, updated_at = $3
             WHERE id = $4 AND negotiation_id = $5 AND status = 'carried-forward'`,
          [r.id, c.outdated, r.openedAt, c.proposalId, r.negotiationId],
        );
        if (done.rowCount === 0) throw new Error(`proposal ${c.proposalId} is not carried forward`);
      }
    });
  }

  async getReading(id: string): Promise<ReadingRecord | undefined> {
    const { rows } = await this.sql.query<ReadingRecord>(`SELECT ${READING} FROM readings WHERE id = $1`, [
      id,
    ]);
    return rows[0];
  }

  async listReadings(negotiationId: string): Promise<ReadingRecord[]> {
    const { rows } = await this.sql.query<ReadingRecord>(
      `SELECT ${READING} FROM readings WHERE negotiation_id = $1 ORDER BY number`,
      [negotiationId],
    );
    return rows;
  }

  async setDeadline(id: string, deadline: string): Promise<void> {
    await this.sql.query('UPDATE readings SET deadline = $1 WHERE id = $2 AND closed_at IS NULL', [
      deadline,
      id,
    ]);
  }

  async closeReading(
    id: string,
    at: string,
    by: string,
    snapshot: SnapshotRecord,
    decisions: readonly ProposalDecision[] = [],
  ): Promise<void> {
    await this.chains.appendSealed(snapshot.negotiationId, async () => {
      for (const d of decisions) {
        const done = await this.sql.query(
          `UPDATE proposals SET status = $1, updated_at = $2 WHERE id = $3 AND reading_id = $4 AND status = 'open'`,
          [d.status, at, d.proposalId, id],
        );
        if (done.rowCount === 0) throw new Error(`proposal ${d.proposalId} is not open in reading ${id}`);
      }
      await this.insertSnapshot(snapshot);
      const done = await this.sql.query(
        'UPDATE readings SET closed_at = $1, closed_by = $2, snapshot_id = $3 WHERE id = $4 AND closed_at IS NULL',
        [at, by, snapshot.id, id],
      );
      if (done.rowCount === 0) throw new Error(`reading ${id} is not open`);
    });
  }
}
