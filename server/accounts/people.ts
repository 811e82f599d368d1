/**
 * The people of a negotiation as the participants page and a delegation's access page show
 * them: role and delegation, open sessions (the caller's own marked) and sign-in links with who
 * issued them and where they stand.
 */
import { delegationByCode } from '../../shared/delegations.js';
import type { ParticipantRecord } from '../storage/records.js';
import type { Storage } from '../storage/storage.js';
import type { Accounts, Membership } from './accounts.js';

/** Where a sign-in link stands. */
export type LinkState = 'pending' | 'used' | 'expired' | 'revoked';

/** One person with their sessions and links. */
export interface AccessRow {
  personId: string;
  name: string;
  role: ParticipantRecord['role'];
  delegation: string | null;
  delegationName: string | null;
  sessions: {
    id: string;
    createdAt: string;
    expiresAt: string;
    userAgent: string | null;
    current: boolean;
  }[];
  links: {
    id: string;
    createdAt: string;
    /** Name of whoever issued it; null when the server issued it itself (set-up, demo). */
    createdBy: string | null;
    expiresAt: string;
    usedAt: string | null;
    state: LinkState;
  }[];
}

/** The rows of the negotiation's people that `include` keeps, for the member `m`. */
export async function accessRows(
  storage: Storage,
  accounts: Accounts,
  m: Membership,
  include: (p: ParticipantRecord) => boolean,
  now: Date = new Date(),
): Promise<AccessRow[]> {
  const negotiationId = m.participant.negotiationId;
  const everyone = await storage.accounts.listParticipants(negotiationId);
  const people = everyone.filter(include);
  const ids = new Set(people.map((p) => p.personId));
  const sessions = (await storage.accounts.listSessions([...ids])).filter((s) => accounts.isLive(s));
  const invitations = (await storage.accounts.listInvitations(negotiationId)).filter((i) =>
    ids.has(i.personId),
  );
  const names = new Map(everyone.map((p) => [p.personId, p.name]));
  for (const by of new Set(invitations.map((i) => i.createdBy))) {
    if (by && !names.has(by)) names.set(by, (await storage.accounts.getPerson(by))?.name ?? by);
  }
  return people.map((p) => ({
    personId: p.personId,
    name: p.name,
    role: p.role,
    delegation: p.delegation,
    delegationName: p.delegation ? (delegationByCode(p.delegation)?.name ?? p.delegation) : null,
    sessions: sessions
      .filter((s) => s.personId === p.personId)
      .map((s) => ({
        id: s.id,
        createdAt: s.createdAt,
        expiresAt: s.expiresAt,
        userAgent: s.userAgent,
        current: s.id === m.principal.session.id,
      })),
    links: invitations
      .filter((i) => i.personId === p.personId)
      .map((i) => ({
        id: i.id,
        createdAt: i.createdAt,
        createdBy: i.createdBy ? (names.get(i.createdBy) ?? null) : null,
        expiresAt: i.expiresAt,
        usedAt: i.usedAt,
        state: i.revokedAt
          ? 'revoked'
          : i.usedAt
            ? 'used'
            : new Date(i.expiresAt) <= now
              ? 'expired'
              : 'pending',
      })),
  }));
}
