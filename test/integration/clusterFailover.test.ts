/**
 * Three production processes behind HAProxy on one PostgreSQL database and one Redis. The process
 * that owns the demo negotiation is killed with SIGKILL while 200 co-facilitator connections type
 * into its draft. What it acknowledged is in PostgreSQL at the moment it dies; the clients reconnect
 * through HAProxy to another process and send again what was never stored; then every edit is in
 * the stored draft and in every client's copy exactly once. The time from the kill until every
 * client is synced again is printed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownerOf } from '../../deploy/cluster.js';
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import { waitFor } from '../support/provider.js';
import { ReconnectingClient } from '../support/reconnectingClient.js';
import {
  draftText,
  startTestCluster,
  storedDraft,
  type TestCluster,
  wordCounts,
} from '../support/testCluster.js';

const CLIENTS = 200;
/** Connections per signed-in session (a session may hold 20 sockets per process). */
const PER_SESSION = 10;
/** Each client types a word about this often (jittered). */
const TYPE_EVERY_MS = 5_000;
const PARAGRAPHS = ['op01', 'op02', 'op03', 'op04', 'op05', 'op06', 'pp01', 'pp02'];
const WORD = /\bzq\d+x\d+\b/g;

let tc: TestCluster;
const clients: ReconnectingClient[] = [];

beforeAll(async () => {
  tc = await startTestCluster({ nodes: 3 });
}, 120_000);
afterAll(async () => {
  for (const c of clients) c.close();
  await tc?.stop();
});

/** A word typed by a client, and the client's clock once it was typed. */
interface Typed {
  word: string;
  clock: number;
}

describe('the process that owns a negotiation killed while 200 clients type', () => {
  it('loses no acknowledged edit, duplicates none, and every client resyncs through another process', async () => {
    const url = tc.draftUrl();
    for (let s = 0; s < CLIENTS / PER_SESSION; s++) {
      const cookie = await tc.signIn(s % 2 === 0 ? 'demo-cofac-bgd' : 'demo-cofac-lux');
      for (let i = 0; i < PER_SESSION; i++)
        clients.push(new ReconnectingClient({ url, headers: { cookie } }));
    }
    await waitFor(() => clients.every((c) => c.isSynced), 30_000, 'every client synced');
    const ownerName = await ownerOf(tc.cluster, DEMO_NEGOTIATION_ID);
    const owner = tc.cluster.nodes.find((n) => n.name === ownerName)!;

    // Everyone types, each at its own pace.
    const typed: Typed[][] = clients.map(() => []);
    let typing = true;
    const timers = clients.map((c, i) => {
      const tick = () => {
        if (!typing) return;
        const word = `zq${i}x${typed[i]!.length}`;
        typed[i]!.push({ word, clock: c.type(PARAGRAPHS[i % PARAGRAPHS.length]!, ` ${word}`) });
        timer = setTimeout(tick, TYPE_EVERY_MS * (0.5 + Math.random()));
      };
      let timer = setTimeout(tick, Math.random() * TYPE_EVERY_MS);
      return () => clearTimeout(timer);
    });
    await waitFor(() => clients.every((c) => c.savedClock > 0), 30_000, 'an acknowledgement for everyone');

    await owner.kill('SIGKILL');
    const killedAt = Date.now();
    const acknowledged = clients.flatMap((c, i) => typed[i]!.filter((t) => t.clock <= c.savedClock));
    // What the dead process acknowledged is stored: nothing of it waits for the clients to come back.
    const atDeath = wordCounts(draftText(await storedDraft(tc.storage)), WORD);
    expect(acknowledged.filter((t) => atDeath.get(t.word) !== 1).map((t) => t.word)).toEqual([]);

    // The clients go on typing through the failover, then stop.
    await new Promise((r) => setTimeout(r, 2_000));
    typing = false;
    for (const stop of timers) stop();
    const all = typed.flat();
    await waitFor(
      () => {
        if (!clients.every((c) => c.settled)) return false;
        const text = draftText(clients[0]!.doc);
        return clients.every((c) => draftText(c.doc) === text);
      },
      60_000,
      'every client settled on one text',
    ).catch((err: Error) => {
      const unsettled = clients.filter((c) => !c.settled).length;
      throw new Error(`${err.message}: ${unsettled} unsettled\n${tc.output()}`);
    });
    const resyncMs = Date.now() - killedAt;
    const reconnections = clients.reduce((n, c) => n + c.connections - 1, 0);
    console.log(
      `failover: ${CLIENTS} clients synced ${resyncMs} ms after the owner's kill -9 (${reconnections} reconnections, ${all.length} words typed, ${acknowledged.length} acknowledged before the kill)`,
    );

    const storedText = draftText(await storedDraft(tc.storage));
    const stored = wordCounts(storedText, WORD);
    expect(all.filter((t) => stored.get(t.word) !== 1).map((t) => t.word)).toEqual([]);
    expect(stored.size).toBe(all.length);
    // Every client holds what is stored (and so each word once).
    expect(draftText(clients[0]!.doc)).toBe(storedText);
    // Only the killed process is gone; the others served every client.
    for (const node of tc.cluster.nodes) expect(node.process === null).toBe(node === owner);
    expect(await ownerOf(tc.cluster, DEMO_NEGOTIATION_ID)).not.toBe(owner.name);
  }, 180_000);
});
