/** The roadmap as a table in date order: each sitting's date and time, in the negotiation's zone and the reader's. */
import type { Span } from '../../shared/roadmap.js';
import { instantOf, mondayOf } from '../../shared/time.js';
import { messages } from '../i18n/messages.js';
import type { RoadmapItem } from './roadmapApi.js';
import type { RoadmapRow } from './rows.js';
import { useNow } from './useNow.js';
import { formatDay, formatTimeRange, zoneCity } from './zonedTime.js';

/** Props of `RoadmapList`. */
export interface RoadmapListProps {
  rows: readonly RoadmapRow[];
  timeZone: string;
  readerTimeZone: string;
  /** Given for co-facilitators. */
  onEdit?: ((entry: RoadmapItem) => void) | undefined;
  onRemove?: ((entry: RoadmapItem) => void) | undefined;
}

/** The roadmap table. */
export function RoadmapList({ rows, timeZone, readerTimeZone, onEdit, onRemove }: RoadmapListProps) {
  const m = messages.roadmap;
  const now = useNow(60_000);
  const showReader = readerTimeZone !== timeZone;
  return (
    <div className="table-scroll">
      <table className="data-table roadmap-table" data-testid="roadmap-table">
        <caption>{m.list.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{m.list.date}</th>
            <th scope="col">{m.list.time(zoneCity(timeZone))}</th>
            {showReader && <th scope="col">{m.list.yourTime}</th>}
            <th scope="col">{m.list.activity}</th>
            <th scope="col">{m.list.format}</th>
            <th scope="col">{m.list.audience}</th>
            {onEdit && <th scope="col">{m.list.actions}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const past = row.end !== null && row.end < now;
            const ongoing = !past && row.start !== null && row.start <= now;
            const title = row.entry?.title ?? m.list.readingDeadline(m.reading(row.readingNumber ?? 0));
            return (
              <tr
                key={row.key}
                className={[row.kind, past ? 'past' : '', ongoing ? 'ongoing' : ''].filter(Boolean).join(' ')}
                data-testid="roadmap-row"
              >
                <td className="nowrap">
                  <Lines items={dateLines(row, timeZone)} />
                </td>
                <td className="nowrap">
                  <Lines items={timeLines(row, timeZone)} />
                </td>
                {showReader && (
                  <td className="nowrap">
                    <Lines items={readerLines(row, timeZone, readerTimeZone)} />
                  </td>
                )}
                <th scope="row">
                  {row.kind === 'deadline' && <span className="tag deadline-tag">{m.kinds.deadline}</span>}{' '}
                  <span className="entry-title">{title}</span>
                  {row.entry?.tentative && <span className="tag">{m.list.tentative}</span>}
                  {past && <span className="visually-hidden"> ({m.list.past})</span>}
                  {ongoing && <span className="tag now-tag">{m.list.now}</span>}
                  {row.entry?.note && <p className="entry-note">{row.entry.note}</p>}
                  {row.entry?.linkLabel && <p className="entry-note">{m.list.linked(row.entry.linkLabel)}</p>}
                  {!row.entry && <p className="entry-note">{m.list.fromReading}</p>}
                </th>
                <td>
                  <Lines items={formatLines(row)} />
                </td>
                <td>{row.entry ? m.audiences[row.entry.audience] : m.audiences.all}</td>
                {onEdit && (
                  <td className="row-actions">
                    {row.entry && (
                      <div className="row-buttons">
                        <button
                          type="button"
                          className="small"
                          aria-label={m.page.edit(row.entry.title)}
                          onClick={() => onEdit(row.entry!)}
                        >
                          {m.page.editButton}
                        </button>
                        <button
                          type="button"
                          className="small danger-outline"
                          aria-label={m.page.remove(row.entry.title)}
                          onClick={() => onRemove?.(row.entry!)}
                        >
                          {m.page.removeButton}
                        </button>
                      </div>
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Lines({ items }: { items: readonly string[] }) {
  if (items.length <= 1) return <>{items[0] ?? ''}</>;
  return (
    <ul className="slot-lines">
      {items.map((text, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: sittings are listed in a fixed order
        <li key={i}>{text}</li>
      ))}
    </ul>
  );
}

function dateLines(row: RoadmapRow, zone: string): string[] {
  const m = messages.roadmap.list;
  const e = row.entry;
  if (!e) return row.spans.map((s) => formatDay(s.start, zone));
  switch (e.precision) {
    case 'time':
      return row.spans.map((s) => formatDay(s.start, zone));
    case 'day':
      return e.slots.map((s) => formatDay(instantOf(s.start, zone), zone));
    case 'week':
      return e.slots.map((s) => m.weekOf(formatDay(instantOf(mondayOf(s.start), zone), zone)));
    case 'tbd':
      return [m.tbd];
  }
}

function timeLines(row: RoadmapRow, zone: string): string[] {
  const m = messages.roadmap.list;
  const e = row.entry;
  if (e && e.precision !== 'time') {
    if (e.precision === 'day') return [e.kind === 'deadline' ? m.endOfDay : m.dayOnly];
    return [m.tbd];
  }
  return row.spans.map((s) => formatTimeRange(s, zone));
}

function readerLines(row: RoadmapRow, zone: string, reader: string): string[] {
  if (row.entry && row.entry.precision !== 'time') return [];
  return row.spans.map((s: Span) => {
    const sameDay = formatDay(s.start, reader) === formatDay(s.start, zone);
    const range = formatTimeRange(s, reader);
    return sameDay ? range : `${formatDay(s.start, reader)}, ${range}`;
  });
}

function formatLines(row: RoadmapRow): string[] {
  const m = messages.roadmap;
  const e = row.entry;
  if (!e) return [m.noFormat];
  const format = e.format ? m.formats[e.format] : m.noFormat;
  const rooms = e.slots.map((s) => s.room).filter((r): r is string => !!r);
  if (rooms.length === 0) return [format];
  const distinct = [...new Set(rooms)];
  if (distinct.length === 1) return [`${format}, ${distinct[0]}`];
  return e.slots.map((s) => `${format}${s.room ? `, ${s.room}` : ''}`);
}
