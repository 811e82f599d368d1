/**
 * The filters and order of "My delegation's proposals", kept in the address (`?status=open&
 * reading=2&sort=paragraph`) so that a reload or a shared link shows the same list. Values the
 * page does not know are ignored.
 */
import type { MyProposal } from '../../shared/myProposals.js';
import { PROPOSAL_STATUSES, type ProposalStatus } from '../../shared/proposals.js';

/** A status filter: a proposal status, or `outdated` for those whose target words changed. */
export type StatusFilter = ProposalStatus | 'outdated';
/** Every status filter, in the order offered. */
export const STATUS_FILTERS: readonly StatusFilter[] = [...PROPOSAL_STATUSES, 'outdated'];
/** Columns the list sorts by. */
export const SORT_KEYS = ['reading', 'paragraph', 'status'] as const;
/** A column the list sorts by. */
export type SortKey = (typeof SORT_KEYS)[number];
/** The reading filter's value for proposals tabled outside any reading. */
export const NO_READING = 'none';

/** What the list shows. */
export interface ListQuery {
  status: StatusFilter | null;
  /** A reading's number as text, `NO_READING`, or null for all. */
  reading: string | null;
  sort: SortKey;
}

const isOneOf = <T extends string>(values: readonly T[], v: string | null): v is T =>
  v !== null && (values as readonly string[]).includes(v);

/** The list query of an address's query string. */
export function parseListQuery(params: URLSearchParams): ListQuery {
  const status = params.get('status');
  const reading = params.get('reading');
  const sort = params.get('sort');
  return {
    status: isOneOf(STATUS_FILTERS, status) ? status : null,
    reading: reading === NO_READING || (reading !== null && /^[1-9]\d{0,3}$/.test(reading)) ? reading : null,
    sort: isOneOf(SORT_KEYS, sort) ? sort : 'reading',
  };
}

/** The query string parameters of a list query (defaults left out). */
export function listQueryParams(q: ListQuery): Record<string, string> {
  const out: Record<string, string> = {};
  if (q.status) out.status = q.status;
  if (q.reading) out.reading = q.reading;
  if (q.sort !== 'reading') out.sort = q.sort;
  return out;
}

/** The reading filter value of a proposal. */
export function readingKey(p: Pick<MyProposal, 'readingNumber'>): string {
  return p.readingNumber === null ? NO_READING : String(p.readingNumber);
}

/** PP before OP, then by number, "bis" after its number; unlabelled paragraphs last. */
function paragraphOrder(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const rank = (l: string) => (l.startsWith('PP') ? 0 : 1);
  return rank(a) - rank(b) || a.localeCompare(b, 'en', { numeric: true });
}

const byReading = (a: MyProposal, b: MyProposal) => (a.readingNumber ?? 0) - (b.readingNumber ?? 0);
const byStatus = (a: MyProposal, b: MyProposal) =>
  PROPOSAL_STATUSES.indexOf(a.status) - PROPOSAL_STATUSES.indexOf(b.status);
const byParagraph = (a: MyProposal, b: MyProposal) => paragraphOrder(a.paragraphLabel, b.paragraphLabel);

const ORDERS: Record<SortKey, ((a: MyProposal, b: MyProposal) => number)[]> = {
  reading: [byReading, byParagraph],
  paragraph: [byParagraph, byReading],
  status: [byStatus, byReading, byParagraph],
};

/** The proposals the query shows, in its order (ties keep the server's order: by tabling time). */
export function shownProposals(list: readonly MyProposal[], q: ListQuery): MyProposal[] {
  const matches = list.filter(
    (p) =>
      (q.status === null || (q.status === 'outdated' ? p.outdated : p.status === q.status)) &&
      (q.reading === null || readingKey(p) === q.reading),
  );
  const order = ORDERS[q.sort];
  return matches.sort((a, b) => {
    for (const compare of order) {
      const c = compare(a, b);
      if (c !== 0) return c;
    }
    return 0;
  });
}
