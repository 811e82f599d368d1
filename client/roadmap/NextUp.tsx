/**
 * The compact "what comes next" of the negotiation header: where the negotiation stands, the
 * activity going on or starting next, and the next deadline, each with its time in the
 * negotiation's zone and the reader's, and a live countdown. The countdown is a `timer` (not
 * announced as it ticks) with readable words. The stage and the open reading's deadline come
 * live from the proposals document (`live`), so they change as the co-facilitators act and as
 * the deadline passes; the roadmap's activities and deadlines are asked of the server, again
 * whenever the live state moves.
 */
import { useEffect, useId, useState } from 'react';
import type { NegotiationState } from '../../shared/negotiationState.js';
import { countdown } from '../../shared/time.js';
import { messages } from '../i18n/messages.js';
import { Link } from '../Link.js';
import { roadmapPath } from '../routing.js';
import { fetchNext, type NextData } from './roadmapApi.js';
import { useNow } from './useNow.js';
import { formatInstant, readerTimeZone } from './zonedTime.js';
import './roadmap.css';

/** How often the next activity and deadline are asked again, besides when one of them comes. */
const REFRESH_MS = 5 * 60_000;

/** Props of `NextUp`. */
export interface NextUpProps {
  negotiationId: string;
  timeZone: string;
  /** Where the negotiation stands, live; null until known (the server's answer alone is shown). */
  live?: NegotiationState | null;
}

/** A deadline as the header shows it. */
interface ShownDeadline {
  title: string;
  at: string;
  /** True for the open reading's deadline once it has passed. */
  passed: boolean;
}

/**
 * The deadline to show: the earliest still to come of the roadmap's next one and the open
 * reading's; else the open reading's that passed while it is still open.
 */
function shownDeadline(
  next: NextData | null,
  live: NegotiationState | null,
  now: number,
): ShownDeadline | null {
  const m = messages.roadmap.nextUp;
  const server = next?.deadline ?? null;
  if (!live) {
    if (!server) return null;
    const title =
      server.source === 'roadmap'
        ? server.entry.title
        : m.readingDeadline(messages.roadmap.reading(server.reading.readingNumber));
    return { title, at: server.at, passed: false };
  }
  const reading = live.openReading;
  const candidates: ShownDeadline[] = [];
  if (server?.source === 'roadmap')
    candidates.push({ title: server.entry.title, at: server.at, passed: false });
  if (reading)
    candidates.push({
      title: m.readingDeadline(messages.roadmap.reading(reading.number)),
      at: reading.deadline,
      passed: false,
    });
  const coming = candidates
    .filter((c) => Date.parse(c.at) > now)
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))[0];
  if (coming) return coming;
  if (reading)
    return {
      title: messages.notifications.deadlinePassedHeader(reading.number),
      at: reading.deadline,
      passed: true,
    };
  return null;
}

/** Where the negotiation stands, in words. */
function stageText(live: NegotiationState): string {
  const m = messages.notifications.stage;
  if (live.openReading) return m.reading(live.openReading.number, live.openReading.revisionLabel);
  if (live.latestRevision) return m.revision(live.latestRevision.label, live.latestRevisionRead);
  return m.drafting;
}

/** The stage, next activity and deadline with their countdowns; nothing while loading or on failure. */
export function NextUp({ negotiationId, timeZone, live = null }: NextUpProps) {
  const m = messages.roadmap.nextUp;
  const headingId = useId();
  const now = useNow(1000);
  const [next, setNext] = useState<NextData | null>(null);
  const [round, setRound] = useState(0);
  // The roadmap's answer depends on the readings too: ask again whenever they move.
  const liveKey = live
    ? `${live.stage}|${live.openReading?.id ?? ''}|${live.openReading?.deadline ?? ''}|${live.latestRevision?.id ?? ''}`
    : '';

  // biome-ignore lint/correctness/useExhaustiveDependencies: each new `round` or live state asks the server again.
  useEffect(() => {
    const controller = new AbortController();
    fetchNext(negotiationId, controller.signal).then(
      (value) => setNext(value),
      () => undefined, // The header line is a convenience; the roadmap page shows failures.
    );
    const timer = setTimeout(() => setRound((n) => n + 1), REFRESH_MS);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [negotiationId, round, liveKey]);

  // Once the awaited moment comes, ask what is next.
  const target =
    next?.deadline && (!live || next.deadline.source === 'roadmap')
      ? Date.parse(next.deadline.at)
      : Number.POSITIVE_INFINITY;
  const activityEnd = next?.activity ? Date.parse(next.activity.span.end) : Number.POSITIVE_INFINITY;
  const passed = now >= target || now >= activityEnd;
  useEffect(() => {
    if (passed) setRound((n) => n + 1);
  }, [passed]);

  if (!next && !live) return null;
  const reader = readerTimeZone();
  const when = (instant: string) => (
    <>
      <time dateTime={instant}>{formatInstant(instant, timeZone)}</time>
      {reader !== timeZone && <span className="muted"> ({m.yourTime(formatInstant(instant, reader))})</span>}
    </>
  );
  const timer = (instant: string, testId: string) => {
    const left = countdown(now, Date.parse(instant));
    return (
      <span className="countdown">
        <span role="timer" aria-live="off" data-testid={testId}>
          {m.countdown(left)}
        </span>
        <span className="countdown-clock" aria-hidden="true">
          {m.clock(left)}
        </span>
      </span>
    );
  };
  const activity = next?.activity ?? null;
  const deadline = shownDeadline(next, live, now);

  return (
    <section className="next-up" aria-labelledby={headingId} data-testid="next-up">
      <h2 id={headingId} className="visually-hidden">
        {m.label}
      </h2>
      <dl>
        {live && (
          <div>
            <dt>{messages.notifications.stage.label}</dt>
            <dd data-testid="stage">{stageText(live)}</dd>
          </div>
        )}
        <div>
          <dt>{m.activity}</dt>
          <dd>
            {activity ? (
              <>
                <Link href={roadmapPath(negotiationId)}>{activity.entry.title}</Link>{' '}
                {when(activity.span.start)}{' '}
                {activity.ongoing ? (
                  <strong>{m.ongoing}</strong>
                ) : (
                  timer(activity.span.start, 'activity-countdown')
                )}
              </>
            ) : (
              <span className="muted">{m.none}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>{m.deadline}</dt>
          <dd>
            {deadline ? (
              <span data-testid="next-deadline">
                <Link href={roadmapPath(negotiationId)} className={deadline.passed ? 'passed' : undefined}>
                  {deadline.title}
                </Link>{' '}
                {when(deadline.at)}{' '}
                {deadline.passed ? (
                  <span className="muted">({messages.notifications.stillOpen})</span>
                ) : (
                  timer(deadline.at, 'deadline-countdown')
                )}
              </span>
            ) : (
              <span className="muted">{m.none}</span>
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}
