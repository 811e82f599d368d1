/**
 * Visits: when each person last looked at a negotiation, and what there was to see then, so that
 * on their return, in any browser, they are shown what changed since (`shared/visits.ts`). The
 * record is the server's own reading of the live text and proposals, stamped by its clock;
 * nothing in it comes from the client.
 */
import { draftDocName } from '../../shared/protocol.js';
import { draftTexts, type SeenState, seenState, type Visit } from '../../shared/visits.js';
import type { Membership } from '../accounts/accounts.js';
import type { Rooms } from '../collab/rooms.js';
import { proposalViews } from '../proposals/views.js';
import { numberingBasis } from '../readings/numberingBasis.js';
import type { Storage } from '../storage/storage.js';

/** The visits service. `now` is injectable for tests. */
export class Visits {
  constructor(
    private readonly storage: Storage,
    private readonly rooms: Rooms,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** What there is to see in a negotiation now: its live text, paragraph statuses and proposals. */
  async seen(negotiationId: string): Promise<SeenState> {
    const basis = await numberingBasis(this.storage, negotiationId);
    const paragraphs = await this.rooms.withRoom(draftDocName(negotiationId), (room) =>
      draftTexts(room.doc, basis),
    );
    const [records, supports, statuses] = await Promise.all([
      this.storage.proposals.list(negotiationId),
      this.storage.proposals.supports(negotiationId),
      this.storage.proposals.paragraphStatuses(negotiationId),
    ]);
    return seenState(
      paragraphs,
      Object.fromEntries(statuses.map((s) => [s.pid, s.status])),
      proposalViews(records, supports),
    );
  }

  /** Records that the member looks at the negotiation now; returns when, and their visit before. */
  async record(m: Membership): Promise<{ at: string; previous: Visit | null }> {
    const { negotiationId, personId } = m.participant;
    const seen = await this.seen(negotiationId);
    const at = this.now().toISOString();
    const previous = await this.storage.visits.replaceVisit({ negotiationId, personId, at, seen });
    return { at, previous: previous ? { at: previous.at, seen: previous.seen } : null };
  }

  /** The member's last recorded visit, or null. */
  async last(m: Membership): Promise<Visit | null> {
    const visit = await this.storage.visits.getVisit(m.participant.negotiationId, m.participant.personId);
    return visit ? { at: visit.at, seen: visit.seen } : null;
  }
}
