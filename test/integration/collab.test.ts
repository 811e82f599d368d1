/** Two real y-websocket clients edit one draft through the real server. */
import * as decoding from 'lib0/decoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import { draftDocName, MessageType } from '../../shared/protocol.js';
import { paragraphString, typeInto } from '../support/draft.js';
import { connectProvider, waitFor } from '../support/provider.js';
import { startTestServer, type TestServer } from '../support/server.js';

const DOC = draftDocName(DEMO_NEGOTIATION_ID);
let ts: TestServer;
let headers: Record<string, string>;

beforeAll(async () => {
  ts = await startTestServer();
  headers = { cookie: await ts.signIn('demo-cofac-bgd') };
});
afterAll(async () => {
  await ts.stop();
});

describe('collaborative editing', () => {
  it('converges two concurrent editors and gives a late joiner the full text', async () => {
    const a = await connectProvider(ts.wsUrl, DOC, { headers });
    const b = await connectProvider(ts.wsUrl, DOC, { headers });
    const before = paragraphString(a.doc, 'op03');
    expect(before.length).toBeGreaterThan(10);

    // Concurrent edits: both type before seeing the other's.
    typeInto(a.doc, 'op03', 0, 'Alpha ');
    typeInto(b.doc, 'op03', before.length, ' Beta');
    typeInto(b.doc, 'op05', 0, 'Gamma ');

    await waitFor(
      () =>
        paragraphString(a.doc, 'op03') === paragraphString(b.doc, 'op03') &&
        paragraphString(a.doc, 'op05').startsWith('Gamma'),
    );
    expect(paragraphString(a.doc, 'op03')).toBe(`Alpha ${before} Beta`);

    const c = await connectProvider(ts.wsUrl, DOC, { headers });
    expect(paragraphString(c.doc, 'op03')).toBe(`Alpha ${before} Beta`);
    expect(Y.encodeStateVector(c.doc)).toEqual(Y.encodeStateVector(a.doc));
    for (const p of [a, b, c]) p.provider.destroy();
  });

  it('acknowledges an update with the saved state vector only after it is stored', async () => {
    const a = await connectProvider(ts.wsUrl, DOC, { params: { ext: '1' }, headers });
    let savedClock = -1;
    a.provider.messageHandlers[MessageType.saved] = (_enc, decoder: decoding.Decoder) => {
      const sv = Y.decodeStateVector(decoding.readVarUint8Array(decoder));
      savedClock = sv.get(a.doc.clientID) ?? -1;
    };
    const countBefore = await ts.storage.countUpdates(DOC);
    typeInto(a.doc, 'op01', 0, 'Saved ');
    await waitFor(() => savedClock === Y.getState(a.doc.store, a.doc.clientID), 5_000, 'saved ack');
    expect(await ts.storage.countUpdates(DOC)).toBeGreaterThan(countBefore);
    a.provider.destroy();
  });

  it('shows who is online, under the identity the server knows', async () => {
    const a = await connectProvider(ts.wsUrl, DOC, { headers });
    const b = await connectProvider(ts.wsUrl, DOC, { headers: { cookie: await ts.signIn('demo-eu') } });
    a.provider.awareness.setLocalStateField('user', {
      name: 'Somebody else',
      color: '#123456',
      delegation: 'USA',
    });
    const seen = () => b.provider.awareness.getStates().get(a.doc.clientID)?.user;
    await waitFor(() => seen()?.name === 'Co-facilitator, Bangladesh', 5_000, 'presence');
    expect(seen()).toMatchObject({ role: 'facilitator', delegation: 'BGD', delegationName: 'Bangladesh' });
    a.provider.destroy();
    await waitFor(() => !b.provider.awareness.getStates().has(a.doc.clientID), 5_000, 'presence removed');
    b.provider.destroy();
  });
});
