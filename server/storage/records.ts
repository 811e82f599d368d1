/** Records the storage keeps: people, rights, sessions, proposals, readings, roadmap, written inputs. */
import type { InputKind, InputSource } from '../../shared/inputs.js';
import type {
  AnchoredChange,
  ParagraphStatus,
  ProposalKind,
  ProposalStatus,
} from '../../shared/proposals.js';
import type { RoadmapEntryData } from '../../shared/roadmap.js';
import type { SeenState } from '../../shared/visits.js';

/** A role in one negotiation. */
export type Role = 'facilitator' | 'delegate' | 'observer';

/** A person who can sign in. */
export interface PersonRecord {
  id: string;
  name: string;
  isAdmin: boolean;
  createdAt: string;
}

/** A person's part in one negotiation. */
export interface ParticipantRecord {
  negotiationId: string;
  personId: string;
  role: Role;
  /** Delegation code; null for observers and for facilitators' secretariat without one. */
  delegation: string | null;
  createdAt: string;
}

/** A single-use sign-in link (its token is stored only as a hash). */
export interface InvitationRecord {
  id: string;
  tokenHash: string;
  personId: string;
  negotiationId: string | null;
  createdBy: string | null;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  revokedAt: string | null;
}

/** A signed-in browser (its cookie token is stored only as a hash). */
export interface SessionRecord {
  id: string;
  tokenHash: string;
  personId: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  userAgent: string | null;
}

/** One line of the audit log. */
export interface AuditRecord {
  seq: number;
  at: string;
  negotiationId: string | null;
  personId: string | null;
  personName: string | null;
  delegation: string | null;
  action: string;
  detail: Record<string, unknown>;
}

/** What a proposal says, apart from who and when. */
export interface ProposalContent {
  changes: AnchoredChange[];
  baseText: string;
  text: string;
  reservation: boolean;
}

/** A proposal as stored. */
export interface ProposalRecord {
  id: string;
  negotiationId: string;
  pid: string;
  kind: ProposalKind;
  delegation: string;
  tabledBy: string | null;
  personId: string;
  personName: string;
  readingId: string | null;
  status: ProposalStatus;
  outdated: boolean;
  version: number;
  content: ProposalContent;
  createdAt: string;
  updatedAt: string;
  appliedAt: string | null;
  appliedBy: string | null;
  /** The reading it was carried forward from into `readingId`, if it was. */
  carriedFrom: string | null;
}

/** A delegation's support of a proposal. */
export interface SupportRecord {
  proposalId: string;
  delegation: string;
  personId: string;
  createdAt: string;
}

/** One earlier version of a proposal's content. */
export interface ProposalVersionRecord {
  proposalId: string;
  version: number;
  content: ProposalContent;
  editedAt: string;
  personId: string;
}

/** A paragraph's status as set by the co-facilitators. */
export interface ParagraphStatusRecord {
  negotiationId: string;
  pid: string;
  status: ParagraphStatus;
  updatedAt: string;
  personId: string;
}

/** A stored snapshot: a circulated revision or a closed reading. Never updated. */
export interface SnapshotRecord {
  id: string;
  negotiationId: string;
  /** 1, 2, 3 … in the order taken, per negotiation. */
  seq: number;
  kind: 'revision' | 'reading';
  label: string;
  takenAt: string;
  takenBy: string;
  /** The exact Yjs state of the draft at that moment. */
  yjsState: Uint8Array;
  /** `canonicalJson` of the `CanonicalSnapshot`. */
  canonical: string;
  prevHash: string;
  hash: string;
  /** How `hash` was computed (server/readings/hashChain.ts): 2 for every snapshot taken now. */
  hashFormat: 1 | 2;
}

/** A reading of a revision, with its deadline for proposals. */
export interface ReadingRecord {
  id: string;
  negotiationId: string;
  /** 1 for the first reading, 2 for the second … */
  number: number;
  revisionId: string;
  openedAt: string;
  openedBy: string;
  /** ISO instant (UTC) after which proposals are refused. */
  deadline: string;
  closedAt: string | null;
  closedBy: string | null;
  snapshotId: string | null;
}

/** A roadmap entry as stored: what co-facilitators wrote (`RoadmapEntryData`) plus bookkeeping. */
export interface RoadmapEntryRecord {
  id: string;
  negotiationId: string;
  data: RoadmapEntryData;
  version: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
}

/** A person's secret calendar subscription to a negotiation's roadmap (its token stored only as a hash). */
export interface CalendarFeedRecord {
  id: string;
  tokenHash: string;
  negotiationId: string;
  personId: string;
  createdAt: string;
  revokedAt: string | null;
}

/** A guiding question posted by the co-facilitators on a revision or reading. */
export interface QuestionRecord {
  id: string;
  negotiationId: string;
  targetType: 'revision' | 'reading';
  targetId: string;
  number: number;
  text: string;
  createdAt: string;
  createdBy: string;
}

/** A written input as stored; `delegation` is null for stakeholders' inputs. */
export interface InputRecord {
  id: string;
  negotiationId: string;
  readingId: string;
  kind: InputKind;
  questionId: string | null;
  pid: string | null;
  source: InputSource;
  delegation: string | null;
  tabledBy: string | null;
  personId: string;
  personName: string;
  text: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** One version of an input's text (every version is kept, the first included). */
export interface InputVersionRecord {
  inputId: string;
  version: number;
  text: string;
  editedAt: string;
  personId: string;
  personName: string;
}

/** A person's last visit of a negotiation: when, and what there was to see then. */
export interface VisitRecord {
  negotiationId: string;
  personId: string;
  at: string;
  seen: SeenState;
}
