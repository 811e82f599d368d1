/**
 * Two rooms of the same document over one storage, as two processes have them: each applies
 * what the other committed, read back by sequence, after its own commits and on demand, and
 * compacts only what it holds.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MessageType } from '../../shared/protocol.js';
import { createLogger } from '../logger.js';
import { openSqliteStorage, type SqliteStorage } from '../storage/sqlite.js';
import type { Storage } from '../storage/storage.js';
import { SyncType, syncFrame } from './messages.js';
import { RecordingPeer, WRITER } from './recordingPeer.js';
import { Room } from './room.js';
import { Rooms } from './rooms.js';

const log = createLogger('silent');
const turn = () => new Promise((r) => setImmediate(r));

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await turn();
  expect(condition()).toBe(true);
}

/** A client's edit of text `t`, as the update frame it sends. */
function edit(doc: Y.Doc, text: string): Uint8Array {
  const before = Y.encodeStateVector(doc);
  doc.getText('t').insert(doc.getText('t').length, text);
  return syncFrame(SyncType.update, Y.encodeStateAsUpdate(doc, before));
}

let storage: SqliteStorage;
const open: Room[] = [];

async function twoRooms(s: Storage = storage): Promise<[Room, Room]> {
  const a = await Room.load('doc', s, log);
  const b = await Room.load('doc', s, log);
  open.push(a, b);
  return [a, b];
}

afterEach(async () => {
  for (const r of open.splice(0)) await r.close();
  await storage?.close();
});

describe('a room another process writes too', () => {
  it('applies what the other committed before its own commit, and sends it to every peer', async () => {
    storage = openSqliteStorage(':memory:');
    const [a, b] = await twoRooms();
    const onA = new RecordingPeer(WRITER);
    const witness = new RecordingPeer(WRITER);
    const onB = new RecordingPeer(WRITER);
    a.join(onA);
    a.join(witness);
    b.join(onB);

    b.receive(onB, edit(new Y.Doc(), 'from B '));
    await until(() => onB.ofType(MessageType.saved).length === 1);
    expect(a.doc.getText('t').toString()).toBe(''); // nobody told A yet
    const before = a.lastSeq;

    a.receive(onA, edit(new Y.Doc(), 'from A'));
    await until(() => onA.ofType(MessageType.saved).length === 1);
    expect(a.lastSeq).toBe(b.lastSeq + 1);
    expect(a.lastSeq).toBeGreaterThan(before + 1);
    expect(a.doc.getText('t').toString()).toContain('from B');
    expect(a.doc.getText('t').toString()).toContain('from A');
    // B's update reached both of A's peers; A's writer got no echo of its own.
    expect(onA.text()).toBe('from B ');
    expect(witness.text()).toBe(a.doc.getText('t').toString());
  });

  it('catches up on demand, sends what it read to every peer, and does nothing more when nothing is new', async () => {
    storage = openSqliteStorage(':memory:');
    const [a, b] = await twoRooms();
    const onA = new RecordingPeer(WRITER);
    const onB = new RecordingPeer(WRITER);
    a.join(onA);
    b.join(onB);
    b.receive(onB, edit(new Y.Doc(), 'hello'));
    await until(() => onB.ofType(MessageType.saved).length === 1);

    await a.catchUp();
    expect(a.doc.getText('t').toString()).toBe('hello');
    expect(a.lastSeq).toBe(b.lastSeq);
    expect(onA.text()).toBe('hello');
    const frames = onA.frames.length;
    await a.catchUp();
    expect(onA.frames.length).toBe(frames);
  });

  it('compacts up to what it applied, never dropping an update it has not read', async () => {
    storage = openSqliteStorage(':memory:');
    const [a, b] = await twoRooms();
    const onA = new RecordingPeer(WRITER);
    const onB = new RecordingPeer(WRITER);
    a.join(onA);
    b.join(onB);
    a.receive(onA, edit(new Y.Doc(), 'one '));
    await until(() => onA.ofType(MessageType.saved).length === 1);
    b.receive(onB, edit(new Y.Doc(), 'two'));
    await until(() => onB.ofType(MessageType.saved).length === 1);

    await a.compact(); // A never read B's update: it stays in the log
    const fresh = await Room.load('doc', storage, log);
    open.push(fresh);
    expect(fresh.doc.getText('t').toString()).toContain('two');
    expect(fresh.doc.getText('t').toString()).toContain('one');

    await b.compact(); // B holds both and compacts further
    await a.catchUp(); // A reads the compacted state that covers what it missed
    expect(a.doc.getText('t').toString()).toBe(b.doc.getText('t').toString());
    expect(a.lastSeq).toBe(b.lastSeq);
  });

  it('keeps the catch-up in the storage queue, behind a commit still being written', async () => {
    const { HeldStorage } = await import('./recordingPeer.js');
    storage = openSqliteStorage(':memory:');
    const held = new HeldStorage();
    const room = await Room.load('doc', held.asStorage(), log);
    open.push(room);
    const peer = new RecordingPeer(WRITER);
    room.join(peer);
    const client = new Y.Doc();
    room.receive(peer, edit(client, 'mine'));
    await until(() => held.writes.length === 1);
    const other = new Y.Doc();
    other.getText('t').insert(0, 'theirs ');
    let caughtUp = false;
    const catchUp = room.catchUp().then(() => {
      caughtUp = true;
    });
    held.commitElsewhere([Y.encodeStateAsUpdate(other)]);
    await turn();
    expect(caughtUp).toBe(false);
    held.writes[0]!.commit();
    await catchUp;
    expect(room.doc.getText('t').toString()).toContain('theirs');
    expect(room.doc.getText('t').toString()).toContain('mine');
    expect(room.lastSeq).toBe(2);
  });

  it('acknowledges its commit when reading what it missed fails, and reads it again later', async () => {
    const { HeldStorage } = await import('./recordingPeer.js');
    storage = openSqliteStorage(':memory:');
    const held = new HeldStorage();
    const room = await Room.load('doc', held.asStorage(), log);
    open.push(room);
    const peer = new RecordingPeer(WRITER);
    room.join(peer);
    const other = new Y.Doc();
    other.getText('t').insert(0, 'theirs ');
    held.commitElsewhere([Y.encodeStateAsUpdate(other)]);
    const read = held.updatesSince.bind(held);
    held.updatesSince = () => Promise.reject(new Error('connection lost'));
    room.receive(peer, edit(new Y.Doc(), 'mine'));
    await until(() => held.writes.length === 1);
    held.writes[0]!.commit();
    await until(() => peer.ofType(MessageType.saved).length === 1);
    expect(room.lastSeq).toBe(0);
    held.updatesSince = read;
    await room.catchUp();
    expect(room.doc.getText('t').toString()).toContain('theirs');
    expect(room.lastSeq).toBe(2);
  });
});

describe('rooms of several processes', () => {
  it('catch up when told of a commit they have not applied, and before the server uses them', async () => {
    storage = openSqliteStorage(':memory:');
    const here = new Rooms(storage, log);
    const there = new Rooms(storage, log);
    const committed: number[] = [];
    there.observe({ committed: (_room, seq) => committed.push(seq) });
    const a = await here.open('doc');
    const b = await there.open('doc');
    const peer = new RecordingPeer(WRITER);
    const watcher = new RecordingPeer(WRITER);
    b.join(peer);
    a.join(watcher);
    b.receive(peer, edit(new Y.Doc(), 'hint'));
    await until(() => committed.length === 1);
    here.hint('doc', committed[0]!);
    await until(() => a.doc.getText('t').toString() === 'hint');

    b.receive(peer, edit(new Y.Doc(), ' used'));
    await until(() => committed.length === 2);
    const seen = await here.withRoom('doc', (room) => room.doc.getText('t').toString());
    expect(seen).toContain(' used');
    expect(seen).toBe(b.doc.getText('t').toString());
    await here.closeAll();
    await there.closeAll();
  });

  it('never make a command wait for a commit being written (it may hold what that commit waits for)', async () => {
    const { HeldStorage } = await import('./recordingPeer.js');
    storage = openSqliteStorage(':memory:');
    const held = new HeldStorage();
    const rooms = new Rooms(held.asStorage(), log);
    const room = await rooms.open('doc');
    const peer = new RecordingPeer(WRITER);
    room.join(peer);
    room.receive(peer, edit(new Y.Doc(), 'pending'));
    await until(() => held.writes.length === 1);
    expect(await rooms.withRoom('doc', () => 'ran')).toBe('ran');
    held.writes[0]!.commit();
    await rooms.closeAll();
  });
});
