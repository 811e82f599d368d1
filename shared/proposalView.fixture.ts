/**
 * Proposal views for unit tests: an open amendment by the European Union with nothing in it yet,
 * which each test completes with the fields it is about. Ids and creation times count up from one
 * call to the next, so views made one after the other sort in that order.
 */
import { delegationRef, type ProposalView } from './proposals.js';

/** When the first view was tabled; each later one a second after the one before. */
const FIRST_TABLED = Date.UTC(2022, 2, 28, 10, 0, 0);
let made = 0;

/** A view with `over` on top of the defaults. */
export function proposalView(over: Partial<ProposalView> = {}): ProposalView {
  made++;
  return {
    id: `p${made}`,
    pid: 'op1',
    kind: 'amend',
    delegation: delegationRef('EU'),
    tabledBy: null,
    personName: 'Delegate',
    createdAt: new Date(FIRST_TABLED + made * 1000).toISOString(),
    updatedAt: '',
    readingId: null,
    status: 'open',
    outdated: false,
    version: 1,
    supporters: [],
    changes: [],
    text: '',
    reservation: false,
    byFacilitators: false,
    appliedAt: null,
    ...over,
  };
}
