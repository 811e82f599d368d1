/** The display name as React state, following changes from any tab. */
import { useSyncExternalStore } from 'react';
import { getDisplayName, subscribeDisplayName } from './identity.js';

/** The chosen display name, or null if none was chosen yet. */
export function useDisplayName(): string | null {
  return useSyncExternalStore(subscribeDisplayName, getDisplayName);
}
