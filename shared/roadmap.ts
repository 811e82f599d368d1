/**
 * The consultation roadmap: dated activities and deadlines kept by the co-facilitators, in the
 * negotiation's time zone. Entries are stored as announced (wall-clock times and how precisely
 * they are known); this module derives the instants they span, their order, and what comes next.
 */
import {
  addDays,
  instantOf,
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

/** A stated problem with an entry's dates: where, and why. */
export interface RoadmapProblem {
  path: string;
  message: string;
}

/** The first problem with the dates of `data` read in `zone`, or null when they are sound. */
export function roadmapDateProblem(data: RoadmapEntryData, zone: string): RoadmapProblem | null {
  if (data.precision === 'tbd') {
    return data.slots.length === 0
      ? null
      : { path: 'slots', message: 'An entry whose date is to be determined has no dates.' };
  }
  if (data.slots.length === 0) return { path: 'slots', message: 'Give at least one date.' };
  for (const [i, slot] of data.slots.entries()) {
    const at = `slots.${i}`;
    if (data.precision !== 'time') {
      if (!isLocalDate(slot.start))
        return { path: `${at}.start`, message: `${slot.start} is not a date written YYYY-MM-DD.` };
      if (slot.end !== null)
        return { path: `${at}.end`, message: 'An entry known only to the day or week has no end time.' };
      continue;
    }
    const start = timeProblem(slot.start, zone, `${at}.start`);
    if (start) return start;
    if (data.kind === 'deadline') {
      if (slot.end !== null) return { path: `${at}.end`, message: 'A deadline is a moment; it has no end.' };
      continue;
    }
    if (slot.end === null) return { path: `${at}.end`, message: 'Give the time the activity ends.' };
    const end = timeProblem(slot.end, zone, `${at}.end`);
    if (end) return end;
    if (slot.end <= slot.start) return { path: `${at}.end`, message: 'The end must come after the start.' };
  }
  return null;
}

function timeProblem(value: string, zone: string, path: string): RoadmapProblem | null {
  const problem = localDateTimeProblem(value, zone);
  if (problem === 'malformed')
    return { path, message: `${value} is not a date and time written YYYY-MM-DDTHH:mm.` };
  if (problem === 'skipped')
    return { path, message: `${value} does not exist in ${zone}: the clocks go forward at that hour.` };
  return null;
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
