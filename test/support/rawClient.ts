/**
 * A raw protocol client: y-protocols encoders over `ws`, no provider, no UI. It sends exactly
 * the bytes a test asks for, so tests can bypass every client-side check.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MessageType } from '../../shared/protocol.js';

/** A connected raw client with its own Y.Doc kept in sync from what the server sends. */
export interface RawClient {
  ws: WebSocket;
  doc: Y.Doc;
  awareness: awarenessProtocol.Awareness;
  /** Every frame received, decoded by type. */
  received: { type: number; body: Uint8Array }[];
  errors: { code: string; message: string }[];
  /** Resolves with the close code when the socket closes. */
  closed: Promise<{ code: number; reason: string }>;
  send(frame: Uint8Array | string): void;
  sendUpdate(update: Uint8Array): void;
  sendAwareness(update: Uint8Array): void;
  close(): void;
}

/** Opens a raw client; resolves once the server's first sync step 2 has been applied. */
export async function openRawClient(
  url: string,
  opts: { headers?: Record<string, string>; ext?: boolean; waitSync?: boolean } = {},
): Promise<RawClient> {
  const full = opts.ext === false ? url : `${url}?ext=1`;
  const ws = new WebSocket(full, { headers: opts.headers ?? {} });
  ws.binaryType = 'nodebuffer';
  const doc = new Y.Doc();
  const awareness = new awarenessProtocol.Awareness(doc);
  const received: RawClient['received'] = [];
  const errors: RawClient['errors'] = [];
  let synced = false;
  const closed = new Promise<{ code: number; reason: string }>((res) => {
    ws.on('close', (code, reason) => res({ code, reason: reason.toString() }));
  });
  ws.on('message', (data: Buffer) => {
    const bytes = new Uint8Array(data);
    const decoder = decoding.createDecoder(bytes);
    const type = decoding.readVarUint(decoder);
    received.push({ type, body: bytes });
    if (type === MessageType.sync) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.sync);
      const sub = syncProtocol.readSyncMessage(decoder, encoder, doc, 'server');
      if (sub === syncProtocol.messageYjsSyncStep2) synced = true;
      if (encoding.length(encoder) > 1) ws.send(encoding.toUint8Array(encoder));
    } else if (type === MessageType.awareness) {
      awarenessProtocol.applyAwarenessUpdate(awareness, decoding.readVarUint8Array(decoder), 'server');
    } else if (type === MessageType.error) {
      errors.push(JSON.parse(decoding.readVarString(decoder)));
    }
  });
  await new Promise<void>((res, rej) => {
    ws.once('open', () => res());
    ws.once('error', rej);
    ws.once('unexpected-response', (_req, resp) => rej(new Error(`HTTP ${resp.statusCode}`)));
  });
  const step1 = encoding.createEncoder();
  encoding.writeVarUint(step1, MessageType.sync);
  syncProtocol.writeSyncStep1(step1, doc);
  ws.send(encoding.toUint8Array(step1));
  if (opts.waitSync !== false) {
    const start = Date.now();
    while (!synced) {
      if (Date.now() - start > 10_000) throw new Error('raw client did not sync');
      await new Promise((r) => setTimeout(r, 5));
    }
  }
  return {
    ws,
    doc,
    awareness,
    received,
    errors,
    closed,
    send: (frame) => ws.send(frame),
    sendUpdate(update) {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, MessageType.sync);
      syncProtocol.writeUpdate(e, update);
      ws.send(encoding.toUint8Array(e));
    },
    sendAwareness(update) {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, MessageType.awareness);
      encoding.writeVarUint8Array(e, update);
      ws.send(encoding.toUint8Array(e));
    },
    close: () => ws.close(),
  };
}

/** Expects the HTTP upgrade to be refused; resolves with the status code and JSON body. */
export async function expectUpgradeRefused(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: { error?: { code: string } } }> {
  const ws = new WebSocket(url, { headers });
  return await new Promise((res, rej) => {
    ws.once('open', () => {
      ws.close();
      rej(new Error('upgrade was accepted'));
    });
    ws.once('unexpected-response', (_req, resp) => {
      let body = '';
      resp.on('data', (d: Buffer) => {
        body += d.toString();
      });
      resp.on('end', () => res({ status: resp.statusCode ?? 0, body: body ? JSON.parse(body) : {} }));
    });
    ws.once('error', () => undefined);
  });
}
