/**
 * The people of a negotiation and their ways in: inviting someone, issuing a new sign-in link,
 * revoking a link or a session. Each command runs in its negotiation's serialisation scope and
 * stores its writes and audit entry as one unit of work.
 */
import { AppError } from '../../shared/errors.js';
import { isOwnPerson, requireAccessOf, requireInvitableRole } from '../policies/ownership.js';
import type { Subject } from '../policies/policies.js';
import type { ParticipantRecord, Role } from '../storage/records.js';
import type { Storage } from '../storage/storage.js';
import type { Accounts, IssuedLink, Membership } from './accounts.js';
import type { AuditLog } from './audit.js';
import { type AccessRow, accessRows } from './people.js';

/** Whom to invite, with what part, and for how long the link works. */
export interface Invitee {
  name: string;
  role: Role;
  delegation: string | null;
  expiresInHours?: number | undefined;
}

/** The participants service. */
export class Participants {
  constructor(
    private readonly storage: Storage,
    private readonly accounts: Accounts,
    private readonly audit: AuditLog,
  ) {}

  /** Every person of the member's negotiation with their sessions and links. */
  everyone(m: Membership): Promise<AccessRow[]> {
    return accessRows(this.storage, this.accounts, m, () => true);
  }

  /** The member's own people (their delegation's, or just themselves) with their sessions and links. */
  own(m: Membership): Promise<AccessRow[]> {
    return accessRows(this.storage, this.accounts, m, (p) => isOwnPerson(m, p));
  }

  /** Adds a person to the negotiation and issues their first sign-in link. */
  invite(s: Subject, negotiationId: string, invitee: Invitee): Promise<IssuedLink> {
    requireInvitableRole(s, invitee.role);
    return this.storage.serialize(negotiationId, () =>
      this.storage.transaction(async () => {
        const link = await this.accounts.invite({ negotiationId, ...invitee, by: s.principal });
        await this.audit.write('invitation.created', negotiationId, s, {
          invitationId: link.invitationId,
          name: invitee.name,
          role: invitee.role,
          delegation: invitee.delegation,
        });
        return link;
      }),
    );
  }

  /** A new sign-in link for a participant of the member's negotiation. */
  issueLink(m: Membership, personId: string, expiresInHours?: number): Promise<IssuedLink> {
    const negotiationId = m.participant.negotiationId;
    return this.storage.serialize(negotiationId, async () => {
      await this.participant(negotiationId, personId, 'No such participant in this negotiation.');
      return this.storage.transaction(async () => {
        const link = await this.accounts.issueLink(personId, negotiationId, m.principal, expiresInHours);
        await this.audit.write('invitation.created', negotiationId, m, {
          invitationId: link.invitationId,
          personId: link.personId,
        });
        return link;
      });
    });
  }

  /** Revokes a sign-in link of one of the member's people; false when it was already used or revoked. */
  revokeInvitation(m: Membership, invitationId: string): Promise<boolean> {
    const negotiationId = m.participant.negotiationId;
    return this.storage.serialize(negotiationId, async () => {
      const inv = await this.storage.accounts.getInvitation(invitationId);
      const person = inv && (await this.storage.accounts.getParticipant(negotiationId, inv.personId));
      if (!inv || inv.negotiationId !== negotiationId || !person)
        throw new AppError('NOT_FOUND', 'No such sign-in link.');
      requireAccessOf(m, person, 'link.revoke');
      return this.storage.transaction(async () => {
        const done = await this.storage.accounts.revokeInvitation(inv.id, new Date().toISOString());
        if (done) await this.audit.write('invitation.revoked', negotiationId, m, { invitationId: inv.id });
        return done;
      });
    });
  }

  /** Revokes a session of one of the member's people; false when it was already revoked. */
  revokeSession(m: Membership, sessionId: string): Promise<boolean> {
    const negotiationId = m.participant.negotiationId;
    return this.storage.serialize(negotiationId, async () => {
      const session = await this.storage.accounts.getSession(sessionId);
      const person = session && (await this.storage.accounts.getParticipant(negotiationId, session.personId));
      if (!session || !person) throw new AppError('NOT_FOUND', 'No such session in this negotiation.');
      requireAccessOf(m, person, 'session.revoke');
      return this.storage.transaction(async () => {
        const done = await this.storage.accounts.revokeSession(session.id, new Date().toISOString());
        if (done)
          await this.audit.write('session.revoked', negotiationId, m, {
            sessionId: session.id,
            personId: session.personId,
          });
        return done;
      });
    });
  }

  private async participant(
    negotiationId: string,
    personId: string,
    missing: string,
  ): Promise<ParticipantRecord> {
    const p = await this.storage.accounts.getParticipant(negotiationId, personId);
    if (!p) throw new AppError('NOT_FOUND', missing);
    return p;
  }
}
