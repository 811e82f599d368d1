/**
 * Accounts: sign-in by single-use link, sessions, invitations and the rights they give. Every
 * identity the rest of the server uses comes from here, from the session cookie, never from
 * anything a client sends.
 */
import { delegationByCode } from '../../shared/delegations.js';
import { AppError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import type { Subject } from '../policies/policies.js';
import type { ParticipantRecord, PersonRecord, Role, SessionRecord } from '../storage/records.js';
import type { Storage } from '../storage/storage.js';
import { hashToken, newToken } from './tokens.js';

/** How long a session lasts after sign-in. */
export const SESSION_TTL_MS = 14 * 24 * 3600 * 1000;
/** Default and longest validity of a sign-in link. */
export const LINK_TTL_HOURS: { readonly default: number; readonly max: number } = {
  default: 72,
  max: 24 * 30,
};

/** The authenticated caller of a request or a WebSocket. */
export interface Principal {
  person: PersonRecord;
  session: SessionRecord;
}

/** A caller's rights in one negotiation. */
export interface Membership {
  principal: Principal;
  participant: ParticipantRecord;
}

/** What inviting someone returns: the secret token appears here and nowhere else. */
export interface IssuedLink {
  invitationId: string;
  personId: string;
  token: string;
  expiresAt: string;
}

/** Sign-in, sessions, invitations. */
export class Accounts {
  constructor(
    private readonly storage: Storage,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Redeems a sign-in link; returns the new session's secret token and the person. */
  async signIn(
    token: string,
    userAgent: string | null,
  ): Promise<{ sessionToken: string; principal: Principal; negotiationId: string | null }> {
    const invitation = await this.storage.accounts.getInvitationByHash(hashToken(token));
    if (!invitation) throw new AppError('LINK_INVALID', 'This sign-in link is not valid.');
    if (invitation.revokedAt) throw new AppError('LINK_REVOKED', 'This sign-in link was revoked.');
    if (invitation.usedAt) throw new AppError('LINK_USED', 'This sign-in link has already been used.');
    const now = this.now();
    if (new Date(invitation.expiresAt) <= now)
      throw new AppError('LINK_EXPIRED', 'This sign-in link has expired.');
    const sessionToken = newToken();
    const session: SessionRecord = {
      id: newId(),
      tokenHash: hashToken(sessionToken),
      personId: invitation.personId,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS).toISOString(),
      revokedAt: null,
      userAgent: userAgent?.slice(0, 200) ?? null,
    };
    if (!(await this.storage.accounts.redeemInvitation(invitation.id, now.toISOString(), session))) {
      throw new AppError('LINK_USED', 'This sign-in link has already been used.');
    }
    const person = (await this.storage.accounts.getPerson(invitation.personId))!;
    return { sessionToken, principal: { person, session }, negotiationId: invitation.negotiationId };
  }

  /** The principal behind a session cookie token; throws when missing, unknown, revoked or expired. */
  async authenticate(sessionToken: string | undefined): Promise<Principal> {
    if (!sessionToken) throw new AppError('UNAUTHENTICATED', 'Please sign in with your link.');
    const session = await this.storage.accounts.getSessionByHash(hashToken(sessionToken));
    if (!session) throw new AppError('UNAUTHENTICATED', 'Your session is not valid. Please sign in again.');
    if (!this.isLive(session))
      throw new AppError('SESSION_EXPIRED', 'Your session has ended. Please sign in again.');
    const person = (await this.storage.accounts.getPerson(session.personId))!;
    return { person, session };
  }

  /** True while a session is neither revoked nor expired. */
  isLive(session: SessionRecord): boolean {
    return !session.revokedAt && new Date(session.expiresAt) > this.now();
  }

  /** True while the session with this id exists and is neither revoked nor expired. */
  async sessionLive(sessionId: string): Promise<boolean> {
    const session = await this.storage.accounts.getSession(sessionId);
    return session !== undefined && this.isLive(session);
  }

  /** Ends a session now; false when it was already ended. */
  revokeSession(sessionId: string): Promise<boolean> {
    return this.storage.accounts.revokeSession(sessionId, this.now().toISOString());
  }

  /** The negotiations a person takes part in, with their role and delegation in each. */
  participations(personId: string): Promise<ParticipantRecord[]> {
    return this.storage.accounts.participationsOf(personId);
  }

  /** The caller's part in a negotiation; throws NOT_PARTICIPANT for anyone who takes no part. */
  async membership(principal: Principal, negotiationId: string): Promise<Membership> {
    const participant = await this.storage.accounts.getParticipant(negotiationId, principal.person.id);
    if (participant) return { principal, participant };
    throw new AppError('NOT_PARTICIPANT', 'You are not taking part in this negotiation.');
  }

  /**
   * The caller as `policies.ts` sees them in a negotiation: a participant, or a server
   * administrator who takes no part (participant null) in one that exists. Anyone else, and any
   * negotiation that does not exist, is refused with NOT_PARTICIPANT alike.
   */
  async subject(principal: Principal, negotiationId: string): Promise<Subject> {
    const participant = await this.storage.accounts.getParticipant(negotiationId, principal.person.id);
    if (participant) return { principal, participant };
    if (principal.person.isAdmin && (await this.storage.getNegotiation(negotiationId)))
      return { principal, participant: null };
    throw new AppError('NOT_PARTICIPANT', 'You are not taking part in this negotiation.');
  }

  /** Creates a person in a negotiation with a role and delegation, and a sign-in link for them, as one unit of work. */
  async invite(args: {
    negotiationId: string;
    name: string;
    role: Role;
    delegation: string | null;
    expiresInHours?: number;
    by: Principal | null;
  }): Promise<IssuedLink> {
    const delegation = checkDelegation(args.role, args.delegation);
    const now = this.now().toISOString();
    const person: PersonRecord = { id: newId(), name: args.name, isAdmin: false, createdAt: now };
    return this.storage.transaction(async () => {
      await this.storage.accounts.createPerson(person);
      await this.storage.accounts.putParticipant({
        negotiationId: args.negotiationId,
        personId: person.id,
        role: args.role,
        delegation,
        createdAt: now,
      });
      return this.issueLink(person.id, args.negotiationId, args.by, args.expiresInHours);
    });
  }

  /** A new sign-in link for someone who already takes part. */
  async issueLink(
    personId: string,
    negotiationId: string | null,
    by: Principal | null,
    expiresInHours = LINK_TTL_HOURS.default,
  ): Promise<IssuedLink> {
    const token = newToken();
    const now = this.now();
    const expiresAt = new Date(
      now.getTime() + Math.min(expiresInHours, LINK_TTL_HOURS.max) * 3600_000,
    ).toISOString();
    const invitationId = newId();
    await this.storage.accounts.createInvitation({
      id: invitationId,
      tokenHash: hashToken(token),
      personId,
      negotiationId,
      createdBy: by?.person.id ?? null,
      createdAt: now.toISOString(),
      expiresAt,
      usedAt: null,
      revokedAt: null,
    });
    return { invitationId, personId, token, expiresAt };
  }

  /** Creates a server administrator and a sign-in link for them, as one unit of work. */
  async createAdmin(name: string): Promise<IssuedLink> {
    const person: PersonRecord = { id: newId(), name, isAdmin: true, createdAt: this.now().toISOString() };
    return this.storage.transaction(async () => {
      await this.storage.accounts.createPerson(person);
      return this.issueLink(person.id, null, null, 24);
    });
  }
}

/** Validates a role's delegation: delegates need one from the registry; observers may have none. */
export function checkDelegation(role: Role, delegation: string | null): string | null {
  if (delegation === null || delegation === '') {
    if (role === 'delegate')
      throw new AppError('UNKNOWN_DELEGATION', 'A delegate must belong to a delegation.');
    return null;
  }
  if (!delegationByCode(delegation))
    throw new AppError('UNKNOWN_DELEGATION', `Unknown delegation code ${delegation}.`);
  return delegation;
}
