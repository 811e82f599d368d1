/** `RoadmapStore` on PostgreSQL: an entry's data is kept as JSON text, as the co-facilitators wrote it. */
import type { RoadmapEntryData } from '../../../shared/roadmap.js';
import type { CalendarFeedRecord, RoadmapEntryRecord } from '../records.js';
import type { RoadmapStore } from '../storage.js';
import type { Sql } from './units.js';

const ENTRY = `id, negotiation_id AS "negotiationId", data, version, created_at AS "createdAt",
  updated_at AS "updatedAt", updated_by AS "updatedBy"`;
const FEED = `id, token_hash AS "tokenHash", negotiation_id AS "negotiationId", person_id AS "personId",
  created_at AS "createdAt", revoked_at AS "revokedAt"`;

type EntryRow = Omit<RoadmapEntryRecord, 'data'> & { data: string };
const toEntry = (r: EntryRow): RoadmapEntryRecord => ({ ...r, data: JSON.parse(r.data) as RoadmapEntryData });

/** Roadmap entries and calendar feeds on PostgreSQL. */
export class PgRoadmap implements RoadmapStore {
  constructor(private readonly sql: Sql) {}

  async insertEntry(e: RoadmapEntryRecord): Promise<void> {
    await this.sql.query(
      `INSERT INTO roadmap_entries (id, negotiation_id, data, version, created_at, updated_at, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [e.id, e.negotiationId, JSON.stringify(e.data), e.version, e.createdAt, e.updatedAt, e.updatedBy],
    );
  }

  async getEntry(id: string): Promise<RoadmapEntryRecord | undefined> {
    const { rows } = await this.sql.query<EntryRow>(`SELECT ${ENTRY} FROM roadmap_entries WHERE id = $1`, [
      id,
    ]);
    return rows[0] && toEntry(rows[0]);
  }

  async listEntries(negotiationId: string): Promise<RoadmapEntryRecord[]> {
    // `ord` is the insertion order, which SQLite's rowid gives.
    const { rows } = await this.sql.query<EntryRow>(
      `SELECT ${ENTRY} FROM roadmap_entries WHERE negotiation_id = $1 ORDER BY created_at, ord`,
      [negotiationId],
    );
    return rows.map(toEntry);
  }

  async updateEntry(id: string, data: RoadmapEntryData, at: string, by: string): Promise<RoadmapEntryRecord> {
    const { rows } = await this.sql.query<EntryRow>(
      `UPDATE roadmap_entries SET data = $1, version = version + 1, updated_at = $2, updated_by = $3 WHERE id = $4
         RETURNING ${ENTRY}`,
      [JSON.stringify(data), at, by, id],
    );
    if (!rows[0]) throw new Error(`roadmap entry ${id} does not exist`);
    return toEntry(rows[0]);
  }

  async deleteEntry(id: string): Promise<boolean> {
    const done = await this.sql.query('DELETE FROM roadmap_entries WHERE id = $1', [id]);
    return (done.rowCount ?? 0) > 0;
  }

  replaceFeed(f: CalendarFeedRecord): Promise<void> {
    return this.sql.atomic(async () => {
      await this.sql.query(
        'UPDATE calendar_feeds SET revoked_at = $1 WHERE negotiation_id = $2 AND person_id = $3 AND revoked_at IS NULL',
        [f.createdAt, f.negotiationId, f.personId],
      );
      await this.sql.query(
        `INSERT INTO calendar_feeds (id, token_hash, negotiation_id, person_id, created_at, revoked_at)
           VALUES ($1, $2, $3, $4, $5, $6)`,
        [f.id, f.tokenHash, f.negotiationId, f.personId, f.createdAt, f.revokedAt],
      );
    });
  }

  async getFeedByHash(tokenHash: string): Promise<CalendarFeedRecord | undefined> {
    const { rows } = await this.sql.query<CalendarFeedRecord>(
      `SELECT ${FEED} FROM calendar_feeds WHERE token_hash = $1`,
      [tokenHash],
    );
    return rows[0];
  }
}
