/**
 * A room: one collaborative document in memory with its connected peers. The room speaks the
 * y-websocket protocol and enforces the durability rule: an update is committed to storage
 * before it is applied to the shared document, broadcast, or acknowledged. It also bounds what
 * each connection may cost the others (`peerLimits.ts`). Other processes may write the same
 * document: what they committed is read back from storage by sequence (`catchUp`).
 */
import type * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { ErrorCode } from '../../shared/errors.js';
import { CloseCode } from '../../shared/protocol.js';
import type { Logger } from '../logger.js';
import type { Storage } from '../storage/storage.js';
import {
  bringsNothingNew,
  type ClientMessage,
  decodeClientMessage,
  errorFrame,
  isEmptyUpdate,
  MalformedMessage,
  permissionDeniedFrame,
  SyncType,
  savedFrame,
  syncFrame,
} from './messages.js';
import type { Peer } from './peer.js';
import { PeerQuota } from './peerLimits.js';
import { RoomPresence } from './roomPresence.js';
import { SerialQueue } from './serialQueue.js';

/**
 * Number of stored updates after which the log is compacted into one state. The same encoding
 * of the whole document is what clients with nothing yet are sent from then on (see `step2For`),
 * so a large document is encoded once per compaction, not once for storage and again for joins.
 */
export const COMPACT_AFTER_UPDATES = 500;

/** The reason in the y-protocols "permission denied" message sent to a read-only connection. */
export const READ_ONLY_REASON =
  'read-only: this connection may not change the document; its changes are not kept';

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
  /** Updates from peers, the server or another process were committed and applied. */
  changed?(room: Room): void;
  /** This room committed updates; every update of its document up to `seq` is stored. */
  committed?(room: Room, seq: number): void;
  /** Presence of this room's own peers changed (an awareness update, to relay to other processes). */
  presence?(room: Room, update: Uint8Array): void;
  /**
   * Storage refused a change the server had made in the document: the room closed every peer
   * and must be dropped without storing anything; the next client loads it again from storage.
   */
  failed?(room: Room): void;
}

/** Origin of changes the server makes itself (see `Room.serverChange`). */
export const SERVER_ORIGIN = Symbol('server');

/** A change the server makes in a room's document, or one step of it (see `Room.serverChange`). */
export type ServerChange = (doc: Y.Doc) => void;

/**
 * The records written with a server change, in its unit of work: given the update of the whole
 * change and of each of its steps (see `Room.serverChange`).
 */
export type ChangeRecords = (update: Uint8Array, steps: readonly Uint8Array[]) => Promise<void>;

/** Origin of updates another process committed, read back from storage (see `Room.catchUp`). */
export const REMOTE_ORIGIN = Symbol('remote');

interface PendingUpdate {
  peer: Peer;
  update: Uint8Array;
}

/** What the room keeps about one connected peer. */
interface PeerState {
  quota: PeerQuota;
  /** Whether it was told (y-protocols auth) that its changes are refused. */
  toldReadOnly: boolean;
}

/** One loaded document and its peers. */
export class Room {
  readonly doc = new Y.Doc({ gc: true });
  private readonly peers = new Map<Peer, PeerState>();
  private readonly presence: RoomPresence;
  /** What a client with nothing yet is sent (see `step2For`); null until someone needs it. */
  private fresh: FreshState | null = null;
  private readonly storageQueue = new SerialQueue();
  private pending: PendingUpdate[] = [];
  private flushScheduled = false;
  /** Every update of the document up to this sequence number is applied here (see `lastSeq`). */
  private seq = 0;
  /** A catch-up queued behind the storage queue and not started yet, which later requests join. */
  private catchUpQueued: Promise<void> | null = null;
  private storedSinceCompact = 0;
  /** True while the document holds a server change that is not yet stored (see `serverChange`). */
  private uncommitted = false;
  /** Set when storage refused a server change: the document is no longer what storage holds. */
  private failed = false;
  private closed = false;

  private constructor(
    readonly name: string,
    private readonly storage: Storage,
    private readonly log: Logger,
    private readonly events: RoomEvents,
  ) {
    this.presence = new RoomPresence(this.doc, {
      name,
      log,
      peers: () => this.peers.keys(),
      relay: (update) => this.events.presence?.(this, update),
    });
    this.doc.on('update', (update: Uint8Array, origin: unknown) => this.broadcastUpdate(update, origin));
  }

  /** Loads a room's document from storage before anyone can sync with it. */
  static async load(name: string, storage: Storage, log: Logger, events: RoomEvents = {}): Promise<Room> {
    const room = new Room(name, storage, log, events);
    try {
      const stored = await storage.loadDoc(name);
      const all = stored.state ? [stored.state, ...stored.updates] : stored.updates;
      // A stored update that cannot be applied fails the load: a room loaded without it would
      // compact it away for good.
      room.doc.transact(() => {
        for (const update of all) Y.applyUpdate(room.doc, update, room);
      }, room);
      room.seq = stored.lastSeq;
      room.storedSinceCompact = stored.updates.length;
      return room;
    } catch (err) {
      log.error('room.load-failed', { room: name, error: (err as Error).message });
      room.closed = true;
      room.doc.destroy(); // and its awareness, whose timer would otherwise keep running
      throw err;
    }
  }

  /**
   * The sequence number up to which every committed update of the document is applied in this
   * room, whoever committed it: the room's own commits, and other processes' once read back.
   */
  get lastSeq(): number {
    return this.seq;
  }

  /** True once the room was closed, or failed (see `serverChange`): it must not be used. */
  get dropped(): boolean {
    return this.closed || this.failed;
  }

  /** The room's presence: who is connected, and where. */
  get awareness(): awarenessProtocol.Awareness {
    return this.presence.awareness;
  }

  /** Number of connected peers. */
  get size(): number {
    return this.peers.size;
  }

  /** Adds a peer and starts the sync handshake (server's step 1 and current presence). */
  join(peer: Peer): void {
    if (this.failed || this.closed) {
      peer.close(CloseCode.internalError, 'document unloaded; reconnect');
      return;
    }
    this.peers.set(peer, { quota: new PeerQuota(), toldReadOnly: false });
    // While a server change is being stored, the document holds more than storage does.
    this.whenCommitted(peer, () => [syncFrame(SyncType.step1, Y.encodeStateVector(this.doc))]);
    this.presence.join(peer);
  }

  /** Removes a peer and its presence. */
  leave(peer: Peer): void {
    if (!this.peers.delete(peer)) return;
    this.presence.leave(peer);
    if (this.peers.size === 0 && !this.failed) this.events.empty?.(this);
  }

  /** Handles one binary frame from a peer. Malformed frames close that peer only. */
  receive(peer: Peer, frame: Uint8Array): void {
    const state = this.peers.get(peer);
    if (!state) return;
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
      case 'sync-step1': {
        const stateVector = msg.stateVector;
        if (state.quota.spendRequest()) this.whenCommitted(peer, () => this.step2For(stateVector));
        else this.flooded(peer, 'too many sync requests');
        return;
      }
      case 'sync-update':
        this.acceptUpdate(peer, state, msg.update);
        return;
      case 'awareness':
        if (this.presence.accept(peer, state.quota, msg.entries) === 'flood')
          this.flooded(peer, 'presence flood');
        return;
      case 'query-awareness':
        if (state.quota.spendRequest()) this.presence.answerQuery(peer);
        else this.flooded(peer, 'too many presence queries');
        return;
    }
  }

  /**
   * Sends `peer` the frames `frames()` makes from the document, at once, or once the server
   * change being stored is committed: nobody sees a change before it is stored.
   */
  private whenCommitted(peer: Peer, frames: () => Uint8Array[]): void {
    if (!this.uncommitted) {
      for (const frame of frames()) peer.send(frame);
      return;
    }
    void this.storageQueue.run(async () => {
      if (this.peers.has(peer)) for (const frame of frames()) peer.send(frame);
    });
  }

  /** Closes a peer that asked for more than its share (`peerLimits.ts`). */
  private flooded(peer: Peer, reason: string): void {
    this.log.warn('collab.flood', { room: this.name, peer: peer.identity.label, reason });
    if (peer.ext) peer.send(errorFrame('RATE_LIMITED', 'Too much sent too fast; reconnect after a pause.'));
    peer.close(CloseCode.rateLimited, reason);
    this.leave(peer);
  }

  /**
   * The frames answering a client's sync step 1. A client with nothing yet (every page load)
   * gets the whole document as it was last encoded (at the last compaction, or for the first
   * such client); it is encoded again early only when the changes since add up
   * (`FRESH_RENEW_AFTER_BYTES`). Encoding a large document for each person who joins would
   * otherwise cost the room tens of milliseconds, and as many megabytes of garbage, per join
   * while proposals are being tabled. The changes since go first, merged into one update frame
   * (merging them alone costs a fraction of a millisecond; merging them into the whole document
   * would cost as much as encoding it): the client's Yjs holds them until the document they build
   * on arrives in the step 2 that follows, so its document is complete when step 2 marks it
   * synced.
   */
  private step2For(stateVector: Uint8Array): Uint8Array[] {
    const empty = stateVector.length === 1 && stateVector[0] === 0;
    if (!empty) return [syncFrame(SyncType.step2, Y.encodeStateAsUpdate(this.doc, stateVector))];
    if (!this.fresh || this.fresh.sinceBytes > FRESH_RENEW_AFTER_BYTES) {
      this.fresh = freshState(Y.encodeStateAsUpdate(this.doc));
    }
    const fresh = this.fresh;
    if (fresh.since.length === 0) return [fresh.step2];
    if (!fresh.sinceFrame) {
      if (fresh.since.length > 1) fresh.since = [Y.mergeUpdates(fresh.since)];
      fresh.sinceFrame = syncFrame(SyncType.update, fresh.since[0]!);
    }
    return [fresh.sinceFrame, fresh.step2];
  }

  /** Keeps an update a fresh client must get with the cached whole document. */
  private noteForFresh(update: Uint8Array): void {
    if (!this.fresh) return;
    this.fresh.since.push(update);
    this.fresh.sinceBytes += update.length;
    this.fresh.sinceFrame = null;
  }

  private acceptUpdate(peer: Peer, state: PeerState, update: Uint8Array): void {
    if (isEmptyUpdate(update)) return;
    if (!peer.identity.canWrite) {
      // A reconnecting reader's sync step 2 repeats what the server has: not a change.
      if (bringsNothingNew(this.doc, update)) return;
      this.log.warn('collab.refused', { room: this.name, peer: peer.identity.label });
      if (peer.ext) peer.send(errorFrame('READ_ONLY', 'You may not change this text.'));
      // A standard y-websocket client learns it from the y-protocols auth message, once.
      if (!state.toldReadOnly) {
        state.toldReadOnly = true;
        peer.send(permissionDeniedFrame(READ_ONLY_REASON));
      }
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

  /**
   * Commits all pending updates in one transaction, then applies, broadcasts and acknowledges
   * them. Peers that left meanwhile still have theirs committed and shown to the others.
   */
  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0 || this.failed) return;
    const updates = batch.map((b) => b.update);
    let last: number;
    try {
      last = await this.storage.appendUpdates(this.name, updates);
    } catch (err) {
      this.log.error('collab.store-failed', { room: this.name, error: (err as Error).message });
      // Nothing was committed or applied: the clients still hold their edits and send them again
      // when they reconnect. Their later updates, which may build on these, are dropped with them.
      const writers = new Set(batch.map((b) => b.peer));
      this.pending = this.pending.filter((p) => !writers.has(p.peer));
      for (const peer of writers) {
        peer.close(CloseCode.internalError, 'storage unavailable');
        this.leave(peer);
      }
      return;
    }
    await this.committed(last, updates);
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
   * text). Like any update it is committed to storage before anyone sees it: Yjs can only make
   * the change in the room's document, but it is not broadcast, and sync answers wait, until it
   * is stored. If storage refuses it, the document no longer matches storage: every peer is
   * closed with `CloseCode.internalError`, nothing more is stored from this room, and the next
   * client loads the document again (`RoomEvents.failed`). Returns the update it produced (empty
   * when `change` changed nothing); rejects when it was not stored.
   *
   * `change` may be a list of steps, each made as a Yjs transaction of its own (one update per
   * step). With `writes`, the update is stored and `writes` runs in one unit of work
   * (`Storage.transaction`): the records of the change (a proposal marked applied, its audit
   * entry) commit with it or not at all, and a unit that fails is a refused change as above.
   * `writes` gets the update of the whole change and of each step (empty for a step that changed
   * nothing), and runs even when nothing changed. It runs inside the unit, which on an embedded
   * database holds the write turn: storage calls and computation only, never a room.
   */
  serverChange(change: ServerChange | readonly ServerChange[], writes?: ChangeRecords): Promise<Uint8Array> {
    return this.storageQueue.run(async () => {
      if (this.failed) throw new Error(`room ${this.name} was dropped after a storage failure`);
      const updates: Uint8Array[] = [];
      const steps: Uint8Array[] = [];
      const capture = (update: Uint8Array, origin: unknown) => {
        if (origin === SERVER_ORIGIN) updates.push(update);
      };
      this.doc.on('update', capture);
      try {
        for (const step of typeof change === 'function' ? [change] : change) {
          const before = updates.length;
          this.doc.transact(() => step(this.doc), SERVER_ORIGIN);
          const made = updates.slice(before);
          steps.push(made.length === 0 ? new Uint8Array(0) : Y.mergeUpdates(made));
        }
      } catch (err) {
        // Yjs keeps what `change` did before it threw, and it will never be stored.
        if (updates.length > 0) this.fail(`server change failed halfway: ${(err as Error).message}`);
        throw err;
      } finally {
        this.doc.off('update', capture);
      }
      const merged = updates.length === 0 ? new Uint8Array(0) : Y.mergeUpdates(updates);
      if (updates.length === 0 && !writes) return merged;
      this.uncommitted = updates.length > 0;
      let seq: number;
      try {
        seq = await (writes
          ? this.storage.transaction(async () => {
              const last = updates.length > 0 ? await this.storage.appendUpdates(this.name, updates) : 0;
              await writes(merged, steps);
              return last;
            })
          : this.storage.appendUpdates(this.name, updates));
      } catch (err) {
        // With nothing changed in the document, the room still matches storage.
        if (updates.length > 0) this.fail((err as Error).message);
        throw err;
      } finally {
        this.uncommitted = false;
      }
      if (updates.length === 0) return merged;
      await this.committed(seq, updates);
      this.storedSinceCompact += updates.length;
      for (const update of updates) {
        this.noteForFresh(update);
        const frame = syncFrame(SyncType.update, update);
        for (const peer of this.peers.keys()) peer.send(frame);
      }
      this.events.changed?.(this);
      return merged;
    });
  }

  /**
   * Reads from storage what other processes committed to the document since `lastSeq`, and
   * applies it (origin `REMOTE_ORIGIN`: sent to every peer here). Runs in the storage queue, so it
   * never comes between a commit and what follows it; requests made while one waits there join it.
   */
  catchUp(): Promise<void> {
    if (this.catchUpQueued) return this.catchUpQueued;
    const queued = this.storageQueue.run(async () => {
      this.catchUpQueued = null; // from now on, a request may need what this read misses
      if (this.failed || this.closed) return;
      this.seq = await this.applyMissed([]);
    });
    this.catchUpQueued = queued;
    return queued;
  }

  /**
   * `catchUp`, but only when nothing is being stored or read for the room: what runs meanwhile
   * (a commit, which reads what it missed; a catch-up) is not waited for. For callers that may hold
   * the storage's unit of work, which the room's queue could be waiting for.
   */
  catchUpIfIdle(): Promise<void> {
    return this.storageQueue.idle ? this.catchUp() : Promise.resolve();
  }

  /**
   * Bookkeeping after this room committed `own` as the updates up to `last`: when the numbers
   * before them were not all applied here, another process committed meanwhile, and that is read
   * and applied first. Reports the commit (`RoomEvents.committed`). A failed read leaves `lastSeq`
   * where it was (the next catch-up reads again); `own` is committed and goes on as usual.
   */
  private async committed(last: number, own: readonly Uint8Array[]): Promise<void> {
    if (last - own.length <= this.seq) this.seq = last;
    else {
      try {
        this.seq = Math.max(last, await this.applyMissed(own));
      } catch (err) {
        this.log.warn('collab.catch-up-failed', { room: this.name, error: (err as Error).message });
      }
    }
    this.events.committed?.(this, last);
  }

  /**
   * Applies what storage holds after `lastSeq`, except `own` (updates this room committed and
   * applies itself), and returns the sequence number of the last update read.
   */
  private async applyMissed(own: readonly Uint8Array[]): Promise<number> {
    const missed = await this.storage.updatesSince(this.name, this.seq);
    const updates = missed.updates.filter((u) => !own.some((o) => sameBytes(o, u)));
    if (missed.state) this.storedSinceCompact = 0;
    this.storedSinceCompact += updates.length;
    let news = false;
    const note = (_update: Uint8Array, origin: unknown) => {
      if (origin === REMOTE_ORIGIN) news = true;
    };
    this.doc.on('update', note);
    try {
      // One transaction: the peers get what was missed as one update frame.
      this.doc.transact(() => {
        if (missed.state) Y.applyUpdate(this.doc, missed.state, REMOTE_ORIGIN);
        for (const update of updates) Y.applyUpdate(this.doc, update, REMOTE_ORIGIN);
      }, REMOTE_ORIGIN);
    } finally {
      this.doc.off('update', note);
    }
    if (news) this.events.changed?.(this);
    return missed.lastSeq;
  }

  /** Presence states of other processes' clients (an awareness update relayed from `process`). */
  remotePresence(process: string, update: Uint8Array): void {
    if (!this.closed) this.presence.acceptRemote(process, update);
  }

  /** The presence of this room's own peers, as one awareness update (null when there is none). */
  localPresence(): Uint8Array | null {
    return this.presence.local();
  }

  /** Drops every peer after storage refused a server change (see `serverChange`). */
  private fail(reason: string): void {
    this.failed = true;
    this.log.error('collab.room-failed', { room: this.name, error: reason });
    this.pending = [];
    for (const peer of [...this.peers.keys()]) {
      peer.close(CloseCode.internalError, 'storage unavailable');
      this.leave(peer);
    }
    this.events.failed?.(this);
  }

  private async compactNow(): Promise<void> {
    if (this.storedSinceCompact === 0 || this.failed) return;
    const state = Y.encodeStateAsUpdate(this.doc);
    // Every change to the document passes through the storage queue, as this does: none can
    // come between the encoding and the frames that follow it.
    this.fresh = freshState(state);
    await this.storage.compact(this.name, state, this.seq);
    this.storedSinceCompact = 0;
  }

  /** Compacts the stored log into a single state once pending writes are done. */
  compact(): Promise<void> {
    return this.storageQueue.run(() => this.compactNow());
  }

  /**
   * Waits for pending writes, compacts, and closes every peer with `code`. A room that failed
   * (see `serverChange`) stores nothing more.
   */
  async close(code: number = CloseCode.goingAway): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.presence.close();
    await this.storageQueue.run(() => this.flush());
    await this.compact();
    for (const peer of [...this.peers.keys()]) peer.close(code, 'room closed');
    this.peers.clear();
    this.doc.destroy(); // and the presence's awareness
  }

  private broadcastUpdate(update: Uint8Array, origin: unknown): void {
    if (origin === this) {
      this.fresh = null; // loading
      return;
    }
    if (origin === SERVER_ORIGIN) return; // broadcast once stored, by serverChange
    this.noteForFresh(update);
    const frame = syncFrame(SyncType.update, update);
    for (const peer of this.peers.keys()) if (peer !== origin) peer.send(frame);
  }
}

/** Whether two updates are the same bytes. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}

/** The whole document encoded once, the updates applied since, and their frame once merged. */
interface FreshState {
  step2: Uint8Array;
  since: Uint8Array[];
  sinceBytes: number;
  sinceFrame: Uint8Array | null;
}

/** What fresh clients get from a whole-document encoding, before any later change. */
function freshState(state: Uint8Array): FreshState {
  return { step2: syncFrame(SyncType.step2, state), since: [], sinceBytes: 0, sinceFrame: null };
}
