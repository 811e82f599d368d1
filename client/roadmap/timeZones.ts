/**
 * The time zones offered by the entry form's "times given in" field: every IANA zone the browser
 * knows (`Intl.supportedValuesOf`), with the negotiation's own and UTC, which some engines leave
 * out of that list. Whether a typed name is a zone at all is `isTimeZone` (shared/time.ts).
 */

/** Zones to offer, sorted, without duplicates; `always` are included even when the engine lists them not. */
export function timeZoneChoices(always: readonly string[]): string[] {
  const listed = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([...listed, ...always, 'UTC'])].sort((a, b) => a.localeCompare(b));
}
