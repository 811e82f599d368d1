/**
 * The reader's last visit before this one, for showing what changed since. Opening the text
 * records a visit on the server and gets the one before; so does leaving it (another page, another
 * tab, closing the window), so that the next visit compares with what was last in view. The tab
 * keeps the visit it started from (sessionStorage) until the reader marks the changes as seen,
 * so a reload or a look at another page does not lose the list.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Visit } from '../../shared/visits.js';
import { parseVisit, recordVisit, recordVisitOnLeave } from './visitsApi.js';

/** What the hook gives: the visit to compare with (null: none, or seen), and how to mark it seen. */
export interface LastVisit {
  /** Undefined while asking the server. */
  previous: Visit | null | undefined;
  /** Forgets the last visit: the changes have been seen. */
  dismiss(): void;
}

const keyOf = (negotiationId: string, personId: string) => `nte.lastVisit.${negotiationId}.${personId}`;

function kept(key: string): Visit | null | undefined {
  try {
    const raw = sessionStorage.getItem(key);
    if (raw === null) return undefined;
    return raw === 'null' ? null : parseVisit(JSON.parse(raw));
  } catch {
    return undefined;
  }
}

function keep(key: string, visit: Visit | null): void {
  try {
    sessionStorage.setItem(key, JSON.stringify(visit));
  } catch {
    // A full or disabled storage only costs the list on reload.
  }
}

/** Requests for a first baseline under way, so that a component mounted twice asks once. */
const pending = new Map<string, Promise<Visit | null>>();

/**
 * Records a visit now and resolves with the visit to compare with: the one this tab started
 * from if it kept one, else the one the server had before this.
 */
function startVisit(negotiationId: string, key: string): Promise<Visit | null> {
  const known = kept(key);
  if (known !== undefined) {
    recordVisit(negotiationId).catch(() => undefined);
    return Promise.resolve(known);
  }
  let request = pending.get(key);
  if (!request) {
    request = recordVisit(negotiationId)
      .then((before) => {
        keep(key, before);
        return before;
      })
      .finally(() => pending.delete(key));
    pending.set(key, request);
  }
  return request;
}

/** A view shown for less than this is not counted as seen when it closes (a remount, a misclick). */
const SEEN_AFTER_MS = 2_000;

/** The last visit of `personId` to `negotiationId` before this tab opened it. */
export function useLastVisit(negotiationId: string, personId: string): LastVisit {
  const key = keyOf(negotiationId, personId);
  const [previous, setPrevious] = useState<Visit | null | undefined>(() => kept(key));

  useEffect(() => {
    let cancelled = false;
    const opened = Date.now();
    startVisit(negotiationId, key)
      .then((before) => {
        if (!cancelled) setPrevious(kept(key) === null ? null : before);
      })
      .catch(() => {
        if (!cancelled) setPrevious(null);
      });
    const onHide = () => {
      if (document.visibilityState === 'hidden') recordVisitOnLeave(negotiationId);
    };
    document.addEventListener('visibilitychange', onHide);
    return () => {
      cancelled = true;
      document.removeEventListener('visibilitychange', onHide);
      if (Date.now() - opened > SEEN_AFTER_MS) recordVisitOnLeave(negotiationId);
    };
  }, [negotiationId, key]);

  const dismiss = useCallback(() => {
    keep(key, null);
    setPrevious(null);
  }, [key]);

  return { previous, dismiss };
}
