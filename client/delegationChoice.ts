/**
 * Choosing a delegation from the registry by typing: which delegations a form offers, and which
 * one a typed text designates. Negotiating groups are not offered: people belong to a delegation
 * and table on behalf of a group from there.
 */
import { DELEGATIONS, type Delegation } from '../shared/delegations.js';

/** Delegations a participant can belong to: Member States, observer States and the European Union. */
export const PARTICIPANT_DELEGATIONS: readonly Delegation[] = DELEGATIONS.filter((d) => d.kind !== 'group');

/** Delegations that can co-facilitate a negotiation: Member States. */
export const FACILITATOR_DELEGATIONS: readonly Delegation[] = DELEGATIONS.filter(
  (d) => d.kind === 'member-state',
);

const normalize = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('en');

/**
 * The delegation `text` designates among `options`: its name or code in any case, or
 * "Name (CODE)"; null when it designates none.
 */
export function delegationFromInput(text: string, options: readonly Delegation[]): Delegation | null {
  const wanted = normalize(text);
  if (wanted === '') return null;
  const withCode = /^(.*)\(([^()]+)\)$/.exec(wanted);
  const code = withCode?.[2]?.trim() ?? wanted;
  return (
    options.find((d) => normalize(d.name) === wanted) ??
    options.find((d) => d.code.toLocaleLowerCase('en') === code) ??
    null
  );
}
