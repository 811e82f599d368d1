/** Attribution of a proposal as a compilation text shows it. */
import type { ProposalBrief } from '../../shared/proposals.js';
import { messages } from '../i18n/messages.js';

/** "EU, supported by Norway, Switzerland"; co-facilitators' text as "Co-facilitators". */
export function attributionOf(p: ProposalBrief): string {
  const m = messages.proposals;
  const who = p.byFacilitators
    ? m.facilitators
    : p.tabledBy
      ? m.onBehalfOf(p.delegation.name, p.tabledBy.name)
      : p.delegation.name;
  return m.attribution(
    who,
    p.supporters.map((s) => s.name),
  );
}
