/**
 * Unsent drafts of proposals, kept in the browser until they are tabled or explicitly discarded,
 * so that typed words survive Escape, leaving the page, a reload and a browser crash. One draft
 * per negotiation, person, paragraph and kind (and proposal, when it edits one), in
 * `localStorage`; what is read back is checked, since anything may have written there.
 * A plain module; React reads it with `useDrafts`.
 */
import * as z from 'zod/mini';

/** Kinds of proposal that have words to draft. */
export type DraftKind = 'amend' | 'insert' | 'alt' | 'comment';

/** Whose draft of what. */
export interface DraftKey {
  negotiationId: string;
  personId: string;
  pid: string;
  kind: DraftKind;
  /** When the draft edits a tabled proposal: its id. */
  proposalId?: string | undefined;
}

const DraftSchema = z.object({
  text: z.string(),
  /** For an amendment: the paragraph's text as it was when the words were written. */
  baseText: z.optional(z.string()),
  reservation: z.optional(z.boolean()),
  /** The delegation or group it is to be tabled as. */
  delegation: z.optional(z.string()),
  /** ISO time of the last save. */
  savedAt: z.string(),
});

/** A saved draft. */
export type Draft = z.infer<typeof DraftSchema>;

/** A draft with its key, as listed. */
export interface SavedDraft {
  key: DraftKey;
  draft: Draft;
}

/** The part of the Web Storage API drafts use. */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

const PREFIX = 'nte.draft.1';
const KINDS: readonly DraftKind[] = ['amend', 'insert', 'alt', 'comment'];

function storageKey(k: DraftKey): string {
  return [PREFIX, k.negotiationId, k.personId, k.pid, k.kind, k.proposalId ?? '']
    .map(encodeURIComponent)
    .join('|');
}

function keyOf(stored: string): DraftKey | null {
  const parts = stored.split('|').map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return null;
    }
  });
  if (parts.length !== 6 || parts[0] !== PREFIX || parts.some((p) => p === null)) return null;
  const [, negotiationId, personId, pid, kind, proposalId] = parts as string[];
  if (!KINDS.includes(kind as DraftKind)) return null;
  return {
    negotiationId: negotiationId!,
    personId: personId!,
    pid: pid!,
    kind: kind as DraftKind,
    ...(proposalId ? { proposalId } : {}),
  };
}

/** Drafts kept in one storage. */
export interface DraftStore {
  load(key: DraftKey): Draft | null;
  /** Saves (stamped now); false when the browser refused to keep it. */
  save(key: DraftKey, draft: Omit<Draft, 'savedAt'>): boolean;
  discard(key: DraftKey): void;
  /** One person's drafts in one negotiation, most recent first. */
  list(negotiationId: string, personId: string): SavedDraft[];
  /** Calls `listener` when a draft changes, here or (after `refresh`) elsewhere. */
  subscribe(listener: () => void): () => void;
  /** Tells the listeners that drafts changed outside this store (another tab). */
  refresh(): void;
}

/** A draft store over `storage` (`localStorage` in the app, a fake in tests). */
export function createDraftStore(storage: DraftStorage, now: () => Date = () => new Date()): DraftStore {
  const listeners = new Set<() => void>();
  const changed = () => {
    for (const l of listeners) l();
  };
  const read = (stored: string): Draft | null => {
    try {
      const raw = storage.getItem(stored);
      if (raw === null) return null;
      const parsed = DraftSchema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  };
  return {
    load: (key) => read(storageKey(key)),
    save(key, draft) {
      try {
        storage.setItem(storageKey(key), JSON.stringify({ ...draft, savedAt: now().toISOString() }));
        changed();
        return true;
      } catch {
        return false;
      }
    },
    discard(key) {
      try {
        storage.removeItem(storageKey(key));
      } catch {
        // Nothing kept, nothing to remove.
      }
      changed();
    },
    list(negotiationId, personId) {
      const out: SavedDraft[] = [];
      for (let i = 0; i < storage.length; i++) {
        const stored = storage.key(i);
        const key = stored === null ? null : keyOf(stored);
        if (!key || key.negotiationId !== negotiationId || key.personId !== personId) continue;
        const draft = read(stored!);
        if (draft) out.push({ key, draft });
      }
      return out.sort((a, b) => b.draft.savedAt.localeCompare(a.draft.savedAt));
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    refresh: changed,
  };
}

/** The same draft key, compared field by field. */
export function sameDraft(a: DraftKey, b: DraftKey): boolean {
  return (
    a.negotiationId === b.negotiationId &&
    a.personId === b.personId &&
    a.pid === b.pid &&
    a.kind === b.kind &&
    (a.proposalId ?? '') === (b.proposalId ?? '')
  );
}

let browserStore: DraftStore | null = null;

/** The drafts of this browser (a store that keeps nothing where storage is unavailable). */
export function browserDrafts(): DraftStore {
  if (browserStore) return browserStore;
  let storage: DraftStorage;
  try {
    storage = window.localStorage;
  } catch {
    storage = { getItem: () => null, setItem: () => {}, removeItem: () => {}, key: () => null, length: 0 };
  }
  const store = createDraftStore(storage);
  // Another tab saved or discarded a draft.
  window.addEventListener('storage', (e) => {
    if (e.key === null || e.key.startsWith(PREFIX)) store.refresh();
  });
  browserStore = store;
  return store;
}
