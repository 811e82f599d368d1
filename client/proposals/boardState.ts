/**
 * What the proposals board holds (`board.ts`), apart from the code that keeps it live: pages
 * import these without loading Yjs, which `board.ts` brings in when it is first needed.
 */
import type { NegotiationState, Notice } from '../../shared/negotiationState.js';
import type { NumberingBasis } from '../../shared/numbering.js';
import type { ParagraphStatus, ProposalView } from '../../shared/proposals.js';

/** What the board shows. Replaced as a whole on every change. */
export interface BoardState {
  synced: boolean;
  /** All proposals, oldest first. */
  proposals: readonly ProposalView[];
  /** Paragraph statuses; paragraphs not listed are pending. */
  statuses: Readonly<Record<string, ParagraphStatus>>;
  /** Where the negotiation stands; null until the server has said. */
  negotiation: NegotiationState | null;
  /** The co-facilitators' latest notices, oldest first. */
  notices: readonly Notice[];
  /** The numbering basis: labels of the latest circulated revision (empty before the first). */
  numbering: NumberingBasis;
  /** Who last changed each proposal (person ids, by proposal id; absent when no one did). */
  changedBy: ReadonlyMap<string, string>;
}

/** A live board. */
export interface Board {
  getState(): BoardState;
  subscribe(listener: () => void): () => void;
  destroy(): void;
}

/** The board before anything has arrived. */
export const EMPTY_BOARD: BoardState = {
  synced: false,
  proposals: [],
  statuses: {},
  negotiation: null,
  notices: [],
  numbering: new Map(),
  changedBy: new Map(),
};
