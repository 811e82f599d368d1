import * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { MessageType } from '../../shared/protocol.js';
import { createLogger } from '../logger.js';
import { openSqliteStorage } from '../storage/sqlite.js';
import type { Storage } from '../storage/storage.js';
import { awarenessFrame, SyncType, syncFrame } from './messages.js';
import type { Peer } from './peer.js';
import { FRESH_RENEW_AFTER_BYTES, Room } from './room.js';
import { PRESENCE_CHANGE_MS, PRESENCE_RENEWAL_MS } from './roomPresence.js';

/** A peer that records what the room sends it, decoded. */
class RecordingPeer implements Peer {
  static next = 1;
  readonly id = RecordingPeer.next++;
  readonly ext = false;
  readonly frames: { at: number; type: number; sub?: number; payload: Uint8Array }[] = [];
  constructor(readonly identity: Peer['identity']) {}
  send(frame: Uint8Array): void {
    const d = decoding.createDecoder(frame);
    const type = decoding.readVarUint(d);
    const sub = type === MessageType.sync ? decoding.readVarUint(d) : undefined;
    this.frames.push({ at: Date.now(), type, sub, payload: decoding.readVarUint8Array(d) });
  }
  close(): void {}
  /** Client ids carried by each presence frame received so far. */
  presenceFrames(): number[][] {
    return this.frames
      .filter((f) => f.type === MessageType.awareness)
      .map((f) => {
        const d = decoding.createDecoder(f.payload);
        const n = decoding.readVarUint(d);
        const ids: number[] = [];
        for (let i = 0; i < n; i++) {
          ids.push(decoding.readVarUint(d));
          decoding.readVarUint(d);
          decoding.readVarString(d);
        }
        return ids;
      });
  }
}

const writer = { canWrite: true, label: 'writer' };
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A client's own presence update, as a y-protocols client sends it. */
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

let storage: Storage;
let room: Room;

async function openRoom(): Promise<Room> {
  storage = openSqliteStorage(':memory:');
  room = await Room.load('doc', storage, createLogger('silent'));
  return room;
}

afterEach(async () => {
  await room.close();
  await storage.close();
});

describe('room presence', () => {
  it('sends the presence changes of many clients to everyone in one frame', async () => {
    await openRoom();
    const watcher = new RecordingPeer(writer);
    room.join(watcher);
    const others = Array.from({ length: 20 }, () => new RecordingPeer(writer));
    for (const p of others) room.join(p);
    others.forEach((p, i) => {
      room.receive(p, presence(1000 + i, 1, { cursor: i }));
    });
    await wait(PRESENCE_CHANGE_MS * 2);
    const frames = watcher.presenceFrames();
    expect(frames.length).toBeLessThanOrEqual(2);
    expect(new Set(frames.flat())).toEqual(new Set(others.map((_, i) => 1000 + i)));
  });

  it('sends a renewal of unchanged presence later, batched, and a change soon', async () => {
    await openRoom();
    const watcher = new RecordingPeer(writer);
    const typist = new RecordingPeer(writer);
    room.join(watcher);
    room.join(typist);
    room.receive(typist, presence(7, 1, { cursor: 1 }));
    await wait(PRESENCE_CHANGE_MS * 2);
    expect(watcher.presenceFrames()).toEqual([[7]]);

    const renewedAt = Date.now();
    room.receive(typist, presence(7, 2, { cursor: 1 }));
    await wait(PRESENCE_CHANGE_MS * 2);
    expect(watcher.presenceFrames()).toHaveLength(1);
    await wait(PRESENCE_RENEWAL_MS);
    expect(watcher.presenceFrames()).toEqual([[7], [7]]);
    expect(watcher.frames.at(-1)!.at - renewedAt).toBeGreaterThanOrEqual(PRESENCE_RENEWAL_MS - 20);

    const movedAt = Date.now();
    room.receive(typist, presence(7, 3, { cursor: 2 }));
    await wait(PRESENCE_CHANGE_MS * 2);
    expect(watcher.presenceFrames()).toHaveLength(3);
    expect(watcher.frames.at(-1)!.at - movedAt).toBeLessThan(PRESENCE_RENEWAL_MS / 2);
  });

  it('tells everyone at once when a peer leaves', async () => {
    await openRoom();
    const watcher = new RecordingPeer(writer);
    const leaver = new RecordingPeer(writer);
    room.join(watcher);
    room.join(leaver);
    room.receive(leaver, presence(9, 1, { cursor: 1 }));
    await wait(PRESENCE_CHANGE_MS * 2);
    room.leave(leaver);
    await wait(PRESENCE_CHANGE_MS * 2);
    expect(watcher.presenceFrames()).toEqual([[9], [9]]);
    expect(room.awareness.getStates().has(9)).toBe(false);
  });
});

describe('room sync', () => {
  it('answers a client with nothing yet with the whole current document, also after changes', async () => {
    await openRoom();
    const editor = new RecordingPeer(writer);
    room.join(editor);
    const local = new Y.Doc();
    const fresh = () => {
      const peer = new RecordingPeer(writer);
      room.join(peer);
      room.receive(peer, syncFrame(SyncType.step1, Y.encodeStateVector(new Y.Doc())));
      const doc = new Y.Doc();
      const answers = peer.frames.filter((f) => f.type === MessageType.sync && f.sub !== SyncType.step1);
      // At most one frame of the changes since the cached encoding, then step 2, which a
      // y-websocket client takes as "synced": its document must be complete by then.
      expect(answers.length).toBeLessThanOrEqual(2);
      expect(answers.at(-1)?.sub).toBe(SyncType.step2);
      for (const f of answers) Y.applyUpdate(doc, f.payload);
      return doc.getText('t').toString();
    };
    const edit = async (text: string) => {
      const before = Y.encodeStateVector(local);
      local.getText('t').insert(local.getText('t').length, text);
      room.receive(editor, syncFrame(SyncType.update, Y.encodeStateAsUpdate(local, before)));
      await wait(20);
    };
    await edit('one');
    expect(fresh()).toBe('one');
    expect(fresh()).toBe('one');
    await edit(' two');
    expect(fresh()).toBe('one two');
    // Enough changes to renew the whole-document encoding, and more after it.
    await edit('x'.repeat(FRESH_RENEW_AFTER_BYTES));
    expect(fresh()).toHaveLength(7 + FRESH_RENEW_AFTER_BYTES);
    await edit(' three');
    expect(fresh().endsWith('x three')).toBe(true);
    // Compaction encodes the document again; changes after it still reach fresh clients.
    await room.compact();
    expect(fresh().endsWith('x three')).toBe(true);
    await edit(' four');
    expect(fresh().endsWith('x three four')).toBe(true);
  });
});
