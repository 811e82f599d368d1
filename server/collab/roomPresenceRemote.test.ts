/**
 * Presence relayed between processes that have the same room: what this process's peers change
 * goes out, what another process relays comes in, and a client stays with whoever spoke for it
 * first, a peer here or another process, until that one removes it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { createLogger } from '../logger.js';
import { openSqliteStorage, type SqliteStorage } from '../storage/sqlite.js';
import { awarenessFrame, decodeClientMessage, encodeAwareness } from './messages.js';
import { RecordingPeer, WRITER } from './recordingPeer.js';
import { Room } from './room.js';
import { PRESENCE_CHANGE_MS } from './roomPresence.js';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A client's own presence frame, as a y-protocols client sends it. */
function presence(clientId: number, clock: number, state: Record<string, unknown>): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState(state);
  awareness.meta.set(clientId, { clock, lastUpdated: Date.now() });
  const frame = awarenessFrame(awarenessProtocol.encodeAwarenessUpdate(awareness, [clientId]));
  awareness.destroy();
  return frame;
}

/** The clients of each awareness update in `updates`, with their states. */
function decoded(updates: Uint8Array[]): { clientId: number; state: unknown }[][] {
  return updates.map((u) => {
    const msg = decodeClientMessage(awarenessFrame(u));
    if (msg.type !== 'awareness') throw new Error('not presence');
    return msg.entries.map(({ clientId, state }) => ({ clientId, state }));
  });
}

let storage: SqliteStorage;
let room: Room;
let relayed: Uint8Array[];

async function openRoom(): Promise<Room> {
  storage = openSqliteStorage(':memory:');
  relayed = [];
  room = await Room.load('doc', storage, createLogger('silent'), {
    presence: (_room, update) => relayed.push(update),
  });
  return room;
}

afterEach(async () => {
  await room.close();
  await storage.close();
});

describe('presence across processes', () => {
  it("relays its own peers' changes, under their server identity, and their leaving", async () => {
    await openRoom();
    const peer = new RecordingPeer(WRITER);
    room.join(peer);
    room.receive(peer, presence(5, 1, { cursor: 1, user: { name: 'forged' } }));
    await wait(PRESENCE_CHANGE_MS * 2);
    expect(decoded(relayed)).toEqual([[{ clientId: 5, state: { cursor: 1, user: WRITER.presence } }]]);
    room.leave(peer);
    await wait(PRESENCE_CHANGE_MS * 2);
    expect(decoded(relayed).at(-1)).toEqual([{ clientId: 5, state: null }]);
  });

  it("shows other processes' clients to its peers without relaying them back", async () => {
    await openRoom();
    const watcher = new RecordingPeer(WRITER);
    room.join(watcher);
    room.remotePresence('other', encodeAwareness([{ clientId: 8, clock: 1, state: { cursor: 2 } }]));
    await wait(PRESENCE_CHANGE_MS * 2);
    expect(room.awareness.getStates().get(8)).toEqual({ cursor: 2 });
    expect(watcher.frames.length).toBeGreaterThan(0);
    expect(relayed).toEqual([]);
    expect(room.localPresence()).toBeNull();
  });

  it('lets neither a peer here speak for a client of another process, nor that process for a peer here', async () => {
    await openRoom();
    const peer = new RecordingPeer(WRITER);
    room.join(peer);
    room.remotePresence('other', encodeAwareness([{ clientId: 8, clock: 1, state: { who: 'theirs' } }]));
    room.receive(peer, presence(8, 5, { who: 'hijacked' }));
    expect(room.awareness.getStates().get(8)).toEqual({ who: 'theirs' });

    room.receive(peer, presence(9, 1, { who: 'mine' }));
    room.remotePresence('other', encodeAwareness([{ clientId: 9, clock: 7, state: { who: 'hijacked' } }]));
    room.remotePresence('third', encodeAwareness([{ clientId: 8, clock: 9, state: { who: 'hijacked' } }]));
    expect(room.awareness.getStates().get(9)).toMatchObject({ who: 'mine' });
    expect(room.awareness.getStates().get(8)).toEqual({ who: 'theirs' });

    // Once the other process removes its client, the id is free again.
    room.remotePresence('other', encodeAwareness([{ clientId: 8, clock: 2, state: null }]));
    room.receive(peer, presence(8, 6, { who: 'moved here' }));
    expect(room.awareness.getStates().get(8)).toMatchObject({ who: 'moved here' });
  });

  it('answers a newcomer process with its own clients, and tells the others when it closes', async () => {
    await openRoom();
    const peer = new RecordingPeer(WRITER);
    room.join(peer);
    room.receive(peer, presence(5, 1, { cursor: 1 }));
    room.remotePresence('other', encodeAwareness([{ clientId: 8, clock: 1, state: { cursor: 2 } }]));
    expect(decoded([room.localPresence()!])).toEqual([
      [{ clientId: 5, state: { cursor: 1, user: WRITER.presence } }],
    ]);
    relayed = [];
    await room.close();
    expect(decoded(relayed)).toEqual([[{ clientId: 5, state: null }]]);
  });
});
