/**
 * "Verify records": has the server recompute every hash of the negotiation's records (revisions,
 * closed readings, the audit log) and check its signature over them, then says that all hold,
 * with the key that signed them, or names each record that was tampered with. The answer is
 * also compared with what this browser remembers (`recordsWatch.ts`), whose warning shows in
 * the page header.
 */
import { useState } from 'react';
import type { RecordsReport } from '../../shared/records.js';
import { formatLocalDateTime } from '../dateTime.js';
import { messages } from '../i18n/messages.js';
import { actionErrorMessage } from './actionError.js';
import { RecordProblemList } from './RecordProblemList.js';
import { verifyRecords } from './recordsApi.js';
import { auditPositionToAsk, loadMemory } from './recordsMemory.js';
import { considerReport } from './recordsWatch.js';
import './records.css';

/** Props of `VerifyRecords`. */
export interface VerifyRecordsProps {
  negotiationId: string;
  /** Labels of the records by snapshot id, to name the tampered ones. */
  labels: ReadonlyMap<string, string>;
}

type State =
  | { status: 'idle' }
  | { status: 'busy' }
  | { status: 'done'; report: RecordsReport }
  | { status: 'failed'; message: string };

/** The button and its result. */
export function VerifyRecords({ negotiationId, labels }: VerifyRecordsProps) {
  const m = messages.records.verify;
  const [state, setState] = useState<State>({ status: 'idle' });
  const verify = async () => {
    setState({ status: 'busy' });
    try {
      const report = await verifyRecords(negotiationId, auditPositionToAsk(loadMemory(negotiationId)));
      considerReport(negotiationId, report);
      setState({ status: 'done', report });
    } catch (error) {
      setState({ status: 'failed', message: actionErrorMessage(error) });
    }
  };
  const report = state.status === 'done' ? state.report : null;
  return (
    <div className="verify-records" data-testid="verify-records">
      <button type="button" onClick={() => void verify()} disabled={state.status === 'busy'}>
        {state.status === 'busy' ? m.working : m.button}
      </button>
      <div role="status" className="verify-status">
        {report?.ok && (
          <div className="notice success">
            <div>
              <p>{report.checked > 0 ? m.ok(report.checked) : m.okNone}</p>
              <SignatureNote report={report} />
            </div>
          </div>
        )}
      </div>
      {report && !report.ok && (
        <div role="alert" className="notice error verify-problems">
          <div>
            <p>{m.problems(report.problems.length)}</p>
            <RecordProblemList problems={report.problems} labels={labels} />
          </div>
        </div>
      )}
      {state.status === 'failed' && (
        <p role="alert" className="notice error">
          {state.message}
        </p>
      )}
    </div>
  );
}

/** Which key signed the records, and how signing began. */
function SignatureNote({ report }: { report: RecordsReport }) {
  const m = messages.records.verify;
  const { signature } = report;
  const origin = signature.origin && m.origin(signature.origin, formatLocalDateTime(signature.origin.at));
  return (
    <p className="signature-note">
      {m.signedBy(signature.keyId)}
      {origin && ` ${origin}`}
      {signature.legacySnapshots > 0 && ` ${m.legacy(signature.legacySnapshots)}`}
    </p>
  );
}
