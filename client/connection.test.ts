import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { CloseCode, MessageType } from '../shared/protocol.js';
import { type Connection, createConnection, saveStatus } from './connection.js';

/** A stand-in for the browser WebSocket that the test drives by hand. */
class FakeSocket {
  static instances: FakeSocket[] = [];
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  readonly OPEN = 1;
  readyState = 0;
  binaryType = 'blob';
  sent: Uint8Array[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: ArrayBuffer }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.instances.push(this);
  }
  send(data: Uint8Array) {
    this.sent.push(data);
  }
  close() {
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  receive(build: (encoder: encoding.Encoder) => void) {
    const encoder = encoding.createEncoder();
    build(encoder);
    const bytes = encoding.toUint8Array(encoder);
    this.onmessage?.({ data: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) });
  }
  serverClose(code: number) {
    this.readyState = 3;
    this.onclose?.({ code, reason: '' });
  }
}

const latestSocket = () => FakeSocket.instances.at(-1)!;

const ana = {
  name: 'Delegate, European Union',
  color: '#1f5fbf',
  role: 'delegate',
  delegation: 'EU',
  delegationName: 'European Union',
} as const;

function open(): Connection {
  return createConnection('draft.test', ana, {
    url: 'ws://example.test/collab',
    WebSocketPolyfill: FakeSocket as unknown as typeof WebSocket,
  });
}

function edit(connection: Connection, text: string) {
  connection.doc.getText('t').insert(0, text);
}

function sendSaved(socket: FakeSocket, doc: Y.Doc) {
  socket.receive((encoder) => {
    encoding.writeVarUint(encoder, MessageType.saved);
    encoding.writeVarUint8Array(encoder, Y.encodeStateVector(doc));
  });
}

describe('saveStatus', () => {
  it('is saved when the server has everything, else saving or unsaved by connection', () => {
    expect(saveStatus(5, 5, 'offline')).toBe('saved');
    expect(saveStatus(6, 5, 'connected')).toBe('saving');
    expect(saveStatus(6, 5, 'reconnecting')).toBe('unsaved');
  });
});

describe('createConnection', () => {
  let connection: Connection;
  beforeEach(() => {
    FakeSocket.instances = [];
    connection = open();
  });
  afterEach(() => connection.destroy());

  it('connects with ext=1 and shows itself present', () => {
    expect(latestSocket().url).toBe('ws://example.test/collab/draft.test?ext=1');
    const state = connection.getState();
    expect(state.connection).toBe('connecting');
    expect(state.saved).toBe('saved');
    expect(state.peers).toEqual([
      {
        clientId: connection.doc.clientID,
        name: 'Delegate, European Union',
        color: '#1f5fbf',
        role: 'delegate',
        delegationName: 'European Union',
        self: true,
      },
    ]);
    latestSocket().open();
    expect(connection.getState().connection).toBe('connected');
  });

  it('is saving after an edit and saved once the server acknowledges it', () => {
    latestSocket().open();
    edit(connection, 'Recalling');
    expect(connection.getState().saved).toBe('saving');
    sendSaved(latestSocket(), connection.doc);
    expect(connection.getState().saved).toBe('saved');
  });

  it('counts the server sync step 1 as an acknowledgement', () => {
    latestSocket().open();
    edit(connection, 'Recalling');
    latestSocket().receive((encoder) => {
      encoding.writeVarUint(encoder, MessageType.sync);
      syncProtocol.writeSyncStep1(encoder, connection.doc);
    });
    expect(connection.getState().saved).toBe('saved');
  });

  it('becomes synced on the server sync step 2', () => {
    latestSocket().open();
    latestSocket().receive((encoder) => {
      encoding.writeVarUint(encoder, MessageType.sync);
      syncProtocol.writeSyncStep2(encoder, new Y.Doc());
    });
    expect(connection.getState().synced).toBe(true);
  });

  it('keeps edits made while disconnected as unsaved, then reconnecting', () => {
    latestSocket().open();
    latestSocket().serverClose(1006);
    expect(connection.getState().connection).toBe('reconnecting');
    edit(connection, 'Noting');
    expect(connection.getState().saved).toBe('unsaved');
  });

  it('stores server errors until cleared, and stays read-only after READ_ONLY', () => {
    latestSocket().open();
    latestSocket().receive((encoder) => {
      encoding.writeVarUint(encoder, MessageType.error);
      encoding.writeVarString(encoder, JSON.stringify({ code: 'READ_ONLY', message: 'no writes' }));
    });
    expect(connection.getState().lastError).toEqual({ code: 'READ_ONLY', message: 'no writes' });
    expect(connection.getState().readOnly).toBe(true);
    connection.clearError();
    expect(connection.getState().lastError).toBeUndefined();
    expect(connection.getState().readOnly).toBe(true);
  });

  it('turns read-only, quietly, when the server denies it permission to write', () => {
    latestSocket().open();
    latestSocket().receive((encoder) => {
      encoding.writeVarUint(encoder, MessageType.auth);
      encoding.writeVarUint(encoder, 0); // permission denied
      encoding.writeVarString(encoder, 'read-only');
    });
    expect(connection.getState().readOnly).toBe(true);
    expect(connection.getState().lastError).toBeUndefined();
  });

  it('stops on a terminal close code', () => {
    latestSocket().open();
    latestSocket().serverClose(CloseCode.forbidden);
    expect(connection.getState().connection).toBe('closed');
    expect(connection.getState().closeCode).toBe(CloseCode.forbidden);
    expect(connection.provider.shouldConnect).toBe(false);
  });

  it('notifies subscribers and stops after unsubscribe', () => {
    const seen: string[] = [];
    const unsubscribe = connection.subscribe((state) => seen.push(state.connection));
    latestSocket().open();
    unsubscribe();
    latestSocket().serverClose(1006);
    expect(seen).toEqual(['connected']);
  });

  it('publishes a changed user to the others', () => {
    connection.setUser({ ...ana, name: 'Delegate, EU', color: '#b3261e' });
    expect(connection.getState().peers[0]).toMatchObject({ name: 'Delegate, EU', color: '#b3261e' });
  });
});
