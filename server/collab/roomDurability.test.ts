/**
 * The durability promise of a room, against a storage whose writes the test holds pending and
 * then commits or fails: nothing is applied, broadcast or acknowledged before its commit, and
 * nothing at all after a failed one.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode, MessageType } from '../../shared/protocol.js';
import { createLogger } from '../logger.js';
import { SyncType, syncFrame } from './messages.js';
import { HeldStorage, RecordingPeer, WRITER } from './recordingPeer.js';
import { Room } from './room.js';
import { Rooms } from './rooms.js';

const log = createLogger('silent');
const EMPTY_STEP1 = syncFrame(SyncType.step1, Y.encodeStateVector(new Y.Doc()));
/** Lets the room's `setImmediate` flush and pending promise callbacks run. */
const turn = () => new Promise((r) => setImmediate(r));

/** A client's edit of text `t`, as the update frame it sends. */
function edit(doc: Y.Doc, text: string): Uint8Array {
  const before = Y.encodeStateVector(doc);
  doc.getText('t').insert(doc.getText('t').length, text);
  return syncFrame(SyncType.update, Y.encodeStateAsUpdate(doc, before));
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i++) await turn();
  expect(condition()).toBe(true);
}

let storage: HeldStorage;
let room: Room;
const failed: Room[] = [];

async function openRoom(): Promise<Room> {
  storage = new HeldStorage();
  room = await Room.load('doc', storage.asStorage(), log, { failed: (r) => failed.push(r) });
  return room;
}

afterEach(async () => {
  failed.length = 0;
  for (const w of storage.writes) w.commit();
  await room.close();
});

describe('a client update', () => {
  it('is applied, broadcast and acknowledged only once committed', async () => {
    await openRoom();
    const writer = new RecordingPeer(WRITER);
    const witness = new RecordingPeer(WRITER);
    room.join(writer);
    room.join(witness);
    const local = new Y.Doc();
    room.receive(writer, edit(local, 'hello'));
    await until(() => storage.writes.length === 1);

    // Held: nothing of it anywhere but in the pending write.
    expect(room.doc.getText('t').toString()).toBe('');
    expect(witness.sync(SyncType.update)).toHaveLength(0);
    expect(writer.ofType(MessageType.saved)).toHaveLength(0);
    const latecomer = new RecordingPeer(WRITER);
    room.join(latecomer);
    room.receive(latecomer, EMPTY_STEP1);
    expect(latecomer.text()).toBe('');

    storage.writes[0]!.commit();
    await until(() => witness.sync(SyncType.update).length === 1);
    expect(room.doc.getText('t').toString()).toBe('hello');
    expect(witness.text()).toBe('hello');
    const saved = writer.ofType(MessageType.saved);
    expect(saved).toHaveLength(1);
    expect(Y.decodeStateVector(saved[0]!.payload).get(local.clientID)).toBe(5);
  });

  it('is not applied, broadcast or acknowledged when its commit fails; its writer is closed with 1011', async () => {
    await openRoom();
    const writer = new RecordingPeer(WRITER);
    const witness = new RecordingPeer(WRITER);
    room.join(writer);
    room.join(witness);
    const local = new Y.Doc();
    room.receive(writer, edit(local, 'lost'));
    await until(() => storage.writes.length === 1);
    // A later update of the same writer, building on the first, arrives while it is held.
    room.receive(writer, edit(local, ' and more'));
    storage.writes[0]!.fail();
    await until(() => writer.closed !== null);

    expect(writer.closed?.code).toBe(CloseCode.internalError);
    await turn();
    expect(storage.writes).toHaveLength(1); // the later update was dropped, not stored
    expect(room.doc.getText('t').toString()).toBe('');
    expect(witness.sync(SyncType.update)).toHaveLength(0);
    expect(writer.ofType(MessageType.saved)).toHaveLength(0);
    expect(witness.closed).toBeNull();
    expect(room.size).toBe(1);
    // The closed writer is not heard any more.
    room.receive(writer, edit(local, '!'));
    await turn();
    expect(storage.writes).toHaveLength(1);
  });

  it('of a peer that left while it was being stored still reaches the others', async () => {
    await openRoom();
    const writer = new RecordingPeer(WRITER);
    const witness = new RecordingPeer(WRITER);
    room.join(writer);
    room.join(witness);
    room.receive(writer, edit(new Y.Doc(), 'parting words'));
    await until(() => storage.writes.length === 1);
    room.leave(writer);
    storage.writes[0]!.commit();
    await until(() => witness.sync(SyncType.update).length === 1);
    expect(witness.text()).toBe('parting words');
    expect(room.doc.getText('t').toString()).toBe('parting words');
    expect(writer.ofType(MessageType.saved)).toHaveLength(0);
  });
});

describe('a server change', () => {
  it('is shown to nobody, and sync answers wait, until it is committed', async () => {
    await openRoom();
    const witness = new RecordingPeer(WRITER);
    room.join(witness);
    room.receive(witness, EMPTY_STEP1);
    const done = room.serverChange((doc) => doc.getText('t').insert(0, 'published'));
    await until(() => storage.writes.length === 1);

    const latecomer = new RecordingPeer(WRITER);
    room.join(latecomer);
    room.receive(latecomer, EMPTY_STEP1);
    await turn();
    expect(witness.sync(SyncType.update)).toHaveLength(0);
    // Not even the state vector of the server's step 1 may reveal it (it counts as "saved").
    expect(latecomer.frames.filter((f) => f.type === MessageType.sync)).toHaveLength(0);

    storage.writes[0]!.commit();
    await done;
    await until(() => latecomer.sync(SyncType.step2).length === 1);
    expect(witness.text()).toBe('published');
    expect(latecomer.text()).toBe('published');
    expect(Y.decodeStateVector(latecomer.sync(SyncType.step1)[0]!.payload).size).toBe(1);
  });

  it('that storage refuses closes every peer with 1011 and nothing more is stored from the room', async () => {
    await openRoom();
    const witness = new RecordingPeer(WRITER);
    const latecomer = new RecordingPeer(WRITER);
    room.join(witness);
    room.receive(witness, EMPTY_STEP1);
    const done = room.serverChange((doc) => doc.getText('t').insert(0, 'never stored'));
    await until(() => storage.writes.length === 1);
    room.join(latecomer);
    room.receive(latecomer, EMPTY_STEP1);
    storage.writes[0]!.fail();
    await expect(done).rejects.toThrow('disk full');

    for (const peer of [witness, latecomer]) {
      expect(peer.closed?.code).toBe(CloseCode.internalError);
      expect(peer.text()).toBe('');
    }
    expect(failed).toEqual([room]);
    expect(room.dropped).toBe(true);
    await expect(room.serverChange((doc) => doc.getText('t').insert(0, 'x'))).rejects.toThrow();
    const another = new RecordingPeer(WRITER);
    room.join(another);
    expect(another.closed?.code).toBe(CloseCode.internalError);
    await room.close();
    expect(storage.compactions).toBe(0);
    expect(storage.writes).toHaveLength(1);
    expect(storage.stored).toHaveLength(0);
  });
  it('that throws halfway leaves no half-made change in the room', async () => {
    await openRoom();
    const witness = new RecordingPeer(WRITER);
    room.join(witness);
    await expect(
      room.serverChange((doc) => {
        doc.getText('t').insert(0, 'half');
        throw new Error('command bug');
      }),
    ).rejects.toThrow('command bug');
    expect(witness.closed?.code).toBe(CloseCode.internalError);
    expect(room.dropped).toBe(true);
    expect(storage.writes).toHaveLength(0);
    // A change that throws before changing anything harms nothing.
    await room.close();
    await openRoom();
    await expect(
      room.serverChange(() => {
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(room.dropped).toBe(false);
  });
});

describe('loading', () => {
  it('leaves no room behind when the load or the loaded hook fails, and loads again next time', async () => {
    await openRoom();
    let hookFails = true;
    const hooked: Room[] = [];
    const rooms = new Rooms(storage.asStorage(), log, {
      loaded: async (r) => {
        hooked.push(r);
        if (hookFails) throw new Error('reconcile failed');
      },
    });
    try {
      storage.failNextLoad = 'database locked';
      await expect(rooms.open('a')).rejects.toThrow('database locked');
      expect(rooms.loadedNames()).toEqual([]);

      await expect(rooms.open('a')).rejects.toThrow('reconcile failed');
      expect(rooms.loadedNames()).toEqual([]);
      expect(hooked[0]!.dropped).toBe(true);
      expect(hooked[0]!.doc.isDestroyed).toBe(true);

      hookFails = false;
      const loaded = await rooms.open('a');
      expect(loaded).not.toBe(hooked[0]);
      expect(rooms.loadedNames()).toEqual(['a']);
    } finally {
      await rooms.closeAll();
    }
  });

  it('fails, rather than loading a document without it, when a stored update cannot be applied', async () => {
    await openRoom();
    storage.stored.push(Y.encodeStateAsUpdate(new Y.Doc()), new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]));
    await expect(Room.load('doc', storage.asStorage(), log)).rejects.toThrow();
  });

  it('drops a room that failed, so that the next client loads the document from storage', async () => {
    await openRoom();
    const rooms = new Rooms(storage.asStorage(), log);
    try {
      const first = await rooms.open('b');
      const done = first.serverChange((doc) => doc.getText('t').insert(0, 'refused'));
      await until(() => storage.writes.length === 1);
      storage.writes[0]!.fail();
      await expect(done).rejects.toThrow();
      const second = await rooms.open('b');
      expect(second).not.toBe(first);
      expect(second.doc.getText('t').toString()).toBe('');
    } finally {
      await rooms.closeAll();
    }
  });
});
