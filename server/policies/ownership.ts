/**
 * The rules of `policies.ts` that need the resource: whose proposal, input or person it is, and
 * for which delegation a member may speak (their own or a group it belongs to). Each takes the
 * member from the session and the record from storage, never anything a client sent about itself.
 */
import { groupsOf } from '../../shared/delegations.js';
import { AppError } from '../../shared/errors.js';
import { FACILITATORS } from '../../shared/proposals.js';
import type { Membership } from '../accounts/accounts.js';
import type { InputRecord, ParticipantRecord, ProposalRecord } from '../storage/records.js';
import { allowed, authorize, type Subject } from './policies.js';

/** The delegation a delegate acts for; refuses observers and anyone without one. */
function ownDelegation(m: Membership): string {
  if (m.participant.role === 'observer')
    throw new AppError(
      'OBSERVERS_READ_ONLY',
      'Observers follow the negotiation but cannot table or support proposals.',
    );
  if (m.participant.role !== 'delegate' || !m.participant.delegation)
    throw new AppError('FORBIDDEN', 'Only delegations can do this.');
  return m.participant.delegation;
}

/** True when `code` is the delegation `own` or one of the groups it belongs to. */
export function ownOrGroup(own: string, code: string): boolean {
  return code === own || groupsOf(own).some((g) => g.code === code);
}

/** The delegations a delegation may speak for: itself, then its groups. */
export function speaksFor(own: string): string[] {
  return [own, ...groupsOf(own).map((g) => g.code)];
}

/**
 * Under whose name a member tables a proposal: co-facilitators as co-facilitators; a delegate
 * for their delegation or, naming it, one of its groups (`tabledBy` then names the member).
 */
export function tablingDelegation(
  m: Membership,
  requested: string | undefined,
): { code: string; tabledBy: string | null } {
  authorize(m, 'proposal.table');
  if (m.participant.role === 'facilitator') {
    if (requested && requested !== FACILITATORS)
      throw new AppError('NOT_YOUR_DELEGATION', 'Co-facilitators table text only as co-facilitators.');
    return { code: FACILITATORS, tabledBy: null };
  }
  const own = ownDelegation(m);
  if (!requested || requested === own) return { code: own, tabledBy: null };
  if (ownOrGroup(own, requested)) return { code: requested, tabledBy: own };
  throw new AppError(
    'NOT_YOUR_DELEGATION',
    'You can table proposals only for your own delegation or a group it belongs to.',
  );
}

/** True when the member's delegation (or the co-facilitators, for theirs) tabled the proposal. */
export function ownsProposal(m: Membership, p: ProposalRecord): boolean {
  if (m.participant.role === 'facilitator') return p.delegation === FACILITATORS;
  if (m.participant.role !== 'delegate' || !m.participant.delegation) return false;
  return (p.tabledBy ?? p.delegation) === m.participant.delegation;
}

/** Refuses a change to a proposal the member's delegation did not table (`action`: edit or withdraw). */
export function requireOwnProposal(
  m: Membership,
  p: ProposalRecord,
  action: 'proposal.edit' | 'proposal.withdraw',
): void {
  authorize(m, action);
  if (!ownsProposal(m, p))
    throw new AppError('NOT_YOUR_PROPOSAL', 'Only the delegation that tabled this proposal can change it.');
}

/** The delegation whose support a member gives or takes back; refuses support for one's own proposal. */
export function supportingDelegation(m: Membership, p: ProposalRecord): string {
  authorize(m, 'proposal.support');
  const own = ownDelegation(m);
  if (p.delegation === own || p.tabledBy === own)
    throw new AppError('OWN_PROPOSAL', 'Your delegation tabled this proposal.');
  return own;
}

/** How the caller's written inputs would be attributed, or null when they cannot submit any. */
export type SubmitAs = {
  source: 'member-state' | 'stakeholder';
  delegation: string | null;
  options: string[];
} | null;

/** Who a written input is attributed to, from the session only. */
export function inputAttribution(
  m: Membership,
  requested: string | undefined,
): Pick<InputRecord, 'source' | 'delegation' | 'tabledBy'> {
  authorize(m, 'input.submit');
  const { role, delegation: own } = m.participant;
  if (role === 'observer') {
    if (requested)
      throw new AppError(
        'NOT_YOUR_DELEGATION',
        'Stakeholders submit inputs in their own name, not for a delegation.',
      );
    return { source: 'stakeholder', delegation: null, tabledBy: null };
  }
  if (!own) throw new AppError('FORBIDDEN', 'Only delegations can submit written inputs.');
  if (!requested || requested === own) return { source: 'member-state', delegation: own, tabledBy: null };
  if (ownOrGroup(own, requested)) return { source: 'member-state', delegation: requested, tabledBy: own };
  throw new AppError(
    'NOT_YOUR_DELEGATION',
    'You can submit written inputs only for your own delegation or a group it belongs to.',
  );
}

/** How the caller's inputs would be attributed. */
export function submitAs(m: Membership): SubmitAs {
  const { role, delegation } = m.participant;
  if (role === 'observer') return { source: 'stakeholder', delegation: null, options: [] };
  if (role !== 'delegate' || !delegation) return null;
  return { source: 'member-state', delegation, options: speaksFor(delegation) };
}

/** True when the caller submitted the input (for their delegation) and so may edit it. */
export function isInputAuthor(m: Membership, i: InputRecord): boolean {
  if (m.participant.role === 'facilitator') return false;
  if (i.source === 'stakeholder') return i.personId === m.principal.person.id;
  return m.participant.role === 'delegate' && (i.tabledBy ?? i.delegation) === m.participant.delegation;
}

/** Refuses an edit of an input the caller did not submit. */
export function requireInputAuthor(m: Membership, i: InputRecord): void {
  authorize(m, 'input.edit');
  if (!isInputAuthor(m, i))
    throw new AppError('NOT_YOUR_INPUT', 'Only the delegation that submitted this input can change it.');
}

/** Co-facilitators see every input; others their delegation's and its groups', and stakeholders' when shown. */
export function canSeeInput(m: Membership, i: InputRecord, stakeholdersVisible: boolean): boolean {
  if (m.participant.role === 'facilitator') return true;
  if (i.source === 'stakeholder') return stakeholdersVisible || i.personId === m.principal.person.id;
  const own = m.participant.delegation;
  if (!own || m.participant.role !== 'delegate') return false;
  return (i.delegation !== null && ownOrGroup(own, i.delegation)) || i.tabledBy === own;
}

/**
 * True when a participant is one of the member's own people: the member, or someone of the same
 * delegation in the same role (a delegation's delegates; a co-facilitating delegation's
 * co-facilitators). Anyone without a delegation has only themselves.
 */
export function isOwnPerson(
  m: Membership,
  p: Pick<ParticipantRecord, 'personId' | 'delegation' | 'role'>,
): boolean {
  if (p.personId === m.principal.person.id) return true;
  return (
    m.participant.delegation !== null &&
    p.delegation === m.participant.delegation &&
    p.role === m.participant.role
  );
}

/**
 * Refuses to revoke a sign-in link or end a session of `person` unless the member may do so for
 * anyone (`action`, the co-facilitators) or the person is one of the member's own people.
 */
export function requireAccessOf(
  m: Membership,
  person: Pick<ParticipantRecord, 'personId' | 'delegation' | 'role'>,
  action: 'link.revoke' | 'session.revoke',
): void {
  if (allowed(m, action)) return;
  authorize(m, 'access.own');
  if (!isOwnPerson(m, person))
    throw new AppError(
      'NOT_YOUR_DELEGATION',
      action === 'link.revoke'
        ? 'You can revoke only the sign-in links of your own delegation’s people.'
        : 'You can end only the sessions of your own delegation’s people.',
    );
}

/**
 * Refuses an invitation in a role the subject may not give. Co-facilitators invite anyone; a server
 * administrator who takes no part invites only co-facilitators, who then invite everyone else, so
 * that nobody outside the negotiation can put a delegate or an observer into it.
 */
export function requireInvitableRole(s: Subject, role: ParticipantRecord['role']): void {
  authorize(s, 'invitation.create');
  if (s.participant?.role === 'facilitator' || role === 'facilitator') return;
  throw new AppError(
    'NOT_FACILITATOR',
    'An administrator invites only the co-facilitators; they invite the delegations and observers.',
  );
}
