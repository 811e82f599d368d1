/** Turning stored proposals into the views everyone sees. */
import { delegationByCode } from '../../shared/delegations.js';
import { type DelegationRef, FACILITATORS, type ProposalView } from '../../shared/proposals.js';
import type { ProposalRecord, SupportRecord } from '../storage/records.js';

/** A delegation code with its display name. */
export function delegationRef(code: string): DelegationRef {
  if (code === FACILITATORS) return { code, name: 'Co-facilitators' };
  return { code, name: delegationByCode(code)?.name ?? code };
}

/** The published view of a stored proposal with its supporters. */
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
    supporters: supports.filter((s) => s.proposalId === p.id).map((s) => delegationRef(s.delegation)),
    changes: p.content.changes,
    baseText: p.content.baseText,
    text: p.content.text,
    reservation: p.content.reservation,
    byFacilitators: p.delegation === FACILITATORS,
    appliedAt: p.appliedAt,
  };
}
