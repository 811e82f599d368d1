/**
 * Who the person at this browser is, for now just a display name kept in localStorage.
 * Accounts will replace this module with a server session; nothing else reads the storage.
 */
import { colorFor } from '../shared/presence.js';

/** How a person appears to the others: name beside the cursor and in the presence list. */
export interface Identity {
  name: string;
  /** A `#rrggbb` colour (the cursor plugin accepts only this form). */
  color: string;
}

const STORAGE_KEY = 'displayName';

/** Longest display name kept, in characters. */
export const MAX_NAME_LENGTH = 60;

let memoryName: string | null = null;
const listeners = new Set<() => void>();

function readStorage(): string | null {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return memoryName;
  }
}

/** The display name chosen in this browser, or null if none was chosen yet. */
export function getDisplayName(): string | null {
  const stored = readStorage() ?? memoryName;
  const name = stored?.trim() ?? '';
  return name === '' ? null : name;
}

/** Tidies a typed name: trims, collapses inner whitespace and caps its length. */
export function normalizeName(raw: string): string {
  return raw.replace(/\s+/g, ' ').trim().slice(0, MAX_NAME_LENGTH);
}

/** Remembers the display name in this browser and tells subscribers. Empty names are refused. */
export function setDisplayName(raw: string): void {
  const name = normalizeName(raw);
  if (name === '') throw new RangeError('display name must not be empty');
  memoryName = name;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, name);
  } catch {
    // Storage may be disabled (private mode); the in-memory name lasts for this page.
  }
  for (const listener of listeners) listener();
}

/** Calls `listener` when the display name changes here or in another tab; returns an unsubscribe. */
export function subscribeDisplayName(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === STORAGE_KEY) listener();
  };
  globalThis.addEventListener?.('storage', onStorage);
  return () => {
    listeners.delete(listener);
    globalThis.removeEventListener?.('storage', onStorage);
  };
}

/** The identity shown to others for a display name. */
export function identityFor(name: string): Identity {
  return { name, color: colorFor(name) };
}
