/**
 * Keeps an open roadmap page current: while the tab is in view it asks every
 * `ROADMAP_POLL_MS` whether the roadmap changed (a conditional GET the server answers 304
 * while nothing did), and again as soon as the tab comes back into view; on a change it calls
 * `onChange` (the page reloads, keeping what is shown until the new roadmap arrives).
 */
import { useEffect, useRef } from 'react';
import { roadmapChanged } from './roadmapApi.js';

/** How often an open roadmap page asks whether the roadmap changed. */
export const ROADMAP_POLL_MS = 10_000;

/** Calls `onChange` when another person changes the roadmap of `negotiationId`. */
export function useRoadmapChanges(
  negotiationId: string,
  onChange: () => void,
  everyMs = ROADMAP_POLL_MS,
): void {
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => {
    const controller = new AbortController();
    let asking = false;
    const ask = async () => {
      if (asking || document.visibilityState !== 'visible') return;
      asking = true;
      try {
        if (await roadmapChanged(negotiationId, controller.signal)) latest.current();
      } catch {
        // Offline or refused: the next tick asks again; the page keeps what it shows.
      } finally {
        asking = false;
      }
    };
    const timer = setInterval(() => void ask(), everyMs);
    const onVisible = () => void ask();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      controller.abort();
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [negotiationId, everyMs]);
}
