/** A read-only connection: told once that its changes are refused; a copy it repeats is no change. */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MessageType } from '../../shared/protocol.js';
import { createLogger } from '../logger.js';
import { SyncType, syncFrame } from './messages.js';
import { HeldStorage, READER, RecordingPeer } from './recordingPeer.js';
import { READ_ONLY_REASON, Room } from './room.js';

let room: Room;
let storage: HeldStorage;
const refused: string[] = [];

afterEach(async () => {
  refused.length = 0;
  for (const w of storage.writes) w.commit();
  await room.close();
});

/** A room whose text reads "hello world" after "cruel " was typed and deleted again. */
async function roomWithHistory(): Promise<Y.Doc> {
  storage = new HeldStorage();
  const source = new Y.Doc();
  source.getText('t').insert(0, 'hello cruel world');
  source.getText('t').delete(6, 6);
  storage.stored.push(Y.encodeStateAsUpdate(source));
  room = await Room.load('doc', storage.asStorage(), createLogger('silent'), {
    refused: (_room, peer) => refused.push(peer.identity.label),
  });
  return source;
}

describe('a read-only connection', () => {
  it('repeating what the server has (a reconnecting sync step 2) is not refused, audited or told', async () => {
    const copy = await roomWithHistory();
    const reader = new RecordingPeer(READER);
    room.join(reader);
    room.receive(reader, syncFrame(SyncType.step2, Y.encodeStateAsUpdate(copy)));
    room.receive(reader, syncFrame(SyncType.step2, Y.encodeStateAsUpdate(copy, Y.encodeStateVector(copy))));
    expect(refused).toEqual([]);
    expect(reader.frames.filter((f) => f.type === MessageType.auth || f.type === MessageType.error)).toEqual(
      [],
    );
  });

  it('is told once, with the y-protocols auth message, that its changes are refused', async () => {
    const copy = await roomWithHistory();
    const reader = new RecordingPeer(READER);
    room.join(reader);
    const before = Y.encodeStateVector(copy);
    copy.getText('t').delete(0, 1); // a deletion only: no new item
    room.receive(reader, syncFrame(SyncType.update, Y.encodeStateAsUpdate(copy, before)));
    const after = Y.encodeStateVector(copy);
    copy.getText('t').insert(0, 'J');
    room.receive(reader, syncFrame(SyncType.update, Y.encodeStateAsUpdate(copy, after)));
    expect(refused).toEqual(['reader', 'reader']);
    expect(reader.ofType(MessageType.auth).map((f) => f.text)).toEqual([READ_ONLY_REASON]);
    expect(reader.errorCodes()).toEqual(['READ_ONLY', 'READ_ONLY']);
    expect(room.doc.getText('t').toString()).toBe('hello world');
    expect(storage.writes).toHaveLength(0);
  });
});
