/** `AccountStore` on PostgreSQL. */
import type { InvitationRecord, ParticipantRecord, PersonRecord, SessionRecord } from '../records.js';
import type { AccountStore } from '../storage.js';
import type { Sql } from './units.js';

const PERSON = 'id, name, is_admin AS "isAdmin", created_at AS "createdAt"';
const PARTICIPANT =
  'negotiation_id AS "negotiationId", person_id AS "personId", role, delegation, created_at AS "createdAt"';
const INVITATION = `id, token_hash AS "tokenHash", person_id AS "personId", negotiation_id AS "negotiationId",
  created_by AS "createdBy", created_at AS "createdAt", expires_at AS "expiresAt", used_at AS "usedAt",
  revoked_at AS "revokedAt"`;
const SESSION = `id, token_hash AS "tokenHash", person_id AS "personId", created_at AS "createdAt",
  expires_at AS "expiresAt", revoked_at AS "revokedAt", user_agent AS "userAgent"`;

/** Accounts on PostgreSQL. */
export class PgAccounts implements AccountStore {
  constructor(private readonly sql: Sql) {}

  async createPerson(p: PersonRecord): Promise<void> {
    await this.sql.query('INSERT INTO people (id, name, is_admin, created_at) VALUES ($1, $2, $3, $4)', [
      p.id,
      p.name,
      p.isAdmin,
      p.createdAt,
    ]);
  }

  async getPerson(id: string): Promise<PersonRecord | undefined> {
    const { rows } = await this.sql.query<PersonRecord>(`SELECT ${PERSON} FROM people WHERE id = $1`, [id]);
    return rows[0];
  }

  async putParticipant(p: ParticipantRecord): Promise<void> {
    await this.sql.query(
      `INSERT INTO participants (negotiation_id, person_id, role, delegation, created_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (negotiation_id, person_id) DO UPDATE SET role = excluded.role, delegation = excluded.delegation`,
      [p.negotiationId, p.personId, p.role, p.delegation, p.createdAt],
    );
  }

  async getParticipant(negotiationId: string, personId: string): Promise<ParticipantRecord | undefined> {
    const { rows } = await this.sql.query<ParticipantRecord>(
      `SELECT ${PARTICIPANT} FROM participants WHERE negotiation_id = $1 AND person_id = $2`,
      [negotiationId, personId],
    );
    return rows[0];
  }

  async listParticipants(negotiationId: string): Promise<(ParticipantRecord & { name: string })[]> {
    // NULLS FIRST: SQLite sorts a missing delegation before every other.
    const { rows } = await this.sql.query<ParticipantRecord & { name: string }>(
      `SELECT p.negotiation_id AS "negotiationId", p.person_id AS "personId", p.role, p.delegation,
              p.created_at AS "createdAt", people.name
         FROM participants p JOIN people ON people.id = p.person_id
        WHERE p.negotiation_id = $1 ORDER BY p.role, p.delegation NULLS FIRST, people.name`,
      [negotiationId],
    );
    return rows;
  }

  async participationsOf(personId: string): Promise<ParticipantRecord[]> {
    const { rows } = await this.sql.query<ParticipantRecord>(
      `SELECT ${PARTICIPANT} FROM participants WHERE person_id = $1 ORDER BY created_at`,
      [personId],
    );
    return rows;
  }

  async createInvitation(i: InvitationRecord): Promise<void> {
    await this.sql.query(
      `INSERT INTO invitations (id, token_hash, person_id, negotiation_id, created_by, created_at, expires_at, used_at, revoked_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        i.id,
        i.tokenHash,
        i.personId,
        i.negotiationId,
        i.createdBy,
        i.createdAt,
        i.expiresAt,
        i.usedAt,
        i.revokedAt,
      ],
    );
  }

  async getInvitation(id: string): Promise<InvitationRecord | undefined> {
    const { rows } = await this.sql.query<InvitationRecord>(
      `SELECT ${INVITATION} FROM invitations WHERE id = $1`,
      [id],
    );
    return rows[0];
  }

  async getInvitationByHash(tokenHash: string): Promise<InvitationRecord | undefined> {
    const { rows } = await this.sql.query<InvitationRecord>(
      `SELECT ${INVITATION} FROM invitations WHERE token_hash = $1`,
      [tokenHash],
    );
    return rows[0];
  }

  async listInvitations(negotiationId: string): Promise<InvitationRecord[]> {
    const { rows } = await this.sql.query<InvitationRecord>(
      `SELECT ${INVITATION} FROM invitations WHERE negotiation_id = $1 ORDER BY created_at DESC`,
      [negotiationId],
    );
    return rows;
  }

  async revokeInvitation(id: string, at: string): Promise<boolean> {
    const done = await this.sql.query(
      'UPDATE invitations SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL AND used_at IS NULL',
      [at, id],
    );
    return (done.rowCount ?? 0) > 0;
  }

  redeemInvitation(invitationId: string, at: string, s: SessionRecord): Promise<boolean> {
    return this.sql.atomic(async () => {
      // A second redemption of the same link waits for the first's row lock, then finds it used.
      const used = await this.sql.query(
        'UPDATE invitations SET used_at = $1 WHERE id = $2 AND used_at IS NULL AND revoked_at IS NULL',
        [at, invitationId],
      );
      if ((used.rowCount ?? 0) === 0) return false;
      await this.sql.query(
        `INSERT INTO sessions (id, token_hash, person_id, created_at, expires_at, revoked_at, user_agent)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [s.id, s.tokenHash, s.personId, s.createdAt, s.expiresAt, s.revokedAt, s.userAgent],
      );
      return true;
    });
  }

  async getSession(id: string): Promise<SessionRecord | undefined> {
    const { rows } = await this.sql.query<SessionRecord>(`SELECT ${SESSION} FROM sessions WHERE id = $1`, [
      id,
    ]);
    return rows[0];
  }

  async getSessionByHash(tokenHash: string): Promise<SessionRecord | undefined> {
    const { rows } = await this.sql.query<SessionRecord>(
      `SELECT ${SESSION} FROM sessions WHERE token_hash = $1`,
      [tokenHash],
    );
    return rows[0];
  }

  async listSessions(personIds: readonly string[]): Promise<SessionRecord[]> {
    if (personIds.length === 0) return [];
    const { rows } = await this.sql.query<SessionRecord>(
      `SELECT ${SESSION} FROM sessions WHERE person_id = ANY($1) ORDER BY created_at DESC`,
      [personIds],
    );
    return rows;
  }

  async revokeSession(id: string, at: string): Promise<boolean> {
    const done = await this.sql.query(
      'UPDATE sessions SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL',
      [at, id],
    );
    return (done.rowCount ?? 0) > 0;
  }
}
