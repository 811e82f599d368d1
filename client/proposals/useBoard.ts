/** React bindings of the proposals board. */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { type Board, type BoardState, createBoard } from './board.js';

const EMPTY: BoardState = { synced: false, proposals: [], statuses: {}, numbering: new Map() };
const noop = () => () => undefined;

/** The live board of a negotiation for the calling component's lifetime. */
export function useBoard(negotiationId: string): BoardState {
  const [board, setBoard] = useState<Board | null>(null);
  useEffect(() => {
    const b = createBoard(negotiationId);
    setBoard(b);
    return () => {
      b.destroy();
      setBoard(null);
    };
  }, [negotiationId]);
  return useSyncExternalStore(board ? board.subscribe : noop, board ? board.getState : () => EMPTY);
}
