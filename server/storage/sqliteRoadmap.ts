/** `RoadmapStore` on SQLite: an entry's data is kept as JSON, as the co-facilitators wrote it. */
import type Database from 'better-sqlite3';
import type { RoadmapEntryData } from '../../shared/roadmap.js';
import type { CalendarFeedRecord, RoadmapEntryRecord } from './records.js';
import type { Prepare } from './statements.js';
import type { RoadmapStore } from './storage.js';

const ENTRY = `id, negotiation_id AS negotiationId, data, version, created_at AS createdAt,
  updated_at AS updatedAt, updated_by AS updatedBy`;
const FEED = `id, token_hash AS tokenHash, negotiation_id AS negotiationId, person_id AS personId,
  created_at AS createdAt, revoked_at AS revokedAt`;

type EntryRow = Omit<RoadmapEntryRecord, 'data'> & { data: string };
const toEntry = (r: EntryRow): RoadmapEntryRecord => ({ ...r, data: JSON.parse(r.data) as RoadmapEntryData });

/** Roadmap entries and calendar feeds on SQLite. */
export class SqliteRoadmap implements RoadmapStore {
  constructor(
    private readonly db: Database.Database,
    private readonly prepare: Prepare,
  ) {}

  async insertEntry(e: RoadmapEntryRecord): Promise<void> {
    this.prepare(
      `INSERT INTO roadmap_entries (id, negotiation_id, data, version, created_at, updated_at, updated_by)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(e.id, e.negotiationId, JSON.stringify(e.data), e.version, e.createdAt, e.updatedAt, e.updatedBy);
  }

  async getEntry(id: string): Promise<RoadmapEntryRecord | undefined> {
    const row = this.prepare(`SELECT ${ENTRY} FROM roadmap_entries WHERE id = ?`).get(id) as
      | EntryRow
      | undefined;
    return row && toEntry(row);
  }

  async listEntries(negotiationId: string): Promise<RoadmapEntryRecord[]> {
    return (
      this.prepare(
        `SELECT ${ENTRY} FROM roadmap_entries WHERE negotiation_id = ? ORDER BY created_at, rowid`,
      ).all(negotiationId) as EntryRow[]
    ).map(toEntry);
  }

  async updateEntry(id: string, data: RoadmapEntryData, at: string, by: string): Promise<RoadmapEntryRecord> {
    const done = this.prepare(
      'UPDATE roadmap_entries SET data = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?',
    ).run(JSON.stringify(data), at, by, id);
    if (done.changes === 0) throw new Error(`roadmap entry ${id} does not exist`);
    return (await this.getEntry(id))!;
  }

  async deleteEntry(id: string): Promise<boolean> {
    return this.prepare('DELETE FROM roadmap_entries WHERE id = ?').run(id).changes > 0;
  }

  async replaceFeed(f: CalendarFeedRecord): Promise<void> {
    this.db.transaction(() => {
      this.prepare(
        'UPDATE calendar_feeds SET revoked_at = ? WHERE negotiation_id = ? AND person_id = ? AND revoked_at IS NULL',
      ).run(f.createdAt, f.negotiationId, f.personId);
      this.prepare(
        `INSERT INTO calendar_feeds (id, token_hash, negotiation_id, person_id, created_at, revoked_at)
           VALUES (?, ?, ?, ?, ?, ?)`,
      ).run(f.id, f.tokenHash, f.negotiationId, f.personId, f.createdAt, f.revokedAt);
    })();
  }

  async getFeedByHash(tokenHash: string): Promise<CalendarFeedRecord | undefined> {
    return this.prepare(`SELECT ${FEED} FROM calendar_feeds WHERE token_hash = ?`).get(tokenHash) as
      | CalendarFeedRecord
      | undefined;
  }
}
