/** The side panel of the selected paragraph: its proposals, their actions, and tabling new ones. */
import type { Collision } from '../../shared/collisions.js';
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
  /** The paragraph's colliding proposals (`findCollisions`), listed first, group by group. */
  collisions?: readonly Collision[] | undefined;
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
  collisions = [],
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
  const inReading = all.filter((p) => p.readingId === current);
  // Colliding groups first (those of their proposals the filter lets through), then the others.
  const shownIds = new Set(inReading.map((p) => p.id));
  const groups = collisions
    .map((c) => ({ shown: c.proposals.filter((p) => shownIds.has(p.id)), total: c.proposals.length }))
    .filter((g) => g.shown.length > 0);
  const grouped = new Set(groups.flatMap((g) => g.shown.map((p) => p.id)));
  const list = inReading.filter((p) => !grouped.has(p.id));
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
      {groups.length > 0 && (
        <section aria-labelledby="collisions-heading" className="collisions">
          <h3 id="collisions-heading">{m.collisions.heading}</h3>
          {groups.map((g, i) => (
            <section
              key={g.shown[0]!.id}
              className="collision-group"
              aria-labelledby={`collision-${i + 1}`}
              data-testid="collision-group"
            >
              <h4 id={`collision-${i + 1}`}>{m.collisions.group(i + 1, g.total)}</h4>
              <ul className="proposal-list">{cards(g.shown)}</ul>
            </section>
          ))}
        </section>
      )}
      {groups.length > 0 && list.length > 0 && <h3 id="others-heading">{m.collisions.others}</h3>}
      {list.length === 0 && groups.length === 0 ? (
        <p className="panel-note">{m.panel.none}</p>
      ) : (
        list.length > 0 && (
          <ul
            className="proposal-list"
            aria-labelledby={groups.length > 0 ? 'others-heading' : 'panel-heading'}
          >
            {cards(list)}
          </ul>
        )
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
