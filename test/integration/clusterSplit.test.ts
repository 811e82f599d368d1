/**
 * Two production processes that both serve the demo negotiation, as when both believe they own
 * it (a process HAProxy had given up for dead comes back, say): clients connected straight to
 * each one's port, bypassing HAProxy, type at once on both. The stored log holds each of their
 * items exactly once, and every copy ends up with every word once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../support/provider.js';
import type { ReconnectingClient } from '../support/reconnectingClient.js';
import {
  connectClients,
  draftText,
  itemsNotStoredOnce,
  startTestCluster,
  storedDraft,
  storedDraftLog,
  type TestCluster,
} from '../support/testCluster.js';
import { TypingCrowd } from '../support/typingCrowd.js';

/** Clients on each of the two processes. */
const PER_NODE = 20;
const TYPE_EVERY_MS = 300;
const TYPING_MS = 8_000;

let tc: TestCluster;
let clients: ReconnectingClient[] = [];

beforeAll(async () => {
  tc = await startTestCluster({ nodes: 3 });
}, 120_000);
afterAll(async () => {
  for (const c of clients) c.close();
  await tc?.stop();
});

describe('two processes serving one negotiation at once', () => {
  it('lose no update and store none twice under concurrent edits on both', async () => {
    const [first, second] = tc.cluster.nodes.map((n) => `http://127.0.0.1:${n.port}`);
    clients = [
      ...(await connectClients(tc, PER_NODE, tc.draftUrl(first))),
      ...(await connectClients(tc, PER_NODE, tc.draftUrl(second))),
    ];
    const crowd = new TypingCrowd(clients, TYPE_EVERY_MS);
    crowd.start();
    await new Promise((r) => setTimeout(r, TYPING_MS));
    crowd.stop();
    await waitFor(() => crowd.settled(), 30_000, 'every client settled on one text').catch((err: Error) => {
      throw new Error(
        `${err.message}: ${clients.filter((c) => !c.settled).length} unsettled\n${tc.output()}`,
      );
    });

    const all = crowd.all();
    const storedText = draftText(await storedDraft(tc.storage));
    expect(TypingCrowd.notOnceIn(storedText, all)).toEqual([]);
    expect(TypingCrowd.countIn(storedText)).toBe(all.length);
    for (const c of clients) expect(draftText(c.doc)).toBe(storedText);
    // Nobody reconnected: each update was sent once, and is in the log once.
    expect(clients.filter((c) => c.connections !== 1).length).toBe(0);
    const clocks = new Map(clients.map((c) => [c.doc.clientID, c.ownClock]));
    expect(itemsNotStoredOnce(await storedDraftLog(tc.storage), clocks)).toEqual([]);
    console.log(
      `two processes: ${all.length} words typed by ${clients.length} clients on both, each stored once`,
    );
  }, 120_000);
});
