/** Dates and times as the reader expects them: in their own locale and time zone. */

const SHORT = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const PRECISE = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** "22 Nov 2026, 10:04" in the reader's locale and time zone; the text itself if it is no date. */
export function formatLocalDateTime(iso: string, precise = false): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return (precise ? PRECISE : SHORT).format(date);
}
