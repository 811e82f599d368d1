/**
 * "My delegation's proposals": the proposals a delegation tabled, tabled for one of its groups,
 * or supports, across every reading, as `GET /api/negotiations/:id/proposals/mine` sends them.
 */
import type { ProposalBrief, ProposalView } from './proposals.js';

/**
 * Why a proposal is on the list: the delegation tabled it (`own`), it was tabled for a group the
 * delegation belongs to (`group`), or the delegation supports it (`supported`).
 */
export const MY_PROPOSAL_RELATIONS = ['own', 'group', 'supported'] as const;
/** A relation of a delegation to a proposal on its list. */
export type MyProposalRelation = (typeof MY_PROPOSAL_RELATIONS)[number];

/** One row of the list. */
export interface MyProposal
  extends ProposalBrief,
    Pick<ProposalView, 'pid' | 'outdated' | 'createdAt' | 'updatedAt' | 'readingId' | 'carriedFrom'> {
  relation: MyProposalRelation;
  /** "First reading" …; null for a proposal tabled outside any reading. */
  readingLabel: string | null;
  /** The reading's number (for sorting); null outside any reading. */
  readingNumber: number | null;
  /** The paragraph's label in the latest circulated revision ("OP16"); null when it has none. */
  paragraphLabel: string | null;
  /** The paragraph's label in the revision its reading was held on, when different from the current one. */
  tabledAsLabel: string | null;
}

/** The response of the list. */
export interface MyProposalsResponse {
  /** The delegation the list is for (from the session). */
  delegation: string;
  proposals: MyProposal[];
}
