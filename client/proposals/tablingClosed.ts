/**
 * Whether a proposal can be tabled (or edited) on a paragraph now, and if not why: the server
 * refuses one on an agreed or deleted paragraph, when no reading is open, and after the
 * reading's deadline. The panel says so instead of offering to propose, and a suggestion editor
 * left open says so instead of letting the delegate type for nothing.
 */
import type { NegotiationState } from '../../shared/negotiationState.js';
import { type ParagraphStatus, paragraphOpen } from '../../shared/proposals.js';
import { messages } from '../i18n/messages.js';

/** Why no proposal can be tabled on a paragraph now. */
export type TablingClosed = 'paragraph' | 'noReading' | 'deadline';

/**
 * Why no proposal can be tabled on a paragraph of `status` now, or null when one can (also
 * while the negotiation's state is not yet known: the server still decides).
 */
export function tablingClosed(
  status: ParagraphStatus,
  negotiation: NegotiationState | null,
  now: number = Date.now(),
): TablingClosed | null {
  if (!paragraphOpen(status)) return 'paragraph';
  if (!negotiation) return null;
  if (!negotiation.openReading) return 'noReading';
  if (Date.parse(negotiation.openReading.deadline) <= now) return 'deadline';
  return null;
}

/** The sentence that says why. */
export function tablingClosedMessage(reason: TablingClosed): string {
  return messages.proposals.panel.tablingClosed[reason];
}
