/**
 * One lightweight y-websocket client connection. Without a Y.Doc it keeps no document: it
 * answers the server's sync step 1 with an empty step 2, notes when its own step 2 arrives
 * (synced), and hands every received update's header to its owner. With a Y.Doc (the typist,
 * the relay's commander) it syncs that document like a real provider.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import type * as Y from 'yjs';
import { EMPTY_STEP1, EMPTY_STEP2, Frame, firstStruct, Sync, updatePayload } from './frames.js';

/** What a socket reports to its owner. */
export interface SocketHandlers {
  synced(now: number): void;
  /** A sync update arrived; `start`/`length` locate the Yjs update inside `frame`. */
  update?(frame: Buffer, client: number, clock: number, start: number, length: number, now: number): void;
  awareness?(): void;
  saved?(frame: Buffer): void;
  error?(text: string): void;
  /** The socket closed; `expected` when this side closed it. */
  closed(code: number, expected: boolean): void;
}

/** A connection to one document. */
export class LightSocket {
  private readonly ws: WebSocket;
  private closing = false;
  synced = false;
  readonly opened: Promise<void>;

  constructor(
    url: string,
    headers: Record<string, string>,
    private readonly handlers: SocketHandlers,
    private readonly doc?: Y.Doc,
  ) {
    this.ws = new WebSocket(url, { headers, perMessageDeflate: false });
    this.opened = new Promise((res, rej) => {
      this.ws.once('open', () => res());
      this.ws.once('unexpected-response', (_req, resp) => rej(new Error(`HTTP ${resp.statusCode}`)));
      this.ws.once('error', rej);
    });
    this.opened.then(
      () => this.send(doc ? this.docStep1() : EMPTY_STEP1),
      () => undefined,
    );
    this.ws.on('message', (data: Buffer) => this.receive(data));
    this.ws.on('error', () => undefined);
    this.ws.on('close', (code) => this.handlers.closed(code, this.closing));
  }

  /** Sends a frame if the socket is open. */
  send(frame: Uint8Array): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(frame);
  }

  /** Closes the socket (a normal close, expected). */
  close(): void {
    this.closing = true;
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) this.ws.close();
  }

  /** Drops the socket at once. */
  terminate(): void {
    this.closing = true;
    this.ws.terminate();
  }

  get open(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  private docStep1(): Uint8Array {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, Frame.sync);
    syncProtocol.writeSyncStep1(e, this.doc!);
    return encoding.toUint8Array(e);
  }

  private receive(data: Buffer): void {
    const now = performance.now();
    const type = data[0];
    if (type === Frame.sync) {
      const sub = data[1];
      if (this.doc) this.applyToDoc(data);
      if (sub === Sync.update) {
        const { start, length } = updatePayload(data);
        const first = firstStruct(data, start);
        if (first) this.handlers.update?.(data, first.client, first.clock, start, length, now);
      } else if (sub === Sync.step2) {
        if (!this.synced) {
          this.synced = true;
          this.handlers.synced(now);
        }
      } else if (sub === Sync.step1 && !this.doc) {
        this.send(EMPTY_STEP2);
      }
    } else if (type === Frame.awareness) {
      this.handlers.awareness?.();
    } else if (type === Frame.saved) {
      this.handlers.saved?.(data);
    } else if (type === Frame.error) {
      const d = decoding.createDecoder(data);
      decoding.readVarUint(d);
      this.handlers.error?.(decoding.readVarString(d));
    }
  }

  private applyToDoc(data: Buffer): void {
    const decoder = decoding.createDecoder(data);
    decoding.readVarUint(decoder);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, Frame.sync);
    syncProtocol.readSyncMessage(decoder, encoder, this.doc!, this);
    if (encoding.length(encoder) > 1) this.send(encoding.toUint8Array(encoder));
  }
}
