/** Records the storage keeps about people, their rights and their sessions. */

/** A role in one negotiation. */
export type Role = 'facilitator' | 'delegate' | 'observer';

/** A person who can sign in. */
export interface PersonRecord {
  id: string;
  name: string;
  isAdmin: boolean;
  createdAt: string;
}

/** A person's part in one negotiation. */
export interface ParticipantRecord {
  negotiationId: string;
  personId: string;
  role: Role;
  /** Delegation code; null for observers and for facilitators' secretariat without one. */
  delegation: string | null;
  createdAt: string;
}

/** A single-use sign-in link (its token is stored only as a hash). */
export interface InvitationRecord {
  id: string;
  tokenHash: string;
  personId: string;
  negotiationId: string | null;
  createdBy: string | null;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  revokedAt: string | null;
}

/** A signed-in browser (its cookie token is stored only as a hash). */
export interface SessionRecord {
  id: string;
  tokenHash: string;
  personId: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  userAgent: string | null;
}

/** One line of the audit log. */
export interface AuditRecord {
  seq: number;
  at: string;
  negotiationId: string | null;
  personId: string | null;
  personName: string | null;
  delegation: string | null;
  action: string;
  detail: Record<string, unknown>;
}
