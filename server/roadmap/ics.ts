/**
 * The roadmap as an iCalendar file (RFC 5545) for export and subscription, written by
 * ical-generator. Timed sittings carry the negotiation's zone (TZID plus its VTIMEZONE), so that
 * calendar applications show them at the right hour on both sides of a clock change; entries
 * known only to the day or week are all-day events; undated entries are left out.
 */
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { ICalCalendar, ICalEventStatus, ICalEventTransparency } from 'ical-generator';
import { DateTime } from 'luxon';
import {
  type OtherDeadline,
  type RoadmapAudience,
  type RoadmapEntry,
  type RoadmapFormat,
  slotSpans,
} from '../../shared/roadmap.js';
import { writableDeep } from '../../shared/textValidation.js';
import { addDays, mondayOf } from '../../shared/time.js';
import { readingLabel } from '../readings/labels.js';

const FORMATS: Record<RoadmapFormat, string> = {
  virtual: 'Virtual',
  'in-person': 'In person',
  email: 'By e-mail',
  tbd: 'Format to be determined',
};

const AUDIENCES: Record<RoadmapAudience, string> = {
  'member-states': 'Member States',
  stakeholders: 'stakeholders',
  'geneva-delegates': 'Geneva-based delegates',
  all: 'all participants',
};

/** What goes into a negotiation's calendar. */
export interface RoadmapCalendarInput {
  negotiationId: string;
  title: string;
  timeZone: string;
  /** Entries of the roadmap, in any order. */
  entries: readonly RoadmapEntry[];
  /** Deadlines of open readings. */
  readings: readonly OtherDeadline[];
  /** Address of the roadmap page, linked from every event. */
  pageUrl?: string;
  /**
   * When the calendar is written: the DTSTAMP of events with no change time of their own (the
   * readings' deadlines). An entry's events are stamped with the entry's last change (RFC 5545,
   * 3.8.7.2, for a calendar without METHOD).
   */
  generatedAt: Date;
}

/** A stable, globally unique UID for an event of this negotiation. */
export function eventUid(negotiationId: string, key: string): string {
  return `${key}@${negotiationId}.roadmap.negotiated-texts`;
}

/** The calendar text (CRLF line ends, lines folded at 75 octets). */
export function roadmapCalendar(given: RoadmapCalendarInput): string {
  // Control characters and noncharacters have no place in iCalendar TEXT: `writable` leaves them out.
  const input = writableDeep(given);
  const zone = input.timeZone;
  const name = calendarText(`Roadmap: ${input.title}`);
  const cal = new ICalCalendar({
    name,
    description: name,
    prodId: { company: 'negotiated-texts', product: 'roadmap', language: 'EN' },
    ttl: 3600,
    ...(input.pageUrl ? { url: input.pageUrl } : {}),
  });
  // VTIMEZONE blocks for the zones events use; no calendar-wide zone, so DTSTAMP stays in UTC.
  cal.timezone({ name: null, generator: getVtimezoneComponent });
  const inZone = (instant: string) => DateTime.fromISO(instant).setZone(zone);
  const onDate = (date: string) => DateTime.fromISO(date, { zone });

  for (const entry of input.entries) {
    if (entry.precision === 'tbd') continue;
    const spans = slotSpans(entry, zone);
    entry.slots.forEach((slot, i) => {
      const common = {
        id: eventUid(input.negotiationId, `${entry.id}-${i + 1}`),
        sequence: entry.version,
        stamp: new Date(entry.updatedAt),
        lastModified: new Date(entry.updatedAt),
        summary: summaryOf(entry, i),
        description: descriptionOf(entry, zone),
        location: slot.room ?? (entry.format && entry.format !== 'in-person' ? FORMATS[entry.format] : null),
        status: entry.tentative ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
        categories: [
          { name: entry.kind === 'deadline' ? 'Deadline' : capitalised(AUDIENCES[entry.audience]) },
        ],
        ...(input.pageUrl ? { url: input.pageUrl } : {}),
      };
      if (entry.precision === 'time') {
        const span = spans[i]!;
        cal.createEvent({
          ...common,
          start: inZone(span.start),
          ...(entry.kind === 'deadline' ? {} : { end: inZone(span.end) }),
          timezone: zone,
          transparency:
            entry.kind === 'deadline' ? ICalEventTransparency.TRANSPARENT : ICalEventTransparency.OPAQUE,
        });
      } else {
        const first = entry.precision === 'week' ? mondayOf(slot.start) : slot.start;
        const days = entry.precision === 'week' ? 5 : 1;
        cal.createEvent({
          ...common,
          start: onDate(first),
          end: onDate(addDays(first, days)),
          allDay: true,
          transparency: ICalEventTransparency.TRANSPARENT,
        });
      }
    });
  }

  for (const r of input.readings) {
    cal.createEvent({
      id: eventUid(input.negotiationId, `reading-${r.readingId}-deadline`),
      stamp: input.generatedAt,
      start: inZone(r.at),
      timezone: zone,
      summary: `Deadline for proposals and written inputs (${readingLabel(r.readingNumber).toLowerCase()})`,
      categories: [{ name: 'Deadline' }],
      transparency: ICalEventTransparency.TRANSPARENT,
      ...(input.pageUrl ? { url: input.pageUrl } : {}),
    });
  }
  return cal.toString();
}

function summaryOf(entry: RoadmapEntry, slot: number): string {
  const title =
    entry.kind === 'deadline' && !/deadline/i.test(entry.title) ? `Deadline: ${entry.title}` : entry.title;
  const part = entry.slots.length > 1 ? ` (${slot + 1}/${entry.slots.length})` : '';
  const tentative = entry.precision === 'week' ? ' (week of; dates to be determined)' : '';
  return `${title}${part}${tentative}`;
}

function descriptionOf(entry: RoadmapEntry, zone: string): string {
  const lines = [
    entry.kind === 'activity'
      ? `${entry.format ? `${FORMATS[entry.format]}, for` : 'For'} ${AUDIENCES[entry.audience]}.`
      : '',
    entry.note,
    entry.tentative ? 'Tentative.' : '',
    entry.precision === 'time' ? `Times are those of ${zone}.` : '',
  ];
  return lines.filter(Boolean).join('\n');
}

// ical-generator escapes event texts but not the calendar's NAME and X-WR-CALNAME (RFC 7986
// TEXT values), so those are escaped here and kept on one line.
function calendarText(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,');
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
