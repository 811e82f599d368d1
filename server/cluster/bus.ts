/**
 * The bus between the server processes that share one database: hints that a document has new
 * commits, relayed presence, ended sessions, and the budgets of rate limits that every process
 * draws on. The database stays the truth: a message lost on the bus only delays (rooms also read
 * storage every few seconds, sessions are checked again every few seconds). `LocalBus` is the
 * single process's (nothing crosses); `redisBus.ts` links processes through Redis (`REDIS_URL`).
 */
import { LocalBuckets, type TokenBuckets } from './buckets.js';
import type { BusMessage } from './busMessages.js';

/** Receives a message another process sent on a topic, with that process's id. */
export type BusListener = (message: BusMessage, from: string) => void;

/** Topic of everything about one collaborative document (its commits and presence). */
export function docTopic(docName: string): string {
  return `doc:${docName}`;
}

/** Topic of ended sessions. */
export const SESSIONS_TOPIC = 'sessions';

/** The link between the server processes (see the module's comment). */
export interface Bus {
  /** This process's id: every message carries it, and no process receives its own. */
  readonly process: string;
  /** Rate-limit budgets shared by every process on the bus. */
  readonly buckets: TokenBuckets;
  /**
   * Sends `message` to the other processes subscribed to `topic`. Never waits and never throws: a
   * message that cannot be sent now is dropped (the bus logs why).
   */
  publish(topic: string, message: BusMessage): void;
  /** Receives what other processes send on `topic` until the returned function is called. */
  subscribe(topic: string, listener: BusListener): () => void;
  /**
   * Calls `listener` each time the link, once lost, is back: messages sent meanwhile were lost,
   * so whoever relies on them reads storage again.
   */
  onResume(listener: () => void): void;
  /** Closes the link. */
  close(): Promise<void>;
}

/** The bus of a server that runs alone: nothing is sent, nothing received; budgets in memory. */
export class LocalBus implements Bus {
  readonly process = 'local';
  readonly buckets: TokenBuckets = new LocalBuckets();

  publish(): void {}

  subscribe(): () => void {
    return () => undefined;
  }

  onResume(): void {}

  async close(): Promise<void> {}
}
