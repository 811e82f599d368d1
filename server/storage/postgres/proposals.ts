/** `ProposalStore` on PostgreSQL. */
import type {
  ParagraphStatusRecord,
  ProposalContent,
  ProposalRecord,
  ProposalVersionRecord,
  SupportRecord,
} from '../records.js';
import type { ProposalPatch, ProposalStore } from '../storage.js';
import type { Sql } from './units.js';

const COLUMNS = `id, negotiation_id AS "negotiationId", pid, kind, delegation, tabled_by AS "tabledBy",
  person_id AS "personId", person_name AS "personName", reading_id AS "readingId", status, outdated, version,
  content, created_at AS "createdAt", updated_at AS "updatedAt", applied_at AS "appliedAt",
  applied_by AS "appliedBy", carried_from AS "carriedFrom"`;

const SUPPORT = `proposal_id AS "proposalId", delegation, person_id AS "personId", created_at AS "createdAt"`;

type Row = Omit<ProposalRecord, 'content'> & { content: string };

const toRecord = (r: Row): ProposalRecord => ({ ...r, content: JSON.parse(r.content) as ProposalContent });

/** Proposals on PostgreSQL. */
export class PgProposals implements ProposalStore {
  constructor(private readonly sql: Sql) {}

  insert(p: ProposalRecord): Promise<void> {
    return this.sql.atomic(async () => {
      await this.sql.query(
        `INSERT INTO proposals (id, negotiation_id, pid, kind, delegation, tabled_by, person_id, person_name,
             reading_id, status, outdated, version, content, created_at, updated_at, carried_from)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
        [
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
          p.outdated,
          p.version,
          JSON.stringify(p.content),
          p.createdAt,
          p.updatedAt,
          p.carriedFrom,
        ],
      );
      await this.insertVersion(p.id, p.version, p.content, p.createdAt, p.personId);
    });
  }

  private async insertVersion(
    id: string,
    version: number,
    content: ProposalContent,
    at: string,
    personId: string,
  ): Promise<void> {
    await this.sql.query(
      'INSERT INTO proposal_versions (proposal_id, version, content, edited_at, person_id) VALUES ($1, $2, $3, $4, $5)',
      [id, version, JSON.stringify(content), at, personId],
    );
  }

  async get(id: string): Promise<ProposalRecord | undefined> {
    const { rows } = await this.sql.query<Row>(`SELECT ${COLUMNS} FROM proposals WHERE id = $1`, [id]);
    return rows[0] && toRecord(rows[0]);
  }

  async list(negotiationId: string): Promise<ProposalRecord[]> {
    const { rows } = await this.sql.query<Row>(
      `SELECT ${COLUMNS} FROM proposals WHERE negotiation_id = $1 ORDER BY created_at, id`,
      [negotiationId],
    );
    return rows.map(toRecord);
  }

  async openAmendments(negotiationId: string, pids?: readonly string[]): Promise<ProposalRecord[]> {
    if (pids?.length === 0) return [];
    const open = `SELECT ${COLUMNS} FROM proposals
      WHERE negotiation_id = $1 AND kind = 'amend' AND applied_at IS NULL
        AND status IN ('open', 'partly-incorporated')`;
    const { rows } = pids
      ? await this.sql.query<Row>(`${open} AND pid = ANY($2) ORDER BY created_at, id`, [negotiationId, pids])
      : await this.sql.query<Row>(`${open} ORDER BY created_at, id`, [negotiationId]);
    return rows.map(toRecord);
  }

  async openOnParagraph(negotiationId: string, pid: string): Promise<ProposalRecord[]> {
    const { rows } = await this.sql.query<Row>(
      `SELECT ${COLUMNS} FROM proposals WHERE negotiation_id = $1 AND pid = $2 AND status = 'open'
         ORDER BY created_at, id`,
      [negotiationId, pid],
    );
    return rows.map(toRecord);
  }

  update(id: string, patch: ProposalPatch): Promise<ProposalRecord> {
    return this.sql.atomic(async () => {
      // The row stays locked until the patch commits: a concurrent patch waits and sees this one.
      const found = await this.sql.query<Row>(`SELECT ${COLUMNS} FROM proposals WHERE id = $1 FOR UPDATE`, [
        id,
      ]);
      if (!found.rows[0]) throw new Error(`no proposal ${id}`);
      const current = toRecord(found.rows[0]);
      const version = patch.content ? current.version + 1 : current.version;
      if (patch.content) await this.insertVersion(id, version, patch.content, patch.at, patch.personId);
      if (patch.dropSupport)
        await this.sql.query('DELETE FROM proposal_supports WHERE proposal_id = $1', [id]);
      const { rows } = await this.sql.query<Row>(
        `UPDATE proposals SET content = $1, status = $2, outdated = $3, version = $4, updated_at = $5,
             applied_at = COALESCE($6, applied_at), applied_by = COALESCE($7, applied_by),
             applied_update = COALESCE($8, applied_update)
           WHERE id = $9 RETURNING ${COLUMNS}`,
        [
          JSON.stringify(patch.content ?? current.content),
          patch.status ?? current.status,
          patch.outdated ?? current.outdated,
          version,
          patch.at,
          patch.applied?.at ?? null,
          patch.applied?.by ?? null,
          patch.applied?.update ?? null,
          id,
        ],
      );
      return toRecord(rows[0]!);
    });
  }

  async history(id: string): Promise<ProposalVersionRecord[]> {
    const { rows } = await this.sql.query<Omit<ProposalVersionRecord, 'content'> & { content: string }>(
      `SELECT proposal_id AS "proposalId", version, content, edited_at AS "editedAt", person_id AS "personId"
         FROM proposal_versions WHERE proposal_id = $1 ORDER BY version`,
      [id],
    );
    return rows.map((r) => ({ ...r, content: JSON.parse(r.content) as ProposalContent }));
  }

  async addSupport(s: SupportRecord): Promise<boolean> {
    const done = await this.sql.query(
      `INSERT INTO proposal_supports (proposal_id, delegation, person_id, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING`,
      [s.proposalId, s.delegation, s.personId, s.createdAt],
    );
    return (done.rowCount ?? 0) > 0;
  }

  async removeSupport(proposalId: string, delegation: string): Promise<boolean> {
    const done = await this.sql.query(
      'DELETE FROM proposal_supports WHERE proposal_id = $1 AND delegation = $2',
      [proposalId, delegation],
    );
    return (done.rowCount ?? 0) > 0;
  }

  async supportsOf(proposalIds: readonly string[]): Promise<SupportRecord[]> {
    if (proposalIds.length === 0) return [];
    const { rows } = await this.sql.query<SupportRecord>(
      `SELECT ${SUPPORT} FROM proposal_supports WHERE proposal_id = ANY($1) ORDER BY created_at, delegation`,
      [proposalIds],
    );
    // In the order the SQLite back end gives: by proposal as asked, then by time (a stable sort).
    const byProposal = new Map<string, SupportRecord[]>();
    for (const r of rows) byProposal.set(r.proposalId, [...(byProposal.get(r.proposalId) ?? []), r]);
    return proposalIds
      .flatMap((id) => byProposal.get(id) ?? [])
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  async supports(negotiationId: string): Promise<SupportRecord[]> {
    const { rows } = await this.sql.query<SupportRecord>(
      `SELECT s.proposal_id AS "proposalId", s.delegation, s.person_id AS "personId", s.created_at AS "createdAt"
         FROM proposal_supports s JOIN proposals p ON p.id = s.proposal_id
        WHERE p.negotiation_id = $1 ORDER BY s.created_at`,
      [negotiationId],
    );
    return rows;
  }

  async setParagraphStatus(r: ParagraphStatusRecord): Promise<void> {
    await this.sql.query(
      `INSERT INTO paragraph_statuses (negotiation_id, pid, status, updated_at, person_id) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (negotiation_id, pid) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at,
           person_id = excluded.person_id`,
      [r.negotiationId, r.pid, r.status, r.updatedAt, r.personId],
    );
  }

  async paragraphStatuses(negotiationId: string): Promise<ParagraphStatusRecord[]> {
    const { rows } = await this.sql.query<ParagraphStatusRecord>(
      `SELECT negotiation_id AS "negotiationId", pid, status, updated_at AS "updatedAt", person_id AS "personId"
         FROM paragraph_statuses WHERE negotiation_id = $1`,
      [negotiationId],
    );
    return rows;
  }
}
