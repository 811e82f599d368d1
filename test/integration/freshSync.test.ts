/**
 * A fresh standard y-websocket client is complete when it says it is synced, even while someone
 * types: a bot or an export reading the text at `synced` reads the text as the server had it,
 * not an older one that catches up later.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import { draftDocName } from '../../shared/protocol.js';
import { paragraphString, typeInto } from '../support/draft.js';
import { settle, waitFor } from '../support/provider.js';
import { openRawClient } from '../support/rawClient.js';
import { startTestServer, type TestServer } from '../support/server.js';

const DOC = draftDocName(DEMO_NEGOTIATION_ID);
const TRIALS = 20;
let ts: TestServer;
let cookie: string;

beforeAll(async () => {
  ts = await startTestServer();
  cookie = await ts.signIn('demo-cofac-lux');
});
afterAll(async () => {
  await ts.stop();
});

/** The number of the latest marker `e<n> ` typed at the start of the paragraph, or 0. */
function latestMarker(text: string): number {
  return Number(/^e(\d+) /.exec(text)?.[1] ?? 0);
}

/** What the paragraph reads after markers 1…n were typed at its start over `original`. */
function textAfter(n: number, original: string): string {
  let text = original;
  for (let i = 1; i <= n; i++) text = `e${i} ${text}`;
  return text;
}

/** Opens an unmodified y-websocket provider; resolves with the paragraph's text at `synced`. */
function textAtSynced(pid: string): Promise<{ text: string; provider: WebsocketProvider }> {
  class CookieWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie } });
    }
  }
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(ts.wsUrl, DOC, doc, {
    WebSocketPolyfill: CookieWebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  return new Promise((resolve) => {
    provider.on('sync', (synced: boolean) => {
      if (synced) resolve({ text: paragraphString(doc, pid), provider });
    });
  });
}

describe('a fresh client', () => {
  it('has the whole document as the server had it when y-websocket says it is synced', async () => {
    const typist = await openRawClient(`${ts.wsUrl}/${DOC}`, { headers: { cookie } });
    const room = await ts.server.rooms.open(DOC);
    const original = paragraphString(typist.doc, 'op06');
    let typed = 0;
    let typing = true;
    const stream = (async () => {
      while (typing) {
        const before = Y.encodeStateVector(typist.doc);
        typeInto(typist.doc, 'op06', 0, `e${++typed} `);
        typist.sendUpdate(Y.encodeStateAsUpdate(typist.doc, before));
        await settle(3);
      }
    })();
    const results: { storedBefore: number; atSynced: number; text: string }[] = [];
    try {
      await waitFor(() => latestMarker(paragraphString(room.doc, 'op06')) > 10, 5_000, 'typing started');
      for (let i = 0; i < TRIALS; i++) {
        // Every edit the server had applied before this client connected.
        const storedBefore = latestMarker(paragraphString(room.doc, 'op06'));
        const { text, provider } = await textAtSynced('op06');
        provider.destroy();
        results.push({ storedBefore, atSynced: latestMarker(text), text });
        await settle(20);
      }
    } finally {
      typing = false;
      await stream;
    }
    typist.close();
    const stale = results.filter((r) => r.atSynced < r.storedBefore);
    expect(stale, `stale at synced in ${stale.length} of ${TRIALS} trials`).toEqual([]);
    // Not a mixture either: exactly the text after some number of the typist's edits.
    for (const r of results) expect(r.text).toBe(textAfter(r.atSynced, original));
  });
});
