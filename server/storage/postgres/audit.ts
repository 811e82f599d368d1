/** `AuditStore` on PostgreSQL: each entry is appended to its negotiation's hash chain (`chains.ts`). */
import type { AuditRecord } from '../records.js';
import type { AuditStore } from '../storage.js';
import type { PgChains } from './chains.js';
import type { Sql } from './units.js';

/** The audit log on PostgreSQL. */
export class PgAudit implements AuditStore {
  constructor(
    private readonly sql: Sql,
    private readonly chains: PgChains,
  ) {}

  async append(e: Omit<AuditRecord, 'seq'>): Promise<void> {
    await this.chains.appendAudit({
      at: e.at,
      negotiationId: e.negotiationId,
      personId: e.personId,
      personName: e.personName,
      delegation: e.delegation,
      action: e.action,
      // The very text the SQLite back end stores: the entry's hash covers it.
      detail: JSON.stringify(e.detail),
    });
  }

  async list(negotiationId: string, limit: number): Promise<AuditRecord[]> {
    const { rows } = await this.sql.query<Omit<AuditRecord, 'detail'> & { detail: string }>(
      `SELECT seq, at, negotiation_id AS "negotiationId", person_id AS "personId", person_name AS "personName",
              delegation, action, detail FROM audit WHERE negotiation_id = $1 ORDER BY seq DESC LIMIT $2`,
      [negotiationId, limit],
    );
    return rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }));
  }
}
