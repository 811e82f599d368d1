/**
 * Revisions and readings: circulating a revision (a snapshot of the base text), opening a reading
 * on the latest revision with a deadline for proposals (once per revision, taking in the
 * proposals carried forward), extending the deadline, closing the reading once every open
 * proposal of it is decided (a snapshot of the text and every proposal of the reading). Each
 * change runs in its negotiation's serialisation scope, the one the proposal commands take, and
 * stores its records and audit entry as one unit of work; once committed, it is announced in the
 * proposals document. Verifying the records is server/records/.
 */
import * as Y from 'yjs';
import { draftParagraphs } from '../../shared/anchors.js';
import { AppError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import type { NegotiationState, Notice, NoticeContent } from '../../shared/negotiationState.js';
import { numberWithBasis } from '../../shared/numbering.js';
import { draftDocName } from '../../shared/protocol.js';
import type { ParagraphKind } from '../../shared/schema.js';
import { type CanonicalSnapshot, canonicalJson, type SnapshotKind } from '../../shared/snapshot.js';
import type { Membership } from '../accounts/accounts.js';
import type { AuditLog } from '../accounts/audit.js';
import type { Rooms } from '../collab/rooms.js';
import { authorize } from '../policies/policies.js';
import { applyProposal } from '../proposals/commands.js';
import { type Publication, publishNumbering } from '../proposals/publication.js';
import type { ProposalRecord, ReadingRecord, SnapshotRecord } from '../storage/records.js';
import type { CarriedProposal, Storage } from '../storage/storage.js';
import {
  checkApplicable,
  closingPlan,
  type DispositionChoice,
  decidedProposals,
  reanchored,
  type UndecidedProposal,
  undecidedProposals,
} from './closing.js';
import { closureOf, GENESIS_HASH, SNAPSHOT_HASH_FORMAT, snapshotHashV2 } from './hashChain.js';
import { readingLabel, revisionLabel } from './labels.js';
import { basisOfRevision, latestRevision, numberingBasis } from './numberingBasis.js';
import { snapshotOf } from './snapshotOf.js';

/** What the readings service works with. */
export interface ReadingsOptions {
  storage: Storage;
  rooms: Rooms;
  audit: AuditLog;
  /** Where changes are announced to everyone. */
  publication: Publication;
  /** The clock; injectable for the demo's history and for tests. */
  now?: () => Date;
}

/** Selects, from all the negotiation's proposals, those a snapshot records. */
type ProposalSelection = (all: readonly ProposalRecord[]) => readonly ProposalRecord[];

/** True when two snapshots hold the same text (blocks and paragraph statuses). */
function sameText(a: SnapshotRecord, b: SnapshotRecord): boolean {
  const text = (s: SnapshotRecord) => {
    const c = JSON.parse(s.canonical) as CanonicalSnapshot;
    return canonicalJson([c.blocks, c.paragraphStatuses]);
  };
  return text(a) === text(b);
}

/** The readings service. */
export class Readings {
  private readonly storage: Storage;
  private readonly rooms: Rooms;
  private readonly audit: AuditLog;
  private readonly publication: Publication;
  private readonly now: () => Date;

  constructor(opts: ReadingsOptions) {
    this.storage = opts.storage;
    this.rooms = opts.rooms;
    this.audit = opts.audit;
    this.publication = opts.publication;
    this.now = opts.now ?? (() => new Date());
  }

  /**
   * Runs changes to one negotiation's readings one at a time with its proposal commands (the same
   * scope of `Storage.serialize`), so that no proposal is tabled or decided while a reading opens
   * or closes, and checks and writes never interleave.
   */
  private serial<T>(negotiationId: string, fn: () => Promise<T>): Promise<T> {
    return this.storage.serialize(negotiationId, fn);
  }

  /** The open reading of a negotiation, if any. */
  async openReading(negotiationId: string): Promise<ReadingRecord | undefined> {
    return (await this.storage.readings.listReadings(negotiationId)).find((r) => r.closedAt === null);
  }

  /** The reading proposals are tabled in now; refuses when none is open or its deadline has passed. */
  async readingForProposals(negotiationId: string): Promise<ReadingRecord> {
    return this.readingBeforeDeadline(negotiationId, 'PROPOSAL_DEADLINE_PASSED', 'proposals', 'tabled');
  }

  /** The reading written inputs are submitted in now; the same rule and deadline as for proposals. */
  async readingForInputs(negotiationId: string): Promise<ReadingRecord> {
    return this.readingBeforeDeadline(negotiationId, 'INPUT_DEADLINE_PASSED', 'written inputs', 'submitted');
  }

  private async readingBeforeDeadline(
    negotiationId: string,
    code: 'PROPOSAL_DEADLINE_PASSED' | 'INPUT_DEADLINE_PASSED',
    what: string,
    done: string,
  ): Promise<ReadingRecord> {
    const reading = await this.openReading(negotiationId);
    if (!reading)
      throw new AppError(
        'NO_OPEN_READING',
        `No reading is open: ${what} can be ${done} only during a reading.`,
      );
    if (new Date(reading.deadline) <= this.now()) {
      const negotiation = await this.storage.getNegotiation(negotiationId);
      const timeZone = negotiation?.timeZone ?? 'UTC';
      const local = new Intl.DateTimeFormat('en-GB', {
        dateStyle: 'full',
        timeStyle: 'long',
        timeZone,
      }).format(new Date(reading.deadline));
      throw new AppError(
        code,
        `The deadline for ${what} in the ${readingLabel(reading.number).toLowerCase()} passed on ${local}.`,
        {
          deadline: reading.deadline,
          timeZone,
        },
      );
    }
    return reading;
  }

  /**
   * Co-facilitators: circulates the current base text as the next revision; REVISION_UNCHANGED
   * when it is the text of the last revision.
   */
  async circulate(m: Membership): Promise<SnapshotRecord> {
    authorize(m, 'revision.circulate');
    const negotiationId = m.participant.negotiationId;
    return this.serial(negotiationId, async () => {
      if (await this.openReading(negotiationId))
        throw new AppError('READING_OPEN', 'Close the open reading before circulating a revision.');
      const revisions = (await this.storage.readings.listSnapshots(negotiationId)).filter(
        (s) => s.kind === 'revision',
      ).length;
      const snapshot = await this.take(
        negotiationId,
        'revision',
        revisionLabel(revisions),
        m.principal.person.id,
        () => [],
      );
      // A repeated request (a double click, ten at once) circulates once: the copies that run
      // after it find nothing new.
      const last = (await this.storage.readings.listSnapshots(negotiationId))
        .filter((s) => s.kind === 'revision')
        .at(-1);
      if (last && sameText(last, snapshot))
        throw new AppError(
          'REVISION_UNCHANGED',
          `The text has not changed since ${last.label} was circulated.`,
        );
      await this.storage.transaction(async () => {
        await this.storage.readings.addSnapshot(snapshot);
        await this.audit.write('revision.circulated', negotiationId, m, {
          snapshotId: snapshot.id,
          label: snapshot.label,
          hash: snapshot.hash,
        });
      });
      // Its numbers are the basis of the next reading: everyone's numbering changes now.
      await publishNumbering(this.rooms, negotiationId, basisOfRevision(snapshot));
      await this.announce(negotiationId, m, { kind: 'revision-circulated', revisionLabel: snapshot.label });
      return snapshot;
    });
  }

  /**
   * Co-facilitators: opens the next reading on the latest revision, with a deadline for
   * proposals. One reading per revision: once a reading was held on it, the next step is a new
   * revision. The proposals carried forward from the last reading move into this one, open again,
   * and are checked against the text as it is now (outdated when the words they target changed).
   */
  async open(m: Membership, deadline: Date): Promise<ReadingRecord> {
    authorize(m, 'reading.open');
    const negotiationId = m.participant.negotiationId;
    return this.serial(negotiationId, async () => {
      if (await this.openReading(negotiationId))
        throw new AppError('READING_OPEN', 'A reading is already open.');
      const revision = (await this.storage.readings.listSnapshots(negotiationId))
        .filter((s) => s.kind === 'revision')
        .at(-1);
      if (!revision)
        throw new AppError('NO_REVISION', 'Circulate a revision (the zero draft) before opening a reading.');
      const readings = await this.storage.readings.listReadings(negotiationId);
      const held = readings.find((r) => r.revisionId === revision.id);
      if (held)
        throw new AppError(
          'REVISION_ALREADY_READ',
          `The ${readingLabel(held.number).toLowerCase()} was held on ${revision.label}. Circulate the next revision before opening another reading.`,
          { revisionId: revision.id, readingId: held.id },
        );
      if (deadline <= this.now())
        throw new AppError('INVALID_DEADLINE', 'The deadline must be in the future.');
      const reading: ReadingRecord = {
        id: newId(),
        negotiationId,
        number: readings.length + 1,
        revisionId: revision.id,
        openedAt: this.now().toISOString(),
        openedBy: m.principal.person.id,
        deadline: deadline.toISOString(),
        closedAt: null,
        closedBy: null,
        snapshotId: null,
      };
      const carried = await this.carriedForward(negotiationId);
      await this.storage.transaction(async () => {
        await this.storage.readings.createReading(reading, carried);
        await this.audit.write('reading.opened', negotiationId, m, {
          readingId: reading.id,
          number: reading.number,
          deadline: reading.deadline,
          carried: carried.map((c) => c.proposalId),
        });
      });
      if (carried.length > 0)
        await this.publication.publish(
          negotiationId,
          carried.map((c) => c.proposalId),
          m.principal.person.id,
        );
      await this.announce(negotiationId, m, {
        kind: 'reading-opened',
        readingNumber: reading.number,
        revisionLabel: revision.label,
        deadline: reading.deadline,
        carried: carried.length,
      });
      return reading;
    });
  }

  /** The proposals carried forward, with their anchors checked against the text as it is now. */
  private async carriedForward(negotiationId: string): Promise<CarriedProposal[]> {
    const carried = (await this.storage.proposals.list(negotiationId)).filter(
      (p) => p.status === 'carried-forward',
    );
    if (carried.length === 0) return [];
    return this.rooms.withRoom(draftDocName(negotiationId), (room) => reanchored(room.doc, carried));
  }

  /** Co-facilitators: moves the deadline of an open reading. */
  async extend(m: Membership, readingId: string, deadline: Date): Promise<ReadingRecord> {
    authorize(m, 'reading.extend');
    return this.serial(m.participant.negotiationId, async () => {
      const reading = await this.reading(m.participant.negotiationId, readingId);
      if (reading.closedAt)
        throw new AppError('READING_CLOSED', 'This reading is closed; its record cannot change.');
      if (deadline <= this.now())
        throw new AppError('INVALID_DEADLINE', 'The new deadline must be in the future.');
      await this.storage.transaction(async () => {
        await this.storage.readings.setDeadline(reading.id, deadline.toISOString());
        await this.audit.write('reading.deadline', reading.negotiationId, m, {
          readingId,
          deadline: deadline.toISOString(),
        });
      });
      await this.announce(reading.negotiationId, m, {
        kind: 'deadline-extended',
        readingNumber: reading.number,
        deadline: deadline.toISOString(),
      });
      return { ...reading, deadline: deadline.toISOString() };
    });
  }

  /** Co-facilitators: the open proposals of a reading, which closing it must decide. */
  async undecided(m: Membership, readingId: string): Promise<UndecidedProposal[]> {
    authorize(m, 'reading.close');
    const reading = await this.reading(m.participant.negotiationId, readingId);
    const open = (await this.storage.proposals.list(reading.negotiationId)).filter(
      (p) => p.readingId === reading.id && p.status === 'open',
    );
    const [basis, agreed] = await Promise.all([
      numberingBasis(this.storage, reading.negotiationId),
      this.agreedParagraphs(reading.negotiationId),
    ]);
    return this.rooms.withRoom(draftDocName(reading.negotiationId), (room) =>
      undecidedProposals(room.doc, open, { basis, agreed }),
    );
  }

  /**
   * Co-facilitators: closes a reading, deciding each of its open proposals as `choices` say
   * (every one must be decided), then freezing the text and the reading's proposals, each with
   * its outcome, in a snapshot. It is one change of the text with its records
   * (`Room.serverChange`): the incorporated amendments, alternatives and new paragraphs applied
   * to the text one after the other (after checking on a copy of it that all of them apply), each
   * marked incorporated with its audit entry, the other decisions, the snapshot, the closure and
   * its audit entry are stored together, or nothing is.
   */
  async close(
    m: Membership,
    readingId: string,
    choices: readonly DispositionChoice[] = [],
  ): Promise<SnapshotRecord> {
    authorize(m, 'reading.close');
    const negotiationId = m.participant.negotiationId;
    return this.serial(negotiationId, async () => {
      const reading = await this.reading(negotiationId, readingId);
      if (reading.closedAt) throw new AppError('READING_CLOSED', 'This reading is already closed.');
      const ofReading = (await this.storage.proposals.list(negotiationId)).filter(
        (p) => p.readingId === reading.id,
      );
      const plan = closingPlan(ofReading, choices);
      // Agreed words stay as agreed: incorporating a change to them waits until a reopening.
      const agreed = await this.agreedParagraphs(negotiationId);
      const onAgreed = plan.apply.filter((p) => p.kind !== 'insert' && agreed.has(p.pid)).map((p) => p.id);
      if (onAgreed.length > 0)
        throw new AppError(
          'PARAGRAPH_AGREED',
          'Some proposals to incorporate change a paragraph agreed ad referendum. Reopen it first, or set them aside or carry them forward.',
          { proposalIds: onAgreed },
        );
      const basis = await numberingBasis(this.storage, negotiationId);
      const by = m.principal.person.id;
      let snapshot: SnapshotRecord | undefined;
      await this.rooms.withRoom(draftDocName(negotiationId), (room) =>
        room.serverChange(
          [
            // Checked in the room's turn, right before the change: nothing of it is made unless all apply.
            (doc) => checkApplicable(doc, plan.apply),
            ...plan.apply.map((p) => (doc: Y.Doc) => applyProposal(doc, p, basis)),
          ],
          async (_update, steps) => {
            for (const [i, p] of plan.apply.entries()) {
              const at = this.now().toISOString();
              await this.storage.proposals.update(p.id, {
                status: 'incorporated',
                applied: { at, by, update: steps[i + 1]! },
                at,
                personId: by,
              });
              await this.audit.write('proposal.applied', negotiationId, m, {
                proposalId: p.id,
                pid: p.pid,
                closing: p.readingId,
              });
            }
            const takenAt = this.now().toISOString();
            snapshot = await this.take(
              negotiationId,
              'reading',
              readingLabel(reading.number),
              by,
              (all) => decidedProposals(all, reading.id, plan, takenAt),
              { takenAt, closing: reading, doc: room.doc },
            );
            await this.storage.readings.closeReading(reading.id, takenAt, by, snapshot, plan.decisions);
            await this.audit.write('reading.closed', negotiationId, m, {
              readingId,
              snapshotId: snapshot.id,
              hash: snapshot.hash,
              ...plan.counts,
            });
          },
        ),
      );
      const ids = [...plan.apply.map((p) => p.id), ...plan.decisions.map((d) => d.proposalId)];
      if (ids.length > 0) await this.publication.publish(negotiationId, ids, m.principal.person.id);
      await this.announce(negotiationId, m, {
        kind: 'reading-closed',
        readingNumber: reading.number,
        ...plan.counts,
      });
      return snapshot!;
    });
  }

  /** Ids of a negotiation's paragraphs agreed ad ref. */
  private async agreedParagraphs(negotiationId: string): Promise<Set<string>> {
    const statuses = await this.storage.proposals.paragraphStatuses(negotiationId);
    return new Set(statuses.filter((s) => s.status === 'agreed-ad-ref').map((s) => s.pid));
  }

  /** Publishes where the negotiation stands with a notice of what `m` just did. */
  private announce(negotiationId: string, m: Membership, notice: NoticeContent): Promise<void> {
    return this.publication.announce(negotiationId, {
      ...notice,
      id: newId(),
      at: this.now().toISOString(),
      by: m.principal.person.id,
    } as Notice);
  }

  /** Where the negotiation stands, as published in its proposals document. */
  negotiationState(negotiationId: string): Promise<NegotiationState> {
    return this.publication.state(negotiationId);
  }

  /** The live text's paragraphs in order, numbered as in the reading (against the basis). */
  async paragraphLabels(
    negotiationId: string,
  ): Promise<{ pid: string; kind: ParagraphKind; label: string }[]> {
    const basis = await numberingBasis(this.storage, negotiationId);
    return this.rooms.withRoom(draftDocName(negotiationId), (room) =>
      numberWithBasis(
        draftParagraphs(room.doc).map(({ pid, kind }) => ({ pid, kind })),
        basis,
      ).map(({ pid, kind, label }) => ({ pid, kind, label })),
    );
  }

  /** The canonical snapshot of the live text and all current proposals (not stored). */
  async live(negotiationId: string): Promise<CanonicalSnapshot> {
    return this.canonical(negotiationId, 'live', 'Live text', this.now().toISOString(), (all) => all);
  }

  private async reading(negotiationId: string, id: string): Promise<ReadingRecord> {
    const r = await this.storage.readings.getReading(id);
    if (!r || r.negotiationId !== negotiationId) throw new AppError('NOT_FOUND', 'No such reading.');
    return r;
  }

  /** Builds a canonical snapshot with the proposals `select` picks (and may show as decided). */
  private async canonical(
    negotiationId: string,
    kind: SnapshotKind,
    label: string,
    takenAt: string,
    select: ProposalSelection,
    doc?: Y.Doc,
  ) {
    const [all, supports, statuses, snapshots] = await Promise.all([
      this.storage.proposals.list(negotiationId),
      this.storage.proposals.supports(negotiationId),
      this.storage.proposals.paragraphStatuses(negotiationId),
      this.storage.readings.listSnapshots(negotiationId),
    ]);
    const proposals = select(all);
    const revision = latestRevision(snapshots);
    // A revision being circulated is numbered afresh, with the table from the numbers before.
    const numbering = {
      basis: revision ? basisOfRevision(revision) : new Map<string, string>(),
      renumber: kind === 'revision',
    };
    const build = (d: Y.Doc) =>
      snapshotOf({ negotiationId, kind, label, takenAt, doc: d, proposals, supports, statuses, numbering });
    if (doc) return build(doc);
    return this.rooms.withRoom(draftDocName(negotiationId), (room) => build(room.doc));
  }

  /**
   * Takes a snapshot of the text and the proposals `select` picks, at `takenAt` (now by default);
   * a reading's closing snapshot (`closing`) has a hash that covers the closure too: who closed it
   * and when. The text is the draft room's, or `doc` when given (inside a unit of work, which must
   * not open a room).
   */
  private async take(
    negotiationId: string,
    kind: 'revision' | 'reading',
    label: string,
    by: string,
    select: ProposalSelection,
    opts: { takenAt?: string; closing?: ReadingRecord; doc?: Y.Doc } = {},
  ): Promise<SnapshotRecord> {
    const { takenAt = this.now().toISOString(), closing } = opts;
    const previous = (await this.storage.readings.listSnapshots(negotiationId)).at(-1);
    const of = async (doc: Y.Doc) => ({
      state: Y.encodeStateAsUpdate(doc),
      canonical: canonicalJson(await this.canonical(negotiationId, kind, label, takenAt, select, doc)),
    });
    const { state, canonical } = opts.doc
      ? await of(opts.doc)
      : await this.rooms.withRoom(draftDocName(negotiationId), (room) => of(room.doc));
    const record = {
      id: newId(),
      negotiationId,
      seq: (previous?.seq ?? 0) + 1,
      kind,
      label,
      takenAt,
      takenBy: by,
      yjsState: state,
      canonical,
      prevHash: previous?.hash ?? GENESIS_HASH,
    };
    const closure = closing
      ? closureOf({ ...closing, closedAt: takenAt, closedBy: by, snapshotId: record.id })
      : null;
    return { ...record, hash: snapshotHashV2(record, closure), hashFormat: SNAPSHOT_HASH_FORMAT };
  }
}
