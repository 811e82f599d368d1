/**
 * Who may do what with written inputs, from the session only: how an input is attributed, who
 * may edit it and who may see it, and the checks of its text.
 */
import { groupsOf } from '../../shared/delegations.js';
import { AppError } from '../../shared/errors.js';
import { INPUT_LIMITS } from '../../shared/inputs.js';
import type { Membership } from '../accounts/accounts.js';
import type { InputRecord } from '../storage/records.js';

/** How the caller's inputs would be attributed, or null when they cannot submit any. */
export type SubmitAs = {
  source: 'member-state' | 'stakeholder';
  delegation: string | null;
  options: string[];
} | null;

/** Who an input is attributed to, from the session only. */
export function attribution(
  m: Membership,
  requested: string | undefined,
): Pick<InputRecord, 'source' | 'delegation' | 'tabledBy'> {
  const { role, delegation: own } = m.participant;
  if (role === 'facilitator')
    throw new AppError('FORBIDDEN', 'Co-facilitators receive written inputs; they do not submit them.');
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
  if (groupsOf(own).some((g) => g.code === requested))
    return { source: 'member-state', delegation: requested, tabledBy: own };
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
  return {
    source: 'member-state',
    delegation,
    options: [delegation, ...groupsOf(delegation).map((g) => g.code)],
  };
}

/** True when the caller submitted the input (for their delegation) and so may edit it. */
export function isAuthor(m: Membership, i: InputRecord): boolean {
  if (m.participant.role === 'facilitator') return false;
  if (i.source === 'stakeholder') return i.personId === m.principal.person.id;
  return m.participant.role === 'delegate' && (i.tabledBy ?? i.delegation) === m.participant.delegation;
}

/** Co-facilitators see everything; others their own delegation's (or own) inputs, and stakeholders' when published. */
export function canSee(m: Membership, i: InputRecord, stakeholdersVisible: boolean): boolean {
  if (m.participant.role === 'facilitator') return true;
  if (i.source === 'stakeholder') return stakeholdersVisible || i.personId === m.principal.person.id;
  const own = m.participant.delegation;
  if (!own || m.participant.role !== 'delegate') return false;
  return i.delegation === own || i.tabledBy === own || groupsOf(own).some((g) => g.code === i.delegation);
}

/** The trimmed text of an input; refuses an empty or oversized one. */
export function checkText(raw: string): string {
  const clean = raw.trim();
  if (clean.length === 0) throw new AppError('INPUT_EMPTY', 'The input is empty.');
  if (clean.length > INPUT_LIMITS.text)
    throw new AppError(
      'INPUT_TOO_LONG',
      `The input has ${clean.length} characters; at most ${INPUT_LIMITS.text} are accepted.`,
      { max: INPUT_LIMITS.text, length: clean.length },
    );
  return clean;
}
