/**
 * Proposals (amendments) as everyone sees them: the kinds, statuses and the published view.
 * Attribution fields are always set by the server from the tabling session.
 */
import { delegationByCode } from './delegations.js';

/** Kinds of proposal: amend words, delete the paragraph, insert a new paragraph after it,
 * an alternative text for it, retain it as it stands, or comment on it. */
export const PROPOSAL_KINDS = ['amend', 'delete', 'insert', 'alt', 'retain', 'comment'] as const;
/** A proposal kind. */
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];

/**
 * Statuses a proposal moves through; co-facilitators set all but `withdrawn`, which the tabling
 * delegation may set too, and `carried-forward`, which only closing a reading sets: the proposal
 * waits for the next reading, where it is open again.
 */
export const PROPOSAL_STATUSES = [
  'open',
  'incorporated',
  'partly-incorporated',
  'not-retained',
  'withdrawn',
  'superseded',
  'carried-forward',
] as const;
/** A proposal status. */
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** The statuses co-facilitators may set by hand (carrying forward is a decision taken at closing). */
export const SETTABLE_STATUSES = PROPOSAL_STATUSES.filter(
  (s): s is Exclude<ProposalStatus, 'carried-forward'> => s !== 'carried-forward',
);

/**
 * What closing a reading does with each of its open proposals: take it in (an amendment,
 * alternative or new paragraph is applied to the text; any other kind is marked incorporated),
 * set it aside (not retained), or carry it forward to the next reading.
 */
export const DISPOSITIONS = ['incorporate', 'set-aside', 'carry-forward'] as const;
/** A disposition of an open proposal at the close of its reading. */
export type Disposition = (typeof DISPOSITIONS)[number];

/** The status a disposition gives a proposal. */
export const DISPOSITION_STATUS: Readonly<Record<Disposition, ProposalStatus>> = {
  incorporate: 'incorporated',
  'set-aside': 'not-retained',
  'carry-forward': 'carried-forward',
};

/** Kinds of proposal that change the text when applied (the others are statements about it). */
export const APPLICABLE_KINDS: ReadonlySet<ProposalKind> = new Set(['amend', 'alt', 'insert']);

/** Statuses of a paragraph. An agreed ad ref. or deleted paragraph takes no new proposals. */
export const PARAGRAPH_STATUSES = ['pending', 'bracketed', 'agreed-ad-ref', 'deleted'] as const;
/** A paragraph status. */
export type ParagraphStatus = (typeof PARAGRAPH_STATUSES)[number];

/** True when a paragraph in this status accepts new proposals. */
export function paragraphOpen(status: ParagraphStatus): boolean {
  return status === 'pending' || status === 'bracketed';
}

/** Delegation code under which co-facilitators' own compromise text is attributed. */
export const FACILITATORS = 'FACILITATORS';

/** One word-level change of an amendment, anchored in the base paragraph by Yjs relative positions. */
export interface AnchoredChange {
  /** Base64 of the encoded Yjs relative position of the start of the targeted words. */
  from: string;
  /** Base64 of the encoded relative position of their end (equal to `from` for an insertion). */
  to: string;
  /** The base words the change replaces (empty for an addition). */
  deleted: string;
  /** The words it puts in their place (empty for a deletion). */
  inserted: string;
}

/** A delegation as shown in attributions. */
export interface DelegationRef {
  code: string;
  name: string;
}

/** A delegation code with its display name (codes outside the list show as themselves). */
export function delegationRef(code: string): DelegationRef {
  if (code === FACILITATORS) return { code, name: 'Co-facilitators' };
  return { code, name: delegationByCode(code)?.name ?? code };
}

/** A proposal as published to every participant. */
export interface ProposalView {
  id: string;
  pid: string;
  kind: ProposalKind;
  /** The tabling delegation or group. */
  delegation: DelegationRef;
  /** When tabled on behalf of a group: the member delegation that tabled it. */
  tabledBy: DelegationRef | null;
  personName: string;
  createdAt: string;
  updatedAt: string;
  readingId: string | null;
  status: ProposalStatus;
  /** True when the base words an amendment targets were later deleted or rewritten. */
  outdated: boolean;
  version: number;
  supporters: DelegationRef[];
  /** For `amend`: the words it strikes out and puts in, where. */
  changes: AnchoredChange[];
  /**
   * New paragraph text (`insert`, `alt`) or the comment (`comment`); empty for the other kinds.
   * An amendment's words are in its changes; the whole paragraph texts it was written as are
   * kept in its versions, where the editor reads them when the delegation edits it.
   */
  text: string;
  /** For `comment`: a reservation rather than a remark. */
  reservation: boolean;
  /** True for co-facilitators' own compromise text. */
  byFacilitators: boolean;
  appliedAt: string | null;
  /**
   * The reading it was carried forward from, when the co-facilitators carried it into the one it
   * belongs to now (absent otherwise, so that records of proposals never carried read as before).
   */
  carriedFrom?: string;
}

/**
 * True when a proposal is live: open in the reading under way (`openReadingId`), carried ones
 * included. Only live proposals are bracketed in the current text and can be supported; the open
 * proposals of a reading closed before closing required a decision on each are not.
 */
export function isLive(p: Pick<ProposalView, 'status' | 'readingId'>, openReadingId: string | null): boolean {
  return p.status === 'open' && openReadingId !== null && p.readingId === openReadingId;
}

/**
 * What it takes to show a proposal as an attributed bracket outside its paragraph (in a
 * comparison): its words, its kind, who tabled and supports it, and its outcome. A `ProposalView`
 * is one; the comparison API sends only these fields.
 */
export type ProposalBrief = Pick<
  ProposalView,
  | 'id'
  | 'kind'
  | 'status'
  | 'delegation'
  | 'tabledBy'
  | 'supporters'
  | 'text'
  | 'reservation'
  | 'byFacilitators'
> & {
  /** For `amend`: the words struck out and put in. */
  changes: Pick<AnchoredChange, 'deleted' | 'inserted'>[];
};

/** A paragraph's status as published. */
export interface ParagraphStatusView {
  status: ParagraphStatus;
  updatedAt: string;
}

/** Names of the maps in the read-only proposals document. */
export const PROPOSALS_MAP = 'proposals';
/** Map of paragraph id → `ParagraphStatusView`. */
export const PARAGRAPH_STATUS_MAP = 'paragraphs';
/**
 * Map of paragraph id → its label in the latest circulated revision ("OP16"): the numbering
 * basis of the reading (`shared/numbering.ts`). Empty before the first revision is circulated.
 */
export const NUMBERING_MAP = 'numbering';
/**
 * Map of proposal id → the id of the person whose action last changed its view (tabling,
 * editing, supporting, withdrawing, a status, applying it, closing its reading), written with
 * the view, so that a participant is not alerted to what they did themselves. Absent for a change
 * no one made (its words found outdated after the text changed).
 */
export const PROPOSAL_ACTORS_MAP = 'changedBy';
