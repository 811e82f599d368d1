/** Turning stored proposals into the views everyone sees. */
import { delegationRef, FACILITATORS, type ProposalView } from '../../shared/proposals.js';
import type { ProposalRecord, SupportRecord } from '../storage/records.js';

/** Supports grouped by proposal id, in their stored order. */
function supportsByProposal(supports: readonly SupportRecord[]): Map<string, SupportRecord[]> {
  const out = new Map<string, SupportRecord[]>();
  for (const s of supports) {
    const list = out.get(s.proposalId);
    if (list) list.push(s);
    else out.set(s.proposalId, [s]);
  }
  return out;
}

/** The published views of some proposals, given (at least) their supports; linear in both. */
export function proposalViews(
  records: readonly ProposalRecord[],
  supports: readonly SupportRecord[],
): ProposalView[] {
  const grouped = supportsByProposal(supports);
  return records.map((r) => proposalView(r, grouped.get(r.id) ?? []));
}

/** The published view of a stored proposal with its supporters (`supports` of this proposal only). */
export function proposalView(p: ProposalRecord, supports: readonly SupportRecord[]): ProposalView {
  return {
    id: p.id,
    pid: p.pid,
    kind: p.kind,
    delegation: delegationRef(p.delegation),
    tabledBy: p.tabledBy ? delegationRef(p.tabledBy) : null,
    personName: p.personName,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    readingId: p.readingId,
    status: p.status,
    outdated: p.outdated,
    version: p.version,
    supporters: supports.map((s) => delegationRef(s.delegation)),
    changes: p.content.changes,
    text: p.kind === 'amend' ? '' : p.content.text,
    reservation: p.content.reservation,
    byFacilitators: p.delegation === FACILITATORS,
    appliedAt: p.appliedAt,
    ...(p.carriedFrom ? { carriedFrom: p.carriedFrom } : {}),
  };
}
