/** The side panel of the selected paragraph: its proposals, their actions, and tabling new ones. */
import type { NegotiationState } from '../../shared/negotiationState.js';
import {
  isLive,
  PARAGRAPH_STATUSES,
  type ParagraphStatus,
  type ProposalKind,
  type ProposalView,
} from '../../shared/proposals.js';
import { traceReading } from '../../shared/shownProposals.js';
import { messages } from '../i18n/messages.js';
import { type ProposalFilter, passes } from './compiledText.js';
import { type CardActions, type CarriedOnCard, ProposalCard } from './ProposalCard.js';
import { tablingClosed, tablingClosedMessage } from './tablingClosed.js';
import type { Viewer } from './viewer.js';

/** Props of `ProposalPanel`. */
export interface ProposalPanelProps {
  viewer: Viewer;
  /** The selected paragraph, or null. */
  paragraph: { pid: string; label: string; status: ParagraphStatus } | null;
  proposals: readonly ProposalView[];
  /** Where the negotiation stands (which reading is open); null until known. */
  negotiation: NegotiationState | null;
  filter: ProposalFilter;
  selectedProposal: string | null;
  busy: boolean;
  actions: CardActions & {
    start(kind: ProposalKind): void;
    table(kind: 'delete' | 'retain'): void;
    setParagraphStatus(status: ParagraphStatus): void;
  };
  /** A form shown in the panel (new paragraph, alternative, comment), if any. */
  form: React.ReactNode;
  /** An outdated amendment carried onto the current text, awaiting the delegation's word. */
  carried?: (CarriedOnCard & { id: string }) | null;
  /** Proposals tabled or changed since the reader's last visit. */
  since?: ReadonlyMap<string, 'tabled' | 'updated'>;
  /** False where proposals are not tabled (the co-facilitators' edit view); default true. */
  propose?: boolean;
}

/** Lists and acts on the proposals of one paragraph. */
export function ProposalPanel({
  viewer,
  paragraph,
  proposals,
  negotiation,
  filter,
  selectedProposal,
  busy,
  actions,
  form,
  carried = null,
  since,
  propose = true,
}: ProposalPanelProps) {
  const m = messages.proposals;
  if (!paragraph) return <p className="panel-empty">{m.panel.empty}</p>;
  const closed = tablingClosed(paragraph.status, negotiation);
  const all = proposals.filter((p) => p.pid === paragraph.pid && passes(p, filter));
  // The reading under way (else the one of the latest proposal anywhere); earlier readings fold away.
  const current = negotiation ? traceReading(negotiation) : (proposals.at(-1)?.readingId ?? null);
  const list = all.filter((p) => p.readingId === current);
  const earlier = all.filter((p) => p.readingId !== current);
  const readingNumbers = new Map(negotiation?.readings.map((r) => [r.id, r.number]));
  const openReadingId = negotiation ? (negotiation.openReading?.id ?? null) : undefined;
  const cards = (items: readonly ProposalView[]) =>
    items.map((p) => (
      <ProposalCard
        key={p.id}
        proposal={p}
        viewer={viewer}
        live={openReadingId === undefined ? p.status === 'open' : isLive(p, openReadingId)}
        inOpenReading={
          openReadingId === undefined || (openReadingId !== null && p.readingId === openReadingId)
        }
        carriedFrom={p.carriedFrom ? readingNumbers.get(p.carriedFrom) : undefined}
        selected={p.id === selectedProposal}
        since={since?.get(p.id)}
        busy={busy}
        actions={actions}
        carried={carried?.id === p.id ? carried : null}
      />
    ));
  const canTable = viewer.role !== 'observer' && propose;
  return (
    <div className="proposal-panel" data-pid={paragraph.pid}>
      <h2 id="panel-heading">{m.panel.heading(paragraph.label)}</h2>
      <div className="panel-status">
        {viewer.role === 'facilitator' ? (
          <label className="field-inline">
            {m.panel.paragraphStatus}{' '}
            <select
              value={paragraph.status}
              disabled={busy}
              onChange={(e) => actions.setParagraphStatus(e.target.value as ParagraphStatus)}
            >
              {PARAGRAPH_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {m.paragraphStatuses[s]}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <span className={`badge status-${paragraph.status}`}>{m.paragraphStatuses[paragraph.status]}</span>
        )}
      </div>
      {viewer.role === 'observer' && <p className="panel-note">{m.panel.observerNote}</p>}
      {canTable && closed && <p className="panel-note">{tablingClosedMessage(closed)}</p>}
      {canTable && !closed && (
        <section aria-labelledby="propose-heading" className="propose">
          <h3 id="propose-heading">{m.panel.propose}</h3>
          <div className="propose-actions">
            <button type="button" className="primary" disabled={busy} onClick={() => actions.start('amend')}>
              {m.actions.amend}
            </button>
            <button type="button" disabled={busy} onClick={() => actions.start('insert')}>
              {m.actions.insert}
            </button>
            <button type="button" disabled={busy} onClick={() => actions.start('alt')}>
              {m.actions.alt}
            </button>
            <button type="button" disabled={busy} onClick={() => actions.table('delete')}>
              {m.actions.delete}
            </button>
            <button type="button" disabled={busy} onClick={() => actions.table('retain')}>
              {m.actions.retain}
            </button>
            <button type="button" disabled={busy} onClick={() => actions.start('comment')}>
              {m.actions.comment}
            </button>
          </div>
          {form}
        </section>
      )}
      {list.length === 0 ? (
        <p className="panel-note">{m.panel.none}</p>
      ) : (
        <ul className="proposal-list" aria-labelledby="panel-heading">
          {cards(list)}
        </ul>
      )}
      {earlier.length > 0 && (
        <details className="earlier-readings" open={earlier.some((p) => p.id === selectedProposal)}>
          <summary>{m.panel.earlier(earlier.length)}</summary>
          <ul className="proposal-list">{cards(earlier)}</ul>
        </details>
      )}
    </div>
  );
}
