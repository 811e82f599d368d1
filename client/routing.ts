/**
 * History-based routing without a library: the current path as a React hook, `navigate` to go
 * elsewhere, and the app's routes matched in one place.
 */
import { useSyncExternalStore } from 'react';
import { matchReadingRoute, type ReadingRoute } from './readings/routes.js';

/** A page of the app. */
export type Route =
  | { page: 'home' }
  | { page: 'signin' }
  | { page: 'negotiation'; id: string }
  | { page: 'participants'; id: string }
  | { page: 'audit'; id: string }
  | { page: 'access'; id: string }
  | { page: 'roadmap'; id: string }
  | { page: 'inputs'; id: string }
  | { page: 'amendments'; id: string }
  | { page: 'mine'; id: string }
  | ReadingRoute
  | { page: 'notFound' };

const NAVIGATE_EVENT = 'app:navigate';

/** Pages below a negotiation, by the last part of their path. */
const NEGOTIATION_PAGES = {
  '': 'negotiation',
  participants: 'participants',
  audit: 'audit',
  access: 'access',
  roadmap: 'roadmap',
  inputs: 'inputs',
  amendments: 'amendments',
  mine: 'mine',
} as const;

/** The route for a path. */
export function matchRoute(path: string): Route {
  if (path === '/' || path === '') return { page: 'home' };
  if (path === '/signin' || path === '/signin/') return { page: 'signin' };
  const reading = matchReadingRoute(path);
  if (reading) return reading;
  const match = /^\/n\/([^/]+)(?:\/([a-z]*))?\/?$/.exec(path);
  if (match?.[1]) {
    const sub = match[2] ?? '';
    if (!Object.hasOwn(NEGOTIATION_PAGES, sub)) return { page: 'notFound' };
    try {
      const id = decodeURIComponent(match[1]);
      return { page: NEGOTIATION_PAGES[sub as keyof typeof NEGOTIATION_PAGES], id };
    } catch {
      return { page: 'notFound' };
    }
  }
  return { page: 'notFound' };
}

/** The path of a negotiation's text. */
export function negotiationPath(id: string): string {
  return `/n/${encodeURIComponent(id)}`;
}

/** The path of a negotiation's participants page. */
export function participantsPath(id: string): string {
  return `${negotiationPath(id)}/participants`;
}

/** The path of a negotiation's audit log. */
export function auditPath(id: string): string {
  return `${negotiationPath(id)}/audit`;
}

/** The path of the page of one's own people's sign-in links and sessions. */
export function accessPath(id: string): string {
  return `${negotiationPath(id)}/access`;
}

/** The path of a negotiation's roadmap. */
export function roadmapPath(id: string): string {
  return `${negotiationPath(id)}/roadmap`;
}

/** The path of a negotiation's written inputs. */
export function inputsPath(id: string): string {
  return `${negotiationPath(id)}/inputs`;
}

/** The path of the page where a delegation imports its amendments from Word. */
export function amendmentImportPath(id: string): string {
  return `${negotiationPath(id)}/amendments`;
}

/** The path of the list of one's delegation's own and supported proposals. */
export function myProposalsPath(id: string): string {
  return `${negotiationPath(id)}/mine`;
}

/** The address of a proposal in the compilation of the text. */
export function proposalInTextPath(negotiationId: string, proposalId: string): string {
  return `${negotiationPath(negotiationId)}#proposal-${encodeURIComponent(proposalId)}`;
}

let navigations = 0;

/** How many in-app navigations happened since the page loaded (0 on the first page). */
export function navigationCount(): number {
  return navigations;
}

/** Goes to `path` without reloading the page; `replace` keeps the current entry out of history. */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === location.pathname + location.search + location.hash) return;
  if (options.replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  navigations++;
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

// Back and forward count as navigations too; registered before any page subscribes.
globalThis.addEventListener?.('popstate', () => {
  navigations++;
});

function subscribe(listener: () => void): () => void {
  window.addEventListener('popstate', listener);
  window.addEventListener(NAVIGATE_EVENT, listener);
  return () => {
    window.removeEventListener('popstate', listener);
    window.removeEventListener(NAVIGATE_EVENT, listener);
  };
}

function subscribeHash(listener: () => void): () => void {
  const off = subscribe(listener);
  window.addEventListener('hashchange', listener);
  return () => {
    off();
    window.removeEventListener('hashchange', listener);
  };
}

/** The current address's `#fragment` (with its `#`, or empty); re-renders when it changes. */
export function useHash(): string {
  return useSyncExternalStore(subscribeHash, () => location.hash);
}

/** The current path; re-renders on navigation. */
export function usePath(): string {
  return useSyncExternalStore(subscribe, () => location.pathname);
}
