/**
 * The proposals of the caller's delegation across readings: those it tabled, those tabled for a
 * group it belongs to, and those it supports. Whose list it is comes from the session only.
 */
import { AppError } from '../../shared/errors.js';
import type { MyProposal, MyProposalRelation, MyProposalsResponse } from '../../shared/myProposals.js';
import { FACILITATORS, type ProposalView } from '../../shared/proposals.js';
import type { Membership } from '../accounts/accounts.js';
import { speaksFor } from '../policies/ownership.js';
import { readingLabel } from '../readings/labels.js';
import { basisOfRevision, latestRevision } from '../readings/numberingBasis.js';
import type { Storage } from '../storage/storage.js';

/**
 * The delegation whose list a member sees: a delegate's own, the co-facilitators' own compromise
 * texts for a co-facilitator; observers table and support nothing and are refused.
 */
export function listingDelegation(m: Membership): string {
  const { role, delegation } = m.participant;
  if (role === 'facilitator') return FACILITATORS;
  if (role === 'delegate' && delegation) return delegation;
  throw new AppError(
    'OBSERVERS_READ_ONLY',
    'Observers follow the negotiation but table and support no proposals of their own.',
  );
}

/** How `own` relates to a proposal (one tabled for a group, by whichever member, is the group's), or null when it is not on its list. */
export function relationOf(own: string, v: ProposalView): MyProposalRelation | null {
  if (v.delegation.code === own) return 'own';
  if (speaksFor(own).includes(v.delegation.code)) return 'group';
  if (v.supporters.some((s) => s.code === own)) return 'supported';
  return null;
}

/** The list of the member's delegation among `views`, oldest reading first, then by tabling time. */
export async function myProposals(
  storage: Storage,
  negotiationId: string,
  m: Membership,
  views: readonly ProposalView[],
): Promise<MyProposalsResponse> {
  const own = listingDelegation(m);
  const [readings, snapshots] = await Promise.all([
    storage.readings.listReadings(negotiationId),
    storage.readings.listSnapshots(negotiationId),
  ]);
  const latest = latestRevision(snapshots);
  const current = latest ? basisOfRevision(latest) : new Map<string, string>();
  const revisions = new Map(snapshots.filter((s) => s.kind === 'revision').map((s) => [s.id, s]));
  const readingsById = new Map(readings.map((r) => [r.id, r]));
  const out: MyProposal[] = [];
  for (const v of views) {
    const relation = relationOf(own, v);
    if (!relation) continue;
    const reading = v.readingId ? readingsById.get(v.readingId) : undefined;
    const revision = reading ? revisions.get(reading.revisionId) : undefined;
    const paragraphLabel = current.get(v.pid) ?? null;
    const asTabled = revision ? (basisOfRevision(revision).get(v.pid) ?? null) : null;
    out.push({
      id: v.id,
      pid: v.pid,
      kind: v.kind,
      status: v.status,
      outdated: v.outdated,
      delegation: v.delegation,
      tabledBy: v.tabledBy,
      supporters: v.supporters,
      text: v.text,
      reservation: v.reservation,
      byFacilitators: v.byFacilitators,
      changes: v.changes.map((c) => ({ deleted: c.deleted, inserted: c.inserted })),
      createdAt: v.createdAt,
      updatedAt: v.updatedAt,
      readingId: v.readingId,
      ...(v.carriedFrom ? { carriedFrom: v.carriedFrom } : {}),
      relation,
      readingLabel: reading ? readingLabel(reading.number) : null,
      readingNumber: reading?.number ?? null,
      paragraphLabel,
      tabledAsLabel: asTabled !== null && asTabled !== paragraphLabel ? asTabled : null,
    });
  }
  return {
    delegation: own,
    proposals: out.sort(
      (a, b) => (a.readingNumber ?? 0) - (b.readingNumber ?? 0) || a.createdAt.localeCompare(b.createdAt),
    ),
  };
}
