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
import type { ReconnectingClient } from '../support/reconnectingClient.js';
import {
  connectClients,
  draftText,
  startTestCluster,
  storedDraft,
  type TestCluster,
} from '../support/testCluster.js';
import { TypingCrowd } from '../support/typingCrowd.js';

const CLIENTS = 200;
/**
 * Each client types a word about this often. Every client applies every other's words to a full
 * copy of the draft: faster typing keeps this test process so busy that it reads acknowledgements
 * late, and could no longer tell an acknowledgement sent before the write from one sent after.
 */
const TYPE_EVERY_MS = 5_000;

let tc: TestCluster;
let clients: ReconnectingClient[] = [];

beforeAll(async () => {
  tc = await startTestCluster({ nodes: 3 });
}, 120_000);
afterAll(async () => {
  for (const c of clients) c.close();
  await tc?.stop();
});

describe('the process that owns a negotiation killed while 200 clients type', () => {
  it('loses no acknowledged edit, duplicates none, and every client resyncs through another process', async () => {
    clients = await connectClients(tc, CLIENTS);
    const ownerName = await ownerOf(tc.cluster, DEMO_NEGOTIATION_ID);
    const owner = tc.cluster.nodes.find((n) => n.name === ownerName)!;
    const crowd = new TypingCrowd(clients, TYPE_EVERY_MS);
    crowd.start();
    await waitFor(() => clients.every((c) => c.savedClock > 0), 30_000, 'an acknowledgement for everyone');

    await owner.kill('SIGKILL');
    const killedAt = Date.now();
    const acknowledged = crowd.acknowledged();
    // What the dead process acknowledged is stored: nothing of it waits for the clients to come back.
    expect(TypingCrowd.notOnceIn(draftText(await storedDraft(tc.storage)), acknowledged)).toEqual([]);

    // The clients go on typing through the failover, then stop.
    await new Promise((r) => setTimeout(r, 2_000));
    crowd.stop();
    await waitFor(() => crowd.settled(), 60_000, 'every client settled on one text').catch((err: Error) => {
      const unsettled = clients.filter((c) => !c.settled).length;
      throw new Error(`${err.message}: ${unsettled} unsettled\n${tc.output()}`);
    });
    const resyncMs = Date.now() - killedAt;
    const reconnections = clients.reduce((n, c) => n + c.connections - 1, 0);
    const all = crowd.all();
    console.log(
      `failover: ${CLIENTS} clients synced ${resyncMs} ms after the owner's kill -9 (${reconnections} reconnections, ${all.length} words typed, ${acknowledged.length} acknowledged before the kill)`,
    );

    const storedText = draftText(await storedDraft(tc.storage));
    expect(TypingCrowd.notOnceIn(storedText, all)).toEqual([]);
    expect(TypingCrowd.countIn(storedText)).toBe(all.length);
    // Every client holds what is stored (and so each word once).
    expect(draftText(clients[0]!.doc)).toBe(storedText);
    // Only the killed process is gone; the others served every client.
    for (const node of tc.cluster.nodes) expect(node.process === null).toBe(node === owner);
    expect(await ownerOf(tc.cluster, DEMO_NEGOTIATION_ID)).not.toBe(owner.name);
  }, 180_000);
});
