/**
 * The timeline as a story in order: each circulated revision, and each reading with the record
 * it left when closed, with the version each is best compared against.
 */
import type { ReadingEntry, SnapshotMeta, Timeline } from './readingsApi.js';
import { LIVE } from './routes.js';

/** A version to compare with: a snapshot id or `live`, with its label (null label: the live text). */
export interface CompareTarget {
  from: { id: string; label: string };
  to: { id: string; label: string | null };
}

/** One entry of the timeline. */
export type TimelineEntry =
  | { kind: 'revision'; at: string; snapshot: SnapshotMeta; compare: CompareTarget | null }
  | {
      kind: 'reading';
      at: string;
      reading: ReadingEntry;
      /** The closed reading's record; null while it is open. */
      record: SnapshotMeta | null;
      compare: CompareTarget | null;
    };

/** The entries in time order: revisions when circulated, readings when opened. */
export function timelineEntries(t: Timeline): TimelineEntry[] {
  const byId = new Map(t.snapshots.map((s) => [s.id, s]));
  const revisions = t.snapshots.filter((s) => s.kind === 'revision');
  const entries: TimelineEntry[] = revisions.map((snapshot, i) => {
    const previous = revisions[i - 1];
    return {
      kind: 'revision',
      at: snapshot.takenAt,
      snapshot,
      compare: previous
        ? { from: { id: previous.id, label: previous.label }, to: { id: snapshot.id, label: snapshot.label } }
        : null,
    };
  });
  for (const reading of t.readings) {
    const record = reading.snapshotId ? (byId.get(reading.snapshotId) ?? null) : null;
    const from = { id: reading.revisionId, label: reading.revisionLabel };
    entries.push({
      kind: 'reading',
      at: reading.openedAt,
      reading,
      record,
      compare: byId.has(reading.revisionId)
        ? { from, to: record ? { id: record.id, label: record.label } : { id: LIVE, label: null } }
        : null,
    });
  }
  return entries.sort((a, b) => a.at.localeCompare(b.at));
}

/** The open reading, if any. */
export function openReadingOf(t: Timeline): ReadingEntry | undefined {
  return t.readings.find((r) => r.closedAt === null);
}

/** The label the next circulated revision will get: "Zero draft", then "Rev.1", "Rev.2" … */
export function nextRevisionLabel(t: Timeline): string {
  const n = t.snapshots.filter((s) => s.kind === 'revision').length;
  return n === 0 ? 'Zero draft' : `Rev.${n}`;
}

/** The latest circulated revision, if any. */
export function latestRevision(t: Timeline): SnapshotMeta | undefined {
  return t.snapshots.filter((s) => s.kind === 'revision').at(-1);
}
