/**
 * `/n/:id/compare?from=<snapshotId|live>&to=<snapshotId|live>`: any two versions side by side
 * (not only neighbours), picked from every recorded snapshot and the live text.
 */
import { useId } from 'react';
import { ErrorNotice } from '../ErrorNotice.js';
import { messages } from '../i18n/messages.js';
import { NegotiationFrame } from '../NegotiationHeader.js';
import type { Me } from '../session/sessionApi.js';
import { useRequest } from '../useRequest.js';
import { ComparisonView } from './ComparisonView.js';
import { takeBootComparison } from './earlyComparison.js';
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
    <NegotiationFrame
      id={id}
      me={me}
      current="compare"
      heading={messages.readings.compare.heading}
      // The comparison needs only the id: it shows without waiting for the negotiation.
      eager={<CompareVersions negotiationId={id} />}
    />
  );
}

function CompareVersions({ negotiationId }: { negotiationId: string }) {
  const m = messages.readings.compare;
  const [request, retry] = useRequest((signal) => fetchTimeline(negotiationId, signal), negotiationId);
  const [query, setQuery] = useQuery();
  if (request.status === 'failed') return <ErrorNotice error={request.error} onRetry={retry} />;
  const timeline = request.status === 'done' ? request.value : null;
  const asked = compareRefsOf(`?${query}`);
  // Until the timeline is in, the versions the address names are shown as named (their
  // comparison is on its way already); the timeline replaces unknown ones with the defaults.
  const versions = timeline
    ? resolveVersions(timeline, asked)
    : asked.from && asked.to
      ? { from: asked.from, to: asked.to }
      : null;
  if (!versions) return timeline ? <p>{m.nothing}</p> : <p aria-busy="true">{m.loadingVersions}</p>;
  const choices = timeline && versionChoices(timeline);
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
        negotiationId={negotiationId}
        from={versions.from}
        to={versions.to}
        labelOf={(ref) => choices?.find((c) => c.id === ref)?.label}
      />
    </>
  );
}

interface LoadedComparisonProps {
  negotiationId: string;
  from: string;
  to: string;
  /** The label of a version, once the timeline is in. */
  labelOf(ref: string): string | undefined;
}

function LoadedComparison({ negotiationId, from, to, labelOf }: LoadedComparisonProps) {
  const m = messages.readings.compare;
  const [request, retry] = useRequest(
    (signal) =>
      takeBootComparison(negotiationId, from, to) ?? fetchComparison(negotiationId, from, to, signal),
    `${negotiationId}|${from}|${to}`,
  );
  if (request.status === 'loading') {
    const older = labelOf(from);
    const newer = labelOf(to);
    return (
      <p aria-busy="true" className="loading-line">
        <span className="spinner" aria-hidden="true" />
        {older && newer ? m.loading(older, newer) : m.loadingComparison}
      </p>
    );
  }
  if (request.status === 'failed') return <ErrorNotice error={request.error} onRetry={retry} />;
  return <ComparisonView comparison={request.value} negotiationId={negotiationId} from={from} to={to} />;
}

interface VersionPickersProps {
  /** The versions to pick from; null while the timeline loads (the pickers wait, disabled). */
  choices: readonly VersionChoice[] | null;
  from: string;
  to: string;
  onChange(from: string, to: string): void;
}

function VersionPickers({ choices, from, to, onChange }: VersionPickersProps) {
  const m = messages.readings.compare;
  const id = useId();
  const busy = choices === null;
  const options = (picked: string) =>
    busy ? (
      <option value={picked}>{m.loadingVersions}</option>
    ) : (
      choices.map((c) => (
        <option key={c.id} value={c.id}>
          {c.text}
        </option>
      ))
    );
  return (
    <form
      className="cmp-pickers"
      aria-label={m.pickers}
      aria-busy={busy || undefined}
      onSubmit={(e) => e.preventDefault()}
    >
      <div className="field">
        <label htmlFor={`${id}-from`}>{m.from}</label>
        <select id={`${id}-from`} value={from} disabled={busy} onChange={(e) => onChange(e.target.value, to)}>
          {options(from)}
        </select>
      </div>
      <button type="button" className="cmp-swap" disabled={busy} onClick={() => onChange(to, from)}>
        <span aria-hidden="true">⇄ </span>
        {m.swap}
      </button>
      <div className="field">
        <label htmlFor={`${id}-to`}>{m.to}</label>
        <select id={`${id}-to`} value={to} disabled={busy} onChange={(e) => onChange(from, e.target.value)}>
          {options(to)}
        </select>
      </div>
    </form>
  );
}
