/**
 * `/n/:id/mine`, "My delegation's proposals": every proposal the signed-in person's delegation
 * tabled, tabled for one of its groups, or supports, across readings, in a table with its status,
 * filtered by status and reading and sorted by reading, paragraph or status, all kept in the
 * address. Each row links to the proposal in the compilation.
 */
import { useId } from 'react';
import type { MyProposal } from '../../shared/myProposals.js';
import { formatLocalDateTime } from '../dateTime.js';
import { ErrorNotice } from '../ErrorNotice.js';
import { messages } from '../i18n/messages.js';
import { Link } from '../Link.js';
import { NegotiationFrame } from '../NegotiationHeader.js';
import type { Negotiation } from '../negotiationsApi.js';
import { useQuery } from '../readings/useQuery.js';
import { proposalInTextPath } from '../routing.js';
import type { Me } from '../session/sessionApi.js';
import { useRequest } from '../useRequest.js';
import {
  type ListQuery,
  listQueryParams,
  NO_READING,
  parseListQuery,
  readingKey,
  type SortKey,
  STATUS_FILTERS,
  type StatusFilter,
  shownProposals,
} from './listQuery.js';
import { fetchMyProposals } from './myProposalsApi.js';
import './myProposals.css';

const m = messages.myProposals;

/** Props of `MyProposalsPage`. */
export interface MyProposalsPageProps {
  id: string;
  me: Me;
}

/** The page. */
export function MyProposalsPage({ id, me }: MyProposalsPageProps) {
  return (
    <NegotiationFrame id={id} me={me} current="mine" heading={m.heading}>
      {(negotiation) =>
        negotiation.me.role === 'observer' ? (
          <p className="notice info">{m.observers}</p>
        ) : (
          <MyProposalsList negotiation={negotiation} />
        )
      }
    </NegotiationFrame>
  );
}

function MyProposalsList({ negotiation }: { negotiation: Negotiation }) {
  const [request, retry] = useRequest((signal) => fetchMyProposals(negotiation.id, signal), negotiation.id);
  const [params, setParams] = useQuery();
  if (request.status === 'loading') return <p aria-busy="true">{m.loading}</p>;
  if (request.status === 'failed') return <ErrorNotice error={request.error} onRetry={retry} />;
  const { delegation, proposals } = request.value;
  const query = parseListQuery(params);
  const change = (next: Partial<ListQuery>) => setParams(listQueryParams({ ...query, ...next }));
  const shown = shownProposals(proposals, query);
  const name = negotiation.me.delegationName ?? delegation;
  return (
    <>
      <p>{m.intro(name)}</p>
      {proposals.length === 0 ? (
        <p className="notice info">{m.none}</p>
      ) : (
        <>
          <Filters proposals={proposals} query={query} onChange={change} />
          <ProposalTable
            negotiationId={negotiation.id}
            proposals={shown}
            total={proposals.length}
            sort={query.sort}
            onSort={(sort) => change({ sort })}
          />
          {shown.length === 0 && <p className="notice info">{m.noneMatching}</p>}
        </>
      )}
    </>
  );
}

interface FiltersProps {
  proposals: readonly MyProposal[];
  query: ListQuery;
  onChange: (next: Partial<ListQuery>) => void;
}

function Filters({ proposals, query, onChange }: FiltersProps) {
  const id = useId();
  const readings = new Map<string, string>();
  for (const p of proposals) readings.set(readingKey(p), p.readingLabel ?? m.outsideReadings);
  const statusLabel = (s: StatusFilter) => (s === 'outdated' ? m.outdated : messages.proposals.statuses[s]);
  return (
    <fieldset className="my-proposals-filters">
      <legend>{m.filters}</legend>
      <label htmlFor={`${id}-status`}>{m.status}</label>
      <select
        id={`${id}-status`}
        data-testid="status-filter"
        value={query.status ?? ''}
        onChange={(e) => onChange({ status: (e.target.value || null) as StatusFilter | null })}
      >
        <option value="">{m.any}</option>
        {STATUS_FILTERS.map((s) => (
          <option key={s} value={s}>
            {statusLabel(s)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-reading`}>{m.reading}</label>
      <select
        id={`${id}-reading`}
        data-testid="reading-filter"
        value={query.reading ?? ''}
        onChange={(e) => onChange({ reading: e.target.value || null })}
      >
        <option value="">{m.any}</option>
        {[...readings]
          .sort(([a], [b]) => (a === NO_READING ? -1 : b === NO_READING ? 1 : Number(a) - Number(b)))
          .map(([key, label]) => (
            <option key={key} value={key}>
              {label}
            </option>
          ))}
      </select>
      {(query.status || query.reading) && (
        <button type="button" className="secondary" onClick={() => onChange({ status: null, reading: null })}>
          {m.clear}
        </button>
      )}
    </fieldset>
  );
}

interface ProposalTableProps {
  negotiationId: string;
  proposals: readonly MyProposal[];
  total: number;
  sort: SortKey;
  onSort: (sort: SortKey) => void;
}

function ProposalTable({ negotiationId, proposals, total, sort, onSort }: ProposalTableProps) {
  const c = m.columns;
  const sortable = (key: SortKey, label: string) => (
    <th scope="col" aria-sort={sort === key ? 'ascending' : undefined}>
      <button
        type="button"
        className="sort-button"
        onClick={() => onSort(key)}
        aria-pressed={sort === key}
        title={m.sortBy(label)}
      >
        {label}
        <span aria-hidden="true">{sort === key ? ' ▲' : ''}</span>
      </button>
    </th>
  );
  return (
    <table className="data-table my-proposals-table" data-testid="my-proposals-table">
      <caption aria-live="polite">{m.caption(proposals.length, total)}</caption>
      <thead>
        <tr>
          {sortable('reading', c.reading)}
          {sortable('paragraph', c.paragraph)}
          <th scope="col">{c.proposal}</th>
          {sortable('status', c.status)}
          <th scope="col">{c.supporters}</th>
          <th scope="col">{c.dates}</th>
        </tr>
      </thead>
      <tbody>
        {proposals.map((p) => (
          <ProposalRow key={p.id} negotiationId={negotiationId} p={p} />
        ))}
      </tbody>
    </table>
  );
}

/** The change a proposal makes, in a few words. */
function changeInBrief(p: MyProposal): string {
  if (p.kind === 'amend')
    return p.changes
      .map((ch) =>
        ch.deleted && ch.inserted
          ? m.replace(ch.deleted.trim(), ch.inserted.trim())
          : ch.deleted
            ? m.strike(ch.deleted.trim())
            : m.add(ch.inserted.trim()),
      )
      .join('; ');
  return p.text.length > 160 ? `${p.text.slice(0, 157)}…` : p.text;
}

function ProposalRow({ negotiationId, p }: { negotiationId: string; p: MyProposal }) {
  const kind = messages.proposals.kinds[p.kind];
  const label = p.paragraphLabel ?? m.noLabel;
  const who =
    p.relation === 'group'
      ? m.forGroup(p.delegation.name, p.tabledBy?.name ?? null)
      : p.relation === 'supported'
        ? m.tabledBy(p.delegation.name)
        : null;
  return (
    <tr data-testid="my-proposal" data-proposal-id={p.id} data-status={p.status}>
      <td>{p.readingLabel ?? m.outsideReadings}</td>
      <th scope="row">
        {label}
        {p.tabledAsLabel && <span className="my-proposals-aside"> ({m.tabledAs(p.tabledAsLabel)})</span>}
      </th>
      <td>
        <Link href={proposalInTextPath(negotiationId, p.id)} aria-label={m.open(`${label}, ${kind}`)}>
          {kind}
        </Link>{' '}
        <span className={`relation-badge ${p.relation}`}>{m.relations[p.relation]}</span>
        {who && <span className="my-proposals-aside"> {who}</span>}
        {changeInBrief(p) && <span className="my-proposals-change">{changeInBrief(p)}</span>}
      </td>
      <td>
        {messages.proposals.statuses[p.status]}
        {p.outdated && <span className="outdated-flag">{m.outdated}</span>}
        {p.carriedFrom && <span className="my-proposals-aside"> ({m.carriedFrom})</span>}
      </td>
      <td>{p.supporters.length ? p.supporters.map((s) => s.name).join(', ') : m.noSupporters}</td>
      <td>
        {m.tabled(formatLocalDateTime(p.createdAt))}
        {p.updatedAt !== p.createdAt && (
          <>
            <br />
            {m.updated(formatLocalDateTime(p.updatedAt))}
          </>
        )}
      </td>
    </tr>
  );
}
