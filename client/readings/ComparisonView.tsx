/**
 * Two versions side by side, paragraph against paragraph: one table whose rows hold both sides,
 * so that the columns scroll together. Words inserted are underlined, words deleted struck
 * through; new, deleted, moved and renumbered paragraphs are marked in the margin column. "Next
 * change" / "Previous change" (keys n and p) scroll to a change, focus it and announce
 * "Change 3 of 12". Each changed row names the proposals it came from, and on the older side
 * those not retained.
 */
import { Fragment, memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { changedRowIndexes } from '../../shared/compare.js';
import type { ComparisonBrief, RowBrief, SideBrief } from '../../shared/compareBrief.js';
import { paragraphDirection } from '../../shared/direction.js';
import { renumberedEntries } from '../../shared/numbering.js';
import type { ProposalBrief } from '../../shared/proposals.js';
import { formatLocalDateTime } from '../dateTime.js';
import { messages } from '../i18n/messages.js';
import { Bracket } from '../proposals/Bracket.js';
import { Marked } from '../proposals/Marked.js';
import '../proposals/compilation.css';
import { navigationStep, stepChange } from './changeNavigation.js';
import './compare.css';
import { DownloadLink } from './DownloadLink.js';
import { proposalPieces, proposalTag } from './proposalPieces.js';
import { RenumberingTable } from './RenumberingTable.js';
import { compareDocxPath } from './routes.js';
import { scrollToRow } from './rowScroll.js';

/** Props of `ComparisonView`. */
export interface ComparisonViewProps {
  comparison: ComparisonBrief;
  negotiationId: string;
  /** The versions compared (snapshot ids or `live`), for the Word export. */
  from: string;
  to: string;
}

function reducedMotion(): boolean {
  return window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

/** The summary, the navigation between changes, the filter, the export and the table. */
export function ComparisonView({ comparison, negotiationId, from, to }: ComparisonViewProps) {
  const m = messages.readings.compare;
  const changes = useMemo(() => changedRowIndexes(comparison), [comparison]);
  const positionOf = useMemo(() => new Map(changes.map((row, pos) => [row, pos])), [changes]);
  const labels = useMemo(() => paragraphLabels(comparison), [comparison]);
  const [changedOnly, setChangedOnly] = useState(false);
  const [current, setCurrent] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const rowElements = useRef(new Map<number, HTMLTableRowElement>());
  const toolbar = useRef<HTMLDivElement>(null);
  const head = useRef<HTMLTableSectionElement>(null);
  const cancelScroll = useRef(() => {});

  const goTo = useCallback(
    (pos: number) => {
      setCurrent(pos);
      setAnnouncement(m.position(pos + 1, changes.length));
      const index = changes[pos]!;
      const row = rowElements.current.get(index);
      if (!row) return;
      row.focus({ preventScroll: true });
      cancelScroll.current();
      cancelScroll.current = scrollToRow(rowElements.current, index, reducedMotion() ? 'auto' : 'smooth');
    },
    [changes, m],
  );
  useEffect(() => () => cancelScroll.current(), []);

  const step = useCallback(
    (direction: 1 | -1) => {
      const next = stepChange(changes.length, current, direction);
      if (next !== null) goTo(next);
    },
    [changes.length, current, goTo],
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

  // The column headings stick below the toolbar, whatever height it wraps to. The observer
  // reports the height once laid out, before the first paint; reading it here would force a
  // layout of the whole table in the middle of the commit. Only the headings depend on it.
  useLayoutEffect(() => {
    const bar = toolbar.current;
    const headings = head.current;
    if (!bar || !headings) return;
    const observer = new ResizeObserver(([entry]) => {
      const height = entry?.borderBoxSize[0]?.blockSize ?? bar.offsetHeight;
      headings.style.setProperty('--cmp-toolbar-height', `${height}px`);
    });
    observer.observe(bar, { box: 'border-box' });
    return () => observer.disconnect();
  }, []);

  const registerRow = useCallback((index: number, el: HTMLTableRowElement | null) => {
    if (el) rowElements.current.set(index, el);
    else rowElements.current.delete(index);
  }, []);

  // Focusing a change (by click or Tab) makes it the current one; the same string twice is no update.
  const onRowFocus = useCallback(
    (pos: number) => {
      setCurrent(pos);
      setAnnouncement(m.position(pos + 1, changes.length));
    },
    [changes.length, m],
  );

  const { older, newer, summary } = comparison;
  return (
    <div className="comparison-frame">
      <div className="cmp-toolbar" ref={toolbar}>
        <p className="cmp-summary" data-testid="compare-summary">
          <strong>{m.summary(summary)}</strong>
          {summary.renumbered > 0 && <span className="muted"> · {m.renumbered(summary.renumbered)}</span>}
        </p>
        <div className="cmp-controls">
          <fieldset className="cmp-nav">
            <legend className="visually-hidden">{m.navLabel}</legend>
            <button
              type="button"
              aria-keyshortcuts="p"
              disabled={changes.length === 0 || current === 0}
              onClick={() => step(-1)}
            >
              <span aria-hidden="true">↑ </span>
              {m.previous}
            </button>
            <button
              type="button"
              className="primary"
              aria-keyshortcuts="n"
              disabled={changes.length === 0 || current === changes.length - 1}
              onClick={() => step(1)}
            >
              <span aria-hidden="true">↓ </span>
              {m.next}
            </button>
            <span className="cmp-position" role="status" aria-live="polite" data-testid="change-position">
              {announcement}
            </span>
          </fieldset>
          <label className="check">
            <input type="checkbox" checked={changedOnly} onChange={(e) => setChangedOnly(e.target.checked)} />
            {m.changedOnly}
          </label>
          <DownloadLink href={compareDocxPath(negotiationId, from, to)} fallbackName="comparison.docx">
            {messages.readings.exports.docxComparison}
          </DownloadLink>
        </div>
        <p className="hint cmp-legend">
          <ins>{m.legendInserted}</ins> · <del>{m.legendDeleted}</del> · {m.shortcuts}
        </p>
      </div>
      {changes.length === 0 && <p className="notice info">{m.noChanges}</p>}
      {comparison.renumbering && (
        <RenumberingTable revision={newer.label} entries={renumberedEntries(comparison.renumbering)} />
      )}
      <table className="comparison-table" data-testid="comparison">
        <caption className="visually-hidden">{m.caption(older.label, newer.label)}</caption>
        <colgroup>
          <col className="col-label" />
          <col />
          <col />
        </colgroup>
        <thead ref={head}>
          <tr>
            <th scope="col">{m.paragraph}</th>
            <th scope="col">
              <VersionHeading label={older.label} takenAt={older.takenAt} live={older.kind === 'live'} />
            </th>
            <th scope="col">
              <VersionHeading label={newer.label} takenAt={newer.takenAt} live={newer.kind === 'live'} />
            </th>
          </tr>
        </thead>
        <tbody>
          {comparison.rows.map((row, i) => {
            const pos = positionOf.get(i);
            if (changedOnly && pos === undefined) return null;
            return (
              <CompareRow
                key={row.right?.pid ?? row.left?.pid ?? `h${i}`}
                row={row}
                index={i}
                position={pos}
                current={pos !== undefined && pos === current}
                labels={labels}
                register={registerRow}
                onFocus={onRowFocus}
              />
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Labels of the paragraphs by id, newer labels first (for "Split from OP5", "Merged into OP7"). */
function paragraphLabels(c: ComparisonBrief): Map<string, string> {
  const labels = new Map<string, string>();
  for (const row of c.rows) {
    if (row.left?.pid && row.left.label) labels.set(row.left.pid, row.left.label);
  }
  for (const row of c.rows) {
    if (row.right?.pid && row.right.label) labels.set(row.right.pid, row.right.label);
  }
  return labels;
}

function VersionHeading({ label, takenAt, live }: { label: string; takenAt: string; live: boolean }) {
  return (
    <span className="cmp-version">
      <span className="cmp-version-label">{label}</span>{' '}
      <span className="cmp-version-date">
        {live ? (
          messages.readings.compare.now
        ) : (
          <time dateTime={takenAt}>{formatLocalDateTime(takenAt)}</time>
        )}
      </span>
    </span>
  );
}

interface CompareRowProps {
  row: RowBrief;
  /** Index of the row in the comparison. */
  index: number;
  /** Position among the changes; undefined for an unchanged row. */
  position: number | undefined;
  current: boolean;
  labels: ReadonlyMap<string, string>;
  register(index: number, el: HTMLTableRowElement | null): void;
  onFocus(position: number): void;
}

/** One row; memoised, so that stepping through the changes re-renders only the two rows concerned. */
const CompareRow = memo(function CompareRow({
  row,
  index,
  position,
  current,
  labels,
  register,
  onFocus,
}: CompareRowProps) {
  const m = messages.readings.compare;
  const change = position !== undefined;
  const badges = rowBadges(row);
  const classes = ['cmp-row', `kind-${row.kind}`, change ? 'is-change' : '', current ? 'current' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <tr
      ref={(el) => register(index, el)}
      className={classes}
      data-kind={row.kind}
      data-change={position}
      tabIndex={change ? -1 : undefined}
      aria-current={current || undefined}
      onFocus={change ? () => onFocus(position) : undefined}
    >
      <th scope="row" className={`cmp-label mark-${badges[0] ?? 'none'}`}>
        <RowLabel row={row} />
        {badges.map((b) => (
          <span key={b} className={`cmp-badge badge-${b}`}>
            {m.kinds[b]}
          </span>
        ))}
        {row.splitFrom && <span className="cmp-hint">{m.splitFrom(labels.get(row.splitFrom) ?? '')}</span>}
        {row.mergedInto && <span className="cmp-hint">{m.mergedInto(labels.get(row.mergedInto) ?? '')}</span>}
      </th>
      <td className="cmp-side cmp-older">
        {row.left ? <SideText side={row.left} /> : <p className="cmp-absent">{m.notInOlder}</p>}
        <RowProposals title={m.notRetained} proposals={row.notRetained} kind="not-retained" />
        <RowProposals title={m.carried} proposals={row.carried} kind="carried-forward" />
      </td>
      <td className="cmp-side cmp-newer">
        {row.right ? <SideText side={row.right} /> : <p className="cmp-absent">{m.notInNewer}</p>}
        <RowProposals title={m.incorporated} proposals={row.incorporated} kind="incorporated" />
      </td>
    </tr>
  );
});

type Badge = 'changed' | 'added' | 'deleted' | 'moved';

/** The marks of a row in the margin column: what happened to the block. */
function rowBadges(row: RowBrief): Badge[] {
  if (row.left === null) return ['added'];
  if (row.right === null) return ['deleted'];
  if (row.kind === 'moved') return row.changed ? ['moved', 'changed'] : ['moved'];
  return row.changed ? ['changed'] : [];
}

function RowLabel({ row }: { row: RowBrief }) {
  const m = messages.readings.compare;
  const side = row.right ?? row.left;
  if (!side?.label) {
    return <span className="visually-hidden">{side?.kind === 'title' ? m.titleRow : m.sectionRow}</span>;
  }
  if (row.renumbered && row.left?.label && row.right?.label) {
    return (
      <span className="cmp-number renumbered">
        <span aria-hidden="true">{m.renumberedLabel(row.left.label, row.right.label)}</span>
        <span className="visually-hidden">{m.renumberedSpoken(row.left.label, row.right.label)}</span>
      </span>
    );
  }
  return <span className="cmp-number">{side.label}</span>;
}

function SideText({ side }: { side: SideBrief }) {
  const m = messages.readings.compare;
  return (
    <p
      className={`cmp-text block-${side.kind}`}
      dir={paragraphDirection(side.pieces.map((piece) => piece.text).join(''))}
    >
      {side.pieces.map((piece, i) => {
        const key = `${i}-${piece.kind}`;
        if (piece.kind === 'del')
          return (
            <del key={key}>
              <span className="visually-hidden">{`${m.spokenDeletion} `}</span>
              <Marked piece={piece} />
              <span className="visually-hidden">{` ${m.spokenEnd}`}</span>
            </del>
          );
        if (piece.kind === 'ins')
          return (
            <ins key={key}>
              <span className="visually-hidden">{`${m.spokenInsertion} `}</span>
              <Marked piece={piece} />
              <span className="visually-hidden">{` ${m.spokenEnd}`}</span>
            </ins>
          );
        return (
          <Fragment key={key}>
            <Marked piece={piece} />
          </Fragment>
        );
      })}
    </p>
  );
}

interface RowProposalsProps {
  title: string;
  proposals: readonly ProposalBrief[];
  kind: 'incorporated' | 'not-retained' | 'carried-forward';
}

function RowProposals({ title, proposals, kind }: RowProposalsProps) {
  if (proposals.length === 0) return null;
  const statuses = messages.proposals.statuses;
  return (
    <div className={`cmp-proposals ${kind}`}>
      <p className="cmp-proposals-title">{title}</p>
      <ul>
        {proposals.map((p) => (
          <li key={p.id}>
            <Bracket
              proposal={p}
              pieces={proposalPieces(p)}
              tag={proposalTag(p)}
              selected={false}
              note={statuses[p.status]}
            />
          </li>
        ))}
      </ul>
    </div>
  );
}
