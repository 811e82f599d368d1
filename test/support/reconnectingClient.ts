/**
 * A y-protocols client that outlives its connections, as a browser's provider does, for the tests
 * where server processes die: a full Y.Doc; reconnection to the same address (through HAProxy,
 * to whichever process serves the document now) after a jittered, growing pause; on each sync the
 * server is sent what it lacks, which re-sends every edit it never stored; and the `saved`
 * acknowledgements (the server's state vector once it has stored this client's updates) kept.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MessageType } from '../../shared/protocol.js';
import { paragraphText } from './draft.js';

/** Pauses before a reconnection: a random share ("full jitter") of `baseMs` doubled per failure, at most `maxMs`. */
export interface Backoff {
  baseMs: number;
  maxMs: number;
}

/** Options of a reconnecting client. */
export interface ReconnectingClientOptions {
  /** The document's WebSocket address, e.g. `ws://localhost:3000/collab/draft.x` (`?ext=1` is added). */
  url: string;
  headers?: Record<string, string>;
  backoff?: Backoff;
}

const DEFAULT_BACKOFF: Backoff = { baseMs: 100, maxMs: 2_000 };
/**
 * A connection that opened but was not synced within this long is given up and opened again, as
 * y-websocket's provider gives up a silent one; each such case counts in `drops` as `unsynced`.
 */
const SYNC_TIMEOUT_MS = 15_000;

/** A client that keeps its document across connections. */
export class ReconnectingClient {
  readonly doc = new Y.Doc();
  /** The clock up to which the server acknowledged this client's own edits as stored. */
  savedClock = 0;
  /** Connections opened so far (the first included). */
  connections = 0;
  /** Close codes of connections this side did not close, by code; upgrade refusals as `http <status>`. */
  readonly drops = new Map<string, number>();
  private ws: WebSocket | null = null;
  private synced = false;
  private failures = 0;
  private closed = false;
  private retry: NodeJS.Timeout | null = null;
  private readonly backoff: Backoff;

  constructor(private readonly opts: ReconnectingClientOptions) {
    this.backoff = opts.backoff ?? DEFAULT_BACKOFF;
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === this || !this.open) return;
      // Sent now if the socket is open; otherwise the next sync carries it.
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, MessageType.sync);
      syncProtocol.writeUpdate(e, update);
      this.ws!.send(encoding.toUint8Array(e));
    });
    this.connect();
  }

  /** True while a connection is open. */
  get open(): boolean {
    return this.ws?.readyState === WebSocket.OPEN;
  }

  /** True once the current connection has received the server's sync step 2. */
  get isSynced(): boolean {
    return this.open && this.synced;
  }

  /** The clock of this client's own edits (how many items it made). */
  get ownClock(): number {
    return Y.getState(this.doc.store, this.doc.clientID);
  }

  /** True when connected, synced, and every edit of this client is acknowledged as stored. */
  get settled(): boolean {
    return this.isSynced && this.savedClock >= this.ownClock;
  }

  /** Appends `text` to paragraph `pid` (nothing once closed); returns this client's clock once it is made. */
  type(pid: string, text: string): number {
    if (this.closed) return 0;
    const para = paragraphText(this.doc, pid);
    para.insert(para.length, text);
    return this.ownClock;
  }

  /** "open, synced, 2 connections, drops: 1006 ×1": for a failing test's message. */
  describe(): string {
    const drops = [...this.drops].map(([why, n]) => `${why} ×${n}`).join(', ') || 'none';
    return `${this.open ? 'open' : 'not open'}, ${this.synced ? 'synced' : 'not synced'}, ${this.connections} connections, drops: ${drops}`;
  }

  /** Closes the connection for good. */
  close(): void {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    this.ws?.terminate();
    this.doc.destroy();
  }

  private connect(): void {
    if (this.closed) return;
    this.synced = false;
    this.connections++;
    const ws = new WebSocket(`${this.opts.url}?ext=1`, {
      headers: this.opts.headers ?? {},
      perMessageDeflate: false,
    });
    ws.binaryType = 'nodebuffer';
    this.ws = ws;
    let dropped = false;
    let unsynced: NodeJS.Timeout | undefined;
    const drop = (why: string) => {
      clearTimeout(unsynced);
      if (dropped) return;
      dropped = true;
      if (this.closed) return;
      this.drops.set(why, (this.drops.get(why) ?? 0) + 1);
      this.failures++;
      const ceiling = Math.min(this.backoff.maxMs, this.backoff.baseMs * 2 ** this.failures);
      this.retry = setTimeout(() => this.connect(), Math.random() * ceiling);
    };
    ws.on('unexpected-response', (_req, res) => {
      res.resume();
      ws.terminate();
      drop(`http ${res.statusCode}`);
    });
    ws.on('error', () => undefined);
    ws.on('close', (code) => drop(String(code)));
    ws.on('open', () => {
      unsynced = setTimeout(() => {
        if (this.synced || ws !== this.ws) return;
        drop('unsynced');
        ws.terminate();
      }, SYNC_TIMEOUT_MS);
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, MessageType.sync);
      syncProtocol.writeSyncStep1(e, this.doc);
      ws.send(encoding.toUint8Array(e));
    });
    ws.on('message', (data: Buffer) => this.receive(ws, new Uint8Array(data)));
  }

  private receive(ws: WebSocket, frame: Uint8Array): void {
    if (this.closed || ws !== this.ws) return;
    const decoder = decoding.createDecoder(frame);
    const type = decoding.readVarUint(decoder);
    if (type === MessageType.sync) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.sync);
      // The server's step 1 is answered with everything it lacks: edits it never stored go again.
      const sub = syncProtocol.readSyncMessage(decoder, encoder, this.doc, this);
      if (encoding.length(encoder) > 1) ws.send(encoding.toUint8Array(encoder));
      if (sub === syncProtocol.messageYjsSyncStep2) {
        this.synced = true;
        this.failures = 0;
      }
    } else if (type === MessageType.saved) {
      const saved = Y.decodeStateVector(decoding.readVarUint8Array(decoder)).get(this.doc.clientID) ?? 0;
      this.savedClock = Math.max(this.savedClock, saved);
    }
  }
}
