/**
 * The roadmap as rows to show: the co-facilitators' entries and the open readings' deadlines,
 * in date order, each with the instants its sittings span and the local dates it falls on.
 */
import { type Span, slotSpans } from '../../shared/roadmap.js';
import { addDays, localDateAt, mondayOf } from '../../shared/time.js';
import type { RoadmapData, RoadmapItem } from './roadmapApi.js';

/** One line of the roadmap. */
export interface RoadmapRow {
  key: string;
  kind: 'activity' | 'deadline';
  /** The entry, or null for a reading's deadline. */
  entry: RoadmapItem | null;
  /** The number of the reading whose deadline this is, else null. */
  readingNumber: number | null;
  /** One per sitting (one for a deadline); empty when the date is to be determined. */
  spans: Span[];
  /** Dates (`YYYY-MM-DD`, negotiation zone) per sitting, for the month view. */
  dates: string[][];
  /** Epoch ms of the first instant, or null when undated. */
  start: number | null;
  /** Epoch ms of the last instant, or null when undated. */
  end: number | null;
}

/** The rows of a roadmap in date order (undated rows last, in the order given). */
export function roadmapRows(data: RoadmapData): RoadmapRow[] {
  const zone = data.timeZone;
  const rows: RoadmapRow[] = data.entries.map((entry) => {
    const spans = slotSpans(entry, zone);
    return {
      key: entry.id,
      kind: entry.kind,
      entry,
      readingNumber: null,
      spans,
      dates: entry.slots.map((slot, i) => datesOf(entry, slot.start, spans[i]!, zone)),
      start: spans.length ? Date.parse(spans[0]!.start) : null,
      end: spans.length ? Date.parse(spans[spans.length - 1]!.end) : null,
    };
  });
  for (const r of data.readings) {
    rows.push({
      key: `reading-${r.readingId}`,
      kind: 'deadline',
      entry: null,
      readingNumber: r.readingNumber,
      spans: [{ start: r.at, end: r.at }],
      dates: [[localDateAt(r.at, zone)]],
      start: Date.parse(r.at),
      end: Date.parse(r.at),
    });
  }
  return rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => {
      if (a.row.start === null || b.row.start === null)
        return a.row.start !== null ? -1 : b.row.start !== null ? 1 : a.i - b.i;
      return (
        a.row.start - b.row.start || (a.row.kind === b.row.kind ? 0 : a.row.kind === 'activity' ? -1 : 1)
      );
    })
    .map(({ row }) => row);
}

function datesOf(entry: RoadmapItem, start: string, span: Span, zone: string): string[] {
  switch (entry.precision) {
    case 'time':
      return [localDateAt(span.start, zone)];
    case 'day':
      return [start];
    case 'week': {
      const monday = mondayOf(start);
      return [0, 1, 2, 3, 4].map((d) => addDays(monday, d));
    }
    case 'tbd':
      return [];
  }
}
