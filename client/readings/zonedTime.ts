/**
 * Instants as two readers need them: in the reader's own time zone (how the browser shows
 * dates), and as the clocks of the negotiation's time zone show them ("18:00 EDT in New York"),
 * since deadlines are announced in the latter. Deadlines are entered as wall-clock times there.
 */
import {
  instantOf,
  localDateAt,
  localDateTimeAt,
  localDateTimeProblem,
  zonedParts,
} from '../../shared/time.js';
import { formatLocalDateTime } from '../dateTime.js';
import { messages } from '../i18n/messages.js';
// The roadmap's helpers are the same concept; shared rather than copied.
import { formatInstant, readerTimeZone, zoneCity } from '../roadmap/zonedTime.js';

/**
 * `iso` as the clocks of `zone` show it, with the city: "Tue 29 Mar 2022, 18:00 EDT in New
 * York"; without the date when `withDate` is false.
 */
export function formatInZone(iso: string, zone: string, withDate = true): string {
  const p = zonedParts(iso, zone);
  const when = withDate ? formatInstant(iso, zone) : `${p.time} ${p.zone}`;
  return messages.readings.times.inZone(when, zoneCity(zone));
}

/** The two readings of an instant: the reader's local time, and the negotiation's unless the same zone. */
export interface TwoTimes {
  local: string;
  /** Null when the reader is in the negotiation's zone. */
  zoned: string | null;
}

/** `iso` in the reader's time and in `zone`; the zone's date is left out when both days agree. */
export function twoTimes(iso: string, zone: string, reader = readerTimeZone()): TwoTimes {
  const local = formatLocalDateTime(iso);
  if (reader === zone) return { local, zoned: null };
  const sameDay = localDateAt(iso, reader) === localDateAt(iso, zone);
  return { local, zoned: formatInZone(iso, zone, !sameDay) };
}

/** A deadline typed as a date and a time on the clocks of a zone. */
export interface LocalDeadline {
  /** `YYYY-MM-DD` */
  date: string;
  /** `HH:mm` */
  time: string;
}

/** The instant of a typed deadline, or why it cannot be one. */
export type DeadlineResult =
  | { ok: true; instant: string }
  | { ok: false; problem: 'malformed' | 'skipped' | 'past' };

/** Converts a deadline typed in `zone` into an ISO instant, refusing times that never show there or are past. */
export function deadlineInstant(d: LocalDeadline, zone: string, now: number = Date.now()): DeadlineResult {
  const local = `${d.date}T${d.time}`;
  const problem = localDateTimeProblem(local, zone);
  if (problem) return { ok: false, problem };
  const instant = instantOf(local, zone);
  if (Date.parse(instant) <= now) return { ok: false, problem: 'past' };
  return { ok: true, instant };
}

/** A deadline at `iso` as typed in `zone`, e.g. to prefill the fields with the current deadline. */
export function localDeadlineAt(iso: string, zone: string): LocalDeadline {
  const [date, time] = localDateTimeAt(iso, zone).split('T') as [string, string];
  return { date, time };
}

/** A default deadline: `days` days from `now` at 18:00 in `zone` (as announced in practice: "6 PM"). */
export function defaultDeadline(zone: string, days = 7, now: number = Date.now()): LocalDeadline {
  const { date } = localDeadlineAt(new Date(now + days * 86_400_000).toISOString(), zone);
  return { date, time: '18:00' };
}
