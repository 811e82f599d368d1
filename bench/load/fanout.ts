/**
 * Accounting of messages that every client should receive (an edit, a published proposal):
 * when each was sent, when it reached each client, and which clients never got it. A client is
 * expected to receive a message when it had synced the document before the message was sent
 * and was still connected `graceMs` after it was sent (or acknowledged). Messages are settled
 * `settleAfterMs` after they were sent, or at the end of the run.
 */
import { Histogram } from '../stats/histogram.js';

/** A message that every eligible client should receive. */
export interface Expectation {
  sentAt: number;
  /** When the sender got its acknowledgement (commands), if later than `sentAt`. */
  ackAt?: number;
  /** Whether its latencies count (false during warm-up). */
  measured: boolean;
  /** A session that does not receive it (the sender's own). */
  exclude?: number;
  /** Not settled before it is announced again without this flag (a command awaiting its answer). */
  pending?: boolean;
}

/** When a session could receive messages of the tracked document. */
export interface SessionWindow {
  syncedAt: number | undefined;
  leftAt: number | undefined;
}

interface Entry {
  exp?: Expectation;
  firstSeen: number;
  arrivals: Map<number, number>;
}

/** Delivery accounting for one kind of message. */
export class FanoutTracker<K> {
  readonly delivery = new Histogram();
  readonly allReached = new Histogram();
  /** Per interim window (reset by `takeWindow`). */
  private windowDelivery = new Histogram();
  private windowLost = 0;
  expected = 0;
  lost = 0;
  messages = 0;
  messagesLost = 0;
  private readonly entries = new Map<K, Entry>();

  constructor(
    private readonly windowOf: (session: number) => SessionWindow,
    private readonly sessionIds: () => Iterable<number>,
    private readonly settleAfterMs = 10_000,
    private readonly graceMs = 2_000,
  ) {}

  /** Announces a message (before or after its first arrivals). */
  expect(key: K, exp: Expectation): void {
    const entry = this.entries.get(key);
    if (entry) entry.exp = exp;
    else this.entries.set(key, { exp, firstSeen: exp.sentAt, arrivals: new Map() });
  }

  /** Forgets a message that was not sent after all (a refused command). */
  forget(key: K): void {
    this.entries.delete(key);
  }

  /** True when the key was announced or has arrivals waiting for an announcement. */
  has(key: K): boolean {
    return this.entries.has(key);
  }

  /** Records that `key` reached `session`; `track` keeps arrivals of a key not announced yet. */
  arrive(key: K, session: number, now: number, track: boolean): void {
    let entry = this.entries.get(key);
    if (!entry) {
      if (!track) return;
      entry = { firstSeen: now, arrivals: new Map() };
      this.entries.set(key, entry);
    }
    if (!entry.arrivals.has(session)) entry.arrivals.set(session, now);
  }

  /** Settles messages old enough (all of them when `all`), and drops arrivals never announced. */
  settle(now: number, all = false): K[] {
    const settled: K[] = [];
    for (const [key, entry] of this.entries) {
      if (!entry.exp) {
        if (all || now - entry.firstSeen > 30_000) this.entries.delete(key);
        continue;
      }
      const exp = entry.exp;
      if (!all && (exp.pending || now - (exp.ackAt ?? exp.sentAt) < this.settleAfterMs)) continue;
      this.entries.delete(key);
      settled.push(key);
      this.settleOne(exp, entry.arrivals);
    }
    return settled;
  }

  private settleOne(exp: Expectation, arrivals: Map<number, number>): void {
    let missing = 0;
    let latest = 0;
    const until = exp.ackAt ?? exp.sentAt;
    for (const id of this.sessionIds()) {
      if (id === exp.exclude) continue;
      const w = this.windowOf(id);
      if (w.syncedAt === undefined || w.syncedAt > exp.sentAt) continue;
      if (w.leftAt !== undefined && w.leftAt - this.graceMs < until) continue;
      this.expected++;
      const at = arrivals.get(id);
      if (at === undefined) {
        missing++;
        continue;
      }
      const latency = at - exp.sentAt;
      latest = Math.max(latest, latency);
      if (exp.measured) {
        this.delivery.add(latency);
        this.windowDelivery.add(latency);
      }
    }
    this.lost += missing;
    this.windowLost += missing;
    if (exp.measured) this.messages++;
    if (missing > 0) this.messagesLost++;
    else if (exp.measured) this.allReached.add(latest);
  }

  /** The interim window's delivery latencies and losses, then starts a new window. */
  takeWindow(): { delivery: Histogram; lost: number } {
    const out = { delivery: this.windowDelivery, lost: this.windowLost };
    this.windowDelivery = new Histogram();
    this.windowLost = 0;
    return out;
  }
}
