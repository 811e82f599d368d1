/** `AccountStore` on SQLite. */
import type Database from 'better-sqlite3';
import type { InvitationRecord, ParticipantRecord, PersonRecord, SessionRecord } from './records.js';
import type { Prepare } from './statements.js';
import type { AccountStore } from './storage.js';

const PERSON = 'id, name, is_admin AS isAdmin, created_at AS createdAt';
const PARTICIPANT =
  'negotiation_id AS negotiationId, person_id AS personId, role, delegation, created_at AS createdAt';
const INVITATION = `id, token_hash AS tokenHash, person_id AS personId, negotiation_id AS negotiationId,
  created_by AS createdBy, created_at AS createdAt, expires_at AS expiresAt, used_at AS usedAt, revoked_at AS revokedAt`;
const SESSION = `id, token_hash AS tokenHash, person_id AS personId, created_at AS createdAt,
  expires_at AS expiresAt, revoked_at AS revokedAt, user_agent AS userAgent`;

function toPerson(row: unknown): PersonRecord | undefined {
  if (!row) return undefined;
  const r = row as PersonRecord & { isAdmin: number | boolean };
  return { ...r, isAdmin: Boolean(r.isAdmin) };
}

/** Accounts on SQLite. */
export class SqliteAccounts implements AccountStore {
  constructor(
    private readonly db: Database.Database,
    private readonly prepare: Prepare,
  ) {}

  async createPerson(p: PersonRecord): Promise<void> {
    this.prepare('INSERT INTO people (id, name, is_admin, created_at) VALUES (?, ?, ?, ?)').run(
      p.id,
      p.name,
      p.isAdmin ? 1 : 0,
      p.createdAt,
    );
  }

  async getPerson(id: string): Promise<PersonRecord | undefined> {
    return toPerson(this.prepare(`SELECT ${PERSON} FROM people WHERE id = ?`).get(id));
  }

  async putParticipant(p: ParticipantRecord): Promise<void> {
    this.prepare(
      `INSERT INTO participants (negotiation_id, person_id, role, delegation, created_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (negotiation_id, person_id) DO UPDATE SET role = excluded.role, delegation = excluded.delegation`,
    ).run(p.negotiationId, p.personId, p.role, p.delegation, p.createdAt);
  }

  async getParticipant(negotiationId: string, personId: string): Promise<ParticipantRecord | undefined> {
    return this.prepare(
      `SELECT ${PARTICIPANT} FROM participants WHERE negotiation_id = ? AND person_id = ?`,
    ).get(negotiationId, personId) as ParticipantRecord | undefined;
  }

  async listParticipants(negotiationId: string): Promise<(ParticipantRecord & { name: string })[]> {
    return this.prepare(
      `SELECT p.negotiation_id AS negotiationId, p.person_id AS personId, p.role, p.delegation,
                p.created_at AS createdAt, people.name
           FROM participants p JOIN people ON people.id = p.person_id
          WHERE p.negotiation_id = ? ORDER BY p.role, p.delegation, people.name`,
    ).all(negotiationId) as (ParticipantRecord & { name: string })[];
  }

  async participationsOf(personId: string): Promise<ParticipantRecord[]> {
    return this.prepare(
      `SELECT ${PARTICIPANT} FROM participants WHERE person_id = ? ORDER BY created_at`,
    ).all(personId) as ParticipantRecord[];
  }

  async createInvitation(i: InvitationRecord): Promise<void> {
    this.prepare(
      `INSERT INTO invitations (id, token_hash, person_id, negotiation_id, created_by, created_at, expires_at, used_at, revoked_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      i.id,
      i.tokenHash,
      i.personId,
      i.negotiationId,
      i.createdBy,
      i.createdAt,
      i.expiresAt,
      i.usedAt,
      i.revokedAt,
    );
  }

  async getInvitation(id: string): Promise<InvitationRecord | undefined> {
    return this.prepare(`SELECT ${INVITATION} FROM invitations WHERE id = ?`).get(id) as
      | InvitationRecord
      | undefined;
  }

  async getInvitationByHash(tokenHash: string): Promise<InvitationRecord | undefined> {
    return this.prepare(`SELECT ${INVITATION} FROM invitations WHERE token_hash = ?`).get(tokenHash) as
      | InvitationRecord
      | undefined;
  }

  async listInvitations(negotiationId: string): Promise<InvitationRecord[]> {
    return this.prepare(
      `SELECT ${INVITATION} FROM invitations WHERE negotiation_id = ? ORDER BY created_at DESC`,
    ).all(negotiationId) as InvitationRecord[];
  }

  async revokeInvitation(id: string, at: string): Promise<boolean> {
    return (
      this.prepare(
        'UPDATE invitations SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL AND used_at IS NULL',
      ).run(at, id).changes > 0
    );
  }

  async redeemInvitation(invitationId: string, at: string, s: SessionRecord): Promise<boolean> {
    return this.db.transaction(() => {
      const used = this.prepare(
        'UPDATE invitations SET used_at = ? WHERE id = ? AND used_at IS NULL AND revoked_at IS NULL',
      ).run(at, invitationId);
      if (used.changes === 0) return false;
      this.prepare(
        `INSERT INTO sessions (id, token_hash, person_id, created_at, expires_at, revoked_at, user_agent)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(s.id, s.tokenHash, s.personId, s.createdAt, s.expiresAt, s.revokedAt, s.userAgent);
      return true;
    })();
  }

  async getSession(id: string): Promise<SessionRecord | undefined> {
    return this.prepare(`SELECT ${SESSION} FROM sessions WHERE id = ?`).get(id) as SessionRecord | undefined;
  }

  async getSessionByHash(tokenHash: string): Promise<SessionRecord | undefined> {
    return this.prepare(`SELECT ${SESSION} FROM sessions WHERE token_hash = ?`).get(tokenHash) as
      | SessionRecord
      | undefined;
  }

  async listSessions(personIds: readonly string[]): Promise<SessionRecord[]> {
    if (personIds.length === 0) return [];
    const marks = personIds.map(() => '?').join(', ');
    return this.prepare(
      `SELECT ${SESSION} FROM sessions WHERE person_id IN (${marks}) ORDER BY created_at DESC`,
    ).all(...personIds) as SessionRecord[];
  }

  async revokeSession(id: string, at: string): Promise<boolean> {
    return (
      this.prepare('UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(at, id)
        .changes > 0
    );
  }
}
