/** Getting the roadmap into a calendar application: a one-off .ics download, or a private subscription address. */
import { useId, useState } from 'react';
import { ApiError } from '../api.js';
import { errorMessage, messages } from '../i18n/messages.js';
import { createFeed, icsPath } from './roadmapApi.js';

/** Props of `CalendarLinks`. */
export interface CalendarLinksProps {
  negotiationId: string;
}

/** Download and subscription links. */
export function CalendarLinks({ negotiationId }: CalendarLinksProps) {
  const m = messages.roadmap.links;
  const ids = useId();
  const [feed, setFeed] = useState<{ url: string; webcalUrl: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState<string | null>(null);

  const subscribe = async () => {
    setBusy(true);
    setFailure(null);
    try {
      setFeed(await createFeed(negotiationId));
    } catch (error) {
      setFailure(errorMessage(error instanceof ApiError ? error.code : 'INTERNAL'));
    } finally {
      setBusy(false);
    }
  };

  const copy = async () => {
    if (!feed) return;
    try {
      await navigator.clipboard.writeText(feed.url);
      setStatus(m.copied);
    } catch {
      document.getElementById(`${ids}-url`)?.focus();
    }
  };

  return (
    <section className="panel calendar-links" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>{m.heading}</h2>
      <p>
        <a href={icsPath(negotiationId)} download>
          {m.download}
        </a>
      </p>
      <p className="hint" id={`${ids}-hint`}>
        {m.subscribeHint}
      </p>
      <button type="button" onClick={() => void subscribe()} disabled={busy} aria-describedby={`${ids}-hint`}>
        {feed ? m.renew : m.subscribe}
      </button>
      {failure && (
        <div className="notice error" role="alert">
          <p>{failure}</p>
        </div>
      )}
      {feed && (
        <div className="field feed-address">
          <label htmlFor={`${ids}-url`}>{m.address}</label>
          <div className="picker-row">
            <input
              id={`${ids}-url`}
              type="text"
              className="long"
              readOnly
              value={feed.url}
              onFocus={(e) => e.currentTarget.select()}
            />
            <button type="button" onClick={() => void copy()}>
              {m.copy}
            </button>
          </div>
          <p>
            <a href={feed.webcalUrl}>{m.openInCalendar}</a>
          </p>
        </div>
      )}
      <p className="status-message" role="status">
        {status}
      </p>
    </section>
  );
}
