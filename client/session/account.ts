/** What the header says about the signed-in person on a page. */
import type { Role } from '../api.js';
import type { Negotiation } from '../negotiationsApi.js';
import type { Me } from './sessionApi.js';

/** The signed-in person as the header shows them. */
export interface Account {
  name: string;
  isAdmin: boolean;
  /** The role on this page's negotiation (or the only one the person has); null when there is none. */
  role: Role | null;
  delegationName: string | null;
}

/**
 * The account shown on a page: with the role and delegation in `negotiation` when the page
 * belongs to one, else those of the person's only negotiation. An administrator who does not take
 * part in the negotiation is shown as administrator.
 */
export function accountFor(me: Me, negotiation?: Pick<Negotiation, 'id' | 'me'>): Account {
  const person = { name: me.person.name, isAdmin: me.person.isAdmin };
  if (negotiation) {
    const takesPart = me.participations.some((p) => p.negotiationId === negotiation.id);
    if (!takesPart && me.person.isAdmin) return { ...person, role: null, delegationName: null };
    return { ...person, role: negotiation.me.role, delegationName: negotiation.me.delegationName };
  }
  const only = me.participations.length === 1 ? me.participations[0] : undefined;
  return { ...person, role: only?.role ?? null, delegationName: only?.delegationName ?? null };
}
