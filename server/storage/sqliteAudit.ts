/** `AuditStore` on SQLite: each entry is appended to its negotiation's hash chain (`sqliteChains.ts`). */
import type { AuditRecord } from './records.js';
import type { SqliteChains } from './sqliteChains.js';
import type { Prepare } from './statements.js';
import type { AuditStore } from './storage.js';

/** The audit log on SQLite. */
export class SqliteAudit implements AuditStore {
  constructor(
    private readonly prepare: Prepare,
    private readonly chains: SqliteChains,
  ) {}

  async append(e: Omit<AuditRecord, 'seq'>): Promise<void> {
    this.chains.appendAudit({
      at: e.at,
      negotiationId: e.negotiationId,
      personId: e.personId,
      personName: e.personName,
      delegation: e.delegation,
      action: e.action,
      detail: JSON.stringify(e.detail),
    });
  }

  async list(negotiationId: string, limit: number): Promise<AuditRecord[]> {
    const rows = this.prepare(
      `SELECT seq, at, negotiation_id AS negotiationId, person_id AS personId, person_name AS personName,
                delegation, action, detail FROM audit WHERE negotiation_id = ? ORDER BY seq DESC LIMIT ?`,
    ).all(negotiationId, limit) as (Omit<AuditRecord, 'detail'> & { detail: string })[];
    return rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }));
  }
}
