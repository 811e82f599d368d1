/**
 * A plain y-websocket client on a read-only connection is told, with the y-protocols auth
 * message "permission denied", the first time it sends a change; its changes are refused.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { READ_ONLY_REASON } from '../../server/collab/room.js';
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import { draftDocName, proposalsDocName } from '../../shared/protocol.js';
import { paragraphString, typeInto } from '../support/draft.js';
import { connectProvider, settle, waitFor } from '../support/provider.js';
import { startTestServer, type TestServer } from '../support/server.js';

let ts: TestServer;

beforeAll(async () => {
  ts = await startTestServer();
});
afterAll(async () => {
  await ts.stop();
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** The warnings an unmodified y-websocket provider writes when it is denied permission. */
function deniedWarnings(warn: { mock: { calls: unknown[][] } }): string[] {
  return warn.mock.calls.map((args) => String(args[0])).filter((m) => m.startsWith('Permission denied'));
}

describe('a read-only connection', () => {
  it('tells an unmodified y-websocket client once, at its first refused change, and keeps nothing of it', async () => {
    const warn = vi.spyOn(console, 'warn');
    const doc = draftDocName(DEMO_NEGOTIATION_ID);
    const observer = await connectProvider(ts.wsUrl, doc, {
      headers: { cookie: await ts.signIn('demo-observer') },
    });
    const original = paragraphString(observer.doc, 'op02');
    await settle(200);
    expect(deniedWarnings(warn)).toEqual([]); // reading is allowed: nothing to tell yet

    typeInto(observer.doc, 'op02', 0, 'Vandalism ');
    await waitFor(() => deniedWarnings(warn).length === 1, 5_000, 'permission denied');
    expect(deniedWarnings(warn)[0]).toContain(READ_ONLY_REASON);
    typeInto(observer.doc, 'op02', 0, 'More ');
    await settle(300);
    expect(deniedWarnings(warn)).toHaveLength(1);
    expect(observer.provider.wsconnected).toBe(true); // it may go on reading

    const room = await ts.server.rooms.open(doc);
    expect(paragraphString(room.doc, 'op02')).toBe(original);
    observer.provider.destroy();
  });

  it('tells a delegate who writes into the proposals document, which only the server writes', async () => {
    const warn = vi.spyOn(console, 'warn');
    const delegate = await connectProvider(ts.wsUrl, proposalsDocName(DEMO_NEGOTIATION_ID), {
      headers: { cookie: await ts.signIn('demo-eu') },
    });
    delegate.doc.getMap('proposals').set('forged', '[1]');
    await waitFor(() => deniedWarnings(warn).length === 1, 5_000, 'permission denied');
    delegate.provider.destroy();
  });
});
