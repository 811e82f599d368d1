/** What one connection may cost a room (`peerLimits.ts`), checked on in-memory peers. */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode, MessageType } from '../../shared/protocol.js';
import { createLogger } from '../logger.js';
import { awarenessFrame, SyncType, syncFrame } from './messages.js';
import {
  MAX_PRESENCE_CLIENTS,
  MAX_PRESENCE_STATE_BYTES,
  PRESENCE_BYTE_RATE,
  REQUEST_RATE,
} from './peerLimits.js';
import { HeldStorage, READER, RecordingPeer, WRITER } from './recordingPeer.js';
import { Room } from './room.js';
import { PRESENCE_CHANGE_MS, PRESENCE_FRAME_BYTES } from './roomPresence.js';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A presence frame setting each `[clientId, clock, state]`. */
function presence(...entries: [number, number, Record<string, unknown> | null][]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const [id, clock, state] of entries) {
    encoding.writeVarUint(e, id);
    encoding.writeVarUint(e, clock);
    encoding.writeVarString(e, JSON.stringify(state));
  }
  return awarenessFrame(encoding.toUint8Array(e));
}

/** Client ids whose states `peer` received in presence frames, in order. */
function seenIds(peer: RecordingPeer): number[] {
  const ids: number[] = [];
  for (const f of peer.ofType(MessageType.awareness)) {
    const d = decoding.createDecoder(f.payload);
    const count = decoding.readVarUint(d);
    for (let i = 0; i < count; i++) {
      ids.push(decoding.readVarUint(d));
      decoding.readVarUint(d);
      decoding.readVarString(d);
    }
  }
  return ids;
}

let room: Room;

async function openRoom(): Promise<Room> {
  room = await Room.load('doc', new HeldStorage().asStorage(), createLogger('silent'));
  return room;
}

afterEach(async () => {
  await room.close();
});

describe('presence limits', () => {
  it('refuses a state over the size cap without relaying it, and keeps the connection', async () => {
    await openRoom();
    const sender = new RecordingPeer(READER);
    const watcher = new RecordingPeer(WRITER);
    room.join(sender);
    room.join(watcher);
    room.receive(sender, presence([1, 1, { cursor: 'x'.repeat(MAX_PRESENCE_STATE_BYTES) }]));
    room.receive(sender, presence([1, 2, { cursor: 3 }]));
    await wait(PRESENCE_CHANGE_MS * 2);
    expect(sender.errorCodes()).toEqual(['PRESENCE_TOO_LARGE']);
    expect(sender.closed).toBeNull();
    expect(seenIds(watcher)).toEqual([1]);
    expect(room.awareness.getStates().get(1)).toMatchObject({ cursor: 3, user: READER.presence });
  });

  it(`lets one connection speak for at most ${MAX_PRESENCE_CLIENTS} clients`, async () => {
    await openRoom();
    const sender = new RecordingPeer(READER);
    room.join(sender);
    const ids = Array.from({ length: MAX_PRESENCE_CLIENTS + 3 }, (_, i) => 100 + i);
    room.receive(
      sender,
      presence(...ids.map((id): [number, number, Record<string, unknown>] => [id, 1, {}])),
    );
    expect([...room.awareness.getStates().keys()].sort()).toEqual(ids.slice(0, MAX_PRESENCE_CLIENTS));
    expect(sender.errorCodes()).toEqual(['PRESENCE_TOO_MANY_CLIENTS']);
    // Leaving frees a place.
    room.receive(sender, presence([100, 2, null]));
    room.receive(sender, presence([200, 1, {}]));
    expect(room.awareness.getStates().has(200)).toBe(true);
    expect(room.awareness.getStates().has(100)).toBe(false);
  });

  it('closes a connection that sends more presence bytes than its quota, and removes its presence', async () => {
    await openRoom();
    const flooder = new RecordingPeer(READER);
    const calm = new RecordingPeer(WRITER);
    room.join(flooder);
    room.join(calm);
    room.receive(calm, presence([2, 1, { cursor: 1 }]));
    const state = { cursor: 'x'.repeat(MAX_PRESENCE_STATE_BYTES - 100) };
    for (let clock = 1; clock <= PRESENCE_BYTE_RATE.burst / MAX_PRESENCE_STATE_BYTES + 2; clock++) {
      room.receive(flooder, presence([1, clock, state]));
      if (flooder.closed) break;
    }
    expect(flooder.closed?.code).toBe(CloseCode.rateLimited);
    expect(flooder.errorCodes()).toEqual(['RATE_LIMITED']);
    expect(room.awareness.getStates().has(1)).toBe(false);
    expect(room.size).toBe(1);
    expect(calm.closed).toBeNull();
  });

  it('neither claims nor counts states a client sends back (its own or departed clients)', async () => {
    await openRoom();
    const a = new RecordingPeer(WRITER);
    const echoer = new RecordingPeer(WRITER);
    room.join(a);
    room.join(echoer);
    room.receive(a, presence([1, 5, { cursor: 1 }]));
    const departed = Array.from({ length: MAX_PRESENCE_CLIENTS }, (_, i) => 300 + i);
    for (const id of departed) {
      const leaver = new RecordingPeer(WRITER);
      room.join(leaver);
      room.receive(leaver, presence([id, 4, { cursor: id }]));
      room.leave(leaver);
    }
    // The echoer's y-websocket sends back what it received: a's state and the departed ones'.
    room.receive(
      echoer,
      presence(
        [1, 5, { cursor: 1 }],
        ...departed.map((id): [number, number, Record<string, unknown>] => [id, 4, {}]),
      ),
    );
    room.receive(echoer, presence([2, 1, { cursor: 2 }]));
    expect([...room.awareness.getStates().keys()].sort()).toEqual([1, 2]);
    expect(room.awareness.getStates().get(2)).toMatchObject({ cursor: 2 });
    expect(echoer.errorCodes()).toEqual([]);
    // a is still the one speaking for client 1.
    room.receive(a, presence([1, 6, { cursor: 9 }]));
    expect(room.awareness.getStates().get(1)).toMatchObject({ cursor: 9 });
  });

  it(`sends presence in frames of at most about ${PRESENCE_FRAME_BYTES / 1024} KiB`, async () => {
    await openRoom();
    const watcher = new RecordingPeer(WRITER);
    room.join(watcher);
    const n = Math.ceil((PRESENCE_FRAME_BYTES * 2.5) / 3_000);
    for (let i = 0; i < n; i++) {
      const p = new RecordingPeer(WRITER);
      room.join(p);
      room.receive(p, presence([1_000 + i, 1, { cursor: 'y'.repeat(3_000) }]));
    }
    await wait(PRESENCE_CHANGE_MS * 2);
    const frames = watcher.ofType(MessageType.awareness);
    expect(frames.length).toBeGreaterThanOrEqual(3);
    for (const f of frames) expect(f.payload.length).toBeLessThan(PRESENCE_FRAME_BYTES + 4_000);
    expect(new Set(seenIds(watcher)).size).toBe(n);
  });
});

describe('presence queries', () => {
  it('are answered even when nobody has a presence (the answer keeps a quiet socket alive)', async () => {
    await openRoom();
    const asker = new RecordingPeer(READER);
    room.join(asker);
    expect(asker.ofType(MessageType.awareness)).toHaveLength(0);
    room.receive(asker, new Uint8Array([MessageType.queryAwareness]));
    expect(asker.ofType(MessageType.awareness)).toHaveLength(1);
    expect(seenIds(asker)).toEqual([]);
  });
});

describe('request limits', () => {
  it('closes a connection that keeps asking for the document or the presence', async () => {
    await openRoom();
    const asker = new RecordingPeer(READER);
    room.join(asker);
    const step1 = syncFrame(SyncType.step1, Y.encodeStateVector(new Y.Doc()));
    for (let i = 0; i < REQUEST_RATE.burst; i++) room.receive(asker, i % 2 ? step1 : new Uint8Array([3]));
    expect(asker.closed).toBeNull();
    room.receive(asker, step1);
    expect(asker.closed?.code).toBe(CloseCode.rateLimited);
  });
});
