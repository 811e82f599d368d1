/** The problems verification found, one line each: which record, and what is wrong with it. */
import type { RecordProblem } from '../../shared/records.js';
import { messages } from '../i18n/messages.js';

/** Props of `RecordProblemList`. */
export interface RecordProblemListProps {
  problems: readonly RecordProblem[];
  /** Labels of the records by snapshot id, to name them (they are named by number otherwise). */
  labels?: ReadonlyMap<string, string>;
}

/** The list. */
export function RecordProblemList({ problems, labels }: RecordProblemListProps) {
  const m = messages.records.verify;
  const labelOf = (p: RecordProblem) =>
    p.record === 'reading' && p.seq !== null
      ? messages.readings.readingLabel(p.seq)
      : p.snapshotId
        ? (labels?.get(p.snapshotId) ?? '')
        : '';
  return (
    <ul className="record-problems">
      {problems.map((p) => (
        <li key={`${p.record}-${p.seq}-${p.reason}`}>
          <strong>{m.subject(p.record, p.seq, labelOf(p))}</strong>: {m.reasons[p.reason]}
        </li>
      ))}
    </ul>
  );
}
