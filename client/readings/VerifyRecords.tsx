/**
 * "Verify records": recomputes the hash chain of every circulated revision and closed reading on
 * the server, then says that all are intact or names each record that was tampered with.
 */
import { useState } from 'react';
import { messages } from '../i18n/messages.js';
import { actionErrorMessage } from './actionError.js';
import './records.css';
import { type ChainReport, verifyRecords } from './readingsApi.js';

/** Props of `VerifyRecords`. */
export interface VerifyRecordsProps {
  negotiationId: string;
  /** Labels of the records by snapshot id, to name the tampered ones. */
  labels: ReadonlyMap<string, string>;
}

type State =
  | { status: 'idle' }
  | { status: 'busy' }
  | { status: 'done'; report: ChainReport }
  | { status: 'failed'; message: string };

/** The button and its result. */
export function VerifyRecords({ negotiationId, labels }: VerifyRecordsProps) {
  const m = messages.readings.verify;
  const [state, setState] = useState<State>({ status: 'idle' });
  const verify = async () => {
    setState({ status: 'busy' });
    try {
      setState({ status: 'done', report: await verifyRecords(negotiationId) });
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
        {report?.ok && <p className="notice success">{m.ok(report.checked)}</p>}
      </div>
      {report && !report.ok && (
        <div role="alert" className="notice error verify-problems">
          <div>
            <p>{m.problems(report.problems.length, report.checked)}</p>
            <ul>
              {report.problems.map((p) => (
                <li key={`${p.snapshotId}-${p.reason}`}>
                  <strong>{m.record(p.seq, labels.get(p.snapshotId) ?? '')}</strong>: {m.reasons[p.reason]}
                </li>
              ))}
            </ul>
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
