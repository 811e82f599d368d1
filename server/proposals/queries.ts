/** Reading proposals as the API shows them: their published views and the versions of their text. */
import { AppError } from '../../shared/errors.js';
import type { MyProposalsResponse } from '../../shared/myProposals.js';
import type { ProposalView } from '../../shared/proposals.js';
import type { Membership } from '../accounts/accounts.js';
import type { ProposalRecord, ProposalVersionRecord } from '../storage/records.js';
import type { Storage } from '../storage/storage.js';
import { myProposals } from './mine.js';
import type { Publication } from './publication.js';
import { proposalView } from './views.js';

/** The read side of proposals. */
export class ProposalQueries {
  constructor(
    private readonly storage: Storage,
    private readonly publication: Publication,
  ) {}

  /** Every proposal view of a negotiation, as the proposals document publishes them. */
  views(negotiationId: string): Promise<ProposalView[]> {
    return this.publication.views(negotiationId);
  }

  /** The proposals of the member's delegation (from the session) across readings; see `mine.ts`. */
  async mine(m: Membership): Promise<MyProposalsResponse> {
    const id = m.participant.negotiationId;
    return myProposals(this.storage, id, m, await this.views(id));
  }

  /** The view of a proposal as a command returned it, with its support as stored now. */
  async viewOf(p: ProposalRecord): Promise<ProposalView> {
    return proposalView(p, await this.storage.proposals.supportsOf([p.id]));
  }

  /** The current view of a proposal of the negotiation; PROPOSAL_NOT_FOUND otherwise. */
  async current(negotiationId: string, id: string): Promise<ProposalView> {
    return this.viewOf(await this.proposal(negotiationId, id));
  }

  /** Every version of a proposal's text, oldest first; PROPOSAL_NOT_FOUND for another negotiation's. */
  async history(negotiationId: string, id: string): Promise<ProposalVersionRecord[]> {
    return this.storage.proposals.history((await this.proposal(negotiationId, id)).id);
  }

  private async proposal(negotiationId: string, id: string): Promise<ProposalRecord> {
    const p = await this.storage.proposals.get(id);
    if (!p || p.negotiationId !== negotiationId)
      throw new AppError('PROPOSAL_NOT_FOUND', 'No such proposal in this negotiation.');
    return p;
  }
}
