/** Dead connections are dropped by ping/pong; a client that stops reading is dropped without slowing others. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { MESSAGE_BYTE_RATE, MESSAGE_RATE } from '../../server/collab/websocket.js';
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
  ts = await startTestServer({ socketLimits: { pingIntervalMs: 200, maxBufferedBytes: 256 * 1024 } });
  cookie = await ts.signIn('demo-cofac-bgd');
});
afterAll(async () => {
  await ts.stop();
});

describe('liveness', () => {
  it('terminates a connection that stops answering pings', async () => {
    const ws = new WebSocket(`${ts.wsUrl}/${DOC}`, { headers: { cookie }, autoPong: false });
    const closed = new Promise<number>((res) => ws.on('close', (code) => res(code)));
    await new Promise((res) => ws.once('open', res));
    const started = Date.now();
    expect(await closed).toBe(1006); // terminated, no close frame
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('drops a client that stops reading once its send buffer overflows, while others keep up', async () => {
    const stalled = await openRawClient(`${ts.wsUrl}/${DOC}`, { headers: { cookie } });
    const reader = await openRawClient(`${ts.wsUrl}/${DOC}`, { headers: { cookie } });
    const writer = await openRawClient(`${ts.wsUrl}/${DOC}`, { headers: { cookie } });
    // Stop reading from the socket: the server's buffer towards this client fills up.
    (stalled.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    const chunk = 'x'.repeat(20_000);
    for (let i = 0; i < 40; i++) {
      const before = Y.encodeStateVector(writer.doc);
      typeInto(writer.doc, 'op20', 0, `${i}${chunk}`);
      writer.sendUpdate(Y.encodeStateAsUpdate(writer.doc, before));
      await new Promise((r) => setTimeout(r, 5));
    }
    await waitFor(() => paragraphString(reader.doc, 'op20').startsWith('39'), 10_000, 'reader keeps up');
    const room = await ts.server.rooms.open(DOC);
    await waitFor(() => room.size === 2, 10_000, 'stalled client dropped');
    (stalled.ws as unknown as { _socket: { resume(): void } })._socket.resume();
    const closed = await stalled.closed;
    expect([CloseCode.slowConsumer, 1006]).toContain(closed.code);
    reader.close();
    writer.close();
  });

  it('closes a connection that floods messages with a rate-limit code, and only that one', async () => {
    const flooder = await openRawClient(`${ts.wsUrl}/${DOC}`, { headers: { cookie } });
    const calm = await openRawClient(`${ts.wsUrl}/${DOC}`, { headers: { cookie } });
    const query = new Uint8Array([3]); // query-awareness: valid and cheap
    for (let i = 0; i < MESSAGE_RATE.burst + 200; i++) flooder.send(query);
    expect((await flooder.closed).code).toBe(CloseCode.rateLimited);
    expect(calm.ws.readyState).toBe(calm.ws.OPEN);
    calm.close();
  });

  it('closes a connection that sends more bytes than allowed, even of frames it would be refused', async () => {
    const observer = await openRawClient(`${ts.wsUrl}/${DOC}`, {
      headers: { cookie: await ts.signIn('demo-observer') },
    });
    const calm = await openRawClient(`${ts.wsUrl}/${DOC}`, { headers: { cookie } });
    const big = new Y.Doc();
    big.getText('t').insert(0, 'y'.repeat(900_000));
    const update = Y.encodeStateAsUpdate(big);
    const frames = Math.ceil(MESSAGE_BYTE_RATE.burst / update.length) + 2;
    for (let i = 0; i < frames; i++) observer.sendUpdate(update);
    expect((await observer.closed).code).toBe(CloseCode.rateLimited);
    expect(observer.errors.filter((e) => e.code === 'READ_ONLY').length).toBeLessThan(frames);
    expect(calm.ws.readyState).toBe(calm.ws.OPEN);
    calm.close();
  });
});
