/**
 * `/n/:id/snapshot/:snapshotId`: a circulated revision, a closed reading's record, or the live
 * text, read-only, in clean or compilation view, with its hash, "Verify records", exports and
 * comparisons.
 */
import { ErrorNotice } from '../ErrorNotice.js';
import { messages } from '../i18n/messages.js';
import { Link } from '../Link.js';
import { NegotiationFrame } from '../NegotiationHeader.js';
import type { Me } from '../session/sessionApi.js';
import { useRequest } from '../useRequest.js';
import { ExportLinks } from './ExportLinks.js';
import { ModeToggle } from './ModeToggle.js';
import './readings.css';
import './records.css';
import { ChainStamp } from './ChainStamp.js';
import { fetchSnapshot, fetchTimeline, type SnapshotAnswer, type Timeline } from './readingsApi.js';
import { comparePath, LIVE, modeOf, type TextMode, timelinePath } from './routes.js';
import { SnapshotText } from './SnapshotText.js';
import { useLiveContext } from './useLiveContext.js';
import { useQuery } from './useQuery.js';
import { VerifyRecords } from './VerifyRecords.js';
import { ZonedTime } from './ZonedTime.js';

/** Props of `SnapshotPage`. */
export interface SnapshotPageProps {
  id: string;
  snapshotId: string;
  me: Me;
}

/** The page of one snapshot. */
export function SnapshotPage({ id, snapshotId, me }: SnapshotPageProps) {
  const m = messages.readings.snapshot;
  const [request, retry] = useRequest(
    (signal) => Promise.all([fetchSnapshot(id, snapshotId, signal), fetchTimeline(id, signal)]),
    `${id}/${snapshotId}`,
  );
  const heading = request.status === 'done' ? request.value[0].snapshot.label : m.loadingHeading;
  return (
    <NegotiationFrame id={id} me={me} current="timeline" heading={heading}>
      {() =>
        request.status === 'loading' ? (
          <p aria-busy="true">{m.loading}</p>
        ) : request.status === 'failed' ? (
          <ErrorNotice error={request.error} onRetry={retry} />
        ) : (
          <SnapshotView
            negotiationId={id}
            snapshotId={snapshotId}
            answer={request.value[0]}
            timeline={request.value[1]}
          />
        )
      }
    </NegotiationFrame>
  );
}

interface SnapshotViewProps {
  negotiationId: string;
  snapshotId: string;
  answer: SnapshotAnswer;
  timeline: Timeline;
}

function SnapshotView({ negotiationId, snapshotId, answer, timeline }: SnapshotViewProps) {
  const m = messages.readings.snapshot;
  const [query, setQuery] = useQuery();
  const mode = modeOf(`?${query}`);
  const setMode = (next: TextMode) => setQuery(next === 'clean' ? {} : { mode: next });
  const { snapshot, hash } = answer;
  const live = useLiveContext(negotiationId, snapshotId);
  const meta = timeline.snapshots.find((s) => s.id === snapshotId);
  const labels = new Map(timeline.snapshots.map((s) => [s.id, s.label]));
  const previous = meta && timeline.snapshots.filter((s) => s.kind === 'revision' && s.seq < meta.seq).at(-1);
  const taken = { revision: m.takenRevision, reading: m.takenReading, live: m.takenLive }[snapshot.kind];
  return (
    <div className="snapshot-layout">
      <aside className="snapshot-side" aria-label={m.kinds[snapshot.kind]}>
        <p className={`snapshot-kind kind-${snapshot.kind}`}>{m.kinds[snapshot.kind]}</p>
        <dl className="snapshot-facts">
          <div>
            <dt>{taken}</dt>
            <dd>
              <ZonedTime iso={snapshot.takenAt} zone={timeline.timeZone} />
              {meta && ` ${messages.readings.timeline.by(meta.takenBy)}`}
            </dd>
          </div>
          {hash && (
            <div>
              <dt>{m.hash}</dt>
              <dd>
                <code className="hash full" data-testid="snapshot-hash">
                  {hash}
                </code>
              </dd>
            </div>
          )}
        </dl>
        <ChainStamp chain={answer.chain} hash={null} />
        {hash && <VerifyRecords negotiationId={negotiationId} labels={labels} />}
        <ModeToggle mode={mode} onChange={setMode} />
        <ExportLinks
          negotiationId={negotiationId}
          snapshotId={snapshotId}
          mode={mode}
          label={snapshot.label}
        />
        <ul className="snapshot-links">
          {previous && (
            <li>
              <Link href={comparePath(negotiationId, previous.id, snapshotId)}>
                {messages.readings.timeline.compare(previous.label, snapshot.label)}
              </Link>
            </li>
          )}
          {snapshotId !== LIVE && (
            <li>
              <Link href={comparePath(negotiationId, snapshotId, LIVE)}>
                {m.compareWithLive(snapshot.label)}
              </Link>
            </li>
          )}
          <li>
            <Link href={timelinePath(negotiationId)}>{m.backToTimeline}</Link>
          </li>
        </ul>
      </aside>
      <div className="snapshot-main">
        {mode === 'compilation' && snapshot.kind === 'revision' && (
          <p className="notice info">{m.revisionHasNoProposals}</p>
        )}
        {mode === 'compilation' && snapshot.kind === 'reading' && <p className="hint">{m.outcomeNote}</p>}
        <SnapshotText snapshot={snapshot} mode={mode} live={live} />
      </div>
    </div>
  );
}
