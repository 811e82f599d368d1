/** Real y-websocket clients in Node, and waiting helpers. */

import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/** Opens a `WebsocketProvider` on a fresh Y.Doc and waits until it is synced. */
export async function connectProvider(
  wsUrl: string,
  docName: string,
  opts: { params?: Record<string, string>; headers?: Record<string, string> } = {},
): Promise<{ doc: Y.Doc; provider: WebsocketProvider }> {
  const doc = new Y.Doc();
  const headers = opts.headers ?? {};
  class HeaderWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  }
  const provider = new WebsocketProvider(wsUrl, docName, doc, {
    WebSocketPolyfill: HeaderWebSocket as unknown as typeof globalThis.WebSocket,
    params: opts.params ?? {},
    disableBc: true,
  });
  await waitFor(() => provider.synced, 10_000, 'provider sync');
  return { doc, provider };
}

/** Polls `predicate` until it holds or `timeoutMs` passes. */
export async function waitFor(
  predicate: () => boolean,
  timeoutMs = 5_000,
  what = 'condition',
): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Waits `ms` milliseconds, for checks that something does NOT happen within a delay. */
export function settle(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
