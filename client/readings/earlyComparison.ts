/**
 * The comparison named by the address the client boots on, requested at once — alongside
 * `/api/me`, before the session, the negotiation and the list of versions are in — and handed
 * over to the compare page's view when it asks for those same versions. The comparison of two
 * long texts is the slowest answer a page waits for.
 */
import type { ComparisonBrief } from '../../shared/compareBrief.js';
import { fetchComparison } from './readingsApi.js';
import { compareRefsOf, matchReadingRoute } from './routes.js';

/** The comparison requested at boot, until taken. */
let booted: { negotiationId: string; from: string; to: string; answer: Promise<ComparisonBrief> } | null =
  null;

/** At boot: starts loading the comparison the address names, if it is a compare page's naming both versions. */
export function requestComparisonOnBoot(path: string, search: string): void {
  const route = matchReadingRoute(path);
  const { from, to } = compareRefsOf(search);
  if (route?.page !== 'compare' || !from || !to) return;
  const answer = fetchComparison(route.id, from, to);
  // Never taken (signed out, unknown versions), its failure concerns no one; a taker still sees it.
  answer.catch(() => {});
  booted = { negotiationId: route.id, from, to, answer };
}

/**
 * The comparison requested at boot, if it is of these versions. The first call takes it or
 * forgets it: later ones (a retry, other versions) load anew.
 */
export function takeBootComparison(
  negotiationId: string,
  from: string,
  to: string,
): Promise<ComparisonBrief> | undefined {
  const b = booted;
  booted = null;
  return b && b.negotiationId === negotiationId && b.from === from && b.to === to ? b.answer : undefined;
}
