/**
 * The table of old → new paragraph numbers a revision recorded when it was circulated
 * (`shared/numbering.ts`): the numbers that changed, in the order of the old ones, so that a
 * delegate can look up the OP12 of their notes. Collapsed until opened.
 */
import type { RenumberEntry } from '../../shared/numbering.js';
import { messages } from '../i18n/messages.js';
import './renumbering.css';

/** Props of `RenumberingTable`. */
export interface RenumberingTableProps {
  /** The revision that recorded the table ("Rev.2"). */
  revision: string;
  /** The lines whose number changed (or that left the text). */
  entries: readonly RenumberEntry[];
}

/** A disclosure with the table, or a line saying no number changed. */
export function RenumberingTable({ revision, entries }: RenumberingTableProps) {
  const m = messages.readings.renumbering;
  if (entries.length === 0) return <p className="renumbering muted">{m.none(revision)}</p>;
  return (
    <details className="renumbering" data-testid="renumbering">
      <summary>{m.summary(revision, entries.length)}</summary>
      <table>
        <caption className="visually-hidden">{m.caption(revision)}</caption>
        <thead>
          <tr>
            <th scope="col">{m.before}</th>
            <th scope="col">{m.after(revision)}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.pid}>
              <th scope="row">{e.from}</th>
              <td className={e.to === null ? 'gone' : undefined}>{e.to ?? m.gone}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
