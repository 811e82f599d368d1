/**
 * A server change with its records (`Room.serverChange(change, writes)`) on a real SQLite
 * storage: the update and the records commit in one unit of work, or neither does and the room
 * fails as for any refused server change.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/protocol.js';
import { createLogger } from '../logger.js';
import { openSqliteStorage, type SqliteStorage } from '../storage/sqlite.js';
import { SyncType } from './messages.js';
import { RecordingPeer, WRITER } from './recordingPeer.js';
import { Room } from './room.js';

const log = createLogger('silent');
const NEGOTIATION = 'n1';
let storage: SqliteStorage;
let room: Room;
const failed: Room[] = [];

async function openRoom(): Promise<Room> {
  storage = openSqliteStorage(':memory:');
  await storage.createNegotiation(
    {
      id: NEGOTIATION,
      title: 'Units',
      createdAt: '2022-05-01T10:00:00Z',
      timeZone: 'UTC',
      facilitatorDelegations: ['BGD'],
    },
    { docName: 'other', state: Y.encodeStateAsUpdate(new Y.Doc()) },
  );
  room = await Room.load('doc', storage, log, { failed: (r) => failed.push(r) });
  return room;
}

afterEach(async () => {
  failed.length = 0;
  await room.close();
  await storage.close();
});

/** An audit entry of the test's negotiation. */
const entry = (action: string, detail: Record<string, unknown> = {}) => ({
  at: '2022-05-01T10:00:00Z',
  negotiationId: NEGOTIATION,
  personId: null,
  personName: null,
  delegation: null,
  action,
  detail,
});

/** The text `t` of the document as stored. */
async function storedText(): Promise<string> {
  const stored = await storage.loadDoc('doc');
  const doc = new Y.Doc();
  for (const u of stored.state ? [stored.state, ...stored.updates] : stored.updates) Y.applyUpdate(doc, u);
  return doc.getText('t').toString();
}

const actions = async () => (await storage.audit.list(NEGOTIATION, 10)).map((e) => e.action);

describe('a server change with its records', () => {
  it('stores the update and the records together, then shows the change', async () => {
    await openRoom();
    const witness = new RecordingPeer(WRITER);
    room.join(witness);
    let given: { update: Uint8Array; steps: readonly Uint8Array[] } | undefined;
    const update = await room.serverChange(
      [(doc) => doc.getText('t').insert(0, 'one '), () => {}, (doc) => doc.getText('t').insert(4, 'two')],
      async (merged, steps) => {
        given = { update: merged, steps };
        await storage.audit.append(entry('text.changed'));
      },
    );
    expect(await storedText()).toBe('one two');
    expect(await actions()).toEqual(['text.changed']);
    expect(given!.update).toEqual(update);
    // One update per step, empty for the step that changed nothing; together, the whole change.
    expect(given!.steps.map((s) => s.length > 0)).toEqual([true, false, true]);
    const rebuilt = new Y.Doc();
    for (const s of given!.steps) if (s.length > 0) Y.applyUpdate(rebuilt, s);
    expect(rebuilt.getText('t').toString()).toBe('one two');
    expect(witness.sync(SyncType.update)).toHaveLength(2);
    expect(witness.text()).toBe('one two');
  });

  it('keeps nothing of a change whose records fail, and fails the room as for a refused change', async () => {
    await openRoom();
    const witness = new RecordingPeer(WRITER);
    room.join(witness);
    await expect(
      room.serverChange(
        (doc) => doc.getText('t').insert(0, 'never stored'),
        async () => {
          await storage.audit.append(entry('text.changed'));
          throw new Error('the records failed');
        },
      ),
    ).rejects.toThrow('the records failed');
    expect(await storedText()).toBe('');
    expect(await actions()).toEqual([]);
    expect(witness.closed?.code).toBe(CloseCode.internalError);
    expect(witness.text()).toBe('');
    expect(failed).toEqual([room]);
    expect(room.dropped).toBe(true);
    // The storage goes on: a room loaded again works.
    await room.close();
    room = await Room.load('doc', storage, log);
    await room.serverChange(
      (doc) => doc.getText('t').insert(0, 'stored'),
      () => storage.audit.append(entry('text.changed')),
    );
    expect(await storedText()).toBe('stored');
    expect(await actions()).toEqual(['text.changed']);
  });

  it('runs the records of a change that changed nothing, and a failure of them leaves the room as it was', async () => {
    await openRoom();
    await room.serverChange([], () => storage.audit.append(entry('nothing.changed')));
    expect(await actions()).toEqual(['nothing.changed']);
    await expect(
      room.serverChange(
        () => {},
        async () => {
          throw new Error('refused');
        },
      ),
    ).rejects.toThrow('refused');
    expect(room.dropped).toBe(false);
    expect(failed).toEqual([]);
  });

  it('changes nothing when a step refuses before any change, whatever the records', async () => {
    await openRoom();
    let ran = false;
    await expect(
      room.serverChange(
        [
          () => {
            throw new Error('not applicable');
          },
          (doc) => doc.getText('t').insert(0, 'x'),
        ],
        async () => {
          ran = true;
        },
      ),
    ).rejects.toThrow('not applicable');
    expect(ran).toBe(false);
    expect(room.dropped).toBe(false);
    expect(room.doc.getText('t').toString()).toBe('');
  });
});
