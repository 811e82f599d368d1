/**
 * The consultation roadmap: dated activities and deadlines kept by the co-facilitators, in the
 * negotiation's time zone. Entries are stored as announced (wall-clock times and how precisely
 * they are known); this module derives the instants they span, their order, and what comes next.
 */
import {
  addDays,
  instantOf,
  isDateShaped,
  isLocalDate,
  type LocalDate,
  type LocalDateTime,
  localDateTimeProblem,
  mondayOf,
} from './time.js';

/** An activity (a meeting, a briefing, circulating a draft) or a deadline. */
export const ROADMAP_KINDS = ['activity', 'deadline'] as const;
/** Kind of roadmap entry. */
export type RoadmapKind = (typeof ROADMAP_KINDS)[number];

/** How it takes place. */
export const ROADMAP_FORMATS = ['virtual', 'in-person', 'email', 'tbd'] as const;
/** Format of an activity. */
export type RoadmapFormat = (typeof ROADMAP_FORMATS)[number];

/** Who it is for. */
export const ROADMAP_AUDIENCES = ['member-states', 'stakeholders', 'geneva-delegates', 'all'] as const;
/** Audience of an activity. */
export type RoadmapAudience = (typeof ROADMAP_AUDIENCES)[number];

/**
 * How precisely the date is known: to the minute (`time`), only the day (`day`, e.g. "morning"
 * or a deadline "by Thursday 5 May"), only the week (`week`, "week of 25 April"), or not yet (`tbd`).
 */
export const ROADMAP_PRECISIONS = ['time', 'day', 'week', 'tbd'] as const;
/** Precision of an entry's dates. */
export type RoadmapPrecision = (typeof ROADMAP_PRECISIONS)[number];

/** What an entry may point to: a circulated revision, a reading, or a deadline entry of the roadmap. */
export const ROADMAP_LINK_TYPES = ['revision', 'reading', 'deadline'] as const;
/** Type of an entry's link. */
export type RoadmapLinkType = (typeof ROADMAP_LINK_TYPES)[number];

/** Longest title, note and room name. */
export const ROADMAP_LIMITS = { title: 300, note: 500, room: 200, slots: 20 } as const;

/**
 * One sitting of an activity, or the moment of a deadline. With precision `time`, `start` and
 * `end` are local date-times (`end` is null for a deadline); with `day` or `week`, `start` is a
 * local date and `end` is null.
 */
export interface RoadmapSlot {
  start: LocalDate | LocalDateTime;
  end: LocalDateTime | null;
  /** Where it sits when it differs by day (e.g. "General Assembly Hall"), else null. */
  room: string | null;
}

/** What co-facilitators write for an entry. */
export interface RoadmapEntryData {
  kind: RoadmapKind;
  title: string;
  precision: RoadmapPrecision;
  /** In order; empty only when the precision is `tbd`. */
  slots: RoadmapSlot[];
  /** Null when it does not apply (a deadline with nothing to attend). */
  format: RoadmapFormat | null;
  audience: RoadmapAudience;
  /** Booked but not confirmed ("may conclude earlier", "if needed"). */
  tentative: boolean;
  /** A short note shown with the entry, e.g. "Morning" or "The reading may conclude earlier." */
  note: string;
  link: { type: RoadmapLinkType; id: string } | null;
}

/** A stored entry as everyone sees it. */
export interface RoadmapEntry extends RoadmapEntryData {
  id: string;
  /** 1 on creation, then +1 on each change (the calendar's SEQUENCE). */
  version: number;
  updatedAt: string;
}

/** The instants a slot spans; a deadline starts and ends at the same instant. */
export interface Span {
  start: string;
  end: string;
}

/**
 * Why an entry's dates cannot be used, as a stable code a client can word in its own language:
 * a date left blank (`missing`), one not written as `YYYY-MM-DD` / `YYYY-MM-DDTHH:mm`
 * (`malformed`), a well-written day or time that does not exist (30 February, 24:00), a time the
 * clocks skip (`skipped`), an end not after its start, an end missing or not wanted, dates given
 * for an undated entry, or none given for a dated one.
 */
export const ROADMAP_DATE_REASONS = [
  'missing',
  'malformed',
  'no-such-day',
  'no-such-time',
  'skipped',
  'end-before-start',
  'missing-end',
  'end-not-wanted',
  'deadline-end',
  'no-dates',
  'dates-for-tbd',
] as const;
/** A reason of `RoadmapProblem`. */
export type RoadmapDateReason = (typeof ROADMAP_DATE_REASONS)[number];

/** A stated problem with an entry's dates: where (path, and slot and field as numbered for people), why, and in English. */
export interface RoadmapProblem {
  /** `slots`, or `slots.<i>.start` / `slots.<i>.end`. */
  path: string;
  /** 1-based number of the slot, or null when the problem is with the slots as a whole. */
  slot: number | null;
  field: 'start' | 'end' | null;
  reason: RoadmapDateReason;
  /** The value found wrong, when there is one. */
  value: string | null;
  /** English, naming the field as the form shows it ("Start of date 1: …"). */
  message: string;
}

/** "Start of date 1", "End of date 2", or "Dates": a field of the entry as people see it (English). */
export function roadmapFieldName(slot: number | null, field: 'start' | 'end' | null): string {
  if (slot === null) return 'Dates';
  return field === 'end' ? `End of date ${slot}` : `Start of date ${slot}`;
}

/** English wording of a reason (the client words them in `client/i18n`). */
function reasonText(reason: RoadmapDateReason, value: string | null, zone: string): string {
  switch (reason) {
    case 'missing':
      return 'Fill in the date and time.';
    case 'malformed':
      return `${value} is not written as asked. Write dates as YYYY-MM-DD and times as HH:mm.`;
    case 'no-such-day':
      return `There is no such day as ${value?.slice(0, 10)}.`;
    case 'no-such-time':
      return `There is no such time as ${value?.slice(11)}; times run from 00:00 to 23:59.`;
    case 'skipped':
      return `${value?.replace('T', ' ')} does not exist in ${zone}: the clocks go forward at that hour.`;
    case 'end-before-start':
      return 'The end must come after the start.';
    case 'missing-end':
      return 'Give the time the activity ends.';
    case 'end-not-wanted':
      return 'An entry known only to the day or week has no end time.';
    case 'deadline-end':
      return 'A deadline is a moment; it has no end.';
    case 'no-dates':
      return 'Give at least one date.';
    case 'dates-for-tbd':
      return 'An entry whose date is to be determined has no dates.';
  }
}

function problem(
  reason: RoadmapDateReason,
  zone: string,
  at: { slot: number; field: 'start' | 'end'; value?: string } | null,
): RoadmapProblem {
  const value = at?.value ?? null;
  const slot = at ? at.slot + 1 : null;
  const field = at?.field ?? null;
  return {
    path: at ? `slots.${at.slot}.${at.field}` : 'slots',
    slot,
    field,
    reason,
    value,
    message: `${roadmapFieldName(slot, field)}: ${reasonText(reason, value, zone)}`,
  };
}

/** The first problem with the dates of `data` read in `zone`, or null when they are sound. */
export function roadmapDateProblem(data: RoadmapEntryData, zone: string): RoadmapProblem | null {
  if (data.precision === 'tbd') return data.slots.length === 0 ? null : problem('dates-for-tbd', zone, null);
  if (data.slots.length === 0) return problem('no-dates', zone, null);
  for (const [i, slot] of data.slots.entries()) {
    if (data.precision !== 'time') {
      const reason = shapeReason(slot.start, isLocalDate(slot.start));
      if (reason) return problem(reason, zone, { slot: i, field: 'start', value: slot.start });
      if (slot.end !== null) return problem('end-not-wanted', zone, { slot: i, field: 'end' });
      continue;
    }
    const start = timeProblem(slot.start, zone);
    if (start) return problem(start, zone, { slot: i, field: 'start', value: slot.start });
    if (data.kind === 'deadline') {
      if (slot.end !== null) return problem('deadline-end', zone, { slot: i, field: 'end' });
      continue;
    }
    if (slot.end === null) return problem('missing-end', zone, { slot: i, field: 'end' });
    const end = timeProblem(slot.end, zone);
    if (end) return problem(end, zone, { slot: i, field: 'end', value: slot.end });
    if (slot.end <= slot.start)
      return problem('end-before-start', zone, { slot: i, field: 'end', value: slot.end });
  }
  return null;
}

/** Blank (or with a blank part, as the form joins "date" and "time"), badly written, or not a real day. */
function shapeReason(value: string, exists: boolean): RoadmapDateReason | null {
  if (exists) return null;
  if (value.trim() === '' || value.startsWith('T') || value.endsWith('T')) return 'missing';
  if (!isDateShaped(value)) return 'malformed';
  return isLocalDate(value.slice(0, 10)) ? 'no-such-time' : 'no-such-day';
}

function timeProblem(value: string, zone: string): RoadmapDateReason | null {
  const found = localDateTimeProblem(value, zone);
  if (found === 'skipped') return 'skipped';
  return found === 'malformed' ? shapeReason(value, false) : null;
}

/** The instants each slot of a (valid) entry spans, in slot order; empty for `tbd`. */
export function slotSpans(entry: RoadmapEntryData, zone: string): Span[] {
  return entry.slots.map((slot): Span => {
    if (entry.precision === 'time') {
      const start = instantOf(slot.start, zone);
      return { start, end: slot.end ? instantOf(slot.end, zone) : start };
    }
    // A day, or the week starting on the Monday of the given date; a deadline known only
    // to the day or week falls due at its end.
    const first = entry.precision === 'week' ? mondayOf(slot.start) : slot.start;
    const end = instantOf(addDays(first, entry.precision === 'week' ? 7 : 1), zone);
    return entry.kind === 'deadline' ? { start: end, end } : { start: instantOf(first, zone), end };
  });
}

/** The whole span of an entry, from its first slot's start to its last slot's end; null for `tbd`. */
export function entrySpan(entry: RoadmapEntryData, zone: string): Span | null {
  const spans = slotSpans(entry, zone);
  if (spans.length === 0) return null;
  return { start: spans[0]!.start, end: spans[spans.length - 1]!.end };
}

/** Entries in date order (ties: activities first, then by title); undated entries last, in given order. */
export function sortRoadmap<T extends RoadmapEntryData>(entries: readonly T[], zone: string): T[] {
  const keyed = entries.map((e, i) => ({ e, i, span: entrySpan(e, zone) }));
  keyed.sort((a, b) => {
    if (!a.span || !b.span) return a.span ? -1 : b.span ? 1 : a.i - b.i;
    return (
      Date.parse(a.span.start) - Date.parse(b.span.start) ||
      (a.e.kind === b.e.kind ? 0 : a.e.kind === 'activity' ? -1 : 1) ||
      a.e.title.localeCompare(b.e.title)
    );
  });
  return keyed.map((k) => k.e);
}

/** A deadline not written in the roadmap but set elsewhere, such as a reading's deadline for proposals. */
export interface OtherDeadline {
  readingId: string;
  readingNumber: number;
  at: string;
}

/** The next activity: the sitting going on now or the next one to start. */
export interface NextActivity {
  entry: RoadmapEntry;
  slot: number;
  span: Span;
  ongoing: boolean;
}

/** The next deadline, from the roadmap or from an open reading. */
export type NextDeadline =
  | { source: 'roadmap'; entry: RoadmapEntry; at: string }
  | { source: 'reading'; reading: OtherDeadline; at: string };

/** What comes next at `now`: the current or next sitting, and the next deadline still to fall due. */
export function nextUp(
  entries: readonly RoadmapEntry[],
  others: readonly OtherDeadline[],
  zone: string,
  now: Date,
): { activity: NextActivity | null; deadline: NextDeadline | null } {
  const t = now.getTime();
  let activity: NextActivity | null = null;
  let deadline: NextDeadline | null = null;
  for (const entry of entries) {
    for (const [slot, span] of slotSpans(entry, zone).entries()) {
      if (entry.kind === 'activity') {
        if (Date.parse(span.end) <= t) continue;
        if (!activity || Date.parse(span.start) < Date.parse(activity.span.start)) {
          activity = { entry, slot, span, ongoing: Date.parse(span.start) <= t };
        }
      } else if (
        Date.parse(span.start) > t &&
        (!deadline || Date.parse(span.start) < Date.parse(deadline.at))
      ) {
        deadline = { source: 'roadmap', entry, at: span.start };
      }
    }
  }
  for (const reading of others) {
    const at = Date.parse(reading.at);
    if (at > t && (!deadline || at < Date.parse(deadline.at)))
      deadline = { source: 'reading', reading, at: reading.at };
  }
  return { activity, deadline };
}
