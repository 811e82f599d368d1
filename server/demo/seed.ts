/**
 * The demo negotiation created on first start, so a fresh install has something real to show:
 * the illustrative zero draft, two co-facilitators (Bangladesh and Luxembourg, as in the 2022
 * consultations), delegates of a dozen delegations including the European Union, and an observer.
 * People are named by role and delegation, never after real persons.
 */
import type { Accounts, IssuedLink } from '../accounts/accounts.js';
import { createNegotiation } from '../negotiations.js';
import type { Role } from '../storage/records.js';
import type { Storage } from '../storage/storage.js';
import { DEMO_TITLE, zeroDraftJson } from './zeroDraft.js';

/** Id of the demo negotiation. */
export const DEMO_NEGOTIATION_ID = 'imrf-2022';

/** A seeded demo participant. */
export interface DemoPerson {
  id: string;
  name: string;
  role: Role;
  delegation: string | null;
}

const delegate = (code: string, name: string): DemoPerson => ({
  id: `demo-${code.toLowerCase()}`,
  name: `Delegate, ${name}`,
  role: 'delegate',
  delegation: code,
});

/** The demo's participants, in the order their sign-in links are printed. */
export const DEMO_PEOPLE: readonly DemoPerson[] = [
  { id: 'demo-cofac-bgd', name: 'Co-facilitator, Bangladesh', role: 'facilitator', delegation: 'BGD' },
  { id: 'demo-cofac-lux', name: 'Co-facilitator, Luxembourg', role: 'facilitator', delegation: 'LUX' },
  delegate('EU', 'European Union'),
  delegate('PAK', 'Pakistan'),
  delegate('USA', 'United States'),
  delegate('GBR', 'United Kingdom'),
  delegate('MEX', 'Mexico'),
  delegate('BRA', 'Brazil'),
  delegate('ZAF', 'South Africa'),
  delegate('EGY', 'Egypt'),
  delegate('CHE', 'Switzerland'),
  delegate('NOR', 'Norway'),
  delegate('JPN', 'Japan'),
  delegate('PHL', 'Philippines'),
  { id: 'demo-observer', name: 'Observer, civil society', role: 'observer', delegation: null },
];

/** Creates the demo negotiation and its people unless it exists. Returns true when it was created. */
export async function ensureDemoNegotiation(storage: Storage): Promise<boolean> {
  if (await storage.getNegotiation(DEMO_NEGOTIATION_ID)) return false;
  await createNegotiation(storage, {
    id: DEMO_NEGOTIATION_ID,
    title: DEMO_TITLE,
    timeZone: 'America/New_York',
    facilitatorDelegations: ['BGD', 'LUX'],
    draft: zeroDraftJson(),
  });
  const now = new Date().toISOString();
  for (const p of DEMO_PEOPLE) {
    await storage.accounts.createPerson({ id: p.id, name: p.name, isAdmin: false, createdAt: now });
    await storage.accounts.putParticipant({
      negotiationId: DEMO_NEGOTIATION_ID,
      personId: p.id,
      role: p.role,
      delegation: p.delegation,
      createdAt: now,
    });
  }
  return true;
}

/** Fresh single-use sign-in links for every demo participant. */
export async function demoSignInLinks(
  accounts: Accounts,
): Promise<{ person: DemoPerson; link: IssuedLink }[]> {
  const out: { person: DemoPerson; link: IssuedLink }[] = [];
  for (const person of DEMO_PEOPLE) {
    out.push({ person, link: await accounts.issueLink(person.id, DEMO_NEGOTIATION_ID, null, 7 * 24) });
  }
  return out;
}
