/** `VisitStore` on SQLite: one row per person and negotiation, what they saw kept as JSON. */
import type Database from 'better-sqlite3';
import type { SeenState } from '../../shared/visits.js';
import type { VisitRecord } from './records.js';
import type { Prepare } from './statements.js';
import type { VisitStore } from './storage.js';

const VISIT = 'negotiation_id AS negotiationId, person_id AS personId, at, seen';
type VisitRow = Omit<VisitRecord, 'seen'> & { seen: string };
const toVisit = (r: VisitRow): VisitRecord => ({ ...r, seen: JSON.parse(r.seen) as SeenState });

/** Visits on SQLite. */
export class SqliteVisits implements VisitStore {
  constructor(
    private readonly db: Database.Database,
    private readonly prepare: Prepare,
  ) {}

  async getVisit(negotiationId: string, personId: string): Promise<VisitRecord | undefined> {
    return this.get(negotiationId, personId);
  }

  async replaceVisit(v: VisitRecord): Promise<VisitRecord | undefined> {
    return this.db.transaction(() => {
      const previous = this.get(v.negotiationId, v.personId);
      this.prepare(
        `INSERT INTO visits (negotiation_id, person_id, at, seen) VALUES (?, ?, ?, ?)
           ON CONFLICT (negotiation_id, person_id) DO UPDATE SET at = excluded.at, seen = excluded.seen`,
      ).run(v.negotiationId, v.personId, v.at, JSON.stringify(v.seen));
      return previous;
    })();
  }

  private get(negotiationId: string, personId: string): VisitRecord | undefined {
    const row = this.prepare(`SELECT ${VISIT} FROM visits WHERE negotiation_id = ? AND person_id = ?`).get(
      negotiationId,
      personId,
    ) as VisitRow | undefined;
    return row && toVisit(row);
  }
}
