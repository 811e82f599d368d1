/**
 * The Redis bus against a real redis-server: messages reach the other processes and not their
 * sender; buckets are shared; while Redis is away nothing throws or waits, buckets are counted
 * per process, and once it is back the bus subscribes again and says so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BusMessage } from '../../server/cluster/busMessages.js';
import { openRedisBus, type RedisBus } from '../../server/cluster/redisBus.js';
import { createLogger } from '../../server/logger.js';
import { settle, waitFor } from '../support/provider.js';
import { startRedis, type TestRedis } from '../support/redis.js';

const log = createLogger((process.env.TEST_LOG as 'error' | undefined) ?? 'silent');
const RATE = { perSecond: 0.001, burst: 3 };
let redis: TestRedis;
let a: RedisBus;
let b: RedisBus;

beforeAll(async () => {
  redis = await startRedis();
  a = openRedisBus(redis.url, log);
  b = openRedisBus(redis.url, log);
});
afterAll(async () => {
  await a.close();
  await b.close();
  await redis.stop();
});

/** Subscribes `bus` to `topic` and collects what it receives. */
function collect(bus: RedisBus, topic: string): { got: [BusMessage, string][]; stop: () => void } {
  const got: [BusMessage, string][] = [];
  const stop = bus.subscribe(topic, (message, from) => got.push([message, from]));
  return { got, stop };
}

/** Publishes until `got` has a message (the subscription may still be on its way). */
async function deliver(from: RedisBus, topic: string, message: BusMessage, got: unknown[]): Promise<void> {
  await waitFor(
    () => {
      if (got.length === 0) from.publish(topic, message);
      return got.length > 0;
    },
    10_000,
    `a message on ${topic}`,
  );
}

describe('the Redis bus', () => {
  it("delivers to the other processes' subscribers, never to the sender's", async () => {
    const onA = collect(a, 'doc:x');
    const onB = collect(b, 'doc:x');
    await deliver(a, 'doc:x', { type: 'committed', seq: 7 }, onB.got);
    expect(onB.got[0]).toEqual([{ type: 'committed', seq: 7 }, a.process]);
    await settle(100);
    expect(onA.got).toEqual([]);
    onA.stop();
    onB.stop();
  });

  it('shares buckets between processes', async () => {
    const draw = [{ key: 'shared', rate: RATE }];
    expect(await a.buckets.take(draw)).toBe(true);
    expect(await b.buckets.take(draw)).toBe(true);
    expect(await a.buckets.take(draw)).toBe(true);
    expect(await b.buckets.take(draw)).toBe(false);
    // A refused first bucket leaves the second alone.
    const chained = [
      { key: 'shared', rate: RATE },
      { key: 'second', rate: { perSecond: 0.001, burst: 1 } },
    ];
    expect(await a.buckets.take(chained)).toBe(false);
    expect(await a.buckets.take([{ key: 'second', rate: { perSecond: 0.001, burst: 1 } }])).toBe(true);
  });

  it('costs nothing while Redis is away, logs the outage once, and subscribes again once it is back', async () => {
    const events: string[] = [];
    const record = (event: string) => events.push(event);
    const watched = openRedisBus(redis.url, {
      debug: () => undefined,
      info: record,
      warn: record,
      error: record,
    });
    const onB = collect(b, 'doc:y');
    await deliver(a, 'doc:y', { type: 'committed', seq: 1 }, onB.got);
    let resumed = 0;
    b.onResume(() => resumed++);

    await redis.stop();
    const started = Date.now();
    a.publish('doc:y', { type: 'committed', seq: 2 }); // dropped, at once
    const draw = [{ key: 'away', rate: RATE }];
    // Each process counts on its own meanwhile.
    expect([await a.buckets.take(draw), await a.buckets.take(draw), await a.buckets.take(draw)]).toEqual([
      true,
      true,
      true,
    ]);
    expect(await a.buckets.take(draw)).toBe(false);
    expect(await b.buckets.take(draw)).toBe(true);
    expect(Date.now() - started).toBeLessThan(500);

    await redis.start();
    await waitFor(() => resumed > 0, 10_000, 'the bus resumed');
    onB.got.length = 0;
    await deliver(a, 'doc:y', { type: 'committed', seq: 3 }, onB.got);
    expect(onB.got[0]![0]).toEqual({ type: 'committed', seq: 3 });
    onB.stop();
    await waitFor(() => events.filter((e) => e === 'cluster.redis-up').length === 2, 10_000, 'logged back');
    // Once per connection (commands, receiver) as it went, and as it came back; not at each retry.
    expect(events.filter((e) => e === 'cluster.redis-down')).toHaveLength(2);
    expect(events.filter((e) => e !== 'cluster.redis-down' && e !== 'cluster.redis-up')).toEqual([]);
    await watched.close();
  });

  it('loses only its buckets when Redis is flushed', async () => {
    const draw = [{ key: 'flushed', rate: { perSecond: 0.001, burst: 1 } }];
    expect(await a.buckets.take(draw)).toBe(true);
    expect(await a.buckets.take(draw)).toBe(false);
    const onB = collect(b, 'doc:z');
    await deliver(a, 'doc:z', { type: 'presence-query' }, onB.got);
    await redis.flushAll();
    expect(await a.buckets.take(draw)).toBe(true);
    onB.got.length = 0;
    await deliver(a, 'doc:z', { type: 'presence-query' }, onB.got);
    onB.stop();
  });

  it('closes within moments while Redis is away, so that a server can stop', async () => {
    const own = await startRedis();
    const bus = openRedisBus(own.url, log);
    const other = openRedisBus(own.url, log);
    const onOther = collect(other, 'doc:z');
    await deliver(bus, 'doc:z', { type: 'committed', seq: 0 }, onOther.got);
    await own.stop();
    bus.publish('doc:z', { type: 'committed', seq: 1 });
    void bus.buckets.take([{ key: 'closing', rate: RATE }]);
    const started = Date.now();
    await bus.close();
    expect(Date.now() - started).toBeLessThan(3_000);
    onOther.stop();
    await other.close();
  });
});
