/**
 * Closing a reading decides every proposal still open in it: the co-facilitators incorporate it,
 * set it aside or carry it forward to the next reading. This module checks such a set of
 * dispositions against the reading's proposals and the text, and lists what is left to decide.
 */
import * as Y from 'yjs';
import { AnchorResolver, findParagraph, resolveChanges } from '../../shared/anchors.js';
import { AppError } from '../../shared/errors.js';
import type { NumberingBasis } from '../../shared/numbering.js';
import {
  APPLICABLE_KINDS,
  type DelegationRef,
  DISPOSITION_STATUS,
  type Disposition,
  delegationRef,
  type ProposalKind,
} from '../../shared/proposals.js';
import { applyProposal } from '../proposals/commands.js';
import type { ProposalRecord } from '../storage/records.js';
import type { CarriedProposal, ProposalDecision } from '../storage/storage.js';
import { blocksOf } from './snapshotOf.js';

/** A disposition of one proposal, as the close request names it. */
export interface DispositionChoice {
  proposalId: string;
  disposition: Disposition;
}

/** What closing will do: proposals to apply to the text, then the statuses of the others. */
export interface ClosingPlan {
  /** Amendments, alternatives and new paragraphs to apply to the text, in the order tabled. */
  apply: ProposalRecord[];
  /** The other open proposals with the status their disposition gives them. */
  decisions: ProposalDecision[];
  counts: { incorporated: number; setAside: number; carried: number };
}

/** Longest excerpt of a proposal's text shown when deciding on it. */
const EXCERPT = 300;

/**
 * The plan for closing a reading whose proposals are `ofReading`, given the co-facilitators'
 * choices. Refuses with PROPOSAL_NOT_FOUND (a choice names no proposal of this reading),
 * PROPOSAL_CLOSED (it names one no longer open) or PROPOSALS_UNDECIDED (an open proposal has no
 * choice), each with the ids concerned in `details.proposalIds`.
 */
export function closingPlan(
  ofReading: readonly ProposalRecord[],
  choices: readonly DispositionChoice[],
): ClosingPlan {
  const byId = new Map(ofReading.map((p) => [p.id, p]));
  const chosen = new Map(choices.map((c) => [c.proposalId, c.disposition]));
  const foreign = [...chosen.keys()].filter((id) => !byId.has(id));
  if (foreign.length > 0)
    throw new AppError('PROPOSAL_NOT_FOUND', 'A disposition names a proposal that is not of this reading.', {
      proposalIds: foreign,
    });
  const decided = [...chosen.keys()].filter((id) => byId.get(id)!.status !== 'open');
  if (decided.length > 0)
    throw new AppError(
      'PROPOSAL_CLOSED',
      'A disposition names a proposal that was decided or withdrawn meanwhile. Review the list and close again.',
      { proposalIds: decided },
    );
  const open = ofReading.filter((p) => p.status === 'open');
  const undecided = open.filter((p) => !chosen.has(p.id)).map((p) => p.id);
  if (undecided.length > 0)
    throw new AppError(
      'PROPOSALS_UNDECIDED',
      `${undecided.length} ${undecided.length === 1 ? 'proposal is' : 'proposals are'} still open. Incorporate, set aside or carry forward each before closing the reading.`,
      { proposalIds: undecided },
    );
  const plan: ClosingPlan = {
    apply: [],
    decisions: [],
    counts: { incorporated: 0, setAside: 0, carried: 0 },
  };
  for (const p of open) {
    const disposition = chosen.get(p.id)!;
    if (disposition === 'incorporate') plan.counts.incorporated++;
    else if (disposition === 'set-aside') plan.counts.setAside++;
    else plan.counts.carried++;
    if (disposition === 'incorporate' && APPLICABLE_KINDS.has(p.kind) && !p.appliedAt) plan.apply.push(p);
    else plan.decisions.push({ proposalId: p.id, status: DISPOSITION_STATUS[disposition] });
  }
  return plan;
}

/**
 * Checks that the proposals can be applied to the text one after the other, on a copy of it:
 * refuses with PROPOSAL_OUTDATED (its words changed, or an earlier one of them rewrote them) or
 * PARAGRAPH_NOT_FOUND, naming the proposals in `details.proposalIds`. Nothing is changed.
 */
export function checkApplicable(doc: Y.Doc, proposals: readonly ProposalRecord[]): void {
  if (proposals.length === 0) return;
  const copy = new Y.Doc({ gc: false });
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const failed = new Map<string, AppError>();
  try {
    copy.transact(() => {
      for (const p of proposals) {
        try {
          applyProposal(copy, p);
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          failed.set(p.id, error);
        }
      }
    });
  } finally {
    copy.destroy();
  }
  if (failed.size === 0) return;
  const ids = [...failed.keys()];
  const first = [...failed.values()][0]!;
  throw new AppError(
    first.code,
    first.code === 'PROPOSAL_OUTDATED'
      ? 'Some proposals to incorporate can no longer be applied: the words they target changed, or another proposal incorporated with them rewrote those words. Set them aside or carry them forward.'
      : 'Some proposals to incorporate are on a paragraph that is no longer in the text.',
    { proposalIds: ids },
  );
}

/** An open proposal as the closing dialog lists it. */
export interface UndecidedProposal {
  id: string;
  pid: string;
  /** The paragraph's number now ("OP5"), its number in the reading's basis when it is no longer in the text, or empty. */
  label: string;
  kind: ProposalKind;
  delegation: DelegationRef;
  tabledBy: DelegationRef | null;
  /** For an amendment, the words struck out and put in; empty otherwise. */
  changes: { deleted: string; inserted: string }[];
  /** The first words of a new paragraph, alternative or comment. */
  excerpt: string;
  outdated: boolean;
  /** False when incorporating cannot apply it to the text (its words or its paragraph are gone). */
  incorporable: boolean;
}

/**
 * The open proposals of a reading (`open`), described against the text `doc` as it is now,
 * numbered against the reading's `basis`; a change to a paragraph in `agreed` (agreed ad ref.)
 * cannot be incorporated.
 */
export function undecidedProposals(
  doc: Y.Doc,
  open: readonly ProposalRecord[],
  context: { basis?: NumberingBasis; agreed?: ReadonlySet<string> } = {},
): UndecidedProposal[] {
  const labels = new Map(
    blocksOf(doc, context.basis).flatMap((b) => (b.pid ? [[b.pid, b.label ?? ''] as const] : [])),
  );
  return open.map((p) => {
    const here = findParagraph(doc, p.pid) !== undefined;
    const resolves = p.kind !== 'amend' || resolveChanges(doc, p.pid, p.content.changes) !== null;
    const text = p.kind === 'amend' ? '' : p.content.text;
    return {
      id: p.id,
      pid: p.pid,
      label: labels.get(p.pid) ?? context.basis?.get(p.pid) ?? '',
      kind: p.kind,
      delegation: delegationRef(p.delegation),
      tabledBy: p.tabledBy ? delegationRef(p.tabledBy) : null,
      changes: p.content.changes.map((c) => ({ deleted: c.deleted, inserted: c.inserted })),
      excerpt: text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1)}…` : text,
      outdated: p.outdated,
      incorporable:
        !APPLICABLE_KINDS.has(p.kind) ||
        p.appliedAt !== null ||
        (here && resolves && (p.kind === 'insert' || !context.agreed?.has(p.pid))),
    };
  });
}

/** The proposals of a reading as they will be once the decisions of `plan` are stored at `at`. */
export function decidedProposals(
  all: readonly ProposalRecord[],
  readingId: string,
  plan: ClosingPlan,
  at: string,
): ProposalRecord[] {
  const statuses = new Map(plan.decisions.map((d) => [d.proposalId, d.status]));
  return all
    .filter((p) => p.readingId === readingId)
    .map((p) => {
      const status = statuses.get(p.id);
      return status ? { ...p, status, updatedAt: at } : p;
    });
}

/**
 * Proposals carried forward, re-anchored on the text `doc` as it is now: an amendment whose
 * words are unchanged still resolves; one whose words changed is outdated (its delegation can
 * carry it onto the current text).
 */
export function reanchored(doc: Y.Doc, carried: readonly ProposalRecord[]): CarriedProposal[] {
  const anchors = new AnchorResolver(doc);
  return carried.map((p) => ({
    proposalId: p.id,
    outdated:
      p.kind === 'amend' && !p.appliedAt ? anchors.resolve(p.pid, p.content.changes) === null : p.outdated,
  }));
}
