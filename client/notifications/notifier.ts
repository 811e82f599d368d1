/**
 * The notifications of one participant in one negotiation: a plain store over the proposals
 * board. Once the board has synced, what it held then is the baseline; every notice and change
 * to one's own proposals after that becomes a notification and a toast. What changed while the
 * participant was away (since the baseline the last visit left in local storage) is listed as
 * unread, without toasts. When the open reading's deadline comes while connected, the
 * participant is told at that instant. Pages share one store per negotiation (`acquireNotifier`).
 */
import type { LiveReading } from '../../shared/negotiationState.js';
import { acquireBoard } from '../proposals/board.js';
import type { Board } from '../proposals/boardState.js';
import type { Viewer } from '../proposals/viewer.js';
import {
  type Notification,
  newNotices,
  type OwnMark,
  ownChanges,
  ownMarks,
  supportChanges,
  supportMarks,
  unlabelled,
  withLabels,
} from './derive.js';
import { fetchParagraphLabels } from './paragraphsApi.js';

/** A notification in the list. */
export type Listed = Notification & { unread: boolean; sinceLastVisit: boolean };

/** What the notification centre shows. Replaced as a whole on every change. */
export interface NotifierState {
  /** Newest first. */
  items: readonly Listed[];
  /** Shown for a moment as they come, oldest first. */
  toasts: readonly Notification[];
  unread: number;
}

/** A live notifier. */
export interface Notifier {
  getState(): NotifierState;
  subscribe(listener: () => void): () => void;
  /** Marks every notification read (the list was opened). */
  markAllRead(): void;
  /** Takes a toast off the screen (it stays in the list). */
  dismissToast(id: string): void;
  destroy(): void;
}

/** Where the baseline of the last visit is kept (local storage, or none). */
export type Memory = Pick<Storage, 'getItem' | 'setItem'> | null;

/** What is remembered between visits. */
interface Remembered {
  notices: string[];
  own: Record<string, OwnMark>;
  /** The proposals the delegation supported, with the version supported (absent in older memories). */
  supported: Record<string, number>;
}

/** Options of `createNotifier`. */
export interface NotifierOptions {
  negotiationId: string;
  viewer: Viewer;
  /**
   * The person signed in: what they did themselves (a notice they caused, a change they made to
   * their own proposal) is listed, already read, but never toasted.
   */
  personId?: string;
  board: Board;
  memory: Memory;
  /** The clock, in milliseconds (tests move it). */
  now?: () => number;
  /**
   * The live text's paragraph numbers (`fetchParagraphLabels`), asked only for a paragraph the
   * numbering basis does not number (one added during the reading); without it, or when it
   * fails, such a notification goes without a number.
   */
  lookupLabels?: () => Promise<ReadonlyMap<string, string>>;
}

/** Longest the list grows; older notifications drop off. */
const MAX_ITEMS = 100;
/** Longest a single timer waits; a deadline further away is checked again after this. */
const MAX_WAIT_MS = 6 * 3600_000;

function memoryKey(negotiationId: string, viewer: Viewer): string {
  return `nte.notifications.${negotiationId}.${viewer.role}.${viewer.delegation ?? ''}`;
}

function recall(memory: Memory, key: string): Remembered | null {
  try {
    const raw = memory?.getItem(key);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<Remembered>;
    if (!Array.isArray(value.notices) || typeof value.own !== 'object' || value.own === null) return null;
    const supported = typeof value.supported === 'object' && value.supported !== null ? value.supported : {};
    return { notices: value.notices.filter((n) => typeof n === 'string'), own: value.own, supported };
  } catch {
    return null;
  }
}

function remember(memory: Memory, key: string, value: Remembered): void {
  try {
    memory?.setItem(key, JSON.stringify(value));
  } catch {
    // Private browsing or a full storage: the next visit starts afresh.
  }
}

/** Starts the notifications of `viewer` over `board`. */
export function createNotifier({
  negotiationId,
  viewer,
  personId,
  board,
  memory,
  now = Date.now,
  lookupLabels,
}: NotifierOptions): Notifier {
  const key = memoryKey(negotiationId, viewer);
  const listeners = new Set<() => void>();
  let state: NotifierState = { items: [], toasts: [], unread: 0 };
  let baseline: {
    seen: Set<string>;
    own: Record<string, OwnMark>;
    supported: Record<string, number>;
  } | null = null;
  let armed: { key: string; timer: ReturnType<typeof setTimeout> } | null = null;
  let openReading: LiveReading | null = null;

  const emit = () => {
    for (const l of listeners) l();
  };
  /** True when the person signed in did what `n` tells of. */
  const byThem = (n: Notification, changedBy: ReadonlyMap<string, string>): boolean => {
    if (personId === undefined) return false;
    if (n.kind === 'notice') return n.notice.by === personId;
    if (n.kind === 'own') return changedBy.get(n.proposalId) === personId;
    return false;
  };
  const add = (
    fresh: readonly Notification[],
    opts: { toast: boolean; sinceLastVisit: boolean; changedBy?: ReadonlyMap<string, string> },
  ) => {
    if (fresh.length === 0) return;
    const own = new Set(fresh.filter((n) => byThem(n, opts.changedBy ?? new Map())));
    const listed = fresh.map(
      (n): Listed => ({ ...n, unread: !own.has(n), sinceLastVisit: opts.sinceLastVisit }),
    );
    const items = [...[...listed].reverse(), ...state.items].slice(0, MAX_ITEMS);
    state = {
      items,
      toasts: opts.toast ? [...state.toasts, ...fresh.filter((n) => !own.has(n))] : state.toasts,
      unread: items.filter((i) => i.unread).length,
    };
    emit();
  };

  /**
   * Adds notifications once each own proposal's paragraph has its number: from the published
   * numbering basis at once, else from the live text (one request); batches keep their order.
   */
  let pending: Promise<void> | null = null;
  let destroyed = false;
  const addLabelled = (
    fresh: readonly Notification[],
    basis: ReadonlyMap<string, string>,
    opts: Parameters<typeof add>[1],
  ) => {
    const labelled = withLabels(fresh, (pid) => basis.get(pid));
    const missing = unlabelled(labelled);
    if (!pending && (missing.length === 0 || !lookupLabels)) {
      add(labelled, opts);
      return;
    }
    const run = async () => {
      let list = labelled;
      if (missing.length > 0 && lookupLabels) {
        try {
          const found = await lookupLabels();
          list = withLabels(labelled, (pid) => found.get(pid));
        } catch {
          // Without the number: the excerpt still says which proposal it is.
        }
      }
      if (!destroyed) add(list, opts);
    };
    const next = (pending ?? Promise.resolve()).then(run);
    pending = next;
    void next.finally(() => {
      if (pending === next) pending = null;
    });
  };

  const fireDeadline = () => {
    armed = null;
    const reading = openReading;
    if (!reading) return;
    if (now() < Date.parse(reading.deadline)) {
      arm(reading);
      return;
    }
    add(
      [
        {
          id: `deadline-${reading.id}-${reading.deadline}`,
          at: reading.deadline,
          kind: 'deadline-passed',
          readingNumber: reading.number,
          deadline: reading.deadline,
        },
      ],
      { toast: true, sinceLastVisit: false },
    );
  };

  /** Sets a timer for the reading's deadline (unless it has passed or is already set). */
  const arm = (reading: LiveReading | null) => {
    const wanted = reading ? `${reading.id}|${reading.deadline}` : '';
    if (armed?.key === wanted) return;
    if (armed) clearTimeout(armed.timer);
    armed = null;
    if (!reading) return;
    const wait = Date.parse(reading.deadline) - now();
    if (wait <= 0) return;
    armed = { key: wanted, timer: setTimeout(fireDeadline, Math.min(wait, MAX_WAIT_MS)) };
  };

  const onBoard = () => {
    const b = board.getState();
    if (!b.synced || !b.negotiation) return;
    const at = new Date(now()).toISOString();
    if (!baseline) {
      const last = recall(memory, key);
      if (last) {
        const missed = [
          ...newNotices(b.notices, new Set(last.notices)),
          ...ownChanges(last.own, b.proposals, viewer, at),
          ...supportChanges(last.supported, b.proposals, viewer, at),
        ];
        addLabelled(missed, b.numbering, { toast: false, sinceLastVisit: true, changedBy: b.changedBy });
      }
    } else {
      addLabelled(
        [
          ...newNotices(b.notices, baseline.seen),
          ...ownChanges(baseline.own, b.proposals, viewer, at),
          ...supportChanges(baseline.supported, b.proposals, viewer, at),
        ],
        b.numbering,
        { toast: true, sinceLastVisit: false, changedBy: b.changedBy },
      );
    }
    baseline = {
      seen: new Set(b.notices.map((n) => n.id)),
      own: ownMarks(b.proposals, viewer),
      supported: supportMarks(b.proposals, viewer),
    };
    remember(memory, key, { notices: [...baseline.seen], own: baseline.own, supported: baseline.supported });
    openReading = b.negotiation.openReading;
    arm(openReading);
  };

  const unsubscribe = board.subscribe(onBoard);
  onBoard();

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    markAllRead() {
      if (state.unread === 0) return;
      state = { ...state, items: state.items.map((i) => ({ ...i, unread: false })), unread: 0 };
      emit();
    },
    dismissToast(id) {
      if (!state.toasts.some((t) => t.id === id)) return;
      state = { ...state, toasts: state.toasts.filter((t) => t.id !== id) };
      emit();
    },
    destroy() {
      destroyed = true;
      unsubscribe();
      if (armed) clearTimeout(armed.timer);
      listeners.clear();
    },
  };
}

/** How long a notifier nobody holds is kept, so that moving between pages keeps its list. */
const LINGER_MS = 5_000;

interface Shared {
  notifier: Notifier;
  release(): void;
  holders: number;
  closing: ReturnType<typeof setTimeout> | null;
}

const shared = new Map<string, Shared>();

/** The local storage of the browser, if it can be used. */
function browserMemory(): Memory {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** The shared notifier of `viewer` (person `personId`) in a negotiation; call `release` when done. */
export function acquireNotifier(
  negotiationId: string,
  viewer: Viewer,
  personId?: string,
): { notifier: Notifier; release(): void } {
  const id = `${memoryKey(negotiationId, viewer)}.${personId ?? ''}`;
  let entry = shared.get(id);
  if (!entry) {
    const held = acquireBoard(negotiationId);
    const notifier = createNotifier({
      negotiationId,
      viewer,
      ...(personId !== undefined ? { personId } : {}),
      board: held.board,
      memory: browserMemory(),
      lookupLabels: () => fetchParagraphLabels(negotiationId),
    });
    entry = { notifier, release: held.release, holders: 0, closing: null };
    shared.set(id, entry);
  }
  const current = entry;
  current.holders++;
  if (current.closing) {
    clearTimeout(current.closing);
    current.closing = null;
  }
  let released = false;
  return {
    notifier: current.notifier,
    release() {
      if (released) return;
      released = true;
      current.holders--;
      if (current.holders > 0) return;
      current.closing = setTimeout(() => {
        if (current.holders > 0) return;
        shared.delete(id);
        current.notifier.destroy();
        current.release();
      }, LINGER_MS);
    },
  };
}
