/** One session holds at most MAX_SOCKETS_PER_SESSION sockets; others sessions are not affected. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SOCKETS_PER_SESSION } from '../../server/collab/websocket.js';
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import { draftDocName, proposalsDocName } from '../../shared/protocol.js';
import { openRawClient, type RawClient } from '../support/rawClient.js';
import { jsonError, rawRequest, upgradeRequest } from '../support/rawHttp.js';
import { startTestServer, type TestServer } from '../support/server.js';

let ts: TestServer;
beforeAll(async () => {
  ts = await startTestServer();
});
afterAll(async () => {
  await ts.stop();
});

describe('sockets per session', () => {
  it('refuses the socket over the cap with 429 TOO_MANY_CONNECTIONS until one closes', async () => {
    const cookie = await ts.signIn('demo-eu');
    const docs = [draftDocName(DEMO_NEGOTIATION_ID), proposalsDocName(DEMO_NEGOTIATION_ID)];
    const open: RawClient[] = [];
    for (let i = 0; i < MAX_SOCKETS_PER_SESSION; i++)
      open.push(await openRawClient(`${ts.wsUrl}/${docs[i % 2]}`, { headers: { cookie } }));

    const refused = await rawRequest(
      ts.server.port,
      upgradeRequest(`/collab/${docs[0]}`, [`Cookie: ${cookie}`]),
    );
    expect(refused.status).toBe(429);
    expect(jsonError(refused)?.code).toBe('TOO_MANY_CONNECTIONS');

    // Another session (another person, or the same person's other browser) still connects.
    const other = await openRawClient(`${ts.wsUrl}/${docs[0]}`, {
      headers: { cookie: await ts.signIn('demo-eu') },
    });
    other.close();

    const last = open.pop()!;
    last.close();
    await last.closed;
    // The server sees the close a moment after the client does.
    let again: RawClient | undefined;
    for (let tries = 0; !again && tries < 50; tries++) {
      again = await openRawClient(`${ts.wsUrl}/${docs[0]}`, { headers: { cookie } }).catch(async () => {
        await new Promise((r) => setTimeout(r, 50));
        return undefined;
      });
    }
    expect(again).toBeDefined();
    for (const c of [...open, again!]) c.close();
  });
});
