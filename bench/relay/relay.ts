/**
 * The bare relay the product is measured against: a minimal y-protocols sync server in the
 * manner of y-websocket's reference server, with no authentication, no validation of messages,
 * no durable storage and no rate limits. Documents live in memory, optionally starting from a
 * given state so that the relay serves documents as large as the product's.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebSocket, WebSocketServer } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_QUERY_AWARENESS = 3;

/** One document of the relay and its connections. */
class RelayDoc {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  /** Each connection with the awareness client ids it controls. */
  readonly conns = new Map<WebSocket, Set<number>>();

  constructor(initial?: Uint8Array) {
    if (initial) Y.applyUpdate(this.doc, initial);
    this.awareness.setLocalState(null);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeUpdate(encoder, update);
      const frame = encoding.toUint8Array(encoder);
      for (const conn of this.conns.keys()) if (conn !== origin) send(conn, frame);
    });
    this.awareness.on(
      'update',
      (
        { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
        origin: unknown,
      ) => {
        const changed = [...added, ...updated, ...removed];
        const own = origin instanceof WebSocket ? this.conns.get(origin) : undefined;
        if (own) {
          for (const id of added) own.add(id);
          for (const id of removed) own.delete(id);
        }
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
        encoding.writeVarUint8Array(
          encoder,
          awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed),
        );
        const frame = encoding.toUint8Array(encoder);
        for (const conn of this.conns.keys()) send(conn, frame);
      },
    );
  }

  join(conn: WebSocket): void {
    this.conns.set(conn, new Set());
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    send(conn, encoding.toUint8Array(encoder));
    const states = this.awareness.getStates();
    if (states.size > 0) send(conn, this.awarenessFrame([...states.keys()]));
  }

  leave(conn: WebSocket): void {
    const own = this.conns.get(conn);
    this.conns.delete(conn);
    if (own) awarenessProtocol.removeAwarenessStates(this.awareness, [...own], null);
  }

  receive(conn: WebSocket, data: Uint8Array): void {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_SYNC) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.readSyncMessage(decoder, encoder, this.doc, conn);
      if (encoding.length(encoder) > 1) send(conn, encoding.toUint8Array(encoder));
    } else if (type === MESSAGE_AWARENESS) {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), conn);
    } else if (type === MESSAGE_QUERY_AWARENESS) {
      send(conn, this.awarenessFrame([...this.awareness.getStates().keys()]));
    }
  }

  private awarenessFrame(clients: number[]): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients));
    return encoding.toUint8Array(encoder);
  }
}

function send(conn: WebSocket, frame: Uint8Array): void {
  if (conn.readyState === WebSocket.OPEN) conn.send(frame);
}

/** A running relay. */
export interface Relay {
  readonly server: Server;
  readonly port: number;
  /** Names of the documents in memory. */
  docNames(): string[];
  close(): Promise<void>;
}

/** Starts the relay on loopback; `/collab/<name>` (or any path) opens document `<name>`. */
export async function startRelay(initial: ReadonlyMap<string, Uint8Array> = new Map()): Promise<Relay> {
  const docs = new Map<string, RelayDoc>();
  const server = createServer((_req, res) => {
    res.writeHead(404).end();
  });
  const wss = new WebSocketServer({ server });
  wss.on('connection', (conn, req) => {
    const path = new URL(req.url ?? '/', 'http://relay').pathname;
    const name = decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
    let doc = docs.get(name);
    if (!doc) {
      doc = new RelayDoc(initial.get(name));
      docs.set(name, doc);
    }
    const room = doc;
    conn.binaryType = 'nodebuffer';
    conn.on('message', (data: Buffer) => {
      try {
        room.receive(conn, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      } catch {
        conn.close(4400, 'malformed message');
      }
    });
    conn.on('close', () => room.leave(conn));
    room.join(conn);
  });
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', () => res()));
  return {
    server,
    port: (server.address() as AddressInfo).port,
    docNames: () => [...docs.keys()],
    async close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
      await new Promise<void>((res) => server.close(() => res()));
    },
  };
}
