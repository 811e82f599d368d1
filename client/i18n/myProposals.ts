/**
 * The words of "My delegation's proposals" (`/n/:id/mine`), in English. Part of `messages`
 * (`messages.myProposals`).
 */
import type { MyProposalRelation } from '../../shared/myProposals.js';

/** English texts of the page listing a delegation's own and supported proposals. */
export const myProposalMessages = {
  nav: 'My proposals',
  heading: 'My delegation’s proposals',
  intro: (delegation: string) =>
    `Every proposal ${delegation} tabled, tabled for a group it belongs to, or supports, in every reading, with where it stands.`,
  caption: (shown: number, total: number) =>
    shown === total
      ? `${total} ${total === 1 ? 'proposal' : 'proposals'}`
      : `${shown} of ${total} proposals (filtered)`,
  observers: 'Observers table and support no proposals, so they have no list of their own.',
  loading: 'Loading the proposals…',
  none: 'Your delegation has not tabled or supported any proposal yet.',
  noneMatching: 'No proposal matches these filters.',
  filters: 'Filters',
  status: 'Status',
  reading: 'Reading',
  any: 'All',
  outsideReadings: 'Outside any reading',
  clear: 'Show all',
  columns: {
    reading: 'Reading',
    paragraph: 'Paragraph',
    proposal: 'Proposal',
    status: 'Status',
    supporters: 'Supporters',
    dates: 'Tabled / updated',
  },
  sortBy: (column: string) => `Sort by ${column.toLowerCase()}`,
  relations: {
    own: 'Tabled by your delegation',
    group: 'Tabled for your group',
    supported: 'Supported by your delegation',
  } satisfies Record<MyProposalRelation, string>,
  forGroup: (group: string, member: string | null) =>
    member ? `for ${group}, tabled by ${member}` : `for ${group}`,
  tabledBy: (delegation: string) => `by ${delegation}`,
  tabledAs: (label: string) => `tabled on ${label}`,
  outdated: 'Outdated: the words it targets have changed',
  carriedFrom: 'carried forward from an earlier reading',
  noSupporters: 'None',
  open: (label: string) => `Open in the compilation: ${label}`,
  strike: (words: string) => `delete “${words}”`,
  add: (words: string) => `add “${words}”`,
  replace: (deleted: string, inserted: string) => `replace “${deleted}” with “${inserted}”`,
  tabled: (date: string) => `Tabled ${date}`,
  updated: (date: string) => `updated ${date}`,
  noLabel: 'new paragraph',
};
