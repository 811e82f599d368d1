/**
 * Reading the records of a negotiation's readings: the timeline of revisions and readings, one
 * snapshot (stored, or the live text), the pair of snapshots a comparison sets side by side, and
 * what an export stamps on itself. Nothing here writes.
 */
import { AppError } from '../../shared/errors.js';
import { renumberedEntries } from '../../shared/numbering.js';
import type { RecordStamp } from '../../shared/records.js';
import type { CanonicalSnapshot } from '../../shared/snapshot.js';
import type { ExportStamp } from '../export/recordStamp.js';
import type { Records } from '../records/records.js';
import type { SnapshotRecord } from '../storage/records.js';
import type { Storage } from '../storage/storage.js';
import { readingLabel } from './labels.js';
import type { Readings } from './readings.js';

/** A snapshot as lists show it: without its Yjs state and canonical text. */
export interface SnapshotMeta {
  id: string;
  seq: number;
  kind: SnapshotRecord['kind'];
  label: string;
  takenAt: string;
  /** The name of who took it (their id when unknown). */
  takenBy: string;
  hash: string;
  prevHash: string;
  /** How many of its proposals have each status. */
  proposalCounts: Record<string, number>;
  paragraphs: number;
  /** A revision's renumbered paragraphs (old → new), or null. */
  renumbered: ReturnType<typeof renumberedEntries> | null;
}

/** A snapshot without its Yjs state and canonical text, for lists; `names` maps person ids to names. */
export function snapshotMeta(s: SnapshotRecord, names: ReadonlyMap<string, string>): SnapshotMeta {
  const canonical = JSON.parse(s.canonical) as CanonicalSnapshot;
  const counts: Record<string, number> = {};
  for (const p of canonical.proposals) counts[p.proposal.status] = (counts[p.proposal.status] ?? 0) + 1;
  return {
    id: s.id,
    seq: s.seq,
    kind: s.kind,
    label: s.label,
    takenAt: s.takenAt,
    takenBy: names.get(s.takenBy) ?? s.takenBy,
    hash: s.hash,
    prevHash: s.prevHash,
    proposalCounts: counts,
    paragraphs: canonical.blocks.filter((b) => b.pid).length,
    renumbered: canonical.renumbering ? renumberedEntries(canonical.renumbering) : null,
  };
}

/** A reading as the timeline lists it, with the names of who opened and closed it. */
export interface TimelineReading {
  id: string;
  number: number;
  label: string;
  revisionId: string;
  revisionLabel: string;
  openedAt: string;
  openedBy: string;
  deadline: string;
  closedAt: string | null;
  closedBy: string | null;
  snapshotId: string | null;
}

/** A negotiation's revisions and readings, in order. */
export interface Timeline {
  timeZone: string;
  snapshots: SnapshotMeta[];
  readings: TimelineReading[];
}

/** The read side of snapshots and readings. */
export class Snapshots {
  constructor(
    private readonly storage: Storage,
    private readonly readings: Readings,
    private readonly records: Records,
  ) {}

  /** The negotiation's revisions and readings, named for people. */
  async timeline(negotiationId: string): Promise<Timeline> {
    const [negotiation, snapshots, people, readings] = await Promise.all([
      this.storage.getNegotiation(negotiationId),
      this.storage.readings.listSnapshots(negotiationId),
      this.storage.accounts.listParticipants(negotiationId),
      this.storage.readings.listReadings(negotiationId),
    ]);
    if (!negotiation) throw new AppError('NOT_FOUND', 'No such negotiation.');
    const names = new Map(people.map((p) => [p.personId, p.name]));
    const labels = new Map(snapshots.map((s) => [s.id, s.label]));
    return {
      timeZone: negotiation.timeZone,
      snapshots: snapshots.map((s) => snapshotMeta(s, names)),
      readings: readings.map((r) => ({
        id: r.id,
        number: r.number,
        label: readingLabel(r.number),
        revisionId: r.revisionId,
        revisionLabel: labels.get(r.revisionId) ?? '',
        openedAt: r.openedAt,
        openedBy: names.get(r.openedBy) ?? r.openedBy,
        deadline: r.deadline,
        closedAt: r.closedAt,
        closedBy: r.closedBy ? (names.get(r.closedBy) ?? r.closedBy) : null,
        snapshotId: r.snapshotId,
      })),
    };
  }

  /** A stored snapshot or the live text (`live`) in canonical form; NOT_FOUND for another negotiation's. */
  async canonical(negotiationId: string, id: string): Promise<CanonicalSnapshot> {
    if (id === 'live') return this.readings.live(negotiationId);
    return JSON.parse((await this.stored(negotiationId, id)).canonical) as CanonicalSnapshot;
  }

  /** A snapshot in canonical form with its hash (null for the live text) and the chain head. */
  async withHash(
    negotiationId: string,
    id: string,
  ): Promise<{ snapshot: CanonicalSnapshot; hash: string | null; chain: RecordStamp }> {
    const stored = id === 'live' ? null : await this.stored(negotiationId, id);
    const snapshot = stored
      ? (JSON.parse(stored.canonical) as CanonicalSnapshot)
      : await this.readings.live(negotiationId);
    return { snapshot, hash: stored?.hash ?? null, chain: await this.records.stamp(negotiationId) };
  }

  /**
   * The two snapshots of a comparison, each carrying the proposals of the readings held between
   * them, so that changes link to the proposals they came from and the older side lists those not
   * retained (a revision itself records no proposals).
   */
  async comparisonPair(
    negotiationId: string,
    from: string,
    to: string,
  ): Promise<{ older: CanonicalSnapshot; newer: CanonicalSnapshot }> {
    const [older, newer] = await Promise.all([
      this.canonical(negotiationId, from),
      this.canonical(negotiationId, to),
    ]);
    // A reading's snapshot is taken as it closes: the readings closed in between name the
    // snapshots to load (not every snapshot's text). The newer side, when a reading, is among
    // them, its proposals at hand.
    const closed = (await this.storage.readings.listReadings(negotiationId)).filter(
      (r) => r.closedAt !== null && r.closedAt > older.takenAt && r.closedAt <= newer.takenAt,
    );
    const between = (
      await Promise.all(
        closed.map(async ({ snapshotId }) => {
          if (snapshotId === null) return [];
          if (snapshotId === to) return newer.proposals;
          return (await this.canonical(negotiationId, snapshotId)).proposals;
        }),
      )
    ).flat();
    const merge = (own: CanonicalSnapshot['proposals']) => {
      const byId = new Map(between.map((p) => [p.proposal.id, p]));
      for (const p of own) byId.set(p.proposal.id, p);
      return [...byId.values()];
    };
    return {
      older: { ...older, proposals: merge(older.proposals) },
      newer: { ...newer, proposals: merge(newer.proposals) },
    };
  }

  /** The chain head, and the hashes of the exported records (`live` has none), for an export. */
  async exportStamp(negotiationId: string, ids: readonly string[]): Promise<ExportStamp> {
    const stored = await Promise.all(
      ids.filter((id) => id !== 'live').map((id) => this.storage.readings.getSnapshot(id)),
    );
    return {
      chain: await this.records.stamp(negotiationId),
      records: stored.flatMap((s) => (s ? [{ label: s.label, hash: s.hash }] : [])),
    };
  }

  private async stored(negotiationId: string, id: string): Promise<SnapshotRecord> {
    const s = await this.storage.readings.getSnapshot(id);
    if (!s || s.negotiationId !== negotiationId) throw new AppError('NOT_FOUND', 'No such snapshot.');
    return s;
  }
}
