/** `/n/:id/audit`, for co-facilitators and administrators: who did (or was refused) what, newest first. */
import { delegationByCode } from '../../shared/delegations.js';
import { formatLocalDateTime } from '../dateTime.js';
import { ErrorNotice } from '../ErrorNotice.js';
import { auditActionLabel, messages } from '../i18n/messages.js';
import { NegotiationFrame } from '../NegotiationHeader.js';
import type { Me } from '../session/sessionApi.js';
import { useRequest } from '../useRequest.js';
import { fetchAudit } from './auditApi.js';
import { auditDetail } from './auditDetail.js';

/** Props of `AuditPage`. */
export interface AuditPageProps {
  id: string;
  me: Me;
}

/** The audit log page of a negotiation. */
export function AuditPage({ id, me }: AuditPageProps) {
  return (
    <NegotiationFrame id={id} me={me} current="audit" heading={messages.audit.heading}>
      {(negotiation) => <AuditTable negotiationId={negotiation.id} />}
    </NegotiationFrame>
  );
}

function AuditTable({ negotiationId }: { negotiationId: string }) {
  const m = messages.audit;
  const [request, retry] = useRequest((signal) => fetchAudit(negotiationId, signal), negotiationId);
  if (request.status === 'loading') return <p aria-busy="true">{m.loading}</p>;
  if (request.status === 'failed') return <ErrorNotice error={request.error} onRetry={retry} />;
  if (request.value.length === 0) return <p>{m.empty}</p>;
  const entries = [...request.value].sort((a, b) => b.at.localeCompare(a.at) || b.seq - a.seq);
  return (
    <div className="table-scroll">
      <table className="data-table audit-table" data-testid="audit-table">
        <caption>{m.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{m.columns.time}</th>
            <th scope="col">{m.columns.person}</th>
            <th scope="col">{m.columns.delegation}</th>
            <th scope="col">{m.columns.action}</th>
            <th scope="col">{m.columns.details}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.seq} data-action={entry.action}>
              <th scope="row" className="nowrap">
                <time dateTime={entry.at}>{formatLocalDateTime(entry.at, true)}</time>
              </th>
              <td>{entry.personName ?? <span className="muted">{m.nobody}</span>}</td>
              <td>
                {entry.delegation ? (delegationByCode(entry.delegation)?.name ?? entry.delegation) : ''}
              </td>
              <td className="audit-action">{auditActionLabel(entry.action)}</td>
              <td className="audit-detail">{auditDetail(entry.detail)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
