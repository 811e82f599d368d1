/**
 * Three production processes behind HAProxy on a PostgreSQL server of their own, restarted while
 * 40 co-facilitator connections type: while it is down nothing is acknowledged (a write that
 * cannot be stored closes its writer, whose edits wait in its copy) and no process dies; once it is
 * back the clients reconnect, send again what was never stored, and every word is stored and in
 * every copy exactly once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, startThrowawayPostgres, type ThrowawayPostgres } from '../support/postgres.js';
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

const CLIENTS = 40;
const TYPE_EVERY_MS = 1_000;
/** How long PostgreSQL stays down. */
const OUTAGE_MS = 4_000;

let pg: ThrowawayPostgres;
let tc: TestCluster;
let clients: ReconnectingClient[] = [];

beforeAll(async () => {
  pg = await startThrowawayPostgres();
  tc = await startTestCluster({ nodes: 3, databaseUrl: await freshDatabase(pg.url) });
}, 120_000);
afterAll(async () => {
  for (const c of clients) c.close();
  await tc?.stop();
  await pg?.destroy();
});

/** Every process is running and answers its health check on its own port. */
async function allAlive(): Promise<void> {
  for (const node of tc.cluster.nodes) {
    expect(node.process, `${node.name} exited\n${tc.output()}`).not.toBeNull();
    expect((await fetch(`http://127.0.0.1:${node.port}/api/health`)).status).toBe(200);
  }
}

describe('PostgreSQL restarted under load', () => {
  it('stalls writes while it is down, then resumes them, losing nothing acknowledged', async () => {
    clients = await connectClients(tc, CLIENTS);
    const crowd = new TypingCrowd(clients, TYPE_EVERY_MS);
    crowd.start();
    await waitFor(() => clients.every((c) => c.savedClock > 0), 30_000, 'an acknowledgement for everyone');

    await pg.stop('fast');
    // An acknowledgement sent just before the stop may still be on its way.
    await new Promise((r) => setTimeout(r, 300));
    const acknowledged = crowd.acknowledged();
    const savedAtStop = clients.map((c) => c.savedClock);
    const typedAtStop = crowd.all().length;
    await new Promise((r) => setTimeout(r, OUTAGE_MS));
    // The clients typed on, and nothing of it was acknowledged.
    expect(crowd.all().length).toBeGreaterThan(typedAtStop);
    expect(clients.filter((c, i) => c.savedClock !== savedAtStop[i]).length).toBe(0);
    await allAlive();

    await pg.start();
    const restartedAt = Date.now();
    await new Promise((r) => setTimeout(r, 1_000));
    crowd.stop();
    await waitFor(() => crowd.settled(), 60_000, 'every client settled on one text').catch((err: Error) => {
      throw new Error(
        `${err.message}: ${clients.filter((c) => !c.settled).length} unsettled\n${tc.output()}`,
      );
    });
    console.log(
      `PostgreSQL restart: ${CLIENTS} clients settled ${Date.now() - restartedAt} ms after it was back (${crowd.all().length - typedAtStop} words typed while it was down or after)`,
    );

    const storedText = draftText(await storedDraft(tc.storage));
    expect(TypingCrowd.notOnceIn(storedText, acknowledged)).toEqual([]);
    expect(TypingCrowd.notOnceIn(storedText, crowd.all())).toEqual([]);
    expect(TypingCrowd.countIn(storedText)).toBe(crowd.all().length);
    expect(draftText(clients[0]!.doc)).toBe(storedText);
    await allAlive();
  }, 180_000);
});
