/**
 * Two real server processes on one SQLite file and one Redis, both serving the demo negotiation.
 * One is killed with SIGKILL while its client types; the client goes on through the other, and
 * every edit the killed process acknowledged is there, once.
 */
import * as decoding from 'lib0/decoding';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import { draftDocName, MessageType } from '../../shared/protocol.js';
import { redeem } from '../support/auth.js';
import { paragraphString, typeInto } from '../support/draft.js';
import { connectProvider, waitFor } from '../support/provider.js';
import { startRedis, type TestRedis } from '../support/redis.js';
import { killGroup, removeDir, spawnServer, stopChildServers, tempDataDir } from '../support/server.js';

const DOC = draftDocName(DEMO_NEGOTIATION_ID);
const dataDir = tempDataDir();
let redis: TestRedis | undefined;
afterAll(async () => {
  await stopChildServers();
  await redis?.stop();
  removeDir(dataDir);
});

/** Words typed in paragraph `pid` of `doc`, in order. */
const words = (doc: Y.Doc, pid: string) => paragraphString(doc, pid).split(' ').filter(Boolean);

describe('two server processes', () => {
  it('keep every edit the killed one acknowledged, once, and its client goes on through the other', async () => {
    redis = await startRedis();
    const env = { REDIS_URL: redis.url };
    const first = await spawnServer(dataDir, env);
    const second = await spawnServer(dataDir, env);
    const cookieA = await redeem(first.url, first.links.get('Co-facilitator, Bangladesh')!);
    const cookieB = await redeem(second.url, second.links.get('Co-facilitator, Luxembourg')!);
    const onA = await connectProvider(first.wsUrl, DOC, {
      params: { ext: '1' },
      headers: { cookie: cookieA },
    });
    const onB = await connectProvider(second.wsUrl, DOC, { headers: { cookie: cookieB } });
    let saved = new Map<number, number>();
    onA.provider.messageHandlers[MessageType.saved] = (_e, decoder: decoding.Decoder) => {
      saved = Y.decodeStateVector(decoding.readVarUint8Array(decoder));
    };

    for (let i = 0; i < 20; i++) {
      typeInto(onA.doc, 'op05', paragraphString(onA.doc, 'op05').length, ` a${i}`);
      typeInto(onB.doc, 'op06', paragraphString(onB.doc, 'op06').length, ` b${i}`);
      await new Promise((r) => setTimeout(r, 5));
    }
    await waitFor(
      () => words(onA.doc, 'op06').includes('b19') && words(onB.doc, 'op05').includes('a19'),
      10_000,
    );

    // The client types on; its server dies under it, some edits acknowledged, some perhaps not.
    for (let i = 20; i < 40; i++)
      typeInto(onA.doc, 'op05', paragraphString(onA.doc, 'op05').length, ` a${i}`);
    await waitFor(() => (saved.get(onA.doc.clientID) ?? 0) > 0, 10_000, 'an acknowledgement');
    killGroup(first.child, 'SIGKILL');
    await first.exited;
    const acknowledged = saved.get(onA.doc.clientID)!;
    onA.provider.destroy();

    // The same copy, with whatever was not acknowledged, reconnects to the other process.
    class HeaderWebSocket extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { headers: { cookie: cookieA } });
      }
    }
    const moved = new WebsocketProvider(second.wsUrl, DOC, onA.doc, {
      WebSocketPolyfill: HeaderWebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    try {
      await waitFor(() => moved.synced, 10_000, 'reconnected to the other process');
      const expected = Array.from({ length: 40 }, (_, i) => `a${i}`);
      await waitFor(
        () =>
          JSON.stringify(words(onB.doc, 'op05').filter((w) => /^a\d+$/.test(w))) === JSON.stringify(expected),
        10_000,
        'every edit on the other process',
      );
      expect(paragraphString(onB.doc, 'op05')).toBe(paragraphString(onA.doc, 'op05'));

      // A fresh client of the surviving process sees all of it: what the killed one acknowledged too.
      const cookieC = await redeem(second.url, second.links.get('Observer, civil society')!);
      const fresh = await connectProvider(second.wsUrl, DOC, { headers: { cookie: cookieC } });
      expect(Y.getState(fresh.doc.store, onA.doc.clientID)).toBeGreaterThanOrEqual(acknowledged);
      expect(words(fresh.doc, 'op05').filter((w) => /^a\d+$/.test(w))).toEqual(expected);
      expect(words(fresh.doc, 'op06').filter((w) => /^b\d+$/.test(w))).toEqual(
        Array.from({ length: 20 }, (_, i) => `b${i}`),
      );
      fresh.provider.destroy();
    } finally {
      moved.destroy();
      onB.provider.destroy();
    }
  });
});
