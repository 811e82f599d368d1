/**
 * The presence (y-protocols awareness) of one room: who is connected, and where their cursors
 * are. Each peer speaks only for its own clients, within the limits of `peerLimits.ts`, under the
 * identity the server knows; changes go out to everyone in batches. Where other processes have
 * the same room, the changes of this process's own clients are relayed to them (`relay`) and
 * theirs taken in (`acceptRemote`): a client is spoken for by one peer of one process only.
 */
import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { ErrorCode } from '../../shared/errors.js';
import type { Logger } from '../logger.js';
import {
  type AwarenessEntry,
  awarenessFrame,
  awarenessFrames,
  decodeClientMessage,
  encodeAwareness,
  errorFrame,
  type ReceivedAwarenessEntry,
} from './messages.js';
import type { Peer } from './peer.js';
import { MAX_PRESENCE_CLIENTS, MAX_PRESENCE_STATE_BYTES, type PeerQuota } from './peerLimits.js';

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

/**
 * Bytes of presence states per frame the room sends; more go in several frames. A y-websocket
 * client sends back every presence change it receives, as one frame per frame received, and
 * those answers must stay under the server's frame limit (`MAX_MESSAGE_BYTES`).
 */
export const PRESENCE_FRAME_BYTES = 128 * 1024;

/** What the presence of a room needs from the room. */
export interface PresenceHost {
  readonly name: string;
  readonly log: Logger;
  /** The peers that receive presence. */
  peers(): Iterable<Peer>;
  /** Sends other processes a batch of changes of this process's own clients (an awareness update). */
  relay?(update: Uint8Array): void;
}

/** Origin of presence states another process relayed (see `RoomPresence.acceptRemote`). */
const REMOTE_PRESENCE = Symbol('remote presence');

/** Outcome of taking a peer's presence message: `flood` when the peer exceeded its quota. */
export type PresenceOutcome = 'ok' | 'flood';

/** The presence of one room. */
export class RoomPresence {
  readonly awareness: awarenessProtocol.Awareness;
  /** The peer speaking for each presence client id, or the id of the process whose peer does. */
  private readonly owners = new Map<number, Peer | string>();
  /** The presence client ids each peer speaks for. */
  private readonly clients = new Map<Peer, Set<number>>();
  private readonly pending = new Set<number>();
  /** Own clients changed since the last batch, to relay to other processes. */
  private readonly pendingRelay = new Set<number>();
  private timer: NodeJS.Timeout | null = null;
  private due = 0;
  private sentAt = 0;
  private closed = false;

  constructor(
    doc: Y.Doc,
    private readonly host: PresenceHost,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.awareness.setLocalState(null);
    this.awareness.on('change', this.onChange);
    this.awareness.on('update', this.onRenewal);
  }

  /** Sends a newcomer everyone's presence, if anyone has one. */
  join(peer: Peer): void {
    this.clients.set(peer, new Set());
    for (const frame of this.frames([...this.awareness.getStates().keys()])) peer.send(frame);
  }

  /**
   * Answers a presence query with everyone's presence, and always with at least one frame:
   * clients use the answer to keep a quiet socket alive.
   */
  answerQuery(peer: Peer): void {
    const frames = this.frames([...this.awareness.getStates().keys()]);
    for (const frame of frames.length > 0 ? frames : [awarenessFrame(encodeAwareness([]))]) peer.send(frame);
  }

  /** Removes a peer's presence (everyone is told in the next batch). */
  leave(peer: Peer): void {
    const own = this.clients.get(peer);
    if (!own) return;
    this.clients.delete(peer);
    for (const id of own) this.owners.delete(id);
    awarenessProtocol.removeAwarenessStates(this.awareness, [...own], peer);
  }

  /**
   * Takes the presence states a peer may set: its own clients' (at most `MAX_PRESENCE_CLIENTS`),
   * newer than what the room has (a y-websocket client sends back every state it receives), each
   * at most `MAX_PRESENCE_STATE_BYTES`, with the `user` field replaced by the server's. States
   * past the limits are refused (an `error` frame to extension clients) and never relayed. A
   * peer that sends more bytes of states than `quota` allows gets `flood`; nothing of that
   * message is taken.
   */
  accept(peer: Peer, quota: PeerQuota, entries: readonly ReceivedAwarenessEntry[]): PresenceOutcome {
    const own = this.clients.get(peer);
    if (!own) return 'ok';
    const accepted: AwarenessEntry[] = [];
    const claimed: number[] = [];
    let refusal: { code: ErrorCode; message: string } | null = null;
    for (const entry of entries) {
      const { clientId, clock } = entry;
      const owner = this.owners.get(clientId);
      if (owner && owner !== peer) continue; // a peer may not speak for another peer's client
      if (!this.wouldApply(clientId, clock, entry.state === null)) continue; // an old state sent back
      if (entry.state === null) {
        if (own.has(clientId)) accepted.push({ clientId, clock, state: null });
        continue;
      }
      if (!quota.spendPresence(entry.bytes)) return 'flood';
      if (entry.state === 'too-large') {
        refusal = {
          code: 'PRESENCE_TOO_LARGE',
          message: `A presence state may have at most ${MAX_PRESENCE_STATE_BYTES} bytes.`,
        };
        continue;
      }
      if (!own.has(clientId) && own.size + claimed.length >= MAX_PRESENCE_CLIENTS) {
        refusal = {
          code: 'PRESENCE_TOO_MANY_CLIENTS',
          message: `A connection may show at most ${MAX_PRESENCE_CLIENTS} presence states.`,
        };
        continue;
      }
      const user = peer.identity.presence;
      accepted.push({ clientId, clock, state: user ? { ...entry.state, user } : entry.state });
      if (!own.has(clientId)) claimed.push(clientId);
    }
    if (refusal) {
      this.host.log.warn('collab.presence-refused', {
        room: this.host.name,
        peer: peer.identity.label,
        code: refusal.code,
      });
      if (peer.ext) peer.send(errorFrame(refusal.code, refusal.message));
    }
    for (const id of claimed) {
      own.add(id);
      this.owners.set(id, peer);
    }
    if (accepted.length === 0) return 'ok';
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwareness(accepted), peer);
    for (const e of accepted) {
      if (e.state !== null) continue;
      own.delete(e.clientId);
      this.owners.delete(e.clientId);
    }
    return 'ok';
  }

  /**
   * Takes the presence states another process relayed for its own clients (`process` is its id).
   * That process checked them as `accept` does; here a client stays with whoever spoke for it
   * first, a peer of this process or another process, until that one removes it.
   */
  acceptRemote(process: string, update: Uint8Array): void {
    let entries: readonly ReceivedAwarenessEntry[];
    try {
      const msg = decodeClientMessage(awarenessFrame(update));
      if (msg.type !== 'awareness') return;
      entries = msg.entries;
    } catch (err) {
      this.host.log.warn('collab.remote-presence-malformed', {
        room: this.host.name,
        error: (err as Error).message,
      });
      return;
    }
    const accepted: AwarenessEntry[] = [];
    for (const { clientId, clock, state } of entries) {
      const owner = this.owners.get(clientId);
      if ((owner !== undefined && owner !== process) || state === 'too-large') continue;
      if (!this.wouldApply(clientId, clock, state === null)) continue;
      if (state === null) this.owners.delete(clientId);
      else this.owners.set(clientId, process);
      accepted.push({ clientId, clock, state });
    }
    if (accepted.length > 0)
      awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwareness(accepted), REMOTE_PRESENCE);
  }

  /** The states of this process's own clients as one awareness update, or null when there are none. */
  local(): Uint8Array | null {
    const ids: number[] = [];
    for (const [id, owner] of this.owners) if (typeof owner !== 'string') ids.push(id);
    return ids.length > 0 ? encodeAwareness(this.entries(ids)) : null;
  }

  /** Stops sending presence; other processes are told at once that this process's clients left. */
  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const own: AwarenessEntry[] = [];
    for (const [clientId, owner] of this.owners) {
      const meta = this.awareness.meta.get(clientId);
      if (typeof owner !== 'string' && meta) own.push({ clientId, clock: meta.clock + 1, state: null });
    }
    if (own.length > 0) this.host.relay?.(encodeAwareness(own));
  }

  /** Whether y-protocols would apply a state of `clientId` at `clock` (it keeps only newer ones). */
  private wouldApply(clientId: number, clock: number, removal: boolean): boolean {
    const current = this.awareness.meta.get(clientId)?.clock ?? 0;
    return current < clock || (current === clock && removal && this.awareness.getStates().has(clientId));
  }

  /** Presence frames carrying the current states of `ids`, split at `PRESENCE_FRAME_BYTES`. */
  private frames(ids: readonly number[]): Uint8Array[] {
    return awarenessFrames(this.entries(ids), PRESENCE_FRAME_BYTES);
  }

  /** The current entries (clock and state, null once gone) of `ids`. */
  private entries(ids: Iterable<number>): AwarenessEntry[] {
    const states = this.awareness.getStates();
    const entries: AwarenessEntry[] = [];
    for (const clientId of ids) {
      const meta = this.awareness.meta.get(clientId);
      if (meta) entries.push({ clientId, clock: meta.clock, state: states.get(clientId) ?? null });
    }
    return entries;
  }

  private readonly onChange = (change: PresenceChange, origin: unknown): void => {
    // Another process's client that went silent: it is no longer spoken for.
    if (origin === 'timeout')
      for (const id of change.removed) if (typeof this.owners.get(id) === 'string') this.owners.delete(id);
    this.queue(change, origin, Math.max(Date.now(), this.sentAt + PRESENCE_CHANGE_MS));
  };

  private readonly onRenewal = (change: PresenceChange, origin: unknown): void => {
    this.queue(change, origin, Date.now() + PRESENCE_RENEWAL_MS);
  };

  /**
   * Adds clients to the next presence batch and makes sure it is sent by `due`; changes a peer of
   * this process made (origin: the peer) are also relayed to other processes.
   */
  private queue(change: PresenceChange, origin: unknown, due: number): void {
    const own = typeof origin === 'object' && origin !== null && this.host.relay !== undefined;
    for (const ids of [change.added, change.updated, change.removed]) {
      for (const id of ids) {
        this.pending.add(id);
        if (own) this.pendingRelay.add(id);
      }
    }
    if (this.pending.size === 0 || this.closed) return;
    if (this.timer && this.due <= due) return;
    if (this.timer) clearTimeout(this.timer);
    this.due = due;
    this.timer = setTimeout(this.send, Math.max(0, due - Date.now()));
  }

  private readonly send = (): void => {
    this.timer = null;
    this.sentAt = Date.now();
    const ids = [...this.pending];
    this.pending.clear();
    if (this.pendingRelay.size > 0) {
      const relayed = this.entries(this.pendingRelay);
      this.pendingRelay.clear();
      if (relayed.length > 0) this.host.relay?.(encodeAwareness(relayed));
    }
    if (ids.length === 0) return;
    const peers = [...this.host.peers()];
    if (peers.length === 0) return;
    for (const frame of this.frames(ids)) for (const peer of peers) peer.send(frame);
  };
}

/** Clients whose presence a y-protocols awareness event reports. */
interface PresenceChange {
  added: number[];
  updated: number[];
  removed: number[];
}
