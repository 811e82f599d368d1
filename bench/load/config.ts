/** What the benchmark tells the load generator, and what the load generator reports back. */
import type { SeedParagraph, SeedProposal } from '../seed/meta.js';
import type { Percentiles } from '../stats/histogram.js';

/** A seat of the load with its session cookie. */
export interface LoadSeat {
  index: number;
  name: string;
  role: 'facilitator' | 'delegate' | 'observer';
  delegation: string | null;
  /** `Cookie` header of the seat's session (ignored by the relay). */
  cookie: string;
}

/** Clients joining and leaving during the run (the soak). */
export interface ChurnConfig {
  /** Seats that leave per second (each comes back after a pause). */
  perSecond: number;
  minAwaySeconds: number;
  maxAwaySeconds: number;
}

/** The load of one run. */
export interface LoadConfig {
  target: 'server' | 'relay';
  httpUrl: string;
  /** Base of the collaboration sockets, e.g. ws://127.0.0.1:1234/collab. */
  wsUrl: string;
  negotiationId: string;
  seats: LoadSeat[];
  typingPid: string;
  paragraphs: SeedParagraph[];
  openProposals: SeedProposal[];
  editsPerSecond: number;
  commandsPerSecond: number;
  /** Interval at which each client renews its presence (y-protocols renews every 15 s). */
  presenceRenewMs: number;
  warmupSeconds: number;
  seconds: number;
  drainSeconds: number;
  connectConcurrency: number;
  churn?: ChurnConfig;
  /** Seconds between interim reports (soak); none when 0. */
  reportEverySeconds: number;
  seed: number;
}

/** Delivery of one kind of message to every client. */
export interface FanoutSummary {
  /** Messages sent during the measured window. */
  messages: number;
  /** Time from send to arrival, over every (message, client) pair. */
  delivery: Percentiles;
  /** Time from send until the message had reached every client that should get it. */
  allReached: Percentiles;
  /** (message, client) pairs expected, over the whole run including warm-up. */
  expected: number;
  /** Expected pairs that never arrived (within the drain time). */
  lost: number;
  /** Messages that missed at least one client. */
  messagesLost: number;
}

/** Results of one run. */
export interface LoadResult {
  target: 'server' | 'relay';
  clients: number;
  sockets: number;
  join: { seconds: number; perClient: Percentiles; failed: number };
  edits: FanoutSummary & { ack: Percentiles };
  proposals: FanoutSummary & {
    sent: number;
    ok: number;
    errors: Record<string, number>;
    ack: Percentiles;
  };
  presence: { sent: number; received: number; receivedPerSecond: number };
  unexpectedCloses: Record<string, number>;
  loadgen: { cpuPercent: number; eventLoopP99Ms: number };
  measuredSeconds: number;
  /** Sessions that joined during the run (more than `clients` with churn). */
  sessions: number;
}

/** An interim report of the soak. */
export interface LoadWindow {
  atSeconds: number;
  connected: number;
  edits: { delivery: Percentiles; lost: number };
  proposals: { delivery: Percentiles; lost: number };
  sessions: number;
}
