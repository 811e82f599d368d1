/**
 * Test support: an in-memory `Peer` that records, decoded, what a room sends it and how the room
 * closed it, and a storage whose document writes the test completes or fails by hand.
 */
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { MessageType } from '../../shared/protocol.js';
import type { Storage, StoredDoc } from '../storage/storage.js';
import type { Peer, PeerIdentity } from './peer.js';

/** One frame a `RecordingPeer` received. */
export interface RecordedFrame {
  type: number;
  /** Sync sub-type (step 1, step 2, update) of sync frames. */
  sub?: number;
  /** The payload of sync, awareness and saved frames; the string of error and auth frames. */
  payload: Uint8Array;
  text?: string;
}

let nextId = 1;

/** A peer that records the frames it is sent and the close code it is closed with. */
export class RecordingPeer implements Peer {
  readonly id = nextId++;
  readonly frames: RecordedFrame[] = [];
  closed: { code: number; reason: string } | null = null;

  constructor(
    readonly identity: PeerIdentity,
    readonly ext = true,
  ) {}

  send(frame: Uint8Array): void {
    if (this.closed) return;
    const d = decoding.createDecoder(frame);
    const type = decoding.readVarUint(d);
    if (type === MessageType.sync) {
      const sub = decoding.readVarUint(d);
      this.frames.push({ type, sub, payload: decoding.readVarUint8Array(d) });
    } else if (type === MessageType.error) {
      this.frames.push({ type, payload: new Uint8Array(0), text: decoding.readVarString(d) });
    } else if (type === MessageType.auth) {
      decoding.readVarUint(d); // permission denied
      this.frames.push({ type, payload: new Uint8Array(0), text: decoding.readVarString(d) });
    } else {
      this.frames.push({ type, payload: decoding.readVarUint8Array(d) });
    }
  }

  close(code: number, reason: string): void {
    this.closed ??= { code, reason };
  }

  /** Sync frames of sub-type `sub` received so far. */
  sync(sub: number): RecordedFrame[] {
    return this.frames.filter((f) => f.type === MessageType.sync && f.sub === sub);
  }

  /** Frames of message type `type` received so far. */
  ofType(type: number): RecordedFrame[] {
    return this.frames.filter((f) => f.type === type);
  }

  /** Error codes received in `error` frames. */
  errorCodes(): string[] {
    return this.ofType(MessageType.error).map((f) => (JSON.parse(f.text!) as { code: string }).code);
  }

  /** The text `name` of a document built from every sync answer and update received, in order. */
  text(name = 't'): string {
    const doc = new Y.Doc();
    for (const f of this.frames)
      if (f.type === MessageType.sync && f.sub !== 0) Y.applyUpdate(doc, f.payload);
    return doc.getText(name).toString();
  }
}

/** A write to `HeldStorage` waiting for the test to commit or fail it. */
export interface HeldWrite {
  updates: readonly Uint8Array[];
  commit(): void;
  fail(message?: string): void;
}

/**
 * The document part of `Storage`, in memory, whose `appendUpdates` stays pending until the test
 * calls `commit()` or `fail()` on it; another process's commits are `commitElsewhere`. Counts
 * compactions.
 */
export class HeldStorage {
  readonly writes: HeldWrite[] = [];
  readonly stored: Uint8Array[] = [];
  compactions = 0;
  /** Makes the next `loadDoc` fail with this message. */
  failNextLoad: string | null = null;

  async loadDoc(_name: string): Promise<StoredDoc> {
    if (this.failNextLoad) {
      const message = this.failNextLoad;
      this.failNextLoad = null;
      throw new Error(message);
    }
    return { state: null, updates: [...this.stored], lastSeq: this.stored.length };
  }

  appendUpdates(_name: string, updates: readonly Uint8Array[]): Promise<number> {
    return new Promise((resolve, reject) => {
      this.writes.push({
        updates,
        commit: () => {
          this.stored.push(...updates);
          resolve(this.stored.length);
        },
        fail: (message = 'disk full') => reject(new Error(message)),
      });
    });
  }

  async compact(): Promise<void> {
    this.compactions++;
  }

  async updatesSince(_name: string, afterSeq: number): Promise<StoredDoc> {
    return { state: null, updates: this.stored.slice(afterSeq), lastSeq: this.stored.length };
  }

  /** Commits updates as another process would: not through the room, at once. */
  commitElsewhere(updates: readonly Uint8Array[]): number {
    this.stored.push(...updates);
    return this.stored.length;
  }

  /** This object as the `Storage` a room needs (only the document methods are used). */
  asStorage(): Storage {
    return this as unknown as Storage;
  }
}

/** Identity of a co-facilitator's connection (may write). */
export const WRITER: PeerIdentity = {
  canWrite: true,
  label: 'writer',
  presence: { name: 'W', color: '#000' },
};
/** Identity of an observer's connection (reads only). */
export const READER: PeerIdentity = {
  canWrite: false,
  label: 'reader',
  presence: { name: 'R', color: '#111' },
};
