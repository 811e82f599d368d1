/** Each kind of malformed frame closes only its own connection; nothing else changes. */
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import { CloseCode, draftDocName, MAX_MESSAGE_BYTES, MessageType } from '../../shared/protocol.js';
import { paragraphString, typeInto } from '../support/draft.js';
import { waitFor } from '../support/provider.js';
import { openRawClient } from '../support/rawClient.js';
import { startTestServer, type TestServer } from '../support/server.js';

const DOC = draftDocName(DEMO_NEGOTIATION_ID);
let ts: TestServer;
let headers: Record<string, string>;

beforeAll(async () => {
  ts = await startTestServer();
  headers = { cookie: await ts.signIn('demo-cofac-lux') };
});
afterAll(async () => {
  await ts.stop();
});

function frame(...parts: ((e: encoding.Encoder) => void)[]): Uint8Array {
  const e = encoding.createEncoder();
  for (const p of parts) p(e);
  return encoding.toUint8Array(e);
}

function randomBytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out[i] = x & 0xff;
  }
  return out;
}

const CASES: { name: string; payload: () => Uint8Array | string; code: number }[] = [
  { name: 'a text frame', payload: () => 'hello', code: CloseCode.unsupportedData },
  {
    name: 'a truncated varint',
    payload: () => new Uint8Array([0x80, 0x80]),
    code: CloseCode.malformedMessage,
  },
  { name: 'random bytes', payload: () => randomBytes(64, 7), code: CloseCode.malformedMessage },
  {
    name: 'an unknown message type',
    payload: () => frame((e) => encoding.writeVarUint(e, 42)),
    code: CloseCode.malformedMessage,
  },
  {
    name: 'an update that fails to decode',
    payload: () =>
      frame(
        (e) => encoding.writeVarUint(e, MessageType.sync),
        (e) => encoding.writeVarUint(e, 2),
        (e) => encoding.writeVarUint8Array(e, randomBytes(40, 3)),
      ),
    code: CloseCode.malformedMessage,
  },
  {
    name: 'an awareness update that is not JSON',
    payload: () =>
      frame(
        (e) => encoding.writeVarUint(e, MessageType.awareness),
        (e) =>
          encoding.writeVarUint8Array(
            e,
            frame(
              (x) => encoding.writeVarUint(x, 1),
              (x) => encoding.writeVarUint(x, 99),
              (x) => encoding.writeVarUint(x, 1),
              (x) => encoding.writeVarString(x, '{not json'),
            ),
          ),
      ),
    code: CloseCode.malformedMessage,
  },
  {
    name: 'a frame over the size limit',
    payload: () => new Uint8Array(MAX_MESSAGE_BYTES + 1),
    code: CloseCode.messageTooBig,
  },
];

describe('malformed messages', () => {
  for (const c of CASES) {
    it(`closes the sender of ${c.name} and leaves the document and others unaffected`, async () => {
      const witness = await openRawClient(`${ts.wsUrl}/${DOC}`, { headers });
      const bad = await openRawClient(`${ts.wsUrl}/${DOC}`, { headers });
      const storedBefore = JSON.stringify(await ts.storage.loadDoc(DOC));
      const room = await ts.server.rooms.open(DOC);
      const stateBefore = Y.encodeStateAsUpdate(room.doc);

      bad.send(c.payload());
      const closed = await bad.closed;
      expect(closed.code).toBe(c.code);

      expect(JSON.stringify(await ts.storage.loadDoc(DOC))).toBe(storedBefore);
      expect(Y.encodeStateAsUpdate(room.doc)).toEqual(stateBefore);
      expect(witness.ws.readyState).toBe(witness.ws.OPEN);

      // The witness still edits, and a fresh client sees the edit.
      const marker = `still working ${c.name}`;
      const before = Y.encodeStateVector(witness.doc);
      typeInto(witness.doc, 'op02', 0, marker);
      witness.sendUpdate(Y.encodeStateAsUpdate(witness.doc, before));
      const fresh = await openRawClient(`${ts.wsUrl}/${DOC}`, { headers });
      await waitFor(
        () => paragraphString(fresh.doc, 'op02').startsWith(marker),
        5_000,
        'fresh client sees edit',
      );
      witness.close();
      fresh.close();
    });
  }
});
