/** React binding of `recordsWatch.ts`: the state of a negotiation's records, checked while mounted. */
import { useCallback, useSyncExternalStore } from 'react';
import { subscribeRecords, type WatchState, watchState } from './recordsWatch.js';

/** The watch of `negotiationId`'s records, re-rendering when it changes. */
export function useRecordsWatch(negotiationId: string): WatchState {
  const subscribe = useCallback(
    (listener: () => void) => subscribeRecords(negotiationId, listener),
    [negotiationId],
  );
  const get = useCallback(() => watchState(negotiationId), [negotiationId]);
  return useSyncExternalStore(subscribe, get);
}
