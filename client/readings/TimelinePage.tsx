/**
 * `/n/:id/timeline`: every revision and reading with its dates (the reader's time and the
 * negotiation's), who circulated, opened and closed it, the proposals' outcomes of closed
 * readings, the open reading's deadline with the time left; for co-facilitators the controls of
 * the cycle. Any record opens read-only; "Verify records" checks them all. The timeline is
 * fetched again whenever the live state of the negotiation moves (a reading opened or closed, a
 * revision circulated, a deadline moved), by whoever did it.
 */
import { useEffect, useRef } from 'react';
import { ErrorNotice } from '../ErrorNotice.js';
import { messages } from '../i18n/messages.js';
import { NegotiationFrame } from '../NegotiationHeader.js';
import type { Negotiation } from '../negotiationsApi.js';
import { useBoard } from '../proposals/useBoard.js';
import { readerTimeZone, zoneCity } from '../roadmap/zonedTime.js';
import type { Me } from '../session/sessionApi.js';
import { useRequest } from '../useRequest.js';
import './readings.css';
import './timeline.css';
import { ReadingControls } from './ReadingControls.js';
import { fetchTimeline, type Timeline } from './readingsApi.js';
import { TimeLeft } from './TimeLeft.js';
import { TimelineList } from './TimelineList.js';
import { openReadingOf } from './timelineEntries.js';
import { VerifyRecords } from './VerifyRecords.js';
import { ZonedTime } from './ZonedTime.js';

/** Props of `TimelinePage`. */
export interface TimelinePageProps {
  id: string;
  me: Me;
}

/** The timeline page. */
export function TimelinePage({ id, me }: TimelinePageProps) {
  return (
    <NegotiationFrame id={id} me={me} current="timeline" heading={messages.readings.timeline.heading}>
      {(negotiation) => <TimelineView negotiation={negotiation} />}
    </NegotiationFrame>
  );
}

function TimelineView({ negotiation }: { negotiation: Negotiation }) {
  const m = messages.readings.timeline;
  const [request, retry, reload] = useRequest(
    (signal) => fetchTimeline(negotiation.id, signal),
    negotiation.id,
  );
  const live = useBoard(negotiation.id).negotiation;
  const liveKey = live
    ? `${live.stage}|${live.openReading?.id ?? ''}|${live.openReading?.deadline ?? ''}|${live.latestRevision?.id ?? ''}|${live.readings.length}`
    : null;
  const seenKey = useRef<string | null>(null);
  useEffect(() => {
    if (liveKey === null) return;
    if (seenKey.current !== null && seenKey.current !== liveKey) reload();
    seenKey.current = liveKey;
  }, [liveKey, reload]);
  if (request.status === 'loading') return <p aria-busy="true">{m.loading}</p>;
  if (request.status === 'failed') return <ErrorNotice error={request.error} onRetry={retry} />;
  const timeline = request.value;
  const labels = new Map(timeline.snapshots.map((s) => [s.id, s.label]));
  return (
    <div className="timeline-page">
      <ZoneNote zone={timeline.timeZone} />
      <CurrentState timeline={timeline} />
      {negotiation.me.role === 'facilitator' && (
        <ReadingControls negotiationId={negotiation.id} timeline={timeline} onChanged={reload} />
      )}
      <section aria-labelledby="timeline-history">
        <h2 id="timeline-history">{m.caption}</h2>
        <TimelineList negotiationId={negotiation.id} timeline={timeline} />
      </section>
      {timeline.snapshots.length > 0 && <VerifyRecords negotiationId={negotiation.id} labels={labels} />}
    </div>
  );
}

function ZoneNote({ zone }: { zone: string }) {
  const m = messages.readings.times;
  const reader = readerTimeZone();
  return (
    <p className="hint zone-note">
      {reader === zone ? m.sameZoneNote(zoneCity(zone), zone) : m.note(reader, zoneCity(zone), zone)}
    </p>
  );
}

function CurrentState({ timeline }: { timeline: Timeline }) {
  const m = messages.readings.timeline;
  const open = openReadingOf(timeline);
  return (
    <section
      className={`current-state${open ? ' open' : ''}`}
      aria-labelledby="current-state"
      data-testid="current-state"
    >
      <h2 id="current-state">{m.current}</h2>
      {open ? (
        <>
          <p className="current-title">{m.readingOpenSince(open.label, open.revisionLabel)}</p>
          <p>
            {m.deadline}: <ZonedTime iso={open.deadline} zone={timeline.timeZone} />
          </p>
          <p className="current-left">
            <TimeLeft deadline={open.deadline} />
          </p>
        </>
      ) : (
        <p>{m.noReadingOpen}</p>
      )}
    </section>
  );
}
