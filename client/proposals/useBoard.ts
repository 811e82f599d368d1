/** React bindings of the proposals board. */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { acquireBoard, type Board, type BoardState, EMPTY_BOARD } from './board.js';

const noop = () => () => undefined;

/** The shared live board of a negotiation, held for the calling component's lifetime. */
export function useBoard(negotiationId: string): BoardState {
  const [board, setBoard] = useState<Board | null>(null);
  useEffect(() => {
    const held = acquireBoard(negotiationId);
    setBoard(held.board);
    return () => {
      held.release();
      setBoard(null);
    };
  }, [negotiationId]);
  return useSyncExternalStore(board ? board.subscribe : noop, board ? board.getState : () => EMPTY_BOARD);
}
