/**
 * The compact "what comes next" of the negotiation header: the activity going on or starting
 * next, and the next deadline, each with its time in the negotiation's zone and the reader's,
 * and a live countdown. The countdown is a `timer` (not announced as it ticks) with readable words.
 */
import { useEffect, useId, useState } from 'react';
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
}

/** The next activity and deadline with their countdowns; nothing while loading or on failure. */
export function NextUp({ negotiationId, timeZone }: NextUpProps) {
  const m = messages.roadmap.nextUp;
  const headingId = useId();
  const now = useNow(1000);
  const [next, setNext] = useState<NextData | null>(null);
  const [round, setRound] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: each new `round` asks the server again.
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
  }, [negotiationId, round]);

  // Once the awaited moment comes, ask what is next.
  const target = next?.deadline ? Date.parse(next.deadline.at) : Number.POSITIVE_INFINITY;
  const activityEnd = next?.activity ? Date.parse(next.activity.span.end) : Number.POSITIVE_INFINITY;
  const passed = now >= target || now >= activityEnd;
  useEffect(() => {
    if (passed) setRound((n) => n + 1);
  }, [passed]);

  if (!next) return null;
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
  const { activity, deadline } = next;
  const deadlineTitle = deadline
    ? deadline.source === 'roadmap'
      ? deadline.entry.title
      : m.readingDeadline(messages.roadmap.reading(deadline.reading.readingNumber))
    : '';

  return (
    <section className="next-up" aria-labelledby={headingId} data-testid="next-up">
      <h2 id={headingId} className="visually-hidden">
        {m.label}
      </h2>
      <dl>
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
              <>
                <Link href={roadmapPath(negotiationId)}>{deadlineTitle}</Link> {when(deadline.at)}{' '}
                {timer(deadline.at, 'deadline-countdown')}
              </>
            ) : (
              <span className="muted">{m.none}</span>
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}
