/**
 * Which sign-in links issued for one's own people this browser has not shown yet. A link counts
 * as new when it was issued after the session of this browser began (what came before, the
 * person knew when they signed in) and the sign-ins page has not shown it since; the ids shown
 * are kept per negotiation and person in local storage.
 */
import type { Participant } from '../participants/participantsApi.js';

/** A link issued for one of one's people, with whose it is. */
export interface IssuedLinkNotice {
  id: string;
  person: string;
  createdBy: string | null;
  createdAt: string;
}

const key = (negotiationId: string, personId: string) => `access-seen:${negotiationId}:${personId}`;

function seenIds(negotiationId: string, personId: string): Set<string> {
  try {
    const raw = localStorage.getItem(key(negotiationId, personId));
    const ids: unknown = raw ? JSON.parse(raw) : [];
    return new Set(Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : []);
  } catch {
    return new Set();
  }
}

/** The links of `people` issued after this browser's session began and not yet shown, newest first. */
export function unseenLinks(
  negotiationId: string,
  personId: string,
  people: readonly Participant[],
): IssuedLinkNotice[] {
  const since = people.flatMap((p) => p.sessions).find((s) => s.current)?.createdAt;
  if (!since) return [];
  const seen = seenIds(negotiationId, personId);
  return people
    .flatMap((p) =>
      p.links.map((l) => ({
        id: l.id,
        person: p.name,
        createdBy: l.createdBy ?? null,
        createdAt: l.createdAt,
      })),
    )
    .filter((l) => l.createdAt > since && !seen.has(l.id))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** Remembers every link of `people` as shown. */
export function markLinksSeen(negotiationId: string, personId: string, people: readonly Participant[]): void {
  const ids = people.flatMap((p) => p.links.map((l) => l.id));
  try {
    localStorage.setItem(key(negotiationId, personId), JSON.stringify(ids.slice(-500)));
    window.dispatchEvent(new Event(SEEN_EVENT));
  } catch {
    // Storage full or unavailable: the alert stays until the next look.
  }
}

/** Fired on `window` when links were marked seen, so that the header's alert updates at once. */
export const SEEN_EVENT = 'app:access-seen';
