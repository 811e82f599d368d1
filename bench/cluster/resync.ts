/**
 * The resync measurement, run in a load generator process: every seat of one negotiation joins
 * (the typist, seat 0, with a full document; the others light, as in the load) through HAProxy,
 * the typist types, and the benchmark kills the process that serves them. Each seat then
 * reconnects after a jittered pause that doubles with each failed attempt, as a browser's provider
 * would, until it is synced with another process. A seat counts as resynced once it is synced
 * again and has received an edit the typist made through the new process; the typist, once it is
 * synced again. The result is the time from the kill until every seat had resynced.
 */
import * as Y from 'yjs';
import type { LoadSeat } from '../load/config.js';
import { FanoutTracker } from '../load/fanout.js';
import { Session, type SessionOwner } from '../load/session.js';
import { Typist } from '../load/typist.js';
import { type Percentiles, percentilesOf } from '../stats/histogram.js';

/** What the resync measurement needs. */
export interface ResyncConfig {
  /** Base of the collaboration sockets through HAProxy, e.g. ws://127.0.0.1:3000/collab. */
  wsUrl: string;
  negotiationId: string;
  /** Seat 0 types. */
  seats: LoadSeat[];
  typingPid: string;
  editsPerSecond: number;
  connectConcurrency: number;
}

/** What it measured. */
export interface ResyncResult {
  clients: number;
  /** Milliseconds from the kill until every seat had resynced; null when some never did. */
  allMs: number | null;
  /** Each resynced seat's time from the kill. */
  perClient: Percentiles;
  notResynced: number;
  /** Attempts to join again (after a drop or a failed attempt), the successful ones included. */
  attempts: number;
  /** Why sessions dropped or attempts failed (close codes, HTTP statuses), and how often. */
  failures: Record<string, number>;
}

/** Longest wait for one attempt to join. */
const JOIN_TIMEOUT_MS = 30_000;
/** Pauses before a new attempt: a random share of `BASE` doubled per failed attempt, at most `MAX`. */
const BACKOFF_BASE_MS = 100;
const BACKOFF_MAX_MS = 2_000;
/** How long after the kill the measurement gives up on seats that have not resynced. */
const GIVE_UP_MS = 60_000;

/** One seat across its sessions. */
interface SeatState {
  seat: LoadSeat;
  typist: boolean;
  session: Session | null;
  /** Failed attempts since the last successful join. */
  failed: number;
  /** Wall-clock time of the last successful join. */
  syncedAt: number | undefined;
  /** Wall-clock time of the first typist's edit received after that join. */
  editAfterSync: number | undefined;
}

/** The resync measurement (see the module's comment). */
export class ResyncRun implements SessionOwner {
  readonly negotiationId: string;
  private readonly states: SeatState[];
  private readonly bySession = new Map<Session, SeatState>();
  private readonly retried = new WeakSet<Session>();
  private readonly typistDoc = new Y.Doc();
  private typist: Typist | null = null;
  private readonly noTracker = new FanoutTracker<number>(
    () => ({ syncedAt: undefined, leftAt: undefined }),
    () => [],
  );
  private running = true;
  private killedAt: number | undefined;
  private joins = 0;
  private readonly failures: Record<string, number> = {};
  private typing: NodeJS.Timeout | undefined;

  constructor(private readonly cfg: ResyncConfig) {
    this.negotiationId = cfg.negotiationId;
    this.states = cfg.seats.map((seat, i) => ({
      seat,
      typist: i === 0,
      session: null,
      failed: 0,
      syncedAt: undefined,
      editAfterSync: undefined,
    }));
  }

  url(docName: string): string {
    return `${this.cfg.wsUrl}/${encodeURIComponent(docName)}?ext=1`;
  }

  headers(seat: LoadSeat): Record<string, string> {
    return { cookie: seat.cookie };
  }

  draftUpdate(session: Session, _frame: Buffer, client: number, _clock: number, _now: number): void {
    if (client !== this.typistDoc.clientID) return;
    const state = this.bySession.get(session);
    if (state && state.session === session && state.syncedAt !== undefined)
      state.editAfterSync ??= Date.now();
  }

  proposalsUpdate(): void {}

  awarenessReceived(): void {}

  saved(_session: Session, frame: Buffer): void {
    this.typist?.saved(frame);
  }

  lost(session: Session, code: number): void {
    this.retry(session, String(code));
  }

  /** Joins every seat (the typist first) and starts typing; resolves once all are synced. */
  async connect(): Promise<void> {
    await this.join(this.states[0]!);
    const queue = this.states.slice(1);
    const worker = async () => {
      for (let s = queue.shift(); s; s = queue.shift()) await this.join(s);
    };
    await Promise.all(Array.from({ length: this.cfg.connectConcurrency }, worker));
    const unsynced = this.states.filter((s) => s.syncedAt === undefined).length;
    if (unsynced > 0) throw new Error(`${unsynced} seats did not join`);
    this.typing = setInterval(() => this.typist?.edit(false), 1000 / this.cfg.editsPerSecond);
  }

  /** The process serving the seats was killed at `at` (wall clock): measures until all resynced. */
  async measure(at: number): Promise<ResyncResult> {
    this.killedAt = at;
    while (Date.now() - at < GIVE_UP_MS && this.states.some((s) => this.resyncedAt(s) === undefined))
      await new Promise((r) => setTimeout(r, 50));
    const times = this.states.flatMap((s) => {
      const t = this.resyncedAt(s);
      return t === undefined ? [] : [t - at];
    });
    const notResynced = this.states.length - times.length;
    return {
      clients: this.states.length,
      allMs: notResynced === 0 ? Math.max(...times) : null,
      perClient: percentilesOf(times),
      notResynced,
      attempts: this.joins - this.states.length,
      failures: this.failures,
    };
  }

  /** Leaves every seat. */
  close(): void {
    this.running = false;
    clearInterval(this.typing);
    for (const s of this.states) s.session?.leave();
  }

  /** When `state` had resynced after the kill, if it has. */
  private resyncedAt(state: SeatState): number | undefined {
    if (this.killedAt === undefined || state.syncedAt === undefined || state.syncedAt <= this.killedAt)
      return undefined;
    return state.typist ? state.syncedAt : state.editAfterSync;
  }

  private async join(state: SeatState): Promise<void> {
    if (!this.running) return;
    this.joins++;
    const session = new Session(this, state.seat, state.typist ? this.typistDoc : undefined);
    this.bySession.set(session, state);
    state.session = session;
    try {
      await session.join(JOIN_TIMEOUT_MS);
    } catch (err) {
      this.retry(session, (err as Error).message);
      return;
    }
    if (state.session !== session || this.retried.has(session)) return;
    state.failed = 0;
    state.syncedAt = Date.now();
    state.editAfterSync = undefined;
    if (state.typist) this.typist = new Typist(session, this.cfg.typingPid, this.noTracker);
  }

  /** A session failed or was lost: its seat joins again after a pause (once per session). */
  private retry(session: Session, why: string): void {
    if (this.retried.has(session)) return;
    this.retried.add(session);
    session.leave();
    this.bySession.delete(session);
    const state = this.states.find((s) => s.session === session);
    if (!state || !this.running) return;
    this.failures[why] = (this.failures[why] ?? 0) + 1;
    state.failed++;
    const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** state.failed);
    setTimeout(() => void this.join(state), Math.random() * ceiling);
  }
}
