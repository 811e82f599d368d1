/**
 * History-based routing without a library: the current path as a React hook, `navigate` to go
 * elsewhere, and the app's routes matched in one place.
 */
import { useSyncExternalStore } from 'react';

/** A page of the app. */
export type Route = { page: 'home' } | { page: 'negotiation'; id: string } | { page: 'notFound' };

const NAVIGATE_EVENT = 'app:navigate';

/** The route for a path. */
export function matchRoute(path: string): Route {
  if (path === '/' || path === '') return { page: 'home' };
  const negotiation = /^\/n\/([^/]+)\/?$/.exec(path);
  if (negotiation?.[1]) {
    try {
      return { page: 'negotiation', id: decodeURIComponent(negotiation[1]) };
    } catch {
      return { page: 'notFound' };
    }
  }
  return { page: 'notFound' };
}

/** The path of a negotiation's page. */
export function negotiationPath(id: string): string {
  return `/n/${encodeURIComponent(id)}`;
}

/** Goes to `path` without reloading the page. */
export function navigate(path: string): void {
  if (path === location.pathname) return;
  history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('popstate', listener);
  window.addEventListener(NAVIGATE_EVENT, listener);
  return () => {
    window.removeEventListener('popstate', listener);
    window.removeEventListener(NAVIGATE_EVENT, listener);
  };
}

/** The current path; re-renders on navigation. */
export function usePath(): string {
  return useSyncExternalStore(subscribe, () => location.pathname);
}
