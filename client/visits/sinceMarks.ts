/**
 * How the changes since a person's last visit mark the text: which paragraphs and proposals to
 * highlight, and the requests to go to one of them. Kept apart from other marks in the text
 * (applied amendments, the selection) as classes of their own (`since-visit`).
 */
import type { VisitChange } from '../../shared/visits.js';

/** What to highlight as changed since the last visit. */
export interface SinceMarks {
  /** Paragraphs whose text or status changed, or that are new. */
  paragraphs: ReadonlySet<string>;
  /** Proposals tabled (`tabled`) or changed (`updated`) since. */
  proposals: ReadonlyMap<string, 'tabled' | 'updated'>;
}

/** Nothing to highlight. */
export const NO_MARKS: SinceMarks = { paragraphs: new Set(), proposals: new Map() };

/** The marks of a list of changes. */
export function marksOf(changes: readonly VisitChange[]): SinceMarks {
  const paragraphs = new Set<string>();
  const proposals = new Map<string, 'tabled' | 'updated'>();
  for (const c of changes) {
    if (c.kind === 'tabled' || c.kind === 'updated') proposals.set(c.proposal.id, c.kind);
    else if (c.kind !== 'removed') paragraphs.add(c.pid);
  }
  return { paragraphs, proposals };
}

/**
 * A request to show a paragraph (and one of its proposals): the view selects it, scrolls to it
 * and moves the focus there. `seq` tells two requests for the same place apart.
 */
export interface Reveal {
  pid: string;
  proposalId: string | null;
  seq: number;
}
