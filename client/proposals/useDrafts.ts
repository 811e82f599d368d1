/** React bindings of the browser's drafts. */
import { useCallback, useRef, useSyncExternalStore } from 'react';
import { browserDrafts, type SavedDraft } from './drafts.js';

/** One person's unsent drafts in one negotiation, most recent first; updates as they change. */
export function useDrafts(negotiationId: string, personId: string): readonly SavedDraft[] {
  const store = browserDrafts();
  const cache = useRef<{ json: string; list: SavedDraft[] } | null>(null);
  const snapshot = useCallback(() => {
    const list = store.list(negotiationId, personId);
    const json = JSON.stringify(list);
    if (cache.current?.json !== json) cache.current = { json, list };
    return cache.current.list;
  }, [store, negotiationId, personId]);
  return useSyncExternalStore(store.subscribe, snapshot);
}
