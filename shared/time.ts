/**
 * Wall-clock times in a negotiation's time zone and the instants they denote, with luxon.
 * Meetings and deadlines are announced in local time ("6 PM EDT"), so that is what is stored;
 * instants (UTC) are derived for countdowns, sorting and calendars. Pure: runs on both sides.
 */
import { DateTime, IANAZone } from 'luxon';

/** A calendar date as written in the negotiation's zone: `2022-03-29`. */
export type LocalDate = string;
/** A wall-clock date and time in the negotiation's zone, to the minute: `2022-03-29T18:00`. */
export type LocalDateTime = string;

const DATE_FORMAT = 'yyyy-MM-dd';
const DATE_TIME_FORMAT = "yyyy-MM-dd'T'HH:mm";
const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME_SHAPE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** True for an IANA time zone name the runtime knows, such as `America/New_York`. */
export function isTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/** True when `value` is written like a date (`YYYY-MM-DD`) or a date-time (`YYYY-MM-DDTHH:mm`), existing or not. */
export function isDateShaped(value: string): boolean {
  return DATE_SHAPE.test(value) || DATE_TIME_SHAPE.test(value);
}

/** True for an existing calendar date written `YYYY-MM-DD`. */
export function isLocalDate(value: string): boolean {
  return DATE_SHAPE.test(value) && roundTrips(value, DATE_FORMAT);
}

/** True for an existing date and time written `YYYY-MM-DDTHH:mm` (24-hour clock). */
export function isLocalDateTime(value: string): boolean {
  return DATE_TIME_SHAPE.test(value) && roundTrips(value, DATE_TIME_FORMAT);
}

// Parsing alone accepts `24:00` (as the next midnight); only values that print back unchanged exist.
function roundTrips(value: string, format: string): boolean {
  const dt = DateTime.fromFormat(value, format, { zone: 'UTC' });
  return dt.isValid && dt.toFormat(format) === value;
}

/** Why a local date-time cannot be used in `zone`, or null when it can. */
export function localDateTimeProblem(value: string, zone: string): 'malformed' | 'skipped' | null {
  if (!isLocalDateTime(value)) return 'malformed';
  // In the hour skipped when clocks go forward (2:30 on a spring Sunday in New York), luxon moves
  // the time on; such a time was never shown on a clock there.
  const dt = DateTime.fromFormat(value, DATE_TIME_FORMAT, { zone });
  return dt.toFormat(DATE_TIME_FORMAT) === value ? null : 'skipped';
}

function parseLocal(value: LocalDate | LocalDateTime, zone: string): DateTime {
  const dt = DATE_SHAPE.test(value)
    ? DateTime.fromFormat(value, DATE_FORMAT, { zone })
    : DateTime.fromFormat(value, DATE_TIME_FORMAT, { zone });
  if (!dt.isValid) throw new RangeError(`${value} is not a local date or date-time in ${zone}`);
  return dt;
}

/** The instant (ISO, UTC) at which the wall clocks of `zone` show `local` (a date means its midnight). */
export function instantOf(local: LocalDate | LocalDateTime, zone: string): string {
  return parseLocal(local, zone).toUTC().toISO({ suppressMilliseconds: true })!;
}

/** What the wall clocks of `zone` show at `instant`, as `YYYY-MM-DDTHH:mm`. */
export function localDateTimeAt(instant: string | Date, zone: string): LocalDateTime {
  return toZone(instant, zone).toFormat(DATE_TIME_FORMAT);
}

/** The date in `zone` at `instant`, as `YYYY-MM-DD`. */
export function localDateAt(instant: string | Date, zone: string): LocalDate {
  return toZone(instant, zone).toFormat(DATE_FORMAT);
}

/** `date` moved by `days` calendar days. */
export function addDays(date: LocalDate, days: number): LocalDate {
  return DateTime.fromFormat(date, DATE_FORMAT, { zone: 'UTC' }).plus({ days }).toFormat(DATE_FORMAT);
}

/** The Monday of the week of `date`. */
export function mondayOf(date: LocalDate): LocalDate {
  return DateTime.fromFormat(date, DATE_FORMAT, { zone: 'UTC' }).startOf('week').toFormat(DATE_FORMAT);
}

/** Day of the week of a date, 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: LocalDate): number {
  return DateTime.fromFormat(date, DATE_FORMAT, { zone: 'UTC' }).weekday;
}

/** Short name of the zone's offset at `instant`, e.g. `EDT`, `EST`, `CEST`, or `GMT+2` when there is none. */
export function zoneAbbreviation(instant: string | Date, zone: string, locale = 'en-US'): string {
  return toZone(instant, zone).setLocale(locale).toFormat('ZZZZ');
}

/** Offset of `zone` from UTC at `instant`, in minutes (−240 for EDT). */
export function offsetMinutes(instant: string | Date, zone: string): number {
  return toZone(instant, zone).offset;
}

/** The parts of a formatted instant in a zone, for the UI to assemble in its own words. */
export interface ZonedParts {
  /** `Tue 29 Mar 2022` */
  date: string;
  /** `18:00` */
  time: string;
  /** `EDT` */
  zone: string;
  /** `YYYY-MM-DD` in that zone. */
  localDate: LocalDate;
}

/** `instant` as read on the clocks of `zone`. */
export function zonedParts(instant: string | Date, zone: string, locale = 'en-GB'): ZonedParts {
  const dt = toZone(instant, zone).setLocale(locale);
  return {
    date: dt.toFormat('ccc d LLL yyyy'),
    time: dt.toFormat('HH:mm'),
    zone: zoneAbbreviation(instant, zone, zoneLocale(zone, locale)),
    localDate: dt.toFormat(DATE_FORMAT),
  };
}

/** Time left until a moment, split for display. */
export interface Countdown {
  /** True once the moment has come. */
  past: boolean;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

/** How long from `now` until `target` (both epoch milliseconds); all zero once passed. */
export function countdown(now: number, target: number): Countdown {
  const left = Math.max(0, Math.floor((target - now) / 1000));
  return {
    past: target <= now,
    days: Math.floor(left / 86_400),
    hours: Math.floor((left % 86_400) / 3600),
    minutes: Math.floor((left % 3600) / 60),
    seconds: left % 60,
  };
}

function toZone(instant: string | Date, zone: string): DateTime {
  const dt =
    typeof instant === 'string' ? DateTime.fromISO(instant, { setZone: true }) : DateTime.fromJSDate(instant);
  if (!dt.isValid) throw new RangeError(`${String(instant)} is not an instant`);
  return dt.setZone(zone);
}

// American zones have well-known letter abbreviations in American English, European ones in British.
function zoneLocale(zone: string, locale: string): string {
  if (zone.startsWith('America/')) return 'en-US';
  if (zone.startsWith('Europe/')) return 'en-GB';
  return locale;
}
