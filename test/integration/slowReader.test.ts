/**
 * A client that stops reading is dropped once its send buffer overflows, and the close code
 * 4508 (`slowConsumer`) reaches it when it reads again: the close frame waits behind the data it
 * had not read instead of being lost with a terminated socket (1006).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import { CloseCode, draftDocName } from '../../shared/protocol.js';
import { paragraphString, typeInto } from '../support/draft.js';
import { waitFor } from '../support/provider.js';
import { openRawClient } from '../support/rawClient.js';
import { startTestServer, type TestServer } from '../support/server.js';

const DOC = draftDocName(DEMO_NEGOTIATION_ID);
let ts: TestServer;
let cookie: string;

beforeAll(async () => {
  // Production's ping interval (30 s): the stalled client is not dropped for missing pongs.
  ts = await startTestServer({ socketLimits: { maxBufferedBytes: 256 * 1024 } });
  cookie = await ts.signIn('demo-cofac-bgd');
});
afterAll(async () => {
  await ts.stop();
});

type PausableSocket = { _socket: { pause(): void; resume(): void } };

describe('a slow reader', () => {
  it('is dropped from the room at once and told so with 4508 when it reads again', async () => {
    const stalled = await openRawClient(`${ts.wsUrl}/${DOC}`, { headers: { cookie } });
    const reader = await openRawClient(`${ts.wsUrl}/${DOC}`, { headers: { cookie } });
    const writer = await openRawClient(`${ts.wsUrl}/${DOC}`, { headers: { cookie } });
    (stalled.ws as unknown as PausableSocket)._socket.pause();
    // Edits the server makes (no client's send rate limits them), until the stalled client's
    // socket buffers, its send buffer and then the server's bound are full.
    const room = await ts.server.rooms.open(DOC);
    const chunk = 'x'.repeat(1_000_000);
    let sent = 0;
    while (room.size === 3 && sent < 80) {
      await room.serverChange((doc) => typeInto(doc, 'op20', 0, `${sent}${chunk}`));
      sent++;
      await new Promise((r) => setTimeout(r, 10));
    }
    console.info(`slow reader dropped after ${sent} MB`);
    expect(room.size).toBe(2);
    await waitFor(
      () => paragraphString(reader.doc, 'op20').startsWith(`${sent - 1}x`),
      20_000,
      'reader keeps up',
    );

    (stalled.ws as unknown as PausableSocket)._socket.resume();
    const closed = await stalled.closed;
    expect(closed.code).toBe(CloseCode.slowConsumer);
    expect(reader.ws.readyState).toBe(reader.ws.OPEN);
    reader.close();
    writer.close();
  });
});
