/** The roadmap as a month calendar (dates in the negotiation's zone), one month at a time, opening on the current month. */
import { useState } from 'react';
import { messages } from '../i18n/messages.js';
import { currentMonth, type Month, monthGrid, monthLabel, shiftMonth } from './monthGrid.js';
import type { RoadmapRow } from './rows.js';
import { formatTimeRange } from './zonedTime.js';

/** Props of `MonthCalendar`. */
export interface MonthCalendarProps {
  rows: readonly RoadmapRow[];
  timeZone: string;
}

interface DayItem {
  key: string;
  kind: 'activity' | 'deadline';
  time: string;
  title: string;
}

/** The month view. */
export function MonthCalendar({ rows, timeZone }: MonthCalendarProps) {
  const m = messages.roadmap;
  const [month, setMonth] = useState<Month>(() => currentMonth(timeZone));
  const byDate = new Map<string, DayItem[]>();
  for (const row of rows) {
    const title = row.entry?.title ?? m.list.readingDeadline(m.reading(row.readingNumber ?? 0));
    row.dates.forEach((dates, i) => {
      const span = row.spans[i];
      const time =
        row.entry && row.entry.precision !== 'time' ? '' : span ? formatTimeRange(span, timeZone) : '';
      for (const date of dates) {
        const list = byDate.get(date) ?? [];
        list.push({ key: `${row.key}-${i}-${date}`, kind: row.kind, time, title });
        byDate.set(date, list);
      }
    });
  }
  const weeks = monthGrid(month);
  const any = weeks.some((w) => w.some((d) => d.inMonth && byDate.has(d.date)));
  const label = monthLabel(month);

  return (
    <div className="month-view">
      <div className="month-nav">
        <button
          type="button"
          onClick={() => setMonth(shiftMonth(month, -1))}
          aria-label={m.calendar.previous}
        >
          ‹
        </button>
        <span className="month-name" aria-live="polite">
          {label}
        </span>
        <button type="button" onClick={() => setMonth(shiftMonth(month, 1))} aria-label={m.calendar.next}>
          ›
        </button>
      </div>
      <table className="month-calendar" data-testid="month-calendar">
        <caption className="visually-hidden">{m.calendar.caption(label)}</caption>
        <thead>
          <tr>
            {m.calendar.weekdays.map((day, i) => (
              <th key={day} scope="col">
                <abbr title={day}>{m.calendar.weekdaysShort[i]}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]!.date}>
              {week.map((d) => {
                const items = d.inMonth ? (byDate.get(d.date) ?? []) : [];
                return (
                  <td
                    key={d.date}
                    className={d.inMonth ? (items.length ? 'busy' : undefined) : 'other-month'}
                  >
                    <span className="day-number">{d.day}</span>
                    {items.length > 0 && (
                      <ul>
                        {items.map((item) => (
                          <li key={item.key} className={item.kind}>
                            {item.time && <span className="item-time">{item.time}</span>} {item.title}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {!any && <p className="muted">{m.calendar.nothing}</p>}
    </div>
  );
}
