/**
 * The bus through Redis (the official node-redis client): one connection publishes and runs the
 * buckets' script, one more receives, each topic a channel. Redis is never the truth, so its
 * absence costs only latency: nothing waits for it (commands fail at once while it is away, and
 * a message that cannot be sent is dropped), the clients reconnect by themselves and subscribe
 * again, and the bus tells its listeners when the link is back (`onResume`). Outages are logged
 * once each, when they start and when they end.
 */
import { randomUUID } from 'node:crypto';
import { createClient } from '@redis/client';
import type { Logger } from '../logger.js';
import type { Bus, BusListener } from './bus.js';
import { type BusMessage, readBusMessage, writeBusMessage } from './busMessages.js';
import { RedisBuckets } from './redisBuckets.js';

/** Prefix of every channel and key this server uses, so that one Redis may serve other things. */
export const REDIS_PREFIX = 'negotiations:';

/** Longest wait between two attempts to reach Redis again, in milliseconds. */
export const REDIS_RETRY_MAX_MS = 1_000;

/** Connection timeout, in milliseconds. */
const CONNECT_TIMEOUT_MS = 2_000;

type Client = ReturnType<typeof createClient>;

/** A bus over the Redis at `url`. Returns at once; it connects (and reconnects) by itself. */
export function openRedisBus(url: string, log: Logger): RedisBus {
  return new RedisBus(url, log);
}

/** How long closing waits for the commands in flight before dropping the connections. */
const CLOSE_WAIT_MS = 1_000;

/** The bus through Redis (see the module's comment). */
export class RedisBus implements Bus {
  readonly process = randomUUID();
  readonly buckets: RedisBuckets;
  private readonly commands: Client;
  private readonly receiver: Client;
  private readonly listeners = new Map<string, Set<BusListener>>();
  private readonly resumed: (() => void)[] = [];
  private closed = false;

  constructor(
    url: string,
    private readonly log: Logger,
  ) {
    const options = {
      url,
      // While Redis is away commands fail at once rather than queue: nobody waits for a hint.
      disableOfflineQueue: true,
      socket: {
        connectTimeout: CONNECT_TIMEOUT_MS,
        reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, REDIS_RETRY_MAX_MS),
      },
    };
    this.commands = createClient(options);
    this.receiver = createClient(options);
    this.buckets = new RedisBuckets(this.commands, log, `${REDIS_PREFIX}bucket:`);
    this.watch(this.commands, 'commands', log, () => undefined);
    this.watch(this.receiver, 'receiver', log, () => {
      for (const listener of this.resumed) listener();
    });
    for (const client of [this.commands, this.receiver])
      client.connect().catch((err: Error) => {
        if (!this.closed) log.error('cluster.redis-gave-up', { error: err.message });
      });
  }

  /** Logs the start and end of each outage of `client`; `back` runs when it is ready again. */
  private watch(client: Client, role: string, log: Logger, back: () => void): void {
    let state: 'connecting' | 'up' | 'down' = 'connecting';
    client.on('error', (err: Error) => {
      if (state === 'down' || this.closed) return;
      log.warn('cluster.redis-down', { connection: role, error: err.message });
      state = 'down';
    });
    client.on('ready', () => {
      const wasDown = state === 'down';
      state = 'up';
      if (!wasDown) return;
      log.info('cluster.redis-up', { connection: role });
      back();
    });
  }

  publish(topic: string, message: BusMessage): void {
    if (this.closed) return;
    const frame = Buffer.from(writeBusMessage(this.process, message));
    this.commands.publish(REDIS_PREFIX + topic, frame).catch((err: Error) => {
      this.log.debug('cluster.publish-dropped', { topic, error: err.message });
    });
  }

  subscribe(topic: string, listener: BusListener): () => void {
    let set = this.listeners.get(topic);
    if (!set) {
      const fresh = new Set<BusListener>();
      set = fresh;
      this.listeners.set(topic, fresh);
      // Kept by the client across reconnections, and sent again each time.
      this.receiver
        .subscribe(REDIS_PREFIX + topic, (frame: Buffer) => this.deliver(topic, fresh, frame), true)
        .catch((err: Error) => this.log.debug('cluster.subscribe-deferred', { topic, error: err.message }));
    }
    set.add(listener);
    const mine = set;
    return () => {
      mine.delete(listener);
      if (mine.size > 0 || this.listeners.get(topic) !== mine) return;
      this.listeners.delete(topic);
      if (!this.closed)
        this.receiver
          .unsubscribe(REDIS_PREFIX + topic)
          .catch((err: Error) => this.log.debug('cluster.unsubscribe-failed', { topic, error: err.message }));
    };
  }

  private deliver(topic: string, listeners: Set<BusListener>, frame: Buffer): void {
    let received: ReturnType<typeof readBusMessage>;
    try {
      received = readBusMessage(new Uint8Array(frame.buffer, frame.byteOffset, frame.byteLength));
    } catch (err) {
      this.log.warn('cluster.malformed-message', { topic, error: (err as Error).message });
      return;
    }
    if (received.from === this.process) return;
    for (const listener of listeners) {
      try {
        listener(received.message, received.from);
      } catch (err) {
        this.log.error('cluster.listener-failed', { topic, error: (err as Error).message });
      }
    }
  }

  onResume(listener: () => void): void {
    this.resumed.push(listener);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.listeners.clear();
    // A graceful close waits for the commands in flight, which never end while Redis is away: a
    // server stopping then would hang. Past a short wait the connections are dropped.
    await Promise.all(
      [this.commands, this.receiver].map(async (c) => {
        let timer: NodeJS.Timeout | undefined;
        const waited = new Promise<'late'>((resolve) => {
          timer = setTimeout(() => resolve('late'), CLOSE_WAIT_MS);
        });
        const closed = c.close().then(
          () => 'closed' as const,
          () => 'late' as const,
        );
        if ((await Promise.race([closed, waited])) === 'late') c.destroy();
        clearTimeout(timer);
      }),
    );
  }
}
