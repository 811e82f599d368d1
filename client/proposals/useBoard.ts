/**
 * React bindings of the proposals board. The board's code (Yjs and its WebSocket provider) is
 * loaded when a page first asks for it, so that pages without the text stay light to start.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { type Board, type BoardState, EMPTY_BOARD } from './boardState.js';

const noop = () => () => undefined;

/**
 * The shared live board of a negotiation, held for the calling component's lifetime; with null,
 * none (the empty board), for pages that need it only sometimes.
 */
export function useBoard(negotiationId: string | null): BoardState {
  const [board, setBoard] = useState<Board | null>(null);
  useEffect(() => {
    if (negotiationId === null) return;
    let release: (() => void) | null = null;
    let gone = false;
    void import('./board.js').then(({ acquireBoard }) => {
      if (gone) return;
      const held = acquireBoard(negotiationId);
      release = held.release;
      setBoard(held.board);
    });
    return () => {
      gone = true;
      release?.();
      setBoard(null);
    };
  }, [negotiationId]);
  return useSyncExternalStore(board ? board.subscribe : noop, board ? board.getState : () => EMPTY_BOARD);
}
