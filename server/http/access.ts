/**
 * How routes ask `policies.ts` about the caller of a request: the session's principal, their
 * part in the negotiation, and whether the table lets them take an action.
 */
import type { Response } from 'express';
import type { Accounts, Membership } from '../accounts/accounts.js';
import { type Action, authorize, type Subject } from '../policies/policies.js';
import { principalOf } from './session.js';

/** The caller's part in a negotiation, allowed to take `action` (reading it, by default). */
export type MemberOf = (res: Response, negotiationId: string, action?: Action) => Promise<Membership>;

/** The caller as a participant (`NOT_PARTICIPANT` otherwise) allowed to take the action. */
export function memberOf(accounts: Accounts): MemberOf {
  return async (res, negotiationId, action = 'negotiation.read') => {
    const m = await accounts.membership(principalOf(res), negotiationId);
    authorize(m, action);
    return m;
  };
}

/** The caller as a participant or a server administrator who takes no part, allowed to take the action. */
export async function subjectOf(
  accounts: Accounts,
  res: Response,
  negotiationId: string,
  action: Action,
): Promise<Subject> {
  const s = await accounts.subject(principalOf(res), negotiationId);
  authorize(s, action);
  return s;
}
