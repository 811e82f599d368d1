/** The history of revisions and readings, oldest first, each with its facts and links. */
import { PROPOSAL_STATUSES } from '../../shared/proposals.js';
import { messages } from '../i18n/messages.js';
import { Link } from '../Link.js';
import { RenumberingTable } from './RenumberingTable.js';
import type { Timeline } from './readingsApi.js';
import { comparePath, snapshotPath } from './routes.js';
import { type CompareTarget, type TimelineEntry, timelineEntries } from './timelineEntries.js';
import { ZonedTime } from './ZonedTime.js';

/** Props of `TimelineList`. */
export interface TimelineListProps {
  negotiationId: string;
  timeline: Timeline;
}

/** An ordered list of the entries. */
export function TimelineList({ negotiationId, timeline }: TimelineListProps) {
  const entries = timelineEntries(timeline);
  if (entries.length === 0) return <p>{messages.readings.timeline.empty}</p>;
  return (
    <ol className="timeline" data-testid="timeline">
      {entries.map((entry) => (
        <li
          key={entry.kind === 'revision' ? entry.snapshot.id : entry.reading.id}
          className={`tl-entry tl-${entry.kind}${entry.kind === 'reading' && !entry.record ? ' tl-open' : ''}`}
        >
          {entry.kind === 'revision' ? (
            <RevisionEntry negotiationId={negotiationId} entry={entry} zone={timeline.timeZone} />
          ) : (
            <ReadingEntryView negotiationId={negotiationId} entry={entry} zone={timeline.timeZone} />
          )}
        </li>
      ))}
    </ol>
  );
}

interface EntryProps<K extends TimelineEntry['kind']> {
  negotiationId: string;
  entry: Extract<TimelineEntry, { kind: K }>;
  zone: string;
}

function RevisionEntry({ negotiationId, entry, zone }: EntryProps<'revision'>) {
  const m = messages.readings.timeline;
  const s = entry.snapshot;
  return (
    <>
      <h3 className="tl-heading">
        <span className="tl-marker" aria-hidden="true" />
        {s.label} <span className="tl-kind">{m.revision}</span>
      </h3>
      <dl className="tl-facts">
        <div>
          <dt>{m.circulated}</dt>
          <dd>
            <ZonedTime iso={s.takenAt} zone={zone} /> {m.by(s.takenBy)}
          </dd>
        </div>
        <div>
          <dt>{m.hash}</dt>
          <dd>
            <code className="hash" title={s.hash}>
              {s.hash.slice(0, 16)}…
            </code>{' '}
            · {m.paragraphs(s.paragraphs)}
          </dd>
        </div>
        {s.renumbered && (
          <div>
            <dt>{m.numbers}</dt>
            <dd>
              <RenumberingTable revision={s.label} entries={s.renumbered} />
            </dd>
          </div>
        )}
      </dl>
      <EntryLinks negotiationId={negotiationId} open={{ id: s.id, label: s.label }} compare={entry.compare} />
    </>
  );
}

function ReadingEntryView({ negotiationId, entry, zone }: EntryProps<'reading'>) {
  const m = messages.readings.timeline;
  const r = entry.reading;
  const record = entry.record;
  return (
    <>
      <h3 className="tl-heading">
        <span className="tl-marker" aria-hidden="true" />
        {r.label} <span className="tl-kind">{m.on(r.revisionLabel)}</span>{' '}
        <span className={`state-badge ${record ? 'closed' : 'open'}`}>
          {record ? m.stateClosed : m.stateOpen}
        </span>
      </h3>
      <dl className="tl-facts">
        <div>
          <dt>{m.opened}</dt>
          <dd>
            <ZonedTime iso={r.openedAt} zone={zone} /> {m.by(r.openedBy)}
          </dd>
        </div>
        <div>
          <dt>{m.deadline}</dt>
          <dd>
            <ZonedTime iso={r.deadline} zone={zone} />
          </dd>
        </div>
        {r.closedAt && (
          <div>
            <dt>{m.closed}</dt>
            <dd>
              <ZonedTime iso={r.closedAt} zone={zone} /> {r.closedBy && m.by(r.closedBy)}
            </dd>
          </div>
        )}
        {record && (
          <div>
            <dt>{m.proposals}</dt>
            <dd>
              <ProposalCounts counts={record.proposalCounts} />
            </dd>
          </div>
        )}
        {record && (
          <div>
            <dt>{m.hash}</dt>
            <dd>
              <code className="hash" title={record.hash}>
                {record.hash.slice(0, 16)}…
              </code>
            </dd>
          </div>
        )}
      </dl>
      <EntryLinks
        negotiationId={negotiationId}
        open={record ? { id: record.id, label: record.label } : null}
        compare={entry.compare}
      />
    </>
  );
}

function ProposalCounts({ counts }: { counts: Readonly<Record<string, number>> }) {
  const m = messages.readings.timeline;
  const statuses = messages.proposals.statuses;
  const shown = PROPOSAL_STATUSES.filter((s) => (counts[s] ?? 0) > 0);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  if (total === 0) return <span>{m.noProposals}</span>;
  return (
    <span className="proposal-counts">
      <ul>
        {shown.map((s) => (
          <li key={s} className={`count status-${s}`} data-status={s}>
            <strong>{counts[s]}</strong> {statuses[s]}
          </li>
        ))}
      </ul>
      <span className="muted">{m.proposalTotal(total)}</span>
    </span>
  );
}

interface EntryLinksProps {
  negotiationId: string;
  open: { id: string; label: string } | null;
  compare: CompareTarget | null;
}

function EntryLinks({ negotiationId, open, compare }: EntryLinksProps) {
  const m = messages.readings.timeline;
  if (!open && !compare) return null;
  return (
    <p className="tl-links">
      {open && <Link href={snapshotPath(negotiationId, open.id)}>{m.openRecord(open.label)}</Link>}
      {compare && (
        <Link href={comparePath(negotiationId, compare.from.id, compare.to.id)}>
          {m.compare(compare.from.label, compare.to.label ?? m.liveText)}
        </Link>
      )}
    </p>
  );
}
