/** `VisitStore` on PostgreSQL: one row per person and negotiation, what they saw kept as JSON text. */
import type { SeenState } from '../../../shared/visits.js';
import type { VisitRecord } from '../records.js';
import type { VisitStore } from '../storage.js';
import type { Sql } from './units.js';

const VISIT = 'negotiation_id AS "negotiationId", person_id AS "personId", at, seen';
type VisitRow = Omit<VisitRecord, 'seen'> & { seen: string };
const toVisit = (r: VisitRow): VisitRecord => ({ ...r, seen: JSON.parse(r.seen) as SeenState });

/** Visits on PostgreSQL. */
export class PgVisits implements VisitStore {
  constructor(private readonly sql: Sql) {}

  async getVisit(negotiationId: string, personId: string): Promise<VisitRecord | undefined> {
    const { rows } = await this.sql.query<VisitRow>(
      `SELECT ${VISIT} FROM visits WHERE negotiation_id = $1 AND person_id = $2`,
      [negotiationId, personId],
    );
    return rows[0] && toVisit(rows[0]);
  }

  replaceVisit(v: VisitRecord): Promise<VisitRecord | undefined> {
    return this.sql.atomic(async () => {
      // Locked until the new visit commits, so that two replacements each hand back the one before.
      const { rows } = await this.sql.query<VisitRow>(
        `SELECT ${VISIT} FROM visits WHERE negotiation_id = $1 AND person_id = $2 FOR UPDATE`,
        [v.negotiationId, v.personId],
      );
      await this.sql.query(
        `INSERT INTO visits (negotiation_id, person_id, at, seen) VALUES ($1, $2, $3, $4)
           ON CONFLICT (negotiation_id, person_id) DO UPDATE SET at = excluded.at, seen = excluded.seen`,
        [v.negotiationId, v.personId, v.at, JSON.stringify(v.seen)],
      );
      return rows[0] && toVisit(rows[0]);
    });
  }
}
