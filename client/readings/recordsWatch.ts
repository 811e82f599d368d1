/**
 * Watching a negotiation's records from the browser: on every page of the negotiation, again
 * every few minutes and when the tab comes back into view, it asks the server for the heads of
 * the chains (`GET …/records/heads`), compares them with what this browser remembers
 * (`recordsMemory.ts`) and remembers what is new. Components subscribe through
 * `useRecordsWatch`; "Verify records" hands its full report here too.
 */
import type { RecordsReport } from '../../shared/records.js';
import { isRetryable } from '../api.js';
import { fetchRecordHeads } from './recordsApi.js';
import {
  auditPositionToAsk,
  compareWithMemory,
  type Disagreement,
  loadMemory,
  type RecordsMemory,
  remember,
  saveMemory,
} from './recordsMemory.js';

/** How often an open page checks again. */
export const CHECK_INTERVAL_MS = 5 * 60_000;
/** A tab that comes back into view checks again if its last check is older than this. */
const STALE_MS = 60_000;

/** Where the check of a negotiation's records stands. */
export interface WatchState {
  /**
   * `agrees`: the server's history extends what this browser saw and the server finds it sound;
   * `differs`: it contradicts what this browser saw; `unsound`: the server itself reports
   * problems; `unknown`: not checked yet, or the server could not be asked.
   */
  status: 'unknown' | 'agrees' | 'differs' | 'unsound';
  report: RecordsReport | null;
  disagreements: Disagreement[];
  /** What this browser remembers (the facts the disagreements contradict). */
  memory: RecordsMemory | null;
  checkedAt: number | null;
}

type Listener = () => void;

interface Watcher {
  state: WatchState;
  listeners: Set<Listener>;
  timer: ReturnType<typeof setInterval> | null;
  running: Promise<void> | null;
}

const watchers = new Map<string, Watcher>();

function watcher(negotiationId: string): Watcher {
  let w = watchers.get(negotiationId);
  if (!w) {
    w = {
      state: { status: 'unknown', report: null, disagreements: [], memory: null, checkedAt: null },
      listeners: new Set(),
      timer: null,
      running: null,
    };
    watchers.set(negotiationId, w);
  }
  return w;
}

function publish(w: Watcher, state: WatchState): void {
  w.state = state;
  for (const l of w.listeners) l();
}

/**
 * Compares a report with this browser's memory, remembers what it adds, and publishes the
 * outcome. Returns the new state.
 */
export function considerReport(negotiationId: string, report: RecordsReport): WatchState {
  const w = watcher(negotiationId);
  const before = loadMemory(negotiationId);
  const disagreements = compareWithMemory(before, report);
  const memory = remember(before, report, new Date());
  if (memory !== before) saveMemory(negotiationId, memory);
  const status = disagreements.length > 0 ? 'differs' : report.ok ? 'agrees' : 'unsound';
  publish(w, { status, report, disagreements, memory, checkedAt: Date.now() });
  return w.state;
}

/** Asks the server for the heads now (one request at a time per negotiation). */
export function checkRecords(negotiationId: string): Promise<void> {
  const w = watcher(negotiationId);
  if (w.running) return w.running;
  w.running = fetchRecordHeads(negotiationId, auditPositionToAsk(loadMemory(negotiationId)))
    .then(
      (report) => void considerReport(negotiationId, report),
      (error: unknown) => {
        // Unreachable or signed out: nothing to compare, and nothing to warn about.
        if (!isRetryable(error)) publish(w, { ...w.state, checkedAt: Date.now() });
      },
    )
    .finally(() => {
      w.running = null;
    });
  return w.running;
}

/**
 * Forgets what this browser saw and remembers the server's history as it is now: for someone
 * who has been told why the record changed and accepts it.
 */
export async function acceptServerRecords(negotiationId: string): Promise<void> {
  saveMemory(negotiationId, null);
  await checkRecords(negotiationId);
}

/** The current state of a negotiation's watch. */
export function watchState(negotiationId: string): WatchState {
  return watcher(negotiationId).state;
}

/**
 * Listens to a negotiation's watch, checking at once (unless checked within the last minute),
 * then every `CHECK_INTERVAL_MS` and whenever the page becomes visible again, until the last
 * listener leaves.
 */
export function subscribeRecords(negotiationId: string, listener: Listener): () => void {
  const w = watcher(negotiationId);
  w.listeners.add(listener);
  const stale = () => w.state.checkedAt === null || Date.now() - w.state.checkedAt > STALE_MS;
  const onVisible = () => {
    if (document.visibilityState === 'visible' && stale()) void checkRecords(negotiationId);
  };
  if (w.listeners.size === 1) {
    w.timer = setInterval(() => void checkRecords(negotiationId), CHECK_INTERVAL_MS);
  }
  document.addEventListener('visibilitychange', onVisible);
  if (stale()) void checkRecords(negotiationId);
  return () => {
    document.removeEventListener('visibilitychange', onVisible);
    w.listeners.delete(listener);
    if (w.listeners.size === 0 && w.timer) {
      clearInterval(w.timer);
      w.timer = null;
    }
  };
}
