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

/** "Your", or the group's name in the possessive when a group of one's delegation tabled it. */
const whose = (group: string | undefined): string => (group ? `The ${group}’s` : 'Your');

/** The same, naming the paragraph by its number. */
const KIND_ON: Record<ProposalKind, (label: string) => string> = {
  amend: (l) => `amendment to ${l}`,
  delete: (l) => `proposal to delete ${l}`,
  insert: (l) => `new paragraph after ${l}`,
  alt: (l) => `alternative text for ${l}`,
  retain: (l) => `support for retaining ${l}`,
  comment: (l) => `comment on ${l}`,
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
  /** The outcome of one's own proposal, or (`group` named) of a proposal of one's group. */
  own: {
    /**
     * What a notification is about: "amendment to OP5 “widening → expansion”", "new paragraph
     * after OP16bis", or without the number when it is not known.
     */
    subject: (kind: ProposalKind, label: string | undefined, excerpt: string): string =>
      `${label ? KIND_ON[kind](label) : KIND_NOUN[kind]}${excerpt ? ` “${excerpt}”` : ''}`,
    outdated: (subject: string, group?: string): string =>
      `${whose(group)} ${subject} is outdated: the words it targets were changed in the text.`,
    /** An outdated proposal of another kind than an amendment: its paragraph was removed. */
    removed: (subject: string, group?: string): string =>
      `${whose(group)} ${subject} is on a paragraph the co-facilitators removed from the text.`,
    applied: (subject: string, group?: string): string =>
      `${whose(group)} ${subject} was applied to the text.`,
    incorporated: (subject: string, group?: string): string => `${whose(group)} ${subject} was incorporated.`,
    partly: (subject: string, group?: string): string =>
      `${whose(group)} ${subject} was partly incorporated.`,
    setAside: (subject: string, group?: string): string =>
      `${whose(group)} ${subject} was set aside (not retained).`,
    superseded: (subject: string, group?: string): string =>
      `${whose(group)} ${subject} was superseded by the co-facilitators’ text.`,
    carried: (subject: string, group?: string): string =>
      `${whose(group)} ${subject} was carried forward to the next reading.`,
  },
  /**
   * A proposal one's delegation supported was reworded by `by` (empty: the co-facilitators);
   * `subject` as `own.subject` says it.
   */
  supportDropped: (subject: string, by: string): string =>
    `${by || 'The co-facilitators'} changed the words of ${by ? 'its' : 'their'} ${subject}, which your delegation supported. Your support was for the earlier words and no longer counts: support it again if you still do.`,
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
