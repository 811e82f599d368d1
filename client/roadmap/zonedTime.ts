/**
 * Instants written for people: in the negotiation's zone (as announced) and in the reader's own.
 * Built on `shared/time.ts`; the words around them come from `messages.roadmap`.
 */
import type { Span } from '../../shared/roadmap.js';
import { zonedParts } from '../../shared/time.js';

/** The reader's IANA time zone, as the browser knows it. */
export function readerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** "Tue 29 Mar 2022, 18:00 EDT" */
export function formatInstant(instant: string, zone: string): string {
  const p = zonedParts(instant, zone);
  return `${p.date}, ${p.time} ${p.zone}`;
}

/** "Tue 29 Mar 2022" in `zone`. */
export function formatDay(instant: string, zone: string): string {
  return zonedParts(instant, zone).date;
}

/** "10:00–13:00 EST", or "18:00 EDT" for a moment; across midnight the end carries its date. */
export function formatTimeRange(span: Span, zone: string): string {
  const start = zonedParts(span.start, zone);
  if (span.end === span.start) return `${start.time} ${start.zone}`;
  const end = zonedParts(span.end, zone);
  const endText = end.localDate === start.localDate ? end.time : `${end.date}, ${end.time}`;
  return `${start.time}–${endText} ${end.zone}`;
}

/** The place a zone is named after: "New York" for America/New_York, "UTC" for UTC. */
export function zoneCity(zone: string): string {
  return (zone.split('/').pop() ?? zone).replace(/_/g, ' ');
}
