/**
 * Where the negotiation stands, for a page that shows the live text as a snapshot (the snapshot
 * and print pages): from the shared board, which is opened only for the live text.
 */
import { useMemo } from 'react';
import { type LiveContext, liveContext } from '../../shared/shownProposals.js';
import { useBoard } from '../proposals/useBoard.js';
import { LIVE } from './routes.js';

/** The live context of `snapshotId` when it is the live text (null until known, and for records). */
export function useLiveContext(negotiationId: string, snapshotId: string): LiveContext | null {
  const { negotiation } = useBoard(snapshotId === LIVE ? negotiationId : null);
  return useMemo(() => (negotiation ? liveContext(negotiation) : null), [negotiation]);
}
