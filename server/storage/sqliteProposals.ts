/** `ProposalStore` on SQLite. */
import type Database from 'better-sqlite3';
import type {
  ParagraphStatusRecord,
  ProposalContent,
  ProposalRecord,
  ProposalVersionRecord,
  SupportRecord,
} from './records.js';
import type { Prepare } from './statements.js';
import type { ProposalPatch, ProposalStore } from './storage.js';

const COLUMNS = `id, negotiation_id AS negotiationId, pid, kind, delegation, tabled_by AS tabledBy,
  person_id AS personId, person_name AS personName, reading_id AS readingId, status, outdated, version,
  content, created_at AS createdAt, updated_at AS updatedAt, applied_at AS appliedAt, applied_by AS appliedBy,
  carried_from AS carriedFrom`;

type Row = Omit<ProposalRecord, 'outdated' | 'content'> & { outdated: number; content: string };

const toRecord = (r: Row): ProposalRecord => ({
  ...r,
  outdated: r.outdated === 1,
  content: JSON.parse(r.content) as ProposalContent,
});

/** Proposals on SQLite. */
export class SqliteProposals implements ProposalStore {
  constructor(
    private readonly db: Database.Database,
    private readonly prepare: Prepare,
  ) {}

  async insert(p: ProposalRecord): Promise<void> {
    this.db.transaction(() => {
      this.prepare(
        `INSERT INTO proposals (id, negotiation_id, pid, kind, delegation, tabled_by, person_id, person_name,
             reading_id, status, outdated, version, content, created_at, updated_at, carried_from)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        p.id,
        p.negotiationId,
        p.pid,
        p.kind,
        p.delegation,
        p.tabledBy,
        p.personId,
        p.personName,
        p.readingId,
        p.status,
        p.outdated ? 1 : 0,
        p.version,
        JSON.stringify(p.content),
        p.createdAt,
        p.updatedAt,
        p.carriedFrom,
      );
      this.insertVersion(p.id, p.version, p.content, p.createdAt, p.personId);
    })();
  }

  private insertVersion(
    id: string,
    version: number,
    content: ProposalContent,
    at: string,
    personId: string,
  ): void {
    this.prepare(
      'INSERT INTO proposal_versions (proposal_id, version, content, edited_at, person_id) VALUES (?, ?, ?, ?, ?)',
    ).run(id, version, JSON.stringify(content), at, personId);
  }

  async get(id: string): Promise<ProposalRecord | undefined> {
    const row = this.prepare(`SELECT ${COLUMNS} FROM proposals WHERE id = ?`).get(id) as Row | undefined;
    return row && toRecord(row);
  }

  async list(negotiationId: string): Promise<ProposalRecord[]> {
    return (
      this.prepare(`SELECT ${COLUMNS} FROM proposals WHERE negotiation_id = ? ORDER BY created_at, id`).all(
        negotiationId,
      ) as Row[]
    ).map(toRecord);
  }

  async openAmendments(negotiationId: string, pids?: readonly string[]): Promise<ProposalRecord[]> {
    if (pids?.length === 0) return [];
    const open = `SELECT ${COLUMNS} FROM proposals
      WHERE negotiation_id = ? AND kind = 'amend' AND applied_at IS NULL
        AND status IN ('open', 'partly-incorporated')`;
    const rows = pids
      ? (this.prepare(`${open} AND pid IN (${pids.map(() => '?').join(', ')}) ORDER BY created_at, id`).all(
          negotiationId,
          ...pids,
        ) as Row[])
      : (this.prepare(`${open} ORDER BY created_at, id`).all(negotiationId) as Row[]);
    return rows.map(toRecord);
  }

  async update(id: string, patch: ProposalPatch): Promise<ProposalRecord> {
    return this.db.transaction(() => {
      const row = this.prepare(`SELECT ${COLUMNS} FROM proposals WHERE id = ?`).get(id) as Row | undefined;
      if (!row) throw new Error(`no proposal ${id}`);
      const current = toRecord(row);
      const version = patch.content ? current.version + 1 : current.version;
      if (patch.content) this.insertVersion(id, version, patch.content, patch.at, patch.personId);
      this.prepare(
        `UPDATE proposals SET content = ?, status = ?, outdated = ?, version = ?, updated_at = ?,
             applied_at = COALESCE(?, applied_at), applied_by = COALESCE(?, applied_by),
             applied_update = COALESCE(?, applied_update)
           WHERE id = ?`,
      ).run(
        JSON.stringify(patch.content ?? current.content),
        patch.status ?? current.status,
        (patch.outdated ?? current.outdated) ? 1 : 0,
        version,
        patch.at,
        patch.applied?.at ?? null,
        patch.applied?.by ?? null,
        patch.applied?.update ?? null,
        id,
      );
      return toRecord(this.prepare(`SELECT ${COLUMNS} FROM proposals WHERE id = ?`).get(id) as Row);
    })();
  }

  async history(id: string): Promise<ProposalVersionRecord[]> {
    const rows = this.prepare(
      `SELECT proposal_id AS proposalId, version, content, edited_at AS editedAt, person_id AS personId
           FROM proposal_versions WHERE proposal_id = ? ORDER BY version`,
    ).all(id) as (Omit<ProposalVersionRecord, 'content'> & { content: string })[];
    return rows.map((r) => ({ ...r, content: JSON.parse(r.content) as ProposalContent }));
  }

  async addSupport(s: SupportRecord): Promise<boolean> {
    return (
      this.prepare(
        `INSERT INTO proposal_supports (proposal_id, delegation, person_id, created_at) VALUES (?, ?, ?, ?)
           ON CONFLICT DO NOTHING`,
      ).run(s.proposalId, s.delegation, s.personId, s.createdAt).changes > 0
    );
  }

  async removeSupport(proposalId: string, delegation: string): Promise<boolean> {
    return (
      this.prepare('DELETE FROM proposal_supports WHERE proposal_id = ? AND delegation = ?').run(
        proposalId,
        delegation,
      ).changes > 0
    );
  }

  async supportsOf(proposalIds: readonly string[]): Promise<SupportRecord[]> {
    const stmt = this.prepare(
      `SELECT proposal_id AS proposalId, delegation, person_id AS personId, created_at AS createdAt
         FROM proposal_supports WHERE proposal_id = ? ORDER BY created_at`,
    );
    return proposalIds
      .flatMap((id) => stmt.all(id) as SupportRecord[])
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  async supports(negotiationId: string): Promise<SupportRecord[]> {
    return this.prepare(
      `SELECT s.proposal_id AS proposalId, s.delegation, s.person_id AS personId, s.created_at AS createdAt
           FROM proposal_supports s JOIN proposals p ON p.id = s.proposal_id
          WHERE p.negotiation_id = ? ORDER BY s.created_at`,
    ).all(negotiationId) as SupportRecord[];
  }

  async setParagraphStatus(r: ParagraphStatusRecord): Promise<void> {
    this.prepare(
      `INSERT INTO paragraph_statuses (negotiation_id, pid, status, updated_at, person_id) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (negotiation_id, pid) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at,
           person_id = excluded.person_id`,
    ).run(r.negotiationId, r.pid, r.status, r.updatedAt, r.personId);
  }

  async paragraphStatuses(negotiationId: string): Promise<ParagraphStatusRecord[]> {
    return this.prepare(
      `SELECT negotiation_id AS negotiationId, pid, status, updated_at AS updatedAt, person_id AS personId
           FROM paragraph_statuses WHERE negotiation_id = ?`,
    ).all(negotiationId) as ParagraphStatusRecord[];
  }
}
