/**
 * "N changes since your last visit": a bar above the text with the count, a summary, buttons (and
 * the keys n and p, and Alt+N and Alt+P from anywhere, the text being edited included) to go from
 * one change to the next, and the list of changes, each a button that goes to it; reworded
 * paragraphs show their words struck out and put in.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Piece } from '../../shared/pieces.js';
import { trackChanges } from '../../shared/trackChanges.js';
import { isNavigable, type Visit, type VisitChange } from '../../shared/visits.js';
import { formatLocalDateTime } from '../dateTime.js';
import { messages } from '../i18n/messages.js';
import { attributionOf } from '../proposals/attribution.js';
import { navigationStep, stepChange, stepChord } from '../readings/changeNavigation.js';
import './visits.css';

/** Props of `SinceLastVisit`. */
export interface SinceLastVisitProps {
  visit: Visit;
  changes: readonly VisitChange[];
  /** Shows a change in the text. */
  onGo(change: VisitChange): void;
  /** The reader has seen the changes. */
  onDismiss(): void;
}

/**
 * The words of `after` with what changed from `before` struck out and put in, a space between
 * the words struck and those that replace them (`trackChanges`).
 */
export function diffPieces(before: string, after: string): Piece[] {
  return trackChanges(before, after);
}

/** What a change is, in a few words. */
function describe(c: VisitChange): string {
  const m = messages.workspace.since.kinds;
  const p = messages.proposals;
  switch (c.kind) {
    case 'text':
      return m.text;
    case 'added':
      return m.added;
    case 'removed':
      return m.removed;
    case 'status':
      return m.status(p.paragraphStatuses[c.before], p.paragraphStatuses[c.after]);
    case 'tabled':
      return m.tabled(p.kinds[c.proposal.kind], attributionOf(c.proposal));
    case 'updated':
      return m.updated(p.kinds[c.proposal.kind], attributionOf(c.proposal), p.statuses[c.proposal.status]);
  }
}

/** Counts for the summary line. */
function summaryOf(changes: readonly VisitChange[]) {
  const count = (kinds: VisitChange['kind'][]) => changes.filter((c) => kinds.includes(c.kind)).length;
  return {
    text: count(['text']),
    added: count(['added']),
    removed: count(['removed']),
    status: count(['status']),
    proposals: count(['tabled', 'updated']),
  };
}

/** The bar of changes since the last visit. */
export function SinceLastVisit({ visit, changes, onGo, onDismiss }: SinceLastVisitProps) {
  const m = messages.workspace.since;
  const stops = useMemo(() => changes.filter(isNavigable), [changes]);
  const [current, setCurrent] = useState<number | null>(null);
  // The words of each change are worked out only while the list is open.
  const [listOpen, setListOpen] = useState(false);
  const when = formatLocalDateTime(visit.at);

  const go = useCallback(
    (change: VisitChange) => {
      const pos = stops.indexOf(change);
      if (pos >= 0) setCurrent(pos);
      onGo(change);
    },
    [stops, onGo],
  );
  const step = useCallback(
    (direction: 1 | -1) => {
      const next = stepChange(stops.length, current, direction);
      if (next !== null) go(stops[next]!);
    },
    [stops, current, go],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const direction = navigationStep(event);
      if (direction === 0) return;
      event.preventDefault();
      step(direction);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [step]);
  const chord = useMemo(() => stepChord(), []);

  if (changes.length === 0) {
    return (
      <section className="since-visit-bar quiet" aria-label={m.region} data-testid="since-visit">
        <p>
          {m.none} · {m.lastVisit(when)}
        </p>
      </section>
    );
  }
  return (
    <section className="since-visit-bar" aria-labelledby="since-visit-heading" data-testid="since-visit">
      <div className="since-visit-head">
        <h2 id="since-visit-heading">{m.heading(changes.length)}</h2>
        <p className="since-visit-summary">
          {m.summary(summaryOf(changes))} · {m.lastVisit(when)}
        </p>
      </div>
      {/* biome-ignore lint/a11y/useSemanticElements: a group of buttons, not a form fieldset */}
      <div className="since-visit-nav" role="group" aria-label={m.navLabel}>
        <button
          type="button"
          onClick={() => step(-1)}
          disabled={current === 0}
          aria-keyshortcuts={`p ${chord.previous}`}
        >
          {m.previous}
        </button>
        <span className="since-visit-position" aria-live="polite">
          {current === null ? '' : m.position(current + 1, stops.length)}
        </span>
        <button
          type="button"
          onClick={() => step(1)}
          disabled={current === stops.length - 1}
          aria-keyshortcuts={`n ${chord.next}`}
        >
          {m.next}
        </button>
        <button type="button" className="since-visit-dismiss" onClick={onDismiss}>
          {m.dismiss}
        </button>
      </div>
      <p className="since-visit-keys">{m.shortcuts(chord.nextLabel, chord.previousLabel)}</p>
      <details className="since-visit-list" onToggle={(e) => setListOpen(e.currentTarget.open)}>
        <summary>{m.list}</summary>
        <ol>
          {changes.map((c, i) => (
            <li
              // biome-ignore lint/suspicious/noArrayIndexKey: the list is rebuilt as a whole; a change has no id
              key={i}
              className={`since-change ${c.kind}${stops[current ?? -1] === c ? ' current' : ''}`}
            >
              {isNavigable(c) ? (
                <button type="button" className="link-button" onClick={() => go(c)}>
                  <strong>{c.label}</strong> {describe(c)}
                </button>
              ) : (
                <span>
                  <strong>{m.removedLabel(c.label)}</strong> {describe(c)}
                </span>
              )}
              {listOpen && c.kind === 'text' && (
                <p className="since-diff">
                  {diffPieces(c.before, c.after).map((piece, j) =>
                    piece.kind === 'del' ? (
                      // biome-ignore lint/suspicious/noArrayIndexKey: pieces have no identity
                      <del key={j}>{piece.text}</del>
                    ) : piece.kind === 'ins' ? (
                      // biome-ignore lint/suspicious/noArrayIndexKey: pieces have no identity
                      <ins key={j}>{piece.text}</ins>
                    ) : (
                      // biome-ignore lint/suspicious/noArrayIndexKey: pieces have no identity
                      <span key={j}>{piece.text}</span>
                    ),
                  )}
                </p>
              )}
              {c.kind === 'removed' && (
                <p className="since-diff">
                  <del>{c.before}</del>
                </p>
              )}
            </li>
          ))}
        </ol>
      </details>
    </section>
  );
}
