/**
 * A room: one collaborative document in memory with its connected peers. The room speaks the
 * y-websocket protocol and enforces the durability rule: an update is committed to storage
 * before it is applied to the shared document, broadcast, or acknowledged.
 */
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { ErrorCode } from '../../shared/errors.js';
import { CloseCode } from '../../shared/protocol.js';
import type { Logger } from '../logger.js';
import type { Storage } from '../storage/storage.js';
import {
  type AwarenessEntry,
  awarenessFrame,
  type ClientMessage,
  decodeClientMessage,
  encodeAwareness,
  errorFrame,
  isEmptyUpdate,
  MalformedMessage,
  SyncType,
  savedFrame,
  syncFrame,
} from './messages.js';
import type { Peer } from './peer.js';
import { SerialQueue } from './serialQueue.js';

/**
 * Number of stored updates after which the log is compacted into one state. The same encoding
 * of the whole document is what clients with nothing yet are sent from then on (see `step2For`),
 * so a large document is encoded once per compaction, not once for storage and again for joins.
 */
export const COMPACT_AFTER_UPDATES = 500;

/**
 * Presence is sent to the room in batches: changes (someone joins, leaves or moves their cursor)
 * at most every `PRESENCE_CHANGE_MS`, renewals of unchanged presence (every client every 15 s
 * in y-protocols, only to stay alive) within `PRESENCE_RENEWAL_MS`. One frame then carries
 * every client that changed, where a frame per change to every peer grows with the square of
 * the room (1,000 people renewing alone would mean 67,000 frames a second).
 */
export const PRESENCE_CHANGE_MS = 50;
/** See `PRESENCE_CHANGE_MS`; well under the 30 s after which y-protocols drops silent clients. */
export const PRESENCE_RENEWAL_MS = 1_000;

/** Bytes of changes after which the whole document sent to fresh clients is encoded again
 * before the next compaction (a few large changes rather than many small ones). */
export const FRESH_RENEW_AFTER_BYTES = 256 * 1024;

/** Why a peer's update is refused: the `error` frame it gets, and the reason reported as `refused`. */
export interface UpdateRefusal {
  code: ErrorCode;
  message: string;
  reason: string;
}

/** What a room reports to the rest of the server, and what it asks. */
export interface RoomEvents {
  /**
   * Asked before a writer's update is queued, with the document as it stands: a refusal keeps
   * the update from being stored, applied or broadcast, answers the peer with an `error` frame
   * and is reported as `refused`. Must answer at once (no I/O); null lets the update through.
   */
  authorizeUpdate?(room: Room, peer: Peer, update: Uint8Array): UpdateRefusal | null;
  /** A peer tried to change a document it may not change. */
  refused?(room: Room, peer: Peer, reason: string): void;
  /** The last peer left. */
  empty?(room: Room): void;
  /** Updates from peers or the server were committed and applied. */
  changed?(room: Room): void;
}

/** Origin of changes the server makes itself (see `Room.serverChange`). */
export const SERVER_ORIGIN = Symbol('server');

interface PendingUpdate {
  peer: Peer;
  update: Uint8Array;
}

/** One loaded document and its peers. */
export class Room {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  private readonly peers = new Map<Peer, Set<number>>();
  /** The peer speaking for each presence client id. */
  private readonly owners = new Map<number, Peer>();
  /** What a client with nothing yet is sent (see `step2For`); null until someone needs it. */
  private fresh: FreshState | null = null;
  private readonly presencePending = new Set<number>();
  private presenceTimer: NodeJS.Timeout | null = null;
  private presenceDue = 0;
  private presenceSentAt = 0;
  private readonly storageQueue = new SerialQueue();
  private pending: PendingUpdate[] = [];
  private flushScheduled = false;
  private lastSeq = 0;
  private storedSinceCompact = 0;
  private closed = false;

  private constructor(
    readonly name: string,
    private readonly storage: Storage,
    private readonly log: Logger,
    private readonly events: RoomEvents,
  ) {
    this.awareness.setLocalState(null);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => this.broadcastUpdate(update, origin));
    this.awareness.on('change', this.onPresenceChange);
    this.awareness.on('update', this.onPresenceRenewal);
  }

  /** Loads a room's document from storage before anyone can sync with it. */
  static async load(name: string, storage: Storage, log: Logger, events: RoomEvents = {}): Promise<Room> {
    const room = new Room(name, storage, log, events);
    const stored = await storage.loadDoc(name);
    const all = stored.state ? [stored.state, ...stored.updates] : stored.updates;
    room.doc.transact(() => {
      for (const update of all) {
        try {
          Y.applyUpdate(room.doc, update, room);
        } catch (err) {
          log.error('room.load.skipped-update', { room: name, error: (err as Error).message });
        }
      }
    }, room);
    room.lastSeq = stored.lastSeq;
    room.storedSinceCompact = stored.updates.length;
    return room;
  }

  /** Number of connected peers. */
  get size(): number {
    return this.peers.size;
  }

  /** Adds a peer and starts the sync handshake (server's step 1 and current presence). */
  join(peer: Peer): void {
    this.peers.set(peer, new Set());
    peer.send(syncFrame(SyncType.step1, Y.encodeStateVector(this.doc)));
    const states = this.awareness.getStates();
    if (states.size > 0) {
      peer.send(awarenessFrame(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...states.keys()])));
    }
  }

  /** Removes a peer and its presence. */
  leave(peer: Peer): void {
    const clients = this.peers.get(peer);
    if (!clients) return;
    this.peers.delete(peer);
    for (const id of clients) this.owners.delete(id);
    awarenessProtocol.removeAwarenessStates(this.awareness, [...clients], peer);
    if (this.peers.size === 0) this.events.empty?.(this);
  }

  /** Handles one binary frame from a peer. Malformed frames close that peer only. */
  receive(peer: Peer, frame: Uint8Array): void {
    if (!this.peers.has(peer)) return;
    let msg: ClientMessage;
    try {
      msg = decodeClientMessage(frame);
    } catch (err) {
      const reason = err instanceof MalformedMessage ? err.message : 'undecodable frame';
      this.log.warn('collab.malformed', { room: this.name, peer: peer.identity.label, reason });
      if (peer.ext) peer.send(errorFrame('MALFORMED_MESSAGE', reason));
      peer.close(CloseCode.malformedMessage, 'malformed message');
      this.leave(peer);
      return;
    }
    switch (msg.type) {
      case 'sync-step1':
        for (const frame of this.step2For(msg.stateVector)) peer.send(frame);
        return;
      case 'sync-update':
        this.acceptUpdate(peer, msg.update);
        return;
      case 'awareness':
        this.acceptAwareness(peer, msg.entries);
        return;
      case 'query-awareness':
        peer.send(
          awarenessFrame(
            awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()]),
          ),
        );
        return;
    }
  }

  /**
   * The frames answering a client's sync step 1. A client with nothing yet (every page load)
   * gets the whole document as it was last encoded (at the last compaction, or for the first
   * such client), then the update frames broadcast since; it is encoded again early only when
   * those add up (`FRESH_RENEW_AFTER_BYTES`). Encoding a large document for each person who
   * joins would otherwise cost the room tens of milliseconds, and as many megabytes of garbage,
   * per join while proposals are being tabled.
   */
  private step2For(stateVector: Uint8Array): Uint8Array[] {
    const empty = stateVector.length === 1 && stateVector[0] === 0;
    if (!empty) return [syncFrame(SyncType.step2, Y.encodeStateAsUpdate(this.doc, stateVector))];
    if (!this.fresh || this.fresh.sinceBytes > FRESH_RENEW_AFTER_BYTES) {
      this.fresh = freshState(Y.encodeStateAsUpdate(this.doc));
    }
    return [this.fresh.step2, ...this.fresh.since];
  }

  /** Keeps the update frames a fresh client must get after the cached whole document. */
  private noteForFresh(frame: Uint8Array): void {
    if (!this.fresh) return;
    this.fresh.since.push(frame);
    this.fresh.sinceBytes += frame.length;
  }

  private acceptUpdate(peer: Peer, update: Uint8Array): void {
    if (isEmptyUpdate(update)) return;
    if (!peer.identity.canWrite) {
      this.log.warn('collab.refused', { room: this.name, peer: peer.identity.label });
      if (peer.ext) peer.send(errorFrame('READ_ONLY', 'You may not change this text.'));
      this.events.refused?.(this, peer, 'document update from a read-only connection');
      return;
    }
    const refusal = this.events.authorizeUpdate?.(this, peer, update);
    if (refusal) {
      this.log.warn('collab.refused', { room: this.name, peer: peer.identity.label, code: refusal.code });
      if (peer.ext) peer.send(errorFrame(refusal.code, refusal.message));
      this.events.refused?.(this, peer, refusal.reason);
      return;
    }
    this.pending.push({ peer, update });
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => {
        this.flushScheduled = false;
        void this.storageQueue.run(() => this.flush());
      });
    }
  }

  /** Commits all pending updates in one transaction, then applies, broadcasts and acknowledges them. */
  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    try {
      this.lastSeq = await this.storage.appendUpdates(
        this.name,
        batch.map((b) => b.update),
      );
    } catch (err) {
      this.log.error('collab.store-failed', { room: this.name, error: (err as Error).message });
      // Nothing was committed: the clients still hold their edits and resend them on reconnect.
      for (const peer of new Set(batch.map((b) => b.peer))) peer.close(1011, 'storage unavailable');
      return;
    }
    this.storedSinceCompact += batch.length;
    const writers = new Set<Peer>();
    for (const { peer, update } of batch) {
      try {
        Y.applyUpdate(this.doc, update, peer);
        writers.add(peer);
      } catch (err) {
        this.log.error('collab.apply-failed', { room: this.name, error: (err as Error).message });
        peer.close(CloseCode.malformedMessage, 'update could not be applied');
      }
    }
    const stateVector = Y.encodeStateVector(this.doc);
    for (const peer of writers) if (peer.ext && this.peers.has(peer)) peer.send(savedFrame(stateVector));
    if (writers.size > 0) this.events.changed?.(this);
    if (this.storedSinceCompact >= COMPACT_AFTER_UPDATES) await this.compactNow();
  }

  /**
   * Applies a change made by the server itself (published proposals, a proposal applied to the
   * text). Like any update it is committed to storage before it is broadcast. Returns the update
   * it produced (empty when `change` changed nothing).
   */
  serverChange(change: (doc: Y.Doc) => void): Promise<Uint8Array> {
    return this.storageQueue.run(async () => {
      const updates: Uint8Array[] = [];
      const capture = (update: Uint8Array, origin: unknown) => {
        if (origin === SERVER_ORIGIN) updates.push(update);
      };
      this.doc.on('update', capture);
      try {
        this.doc.transact(() => change(this.doc), SERVER_ORIGIN);
      } finally {
        this.doc.off('update', capture);
      }
      if (updates.length === 0) return new Uint8Array(0);
      this.lastSeq = await this.storage.appendUpdates(this.name, updates);
      this.storedSinceCompact += updates.length;
      for (const update of updates) {
        const frame = syncFrame(SyncType.update, update);
        this.noteForFresh(frame);
        for (const peer of this.peers.keys()) peer.send(frame);
      }
      this.events.changed?.(this);
      return Y.mergeUpdates(updates);
    });
  }

  private async compactNow(): Promise<void> {
    if (this.storedSinceCompact === 0) return;
    const state = Y.encodeStateAsUpdate(this.doc);
    // Every change to the document passes through the storage queue, as this does: none can
    // come between the encoding and the frames that follow it.
    this.fresh = freshState(state);
    await this.storage.compact(this.name, state, this.lastSeq);
    this.storedSinceCompact = 0;
  }

  /** Compacts the stored log into a single state once pending writes are done. */
  compact(): Promise<void> {
    return this.storageQueue.run(() => this.compactNow());
  }

  /** Waits for pending writes, compacts, and closes every peer with `code`. */
  async close(code: number = CloseCode.goingAway): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.presenceTimer) clearTimeout(this.presenceTimer);
    this.presenceTimer = null;
    await this.storageQueue.run(() => this.flush());
    await this.compact();
    for (const peer of [...this.peers.keys()]) peer.close(code, 'room closed');
    this.peers.clear();
    this.awareness.destroy();
    this.doc.destroy();
  }

  private broadcastUpdate(update: Uint8Array, origin: unknown): void {
    if (origin === this) {
      this.fresh = null; // loading
      return;
    }
    if (origin === SERVER_ORIGIN) return; // broadcast once stored, by serverChange
    const frame = syncFrame(SyncType.update, update);
    this.noteForFresh(frame);
    for (const peer of this.peers.keys()) if (peer !== origin) peer.send(frame);
  }

  private acceptAwareness(peer: Peer, entries: AwarenessEntry[]): void {
    const own = this.peers.get(peer)!;
    const accepted: AwarenessEntry[] = [];
    for (const entry of entries) {
      const owner = this.owners.get(entry.clientId);
      if (owner && owner !== peer) continue; // a peer may not speak for another peer's client
      const presence = peer.identity.presence;
      const state = entry.state && presence ? { ...entry.state, user: presence } : entry.state;
      accepted.push({ ...entry, state });
    }
    if (accepted.length === 0) return;
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwareness(accepted), peer);
    for (const e of accepted) {
      if (e.state === null) {
        own.delete(e.clientId);
        this.owners.delete(e.clientId);
      } else {
        own.add(e.clientId);
        this.owners.set(e.clientId, peer);
      }
    }
  }

  private readonly onPresenceChange = (change: PresenceChange): void => {
    this.queuePresence(change, Math.max(Date.now(), this.presenceSentAt + PRESENCE_CHANGE_MS));
  };

  private readonly onPresenceRenewal = (change: PresenceChange): void => {
    this.queuePresence(change, Date.now() + PRESENCE_RENEWAL_MS);
  };

  /** Adds clients to the next presence frame and makes sure it is sent by `due`. */
  private queuePresence(change: PresenceChange, due: number): void {
    for (const ids of [change.added, change.updated, change.removed]) {
      for (const id of ids) this.presencePending.add(id);
    }
    if (this.presencePending.size === 0 || this.closed) return;
    if (this.presenceTimer && this.presenceDue <= due) return;
    if (this.presenceTimer) clearTimeout(this.presenceTimer);
    this.presenceDue = due;
    this.presenceTimer = setTimeout(this.sendPresence, Math.max(0, due - Date.now()));
  }

  private readonly sendPresence = (): void => {
    this.presenceTimer = null;
    this.presenceSentAt = Date.now();
    const ids = [...this.presencePending];
    this.presencePending.clear();
    if (ids.length === 0 || this.peers.size === 0) return;
    const frame = awarenessFrame(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids));
    for (const peer of this.peers.keys()) peer.send(frame);
  };
}

/** The whole document encoded once, and the update frames broadcast since. */
interface FreshState {
  step2: Uint8Array;
  since: Uint8Array[];
  sinceBytes: number;
}

/** What fresh clients get from a whole-document encoding, before any later change. */
function freshState(state: Uint8Array): FreshState {
  return { step2: syncFrame(SyncType.step2, state), since: [], sinceBytes: 0 };
}

/** Clients whose presence a y-protocols awareness event reports. */
interface PresenceChange {
  added: number[];
  updated: number[];
  removed: number[];
}
