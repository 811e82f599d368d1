/** The weeks of a month as the month view lays them out, Monday first. */
import { addDays, localDateAt, mondayOf } from '../../shared/time.js';

/** A month, `YYYY-MM`. */
export type Month = string;

/** One day cell. */
export interface GridDay {
  /** `YYYY-MM-DD` */
  date: string;
  day: number;
  inMonth: boolean;
}

/** The weeks (rows of seven days, Monday to Sunday) covering `month`. */
export function monthGrid(month: Month): GridDay[][] {
  const first = `${month}-01`;
  const weeks: GridDay[][] = [];
  let day = mondayOf(first);
  while (weeks.length === 0 || day.startsWith(month)) {
    const week: GridDay[] = [];
    for (let i = 0; i < 7; i++) {
      week.push({ date: day, day: Number(day.slice(8)), inMonth: day.startsWith(month) });
      day = addDays(day, 1);
    }
    weeks.push(week);
  }
  return weeks;
}

/** The month `n` months after `month` (negative: before). */
export function shiftMonth(month: Month, n: number): Month {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** "March 2022" */
export function monthLabel(month: Month, locale = 'en-GB'): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    Date.UTC(y, m - 1, 1),
  );
}

/** The month the month view opens on: the current month in the negotiation's zone. */
export function currentMonth(zone: string, now: Date = new Date()): Month {
  return localDateAt(now, zone).slice(0, 7);
}
