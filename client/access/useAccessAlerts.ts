/**
 * The header's watch on one's own people's sign-in links: asks the server every
 * `ACCESS_POLL_MS` while the page is visible (and when it comes back into view) and returns the
 * links issued since this browser's session began that the sign-ins page has not shown yet.
 */
import { useEffect, useState } from 'react';
import { fetchAccess } from '../participants/participantsApi.js';
import { type IssuedLinkNotice, SEEN_EVENT, unseenLinks } from './accessAlerts.js';

/** How often the header asks for new sign-in links. */
export const ACCESS_POLL_MS = 15_000;

/** New links for one's people; empty for someone who does not take part (`enabled` false). */
export function useAccessAlerts(
  negotiationId: string,
  personId: string,
  enabled: boolean,
): IssuedLinkNotice[] {
  const [notices, setNotices] = useState<IssuedLinkNotice[]>([]);
  useEffect(() => {
    if (!enabled) return;
    let people: Parameters<typeof unseenLinks>[2] = [];
    let stopped = false;
    let controller: AbortController | null = null;
    const recompute = () => setNotices(unseenLinks(negotiationId, personId, people));
    const poll = async () => {
      if (document.visibilityState === 'hidden') return;
      controller?.abort();
      controller = new AbortController();
      try {
        const fresh = await fetchAccess(negotiationId, controller.signal);
        if (stopped) return;
        people = fresh;
        recompute();
      } catch {
        // Offline or refused: the connection state says so elsewhere; try again at the next turn.
      }
    };
    void poll();
    const timer = setInterval(() => void poll(), ACCESS_POLL_MS);
    const onVisible = () => void poll();
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('focus', onVisible);
    window.addEventListener(SEEN_EVENT, recompute);
    return () => {
      stopped = true;
      controller?.abort();
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('focus', onVisible);
      window.removeEventListener(SEEN_EVENT, recompute);
    };
  }, [negotiationId, personId, enabled]);
  return notices;
}
