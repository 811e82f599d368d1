/**
 * The words of notifications (what the co-facilitators did, deadlines passing, what happened to
 * one's own proposals) and of the negotiation's stage in the header, in English. Part of
 * `messages` (`messages.notifications`).
 */
import type { ProposalKind } from '../../shared/proposals.js';
import { readingMessages } from './readings.js';

const reading = (n: number): string => readingMessages.readingLabel(n);
const lower = (n: number): string => reading(n).toLowerCase();

/** "1 proposal", "3 proposals". */
const proposals = (n: number): string => `${n} ${n === 1 ? 'proposal' : 'proposals'}`;

const KIND_NOUN: Record<ProposalKind, string> = {
  amend: 'amendment',
  delete: 'proposal to delete the paragraph',
  insert: 'new paragraph',
  alt: 'alternative text',
  retain: 'support for retaining the paragraph',
  comment: 'comment',
};

/** English texts about notifications. */
export const notificationMessages = {
  button: 'Notifications',
  /** The button's accessible name with the unread count. */
  buttonLabel: (unread: number): string =>
    unread === 0 ? 'Notifications' : `Notifications, ${unread} unread`,
  heading: 'Notifications',
  empty:
    'Nothing yet. You are told here when a reading opens or closes, a revision is circulated, a deadline moves or passes, and when something happens to your delegation’s proposals.',
  close: 'Close notifications',
  dismiss: 'Dismiss',
  sinceLastVisit: 'Since your last visit',
  readingOpened: (n: number, revision: string, carried: number): string =>
    `The ${lower(n)} is open on ${revision}.${carried > 0 ? ` ${proposals(carried)} carried forward from the last reading ${carried === 1 ? 'is' : 'are'} open again.` : ''}`,
  readingClosed: (n: number, c: { incorporated: number; setAside: number; carried: number }): string =>
    `The ${lower(n)} is closed: proposals can no longer be tabled or supported in it. Decided at closing: ${c.incorporated} incorporated, ${c.setAside} set aside, ${c.carried} carried forward.`,
  revisionCirculated: (label: string): string => `${label} was circulated to all participants.`,
  deadlineExtended: (n: number, when: string): string =>
    `The deadline for proposals in the ${lower(n)} was moved to ${when}.`,
  deadlinePassed: (n: number, when: string): string =>
    `The deadline for proposals in the ${lower(n)} passed (${when}). The reading stays open until the co-facilitators close it.`,
  own: {
    outdated: (kind: ProposalKind, what: string): string =>
      kind === 'amend'
        ? `Your ${KIND_NOUN[kind]}${what} is outdated: the words it targets were changed in the text.`
        : `Your ${KIND_NOUN[kind]}${what} is on a paragraph the co-facilitators removed from the text.`,
    applied: (kind: ProposalKind, what: string): string =>
      `Your ${KIND_NOUN[kind]}${what} was applied to the text.`,
    incorporated: (kind: ProposalKind, what: string): string =>
      `Your ${KIND_NOUN[kind]}${what} was incorporated.`,
    partly: (kind: ProposalKind, what: string): string =>
      `Your ${KIND_NOUN[kind]}${what} was partly incorporated.`,
    setAside: (kind: ProposalKind, what: string): string =>
      `Your ${KIND_NOUN[kind]}${what} was set aside (not retained).`,
    superseded: (kind: ProposalKind, what: string): string =>
      `Your ${KIND_NOUN[kind]}${what} was superseded by the co-facilitators’ text.`,
    carried: (kind: ProposalKind, what: string): string =>
      `Your ${KIND_NOUN[kind]}${what} was carried forward to the next reading.`,
    /** ` “widening → expansion”`: what an amendment changes, or the start of a text. */
    what: (excerpt: string): string => (excerpt ? ` “${excerpt}”` : ''),
  },
  /** A proposal one's delegation supported was reworded by `by` (empty: the co-facilitators). */
  supportDropped: (kind: ProposalKind, what: string, by: string): string =>
    `${by || 'The co-facilitators'} changed the words of ${by ? 'its' : 'their'} ${KIND_NOUN[kind]}${what} that your delegation supported. Your support was for the earlier words and no longer counts: support it again if you still do.`,
  showProposal: 'Show the proposal',
  carryOnto: 'Show it and carry it onto the current text',
  stage: {
    label: 'Stage',
    drafting: 'Drafting: no revision circulated yet',
    reading: (n: number, revision: string): string => `${reading(n)} on ${revision} — open`,
    revision: (label: string, read: boolean): string =>
      read
        ? `${label} — its reading is closed; the next revision is awaited`
        : `${label} circulated — no reading open yet`,
  },
  deadlinePassedHeader: (n: number): string => `Proposals, ${lower(n)}: deadline passed`,
  stillOpen: 'the reading is still open',
};
