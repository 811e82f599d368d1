/** One proposal in the side panel, with the actions the viewer may take on it. */
import { type ProposalStatus, type ProposalView, SETTABLE_STATUSES } from '../../shared/proposals.js';
import { changeKind, type TextChange } from '../../shared/wordDiff.js';
import { messages } from '../i18n/messages.js';
import { attributionOf } from './attribution.js';
import { ChangeWords } from './ChangeWords.js';
import { tabledByViewer, type Viewer } from './viewer.js';

/** What a card can ask for. */
export interface CardActions {
  support(id: string): void;
  unsupport(id: string): void;
  edit(p: ProposalView): void;
  withdraw(id: string): void;
  setStatus(id: string, status: ProposalStatus): void;
  apply(id: string): void;
  /** Offers an outdated amendment carried onto the current text. */
  carry(p: ProposalView): void;
}

/** An outdated amendment carried onto the current text, shown on its card for the delegation to table. */
export interface CarriedOnCard {
  /** Its changes against the current text. */
  changes: readonly TextChange[];
  submit(): void;
  edit(): void;
  cancel(): void;
}

/** Props of `ProposalCard`. */
export interface ProposalCardProps {
  proposal: ProposalView;
  viewer: Viewer;
  /** True when it is open in the reading under way: only then can it be supported, edited or withdrawn. */
  live: boolean;
  /**
   * True when it belongs to the reading under way (whatever its status): its support can still
   * change, and the co-facilitators can still set its status or apply it.
   */
  inOpenReading: boolean;
  /** The number of the reading it was carried forward from, if it was. */
  carriedFrom?: number | undefined;
  selected: boolean;
  busy: boolean;
  actions: CardActions;
  carried?: CarriedOnCard | null;
  /** Tabled or changed since the reader's last visit (a mark of its own). */
  since?: 'tabled' | 'updated' | undefined;
}

const APPLICABLE = new Set(['amend', 'alt', 'insert']);

/** A proposal: kind, attribution, content, status and actions. */
export function ProposalCard({
  proposal: p,
  viewer,
  live,
  inOpenReading,
  carriedFrom,
  selected,
  busy,
  actions,
  carried = null,
  since,
}: ProposalCardProps) {
  const m = messages.proposals;
  const mine = tabledByViewer(viewer, p);
  const supporting = viewer.delegation !== null && p.supporters.some((s) => s.code === viewer.delegation);
  const open = live;
  // Withdrawing is the tabling delegation's own act: offered only to show a proposal's status.
  const settable = SETTABLE_STATUSES.filter((s) => s !== 'withdrawn');
  const statuses = settable.includes(p.status as (typeof settable)[number])
    ? settable
    : [...settable, p.status];
  const when = new Date(p.createdAt).toLocaleString();
  return (
    <li
      id={`proposal-${p.id}`}
      tabIndex={-1}
      className={`proposal-card status-${p.status}${selected ? ' selected' : ''}${p.byFacilitators ? ' by-facilitators' : ''}${p.outdated ? ' outdated' : ''}${since ? ' since-visit' : ''}`}
      data-proposal-id={p.id}
      aria-current={selected ? 'true' : undefined}
    >
      <div className="card-head">
        <span className="card-kind">{m.kinds[p.kind]}</span>
        <span className={`badge status-${p.status}`}>{m.statuses[p.status]}</span>
        {p.outdated && <span className="badge outdated">{m.outdated}</span>}
        {since && <span className="badge since-visit">{messages.workspace.since.cardTag[since]}</span>}
      </div>
      <p className="card-attribution">{attributionOf(p)}</p>
      {p.kind === 'amend' && (
        <p className="card-content">
          {p.changes.map((c) => (
            <ChangeWords key={`${c.from}-${c.to}`} change={c} />
          ))}
        </p>
      )}
      {p.text && p.kind !== 'amend' && <p className="card-content">{p.text}</p>}
      {p.outdated && (
        <p className="card-note">{p.kind === 'amend' ? m.panel.outdatedNote : m.panel.removedNote}</p>
      )}
      {carriedFrom !== undefined && (
        <p className="card-note">{m.panel.carriedFrom(messages.readings.readingLabel(carriedFrom))}</p>
      )}
      {p.status === 'open' && !live && <p className="card-note">{m.panel.leftUndecided}</p>}
      {carried && (
        <section className="carried" aria-label={m.carry.action} data-testid="carried">
          <p>{m.carry.preview}</p>
          <p className="card-content">
            {carried.changes.map((c) => (
              <ChangeWords key={`${c.from}-${c.to}`} change={c} className={`card-change ${changeKind(c)}`} />
            ))}
          </p>
          <div className="card-actions">
            <button type="button" className="primary" disabled={busy} onClick={carried.submit}>
              {m.carry.submit}
            </button>
            <button type="button" disabled={busy} onClick={carried.edit}>
              {m.carry.edit}
            </button>
            <button type="button" disabled={busy} onClick={carried.cancel}>
              {m.carry.cancel}
            </button>
          </div>
        </section>
      )}
      <p className="card-meta">
        {m.panel.tabledBy(p.personName, when)}
        {p.version > 1 && ` · ${m.panel.version(p.version)}`}
        {p.appliedAt && ` · ${m.panel.applied}`}
      </p>
      <div className="card-actions">
        {viewer.role === 'delegate' && !mine && open && (
          <button
            type="button"
            disabled={busy}
            onClick={() => (supporting ? actions.unsupport(p.id) : actions.support(p.id))}
          >
            {supporting ? m.actions.unsupport : m.actions.support}
          </button>
        )}
        {viewer.role === 'delegate' && !mine && !open && supporting && inOpenReading && (
          <button type="button" disabled={busy} onClick={() => actions.unsupport(p.id)}>
            {m.actions.unsupport}
          </button>
        )}
        {mine && open && p.kind === 'amend' && p.outdated && !carried && (
          <button type="button" className="primary" disabled={busy} onClick={() => actions.carry(p)}>
            {m.carry.action}
          </button>
        )}
        {/* A text on a paragraph no longer in the text cannot be edited there, only withdrawn. */}
        {mine &&
          open &&
          p.kind !== 'delete' &&
          p.kind !== 'retain' &&
          !(p.outdated && p.kind !== 'amend') && (
            <button type="button" disabled={busy} onClick={() => actions.edit(p)}>
              {m.actions.edit}
            </button>
          )}
        {mine && open && (
          <button type="button" disabled={busy} onClick={() => actions.withdraw(p.id)}>
            {m.actions.withdraw}
          </button>
        )}
        {/* A closed reading's outcomes are its record: only the reading under way is decided here. */}
        {viewer.role === 'facilitator' && inOpenReading && (
          <>
            {APPLICABLE.has(p.kind) && !p.appliedAt && !p.outdated && open && (
              <button type="button" className="primary" disabled={busy} onClick={() => actions.apply(p.id)}>
                {m.actions.apply}
              </button>
            )}
            <label className="field-inline">
              {m.actions.setStatus}{' '}
              <select
                value={p.status}
                disabled={busy || p.status === 'withdrawn'}
                onChange={(e) => actions.setStatus(p.id, e.target.value as ProposalStatus)}
              >
                {statuses.map((s) => (
                  <option key={s} value={s}>
                    {m.statuses[s]}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
      </div>
    </li>
  );
}
