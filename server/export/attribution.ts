/** How exported documents name who tabled a proposal and what kind of proposal it is. */
import type { ProposalKind, ProposalStatus, ProposalView } from '../../shared/proposals.js';

/** Name under which co-facilitators' own text is attributed. */
export const FACILITATORS_NAME = 'Co-facilitators';

/** "EU, supported by Norway, Switzerland"; co-facilitators' text as "Co-facilitators". */
export function attributionOf(p: ProposalView): string {
  const who = p.byFacilitators
    ? FACILITATORS_NAME
    : p.tabledBy
      ? `${p.delegation.name} (tabled by ${p.tabledBy.name})`
      : p.delegation.name;
  return p.supporters.length === 0
    ? who
    : `${who}, supported by ${p.supporters.map((s) => s.name).join(', ')}`;
}

/**
 * Who a tracked change or a comment in Word is by: the tabling delegation or group ("European
 * Union", "G77 and China"), or "Co-facilitators" for their own text. Supporters and the member
 * that tabled for a group are not authors; notes name them.
 */
export function authorOf(p: Pick<ProposalView, 'byFacilitators' | 'delegation'>): string {
  return p.byFacilitators ? FACILITATORS_NAME : p.delegation.name;
}

/** Kind of a proposal in a sentence: "amendment", "new paragraph" … */
export const KIND_NAMES: Record<ProposalKind, string> = {
  amend: 'amendment',
  delete: 'deletion of the paragraph',
  insert: 'new paragraph',
  alt: 'alternative text',
  retain: 'retain as is',
  comment: 'comment',
};

/** A proposal's outcome as a closed reading's record names it: "Not retained", "Carried forward" … */
export const STATUS_NAMES: Record<ProposalStatus, string> = {
  open: 'Open',
  incorporated: 'Incorporated',
  'partly-incorporated': 'Partly incorporated',
  'not-retained': 'Not retained',
  withdrawn: 'Withdrawn',
  superseded: 'Superseded by facilitators’ text',
  'carried-forward': 'Carried forward',
};
