/** Proposed changes to the room: the first sync answer encoded once, and presence sent in batches. */
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { awarenessFrame, SyncType, syncFrame } from '../../../server/collab/messages.js';
import type { Peer } from '../../../server/collab/peer.js';
import { Room } from '../../../server/collab/room.js';

/** The cached first sync answer of a room: the whole document as a sync step 2 frame. */
const fullState = new WeakMap<Room, { frame: Uint8Array | null }>();

/** Sync step 1 with an empty state vector, as a fresh y-websocket client sends it. */
function isEmptyStep1(frame: Uint8Array): boolean {
  return frame.length === 4 && frame[0] === 0 && frame[1] === 0 && frame[2] === 1 && frame[3] === 0;
}

/**
 * Proposed change in `server/collab/room.ts`, `receive` (case 'sync-step1'): when the client has
 * nothing yet (an empty state vector: every fresh page load), answer with a step 2 of the whole
 * document encoded once and kept until the document changes, instead of encoding the whole
 * document again for every client that joins (3 MB for the proposals document here).
 */
export function syncCache(): void {
  const original = Room.prototype.receive;
  Room.prototype.receive = function (this: Room, peer: Peer, frame: Uint8Array) {
    const joined = (this as unknown as { peers: Map<Peer, unknown> }).peers.has(peer);
    if (!joined || !isEmptyStep1(frame)) return original.call(this, peer, frame);
    let entry = fullState.get(this);
    if (!entry) {
      const fresh: { frame: Uint8Array | null } = { frame: null };
      this.doc.on('update', () => {
        fresh.frame = null;
      });
      fullState.set(this, fresh);
      entry = fresh;
    }
    entry.frame ??= syncFrame(SyncType.step2, Y.encodeStateAsUpdate(this.doc));
    peer.send(entry.frame);
  };
}

/** How long a room collects presence changes before it sends them in one frame. */
const PRESENCE_BATCH_MS = 100;

/**
 * Proposed change in `server/collab/room.ts`, `onAwarenessChange`: collect the clients whose
 * presence changed for up to 100 ms and send every peer one frame with all of them, instead of
 * one frame per change to every peer. Presence renewals (every client every 15 s in
 * y-protocols) otherwise make the frames sent grow with the square of the clients: 1,000
 * clients mean 67,000 frames a second.
 */
export function presenceBatch(): void {
  const load = Room.load;
  Room.load = async (...args: Parameters<typeof Room.load>) => {
    const room = await load(...args);
    const fields = room as unknown as {
      peers: Map<Peer, unknown>;
      onAwarenessChange: (...a: unknown[]) => void;
    };
    room.awareness.off('update', fields.onAwarenessChange);
    const pending = new Set<number>();
    let timer: NodeJS.Timeout | null = null;
    const flush = () => {
      timer = null;
      const ids = [...pending];
      pending.clear();
      if (ids.length === 0) return;
      const frame = awarenessFrame(awarenessProtocol.encodeAwarenessUpdate(room.awareness, ids));
      for (const peer of fields.peers.keys()) peer.send(frame);
    };
    room.awareness.on('update', (change: { added: number[]; updated: number[]; removed: number[] }) => {
      for (const id of change.added) pending.add(id);
      for (const id of change.updated) pending.add(id);
      for (const id of change.removed) pending.add(id);
      timer ??= setTimeout(flush, PRESENCE_BATCH_MS);
    });
    const close = room.close.bind(room);
    room.close = async (code?: number) => {
      if (timer) clearTimeout(timer);
      timer = null;
      await close(code);
    };
    return room;
  };
}
