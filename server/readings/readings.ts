/**
 * Revisions and readings: circulating a revision (a snapshot of the base text), opening a reading
 * on it with a deadline for proposals, extending the deadline, closing the reading (a snapshot of
 * the text and every proposal of the reading). Verifying the records is server/records/.
 */
import * as Y from 'yjs';
import { AppError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { draftDocName } from '../../shared/protocol.js';
import { type CanonicalSnapshot, canonicalJson, type SnapshotKind } from '../../shared/snapshot.js';
import type { Membership } from '../accounts/accounts.js';
import type { AuditLog } from '../accounts/audit.js';
import type { Rooms } from '../collab/rooms.js';
import { authorize } from '../policies/policies.js';
import type { ReadingRecord, SnapshotRecord } from '../storage/records.js';
import type { Storage } from '../storage/storage.js';
import { closureOf, GENESIS_HASH, SNAPSHOT_HASH_FORMAT, snapshotHashV2 } from './hashChain.js';
import { snapshotOf } from './snapshotOf.js';

const ORDINALS = [
  'First',
  'Second',
  'Third',
  'Fourth',
  'Fifth',
  'Sixth',
  'Seventh',
  'Eighth',
  'Ninth',
  'Tenth',
];

/** "First reading", "Second reading" … */
export function readingLabel(n: number): string {
  return `${ORDINALS[n - 1] ?? `${n}th`} reading`;
}

/** "Zero draft" for the first revision, then "Rev.1", "Rev.2" … */
export function revisionLabel(previousRevisions: number): string {
  return previousRevisions === 0 ? 'Zero draft' : `Rev.${previousRevisions}`;
}

/** The readings service. `now` is injectable for the demo's history and for tests. */
export class Readings {
  constructor(
    private readonly storage: Storage,
    private readonly rooms: Rooms,
    private readonly audit: AuditLog,
    private readonly now: () => Date = () => new Date(),
  ) {}

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

  /** Co-facilitators: circulates the current base text as the next revision. */
  async circulate(m: Membership): Promise<SnapshotRecord> {
    authorize(m, 'revision.circulate');
    const negotiationId = m.participant.negotiationId;
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
      false,
    );
    await this.storage.readings.addSnapshot(snapshot);
    await this.audit.record('revision.circulated', negotiationId, m, {
      snapshotId: snapshot.id,
      label: snapshot.label,
      hash: snapshot.hash,
    });
    return snapshot;
  }

  /** Co-facilitators: opens the next reading on the latest revision, with a deadline for proposals. */
  async open(m: Membership, deadline: Date): Promise<ReadingRecord> {
    authorize(m, 'reading.open');
    const negotiationId = m.participant.negotiationId;
    if (await this.openReading(negotiationId))
      throw new AppError('READING_OPEN', 'A reading is already open.');
    const revision = (await this.storage.readings.listSnapshots(negotiationId))
      .filter((s) => s.kind === 'revision')
      .at(-1);
    if (!revision)
      throw new AppError('NO_REVISION', 'Circulate a revision (the zero draft) before opening a reading.');
    if (deadline <= this.now()) throw new AppError('INVALID_DEADLINE', 'The deadline must be in the future.');
    const readings = await this.storage.readings.listReadings(negotiationId);
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
    await this.storage.readings.createReading(reading);
    await this.audit.record('reading.opened', negotiationId, m, {
      readingId: reading.id,
      number: reading.number,
      deadline: reading.deadline,
    });
    return reading;
  }

  /** Co-facilitators: moves the deadline of an open reading. */
  async extend(m: Membership, readingId: string, deadline: Date): Promise<ReadingRecord> {
    authorize(m, 'reading.extend');
    const reading = await this.reading(m.participant.negotiationId, readingId);
    if (reading.closedAt)
      throw new AppError('READING_CLOSED', 'This reading is closed; its record cannot change.');
    if (deadline <= this.now())
      throw new AppError('INVALID_DEADLINE', 'The new deadline must be in the future.');
    await this.storage.readings.setDeadline(reading.id, deadline.toISOString());
    await this.audit.record('reading.deadline', reading.negotiationId, m, {
      readingId,
      deadline: deadline.toISOString(),
    });
    return { ...reading, deadline: deadline.toISOString() };
  }

  /** Co-facilitators: closes a reading, freezing the text and its proposals in a snapshot. */
  async close(m: Membership, readingId: string): Promise<SnapshotRecord> {
    authorize(m, 'reading.close');
    const reading = await this.reading(m.participant.negotiationId, readingId);
    if (reading.closedAt) throw new AppError('READING_CLOSED', 'This reading is already closed.');
    const snapshot = await this.take(
      reading.negotiationId,
      'reading',
      readingLabel(reading.number),
      m.principal.person.id,
      reading.id,
      reading,
    );
    await this.storage.readings.closeReading(reading.id, snapshot.takenAt, m.principal.person.id, snapshot);
    await this.audit.record('reading.closed', reading.negotiationId, m, {
      readingId,
      snapshotId: snapshot.id,
      hash: snapshot.hash,
    });
    return snapshot;
  }

  /** The canonical snapshot of the live text and all current proposals (not stored). */
  async live(negotiationId: string): Promise<CanonicalSnapshot> {
    return this.canonical(negotiationId, 'live', 'Live text', this.now().toISOString(), true);
  }

  private async reading(negotiationId: string, id: string): Promise<ReadingRecord> {
    const r = await this.storage.readings.getReading(id);
    if (!r || r.negotiationId !== negotiationId) throw new AppError('NOT_FOUND', 'No such reading.');
    return r;
  }

  /** Builds a canonical snapshot; `proposalsOf` selects all proposals (true), none (false) or one reading's. */
  private async canonical(
    negotiationId: string,
    kind: SnapshotKind,
    label: string,
    takenAt: string,
    proposalsOf: boolean | string,
    doc?: Y.Doc,
  ) {
    const [all, supports, statuses] = await Promise.all([
      this.storage.proposals.list(negotiationId),
      this.storage.proposals.supports(negotiationId),
      this.storage.proposals.paragraphStatuses(negotiationId),
    ]);
    const proposals =
      proposalsOf === true
        ? all
        : proposalsOf === false
          ? []
          : all.filter((p) => p.readingId === proposalsOf);
    const build = (d: Y.Doc) =>
      snapshotOf({ negotiationId, kind, label, takenAt, doc: d, proposals, supports, statuses });
    if (doc) return build(doc);
    return this.rooms.withRoom(draftDocName(negotiationId), (room) => build(room.doc));
  }

  private async take(
    negotiationId: string,
    kind: 'revision' | 'reading',
    label: string,
    by: string,
    proposalsOf: boolean | string,
    closing?: ReadingRecord,
  ): Promise<SnapshotRecord> {
    const previous = (await this.storage.readings.listSnapshots(negotiationId)).at(-1);
    const takenAt = this.now().toISOString();
    const { state, canonical } = await this.rooms.withRoom(draftDocName(negotiationId), async (room) => ({
      state: Y.encodeStateAsUpdate(room.doc),
      canonical: canonicalJson(
        await this.canonical(negotiationId, kind, label, takenAt, proposalsOf, room.doc),
      ),
    }));
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
    // A closing snapshot's hash covers the reading's closure: who closed it and when.
    const closure = closing
      ? closureOf({ ...closing, closedAt: takenAt, closedBy: by, snapshotId: record.id })
      : null;
    return { ...record, hash: snapshotHashV2(record, closure), hashFormat: SNAPSHOT_HASH_FORMAT };
  }
}
