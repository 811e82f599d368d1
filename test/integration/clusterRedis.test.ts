/**
 * Three production processes on one PostgreSQL database and a Redis of their own, with clients of
 * the demo draft connected straight to two of them (bypassing HAProxy, so that both serve it).
 * Redis stopped, started again empty, then flushed: the processes only wait longer for each
 * other's edits (at most the rooms' poll while Redis is away), no client is disconnected, and
 * every copy and the stored draft end up holding each word once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATCH_UP_EVERY_MS } from '../../server/collab/rooms.js';
import { waitFor } from '../support/provider.js';
import type { ReconnectingClient } from '../support/reconnectingClient.js';
import { startRedis, type TestRedis } from '../support/redis.js';
import {
  connectClients,
  draftText,
  startTestCluster,
  storedDraft,
  type TestCluster,
} from '../support/testCluster.js';
import { TypingCrowd } from '../support/typingCrowd.js';

/** Clients on each of the two processes. */
const PER_NODE = 10;
const TYPE_EVERY_MS = 1_000;
/** A hint brings an edit to the other process well within the poll. */
const HINTED_MS = CATCH_UP_EVERY_MS / 4;

let redis: TestRedis;
let tc: TestCluster;
let clients: ReconnectingClient[] = [];
let crowd: TypingCrowd;

beforeAll(async () => {
  redis = await startRedis();
  tc = await startTestCluster({ nodes: 3, redisUrl: redis.url });
}, 120_000);
afterAll(async () => {
  for (const c of clients) c.close();
  await tc?.stop();
  await redis?.stop();
});

let probes = 0;
/**
 * Milliseconds until a word typed by `from` shows in `to`'s copy (on the other process), typed
 * while the crowd pauses: a room that commits an edit of its own, or whose commands use it (the
 * outdated-amendment check after an edit), also reads what it missed, which would hide how long
 * the hint, or the poll without it, takes.
 */
async function arrival(
  from: ReconnectingClient,
  to: ReconnectingClient,
  timeoutMs = 10_000,
): Promise<number> {
  crowd.stop();
  await new Promise((r) => setTimeout(r, 1_000));
  const word = `probe${probes++}`;
  const started = Date.now();
  from.type('op07', ` ${word}`);
  await waitFor(() => draftText(to.doc).includes(word), timeoutMs, `${word} arriving`);
  const ms = Date.now() - started;
  crowd.start();
  return ms;
}

describe('Redis restarted and flushed under two processes serving one negotiation', () => {
  it('costs only latency: edits on both converge, nothing lost or doubled, nobody disconnected', async () => {
    const [first, second] = tc.cluster.nodes.map((n) => `http://127.0.0.1:${n.port}`);
    clients = [
      ...(await connectClients(tc, PER_NODE, tc.draftUrl(first))),
      ...(await connectClients(tc, PER_NODE, tc.draftUrl(second))),
    ];
    const [onFirst, onSecond] = [clients[0]!, clients[PER_NODE]!];
    const connected = clients.map((c) => c.connections);
    crowd = new TypingCrowd(clients, TYPE_EVERY_MS);
    crowd.start();
    expect(await arrival(onFirst, onSecond)).toBeLessThan(HINTED_MS);

    await redis.stop();
    const away = [await arrival(onFirst, onSecond), await arrival(onSecond, onFirst)];
    for (const ms of away) expect(ms).toBeLessThan(CATCH_UP_EVERY_MS + 1_500);

    await redis.start();
    // The processes reconnect and subscribe again by themselves; then hints are back.
    const afterRestart: number[] = [];
    let latest = Number.POSITIVE_INFINITY;
    while (latest >= HINTED_MS && afterRestart.length < 10) {
      latest = await arrival(onFirst, onSecond);
      afterRestart.push(latest);
    }
    expect(latest).toBeLessThan(HINTED_MS);

    await redis.flushAll();
    const flushed = [await arrival(onFirst, onSecond), await arrival(onSecond, onFirst)];
    for (const f of flushed) expect(f).toBeLessThan(HINTED_MS);
    console.log(
      `Redis: edit to the other process in ${away.join(' and ')} ms while it was away, then ${afterRestart.join(', ')} ms once it was back, ${flushed.join(' and ')} ms after FLUSHALL`,
    );

    crowd.stop();
    await waitFor(() => crowd.settled(), 30_000, 'every client settled on one text');
    const storedText = draftText(await storedDraft(tc.storage));
    expect(TypingCrowd.notOnceIn(storedText, crowd.all())).toEqual([]);
    expect(draftText(onFirst.doc)).toBe(storedText);
    // Only latency: no client lost its connection, no process died.
    expect(clients.filter((c, i) => c.connections !== connected[i]).length).toBe(0);
    for (const node of tc.cluster.nodes) expect(node.process).not.toBeNull();
  }, 180_000);
});
