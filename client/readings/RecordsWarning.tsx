/**
 * The warning every page of a negotiation shows when its records cannot be trusted: the
 * server's history differs from what this browser saw before (another signing key, a record
 * whose hash changed or that is gone, an audit log that does not extend the one seen), or the
 * server itself finds its records do not match its signature. Announced as an alert; the
 * details list each difference with when this browser saw it.
 */
import { shortHash } from '../../shared/records.js';
import { useConfirm } from '../ConfirmDialog.js';
import { formatLocalDateTime } from '../dateTime.js';
import { messages } from '../i18n/messages.js';
import { Link } from '../Link.js';
import { RecordProblemList } from './RecordProblemList.js';
import { contradictedSince, type Disagreement } from './recordsMemory.js';
import { acceptServerRecords } from './recordsWatch.js';
import { timelinePath } from './routes.js';
import { useRecordsWatch } from './useRecordsWatch.js';
import './records.css';

/** Props of `RecordsWarning`. */
export interface RecordsWarningProps {
  negotiationId: string;
}

/** The warning, or nothing while the records agree. */
export function RecordsWarning({ negotiationId }: RecordsWarningProps) {
  const m = messages.records.warning;
  const watch = useRecordsWatch(negotiationId);
  const [confirmation, confirm] = useConfirm();
  if (watch.status !== 'differs' && watch.status !== 'unsound') return null;
  const since = contradictedSince(watch.disagreements);
  const serverProblems = watch.report && !watch.report.ok ? watch.report.problems : [];
  const accept = async () => {
    if (await confirm({ message: m.acceptQuestion, confirmLabel: m.acceptConfirm }))
      await acceptServerRecords(negotiationId);
  };
  return (
    <div className="records-warning" role="alert" data-testid="records-warning">
      <div className="records-warning-text">
        <p className="records-warning-title">{m.title}</p>
        {since && <p>{m.differs(formatLocalDateTime(since))}</p>}
        {serverProblems.length > 0 && <p>{m.unsound}</p>}
        <p>{m.advice}</p>
        <details>
          <summary>{m.details}</summary>
          {watch.disagreements.length > 0 && (
            <ul className="record-problems">
              {watch.disagreements.map((d) => (
                <li key={`${d.kind}-${'seq' in d ? d.seq : ''}`}>{describe(d)}</li>
              ))}
            </ul>
          )}
          {serverProblems.length > 0 && <RecordProblemList problems={serverProblems} />}
        </details>
      </div>
      <div className="records-warning-actions">
        <Link href={timelinePath(negotiationId)}>{m.verify}</Link>
        {watch.disagreements.length > 0 && (
          <button type="button" onClick={() => void accept()}>
            {m.accept}
          </button>
        )}
      </div>
      {confirmation}
    </div>
  );
}

/** One difference in words. */
function describe(d: Disagreement): string {
  const m = messages.records.warning;
  const when = formatLocalDateTime(d.seenAt);
  switch (d.kind) {
    case 'key-changed':
      return m.keyChanged(d.was, d.now, when);
    case 'snapshot-changed':
      return m.snapshotChanged(d.seq, shortHash(d.was), shortHash(d.now), when);
    case 'snapshot-missing':
      return m.snapshotMissing(d.seq, shortHash(d.was), when);
    case 'audit-shorter':
      return m.auditShorter(d.was, d.now, when);
    case 'audit-rewritten':
      return m.auditRewritten(d.position, when);
  }
}
