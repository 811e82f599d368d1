/**
 * `/n/:id/compare?from=<snapshotId|live>&to=<snapshotId|live>`: any two versions side by side
 * (not only neighbours), picked from every recorded snapshot and the live text.
 */
import { useId } from 'react';
import { ErrorNotice } from '../ErrorNotice.js';
import { messages } from '../i18n/messages.js';
import { NegotiationFrame } from '../NegotiationHeader.js';
import type { Negotiation } from '../negotiationsApi.js';
import type { Me } from '../session/sessionApi.js';
import { useRequest } from '../useRequest.js';
import { ComparisonView } from './ComparisonView.js';
import './readings.css';
import { fetchComparison, fetchTimeline } from './readingsApi.js';
import { compareRefsOf } from './routes.js';
import { useQuery } from './useQuery.js';
import { resolveVersions, type VersionChoice, versionChoices } from './versions.js';

/** Props of `ComparePage`. */
export interface ComparePageProps {
  id: string;
  me: Me;
}

/** The comparison page. */
export function ComparePage({ id, me }: ComparePageProps) {
  return (
    <NegotiationFrame id={id} me={me} current="compare" heading={messages.readings.compare.heading}>
      {(negotiation) => <CompareVersions negotiation={negotiation} />}
    </NegotiationFrame>
  );
}

function CompareVersions({ negotiation }: { negotiation: Negotiation }) {
  const m = messages.readings.compare;
  const [request, retry] = useRequest((signal) => fetchTimeline(negotiation.id, signal), negotiation.id);
  const [query, setQuery] = useQuery();
  if (request.status === 'loading') return <p aria-busy="true">{m.loadingVersions}</p>;
  if (request.status === 'failed') return <ErrorNotice error={request.error} onRetry={retry} />;
  const versions = resolveVersions(request.value, compareRefsOf(`?${query}`));
  if (!versions) return <p>{m.nothing}</p>;
  const choices = versionChoices(request.value);
  return (
    <>
      <VersionPickers
        choices={choices}
        from={versions.from}
        to={versions.to}
        onChange={(from, to) => setQuery({ from, to })}
      />
      {versions.from === versions.to && <p className="notice info">{m.same}</p>}
      <LoadedComparison
        key={`${versions.from}|${versions.to}`}
        negotiationId={negotiation.id}
        from={versions.from}
        to={versions.to}
        labelOf={(ref) => choices.find((c) => c.id === ref)?.label ?? ref}
      />
    </>
  );
}

interface LoadedComparisonProps {
  negotiationId: string;
  from: string;
  to: string;
  labelOf(ref: string): string;
}

function LoadedComparison({ negotiationId, from, to, labelOf }: LoadedComparisonProps) {
  const m = messages.readings.compare;
  const [request, retry] = useRequest(
    (signal) => fetchComparison(negotiationId, from, to, signal),
    `${negotiationId}|${from}|${to}`,
  );
  if (request.status === 'loading')
    return (
      <p aria-busy="true" className="loading-line">
        <span className="spinner" aria-hidden="true" />
        {m.loading(labelOf(from), labelOf(to))}
      </p>
    );
  if (request.status === 'failed') return <ErrorNotice error={request.error} onRetry={retry} />;
  return <ComparisonView comparison={request.value} negotiationId={negotiationId} from={from} to={to} />;
}

interface VersionPickersProps {
  choices: readonly VersionChoice[];
  from: string;
  to: string;
  onChange(from: string, to: string): void;
}

function VersionPickers({ choices, from, to, onChange }: VersionPickersProps) {
  const m = messages.readings.compare;
  const id = useId();
  const options = choices.map((c) => (
    <option key={c.id} value={c.id}>
      {c.text}
    </option>
  ));
  return (
    <form className="cmp-pickers" aria-label={m.pickers} onSubmit={(e) => e.preventDefault()}>
      <div className="field">
        <label htmlFor={`${id}-from`}>{m.from}</label>
        <select id={`${id}-from`} value={from} onChange={(e) => onChange(e.target.value, to)}>
          {options}
        </select>
      </div>
      <button type="button" className="cmp-swap" onClick={() => onChange(to, from)}>
        <span aria-hidden="true">⇄ </span>
        {m.swap}
      </button>
      <div className="field">
        <label htmlFor={`${id}-to`}>{m.to}</label>
        <select id={`${id}-to`} value={to} onChange={(e) => onChange(from, e.target.value)}>
          {options}
        </select>
      </div>
    </form>
  );
}
