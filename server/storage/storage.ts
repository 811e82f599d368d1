/**
 * The storage contract. The server talks to this interface only; `sqlite.ts` is the embedded
 * implementation, `postgres/` the one several processes share (`open.ts` picks one), and
 * `storage.contract.ts` the test suite every implementation must pass.
 */

import type { ProposalStatus } from '../../shared/proposals.js';
import type {
  AuditRecord,
  CalendarFeedRecord,
  InputRecord,
  InputVersionRecord,
  InvitationRecord,
  ParagraphStatusRecord,
  ParticipantRecord,
  PersonRecord,
  ProposalContent,
  ProposalRecord,
  ProposalVersionRecord,
  QuestionRecord,
  ReadingRecord,
  RoadmapEntryRecord,
  SessionRecord,
  SnapshotRecord,
  SupportRecord,
  VisitRecord,
} from './records.js';

/** A negotiation as stored. */
export interface NegotiationRecord {
  id: string;
  title: string;
  createdAt: string;
  /** IANA time zone of the negotiation's deadlines and meetings, e.g. America/New_York. */
  timeZone: string;
  /** Codes of the co-facilitating delegations. */
  facilitatorDelegations: string[];
}

/** People, their rights in negotiations, sign-in links and sessions. */
export interface AccountStore {
  createPerson(person: PersonRecord): Promise<void>;
  getPerson(id: string): Promise<PersonRecord | undefined>;
  /** Adds a person to a negotiation or changes their role and delegation. */
  putParticipant(participant: ParticipantRecord): Promise<void>;
  getParticipant(negotiationId: string, personId: string): Promise<ParticipantRecord | undefined>;
  listParticipants(negotiationId: string): Promise<(ParticipantRecord & { name: string })[]>;
  participationsOf(personId: string): Promise<ParticipantRecord[]>;
  createInvitation(invitation: InvitationRecord): Promise<void>;
  getInvitation(id: string): Promise<InvitationRecord | undefined>;
  getInvitationByHash(tokenHash: string): Promise<InvitationRecord | undefined>;
  listInvitations(negotiationId: string): Promise<InvitationRecord[]>;
  revokeInvitation(id: string, at: string): Promise<boolean>;
  /**
   * Marks an unused, unrevoked invitation used and creates the session, atomically.
   * Returns false (and creates nothing) when the invitation was already used or revoked.
   */
  redeemInvitation(invitationId: string, at: string, session: SessionRecord): Promise<boolean>;
  getSession(id: string): Promise<SessionRecord | undefined>;
  getSessionByHash(tokenHash: string): Promise<SessionRecord | undefined>;
  /** Sessions of the given people, newest first. */
  listSessions(personIds: readonly string[]): Promise<SessionRecord[]>;
  revokeSession(id: string, at: string): Promise<boolean>;
}

/** Changes to a stored proposal; `content` makes a new version and keeps the old one. */
export interface ProposalPatch {
  content?: ProposalContent;
  status?: ProposalRecord['status'];
  outdated?: boolean;
  applied?: { at: string; by: string; update: Uint8Array };
  /** Removes every delegation's support (they supported words the patch changes). */
  dropSupport?: boolean;
  at: string;
  personId: string;
}

/** Proposals, support and paragraph statuses. */
export interface ProposalStore {
  insert(proposal: ProposalRecord): Promise<void>;
  get(id: string): Promise<ProposalRecord | undefined>;
  list(negotiationId: string): Promise<ProposalRecord[]>;
  /**
   * Amendments whose anchors still matter (not applied; open or partly incorporated), of the
   * paragraphs `pids` only when given.
   */
  openAmendments(negotiationId: string, pids?: readonly string[]): Promise<ProposalRecord[]>;
  /** The open proposals (of any kind) on one paragraph, oldest first. */
  openOnParagraph(negotiationId: string, pid: string): Promise<ProposalRecord[]>;
  /** Applies a patch atomically; returns the updated record. */
  update(id: string, patch: ProposalPatch): Promise<ProposalRecord>;
  history(id: string): Promise<ProposalVersionRecord[]>;
  /** Adds support; false when that delegation already supports it. */
  addSupport(support: SupportRecord): Promise<boolean>;
  /** Removes support; false when there was none. */
  removeSupport(proposalId: string, delegation: string): Promise<boolean>;
  /** Every support in a negotiation, oldest first. */
  supports(negotiationId: string): Promise<SupportRecord[]>;
  /** The supports of some proposals, oldest first. */
  supportsOf(proposalIds: readonly string[]): Promise<SupportRecord[]>;
  setParagraphStatus(record: ParagraphStatusRecord): Promise<void>;
  paragraphStatuses(negotiationId: string): Promise<ParagraphStatusRecord[]>;
}

/** A decision on an open proposal, taken as its reading closes. */
export interface ProposalDecision {
  proposalId: string;
  status: ProposalStatus;
}

/** A proposal carried forward into a reading as it opens, with its anchors checked on the text then. */
export interface CarriedProposal {
  proposalId: string;
  outdated: boolean;
}

/** Snapshots (append-only, refused updates) and readings. */
export interface ReadingStore {
  /** Appends a snapshot; fails if its `seq` is taken. */
  addSnapshot(snapshot: SnapshotRecord): Promise<void>;
  getSnapshot(id: string): Promise<SnapshotRecord | undefined>;
  /** Snapshots of a negotiation in `seq` order (with their Yjs state only when asked). */
  listSnapshots(negotiationId: string): Promise<SnapshotRecord[]>;
  /**
   * Opens a reading and moves the proposals carried forward into it, atomically: each is open
   * again, in the new reading, and records the reading it came from in `carriedFrom`. Fails,
   * changing nothing, when one of them is not carried forward.
   */
  createReading(reading: ReadingRecord, carried?: readonly CarriedProposal[]): Promise<void>;
  getReading(id: string): Promise<ReadingRecord | undefined>;
  listReadings(negotiationId: string): Promise<ReadingRecord[]>;
  setDeadline(id: string, deadline: string): Promise<void>;
  /**
   * Decides the reading's open proposals (`decisions`), stores its closing snapshot and closes it,
   * atomically. Fails, changing nothing, when the reading is not open or a decided proposal is not
   * open in it.
   */
  closeReading(
    id: string,
    at: string,
    by: string,
    snapshot: SnapshotRecord,
    decisions?: readonly ProposalDecision[],
  ): Promise<void>;
}

/** Roadmap entries and calendar subscriptions. */
export interface RoadmapStore {
  insertEntry(entry: RoadmapEntryRecord): Promise<void>;
  getEntry(id: string): Promise<RoadmapEntryRecord | undefined>;
  /** Entries of a negotiation in the order they were created. */
  listEntries(negotiationId: string): Promise<RoadmapEntryRecord[]>;
  /** Replaces an entry's data, bumping its version; returns the updated record. */
  updateEntry(
    id: string,
    data: RoadmapEntryRecord['data'],
    at: string,
    by: string,
  ): Promise<RoadmapEntryRecord>;
  /** Deletes an entry; false when there was none. */
  deleteEntry(id: string): Promise<boolean>;
  /** Adds a feed and revokes the person's earlier feeds of the same negotiation, atomically. */
  replaceFeed(feed: CalendarFeedRecord): Promise<void>;
  getFeedByHash(tokenHash: string): Promise<CalendarFeedRecord | undefined>;
}

/** Guiding questions, written inputs with every version of their text, and who may see stakeholders' inputs. */
export interface InputStore {
  insertQuestion(question: QuestionRecord): Promise<void>;
  listQuestions(negotiationId: string): Promise<QuestionRecord[]>;
  /** Stores a new input and its first version, atomically; fails if the same author already gave it. */
  insertInput(input: InputRecord): Promise<void>;
  getInput(id: string): Promise<InputRecord | undefined>;
  /** Inputs of a negotiation (of one reading when given), oldest first. */
  listInputs(negotiationId: string, readingId?: string): Promise<InputRecord[]>;
  /** Replaces an input's text, keeping the earlier one as a version; returns the updated record. */
  updateInputText(
    id: string,
    text: string,
    at: string,
    personId: string,
    personName: string,
  ): Promise<InputRecord>;
  /** Every version of an input's text, oldest first. */
  inputHistory(id: string): Promise<InputVersionRecord[]>;
  /** Whether stakeholders' inputs are shown to every participant (false unless set). */
  stakeholderInputsVisible(negotiationId: string): Promise<boolean>;
  setStakeholderInputsVisible(negotiationId: string, visible: boolean, at: string, by: string): Promise<void>;
}

/** When each person last looked at each negotiation, and what there was to see. */
export interface VisitStore {
  /** A person's last recorded visit of a negotiation, or undefined. */
  getVisit(negotiationId: string, personId: string): Promise<VisitRecord | undefined>;
  /** Records a visit in place of the person's previous one, which it returns, atomically. */
  replaceVisit(visit: VisitRecord): Promise<VisitRecord | undefined>;
}

/** The append-only audit log, a hash chain per negotiation (server/records/auditChain.ts). */
export interface AuditStore {
  /** Appends an entry at the end of its negotiation's chain (and seals the chain's head). */
  append(entry: Omit<AuditRecord, 'seq'>): Promise<void>;
  /** Entries of a negotiation, newest first. */
  list(negotiationId: string, limit: number): Promise<AuditRecord[]>;
}

/** The end of a chain of records: how many there are and the last one's hash. */
export interface ChainEnd {
  count: number;
  hash: string;
}

/** The ends of a negotiation's two chains, snapshots and audit entries. */
export interface ChainHeads {
  snapshots: ChainEnd;
  audit: ChainEnd;
}

/** A signed head as stored: the signed JSON text and its signature. */
export interface StoredHead {
  body: string;
  signature: string;
}

/**
 * Signs the heads of a negotiation's chains (server/records/sealer.ts). The storage calls it
 * inside the transaction of every append of a snapshot or audit entry; it holds the key, the
 * storage holds none.
 */
export interface HeadSealer {
  /**
   * The head to store once an append has moved the chain from `before` to `after`, or null to
   * refuse (the stored head is then left as it was, and verification shows the records it
   * does not cover). `previous` is the head stored until now.
   */
  extend(
    chain: string,
    previous: StoredHead | undefined,
    before: ChainHeads,
    after: ChainHeads,
  ): StoredHead | null;
  /**
   * The head vouching for the records found unsigned when a database written before signing
   * began is first opened with signing (trust on first use): `snapshots` are the chain's
   * snapshots, `readings` its readings.
   */
  firstUse(
    chain: string,
    heads: ChainHeads,
    snapshots: readonly SnapshotRecord[],
    readings: readonly ReadingRecord[],
  ): StoredHead;
}

/** A stored audit entry with its place in its chain. */
export interface AuditChainRecord extends Omit<AuditRecord, 'detail'> {
  /** The entry's detail as stored (JSON text), which its hash covers. */
  detail: string;
  position: number;
  prevHash: string;
  hash: string;
}

/**
 * The chains of records of each negotiation (`chain` is a negotiation's id, or '' for audit
 * entries of no negotiation) and their signed heads.
 */
export interface ChainStore {
  /** The current ends of a chain, as the stored rows say. */
  heads(chain: string): Promise<ChainHeads>;
  /** The signed head stored for a chain. */
  signedHead(chain: string): Promise<StoredHead | undefined>;
  /** Replaces a chain's signed head (an administrator's explicit re-seal). */
  putSignedHead(chain: string, head: StoredHead): Promise<void>;
  /** Every snapshot's place and hash (without its content). */
  snapshotLinks(chain: string): Promise<{ seq: number; id: string; hash: string }[]>;
  /** Every audit entry of a chain, in chain order. */
  auditChain(chain: string): Promise<AuditChainRecord[]>;
  /** The hash of the audit entry at `position` of a chain. */
  auditHashAt(chain: string, position: number): Promise<string | undefined>;
  /** Every chain that has records. */
  chains(): Promise<string[]>;
}

/** The stored form of a collaborative document: a compacted state plus the updates after it. */
export interface StoredDoc {
  /** Compacted Yjs state, or null when the document was never compacted. */
  state: Uint8Array | null;
  /** Updates appended after the compacted state, in commit order. */
  updates: Uint8Array[];
  /** Sequence number of the last update included above (0 when none). */
  lastSeq: number;
}

/** Persistence of negotiations, their collaborative documents, accounts and audit. */
export interface Storage {
  readonly accounts: AccountStore;
  readonly audit: AuditStore;
  readonly proposals: ProposalStore;
  readonly readings: ReadingStore;
  readonly roadmap: RoadmapStore;
  readonly inputs: InputStore;
  readonly visits: VisitStore;
  readonly chains: ChainStore;
  /** All negotiations, oldest first. */
  listNegotiations(): Promise<NegotiationRecord[]>;
  /** One negotiation, or undefined. */
  getNegotiation(id: string): Promise<NegotiationRecord | undefined>;
  /** Creates a negotiation together with the initial state of its draft document. */
  createNegotiation(record: NegotiationRecord, draft: { docName: string; state: Uint8Array }): Promise<void>;
  /** Loads a document; an unknown document loads as empty. */
  loadDoc(docName: string): Promise<StoredDoc>;
  /**
   * Durably appends updates to a document, all or none, and resolves only once they are
   * committed. Returns the sequence number of the last one. Sequence numbers of a document grow
   * in commit order; the appended updates take the numbers up to the returned one, and any
   * number in between that is not theirs belongs to another writer's update (read it with
   * `updatesSince`).
   */
  appendUpdates(docName: string, updates: readonly Uint8Array[]): Promise<number>;
  /**
   * Replaces the compacted state and every update up to `uptoSeq` with `state`, atomically.
   * `state` must hold every update up to `uptoSeq`. A compaction never goes back: when the stored
   * state already covers `uptoSeq` (another process compacted further meanwhile), nothing changes.
   */
  compact(docName: string, state: Uint8Array, uptoSeq: number): Promise<void>;
  /** Number of updates stored after the compacted state (for compaction policy and tests). */
  countUpdates(docName: string): Promise<number>;
  /**
   * Runs `fn` as one unit of work: every storage call made while it runs, at any depth of calls
   * and through any of the stores above, commits together when it resolves, or not at all when it
   * rejects. A unit started inside another joins it. Keep units short, storage calls and
   * computation only: an embedded back end lets nobody else write while one is open, so a unit
   * must never wait for something that writes on its own (a room's change, another request).
   */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  /**
   * Runs the `fn` of one `scope` (a negotiation's id) one at a time, across every process that
   * shares this storage: the checks a command makes and the writes that follow cannot interleave
   * with another command of the same negotiation. Unlike a unit of work it may wait for anything;
   * a scope entered again from inside itself is not waited for.
   */
  serialize<T>(scope: string, fn: () => Promise<T>): Promise<T>;
  /**
   * What a process holding a document up to `afterSeq` has missed: the updates committed after
   * it, in sequence order, and `lastSeq` the last of them (`afterSeq` when there are none). When
   * a compaction has covered some of them, `state` is the compacted state (which holds them) and
   * `updates` what came after it; otherwise `state` is null.
   */
  updatesSince(docName: string, afterSeq: number): Promise<StoredDoc>;
  /** Flushes and releases the storage. */
  close(): Promise<void>;
}
