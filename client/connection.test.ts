import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { CloseCode, MessageType } from '../shared/protocol.js';
import {
  type Connection,
  createConnection,
  KEEP_ALIVE_MS,
  REFUSED_BACKOFF_MS,
  saveStatus,
} from './connection.js';
import { type AccessAnswer, accessUrl, refusalOf } from './connectionAccess.js';
import { isDocumentWrite } from './readOnly.js';

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

function open(writable = true): Connection {
  return createConnection('draft.test', ana, {
    writable,
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

  it('knows its copy diverged when the server refuses a change to an agreed paragraph', () => {
    latestSocket().open();
    expect(connection.getState().diverged).toBe(false);
    latestSocket().receive((encoder) => {
      encoding.writeVarUint(encoder, MessageType.error);
      encoding.writeVarString(
        encoder,
        JSON.stringify({ code: 'PARAGRAPH_AGREED', message: 'OP5 is agreed' }),
      );
    });
    expect(connection.getState()).toMatchObject({
      diverged: true,
      readOnly: false,
      lastError: { code: 'PARAGRAPH_AGREED', message: 'OP5 is agreed' },
    });
    const fresh = createConnection('draft.test', ana, {
      writable: true,
      url: 'ws://example.test/collab',
      WebSocketPolyfill: FakeSocket as unknown as typeof WebSocket,
      initialError: connection.getState().lastError!,
    });
    expect(fresh.getState()).toMatchObject({ diverged: false, lastError: { code: 'PARAGRAPH_AGREED' } });
    fresh.destroy();
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

/** A document with a deleted word: its delete set is not empty, like any draft's. */
function serverDocWithDeletion(): Y.Doc {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, 'Recalling the Compact');
  doc.getText('t').delete(0, 10);
  return doc;
}

describe('a read-only connection', () => {
  let connection: Connection;
  let errors: unknown[][];
  beforeEach(() => {
    FakeSocket.instances = [];
    errors = [];
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void errors.push(args));
    connection = open(false);
  });
  afterEach(() => {
    connection.destroy();
    vi.restoreAllMocks();
  });

  /** The server's side of a (re)connection: its sync step 1, then the whole document. */
  function serverSync(socket: FakeSocket, server: Y.Doc) {
    socket.receive((encoder) => {
      encoding.writeVarUint(encoder, MessageType.sync);
      syncProtocol.writeSyncStep1(encoder, server);
    });
    socket.receive((encoder) => {
      encoding.writeVarUint(encoder, MessageType.sync);
      syncProtocol.writeSyncStep2(encoder, server);
    });
  }

  it('receives the document but answers no sync step, even after reconnecting with deletions', () => {
    const server = serverDocWithDeletion();
    latestSocket().open();
    serverSync(latestSocket(), server);
    expect(connection.getState().synced).toBe(true);
    expect(connection.doc.getText('t').toString()).toBe('the Compact');
    latestSocket().serverClose(1006);
    // y-websocket reconnects on a timer; open the next socket by hand.
    connection.provider.connect();
    const again = latestSocket();
    again.open();
    serverSync(again, server);
    for (const socket of FakeSocket.instances) expect(socket.sent.filter(isDocumentWrite)).toEqual([]);
    // Only sync step 1 (a state vector) went out on each socket.
    expect(again.sent.map((f) => [f[0], f[1]])).toContainEqual([MessageType.sync, 0]);
    expect(errors).toEqual([]);
  });

  it('never sends a local change, and reports it once as a bug', () => {
    latestSocket().open();
    edit(connection, 'Noting');
    edit(connection, 'Also ');
    expect(latestSocket().sent.filter(isDocumentWrite)).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(String(errors[0]![0])).toContain('read-only document draft.test');
  });

  it('says it is read-only from the start', () => {
    expect(connection.getState().readOnly).toBe(true);
  });

  it('reads the extension messages instead of logging them as unknown', () => {
    latestSocket().open();
    latestSocket().receive((encoder) => {
      encoding.writeVarUint(encoder, MessageType.error);
      encoding.writeVarString(encoder, JSON.stringify({ code: 'READ_ONLY', message: 'no writes' }));
    });
    expect(connection.getState().lastError?.code).toBe('READ_ONLY');
    expect(errors).toEqual([]);
  });
});

describe('isDocumentWrite', () => {
  const frame = (build: (encoder: encoding.Encoder) => void) => {
    const encoder = encoding.createEncoder();
    build(encoder);
    return encoding.toUint8Array(encoder);
  };
  it('is true for sync step 2 and updates, even empty ones, and false for the rest', () => {
    const doc = new Y.Doc();
    const sync = (write: (e: encoding.Encoder) => void) =>
      frame((e) => {
        encoding.writeVarUint(e, MessageType.sync);
        write(e);
      });
    expect(isDocumentWrite(sync((e) => syncProtocol.writeSyncStep1(e, doc)))).toBe(false);
    expect(isDocumentWrite(sync((e) => syncProtocol.writeSyncStep2(e, doc)))).toBe(true);
    expect(isDocumentWrite(sync((e) => syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(doc))))).toBe(true);
    expect(isDocumentWrite(Uint8Array.of(MessageType.queryAwareness))).toBe(false);
    expect(isDocumentWrite(Uint8Array.of(MessageType.awareness, 0))).toBe(false);
    expect(isDocumentWrite(Uint8Array.of(MessageType.sync))).toBe(true);
  });
});

describe('keep-alive', () => {
  afterEach(() => vi.useRealTimers());
  it('asks for presence when the socket has been silent, so y-websocket does not drop it', () => {
    vi.useFakeTimers();
    FakeSocket.instances = [];
    const connection = open(false);
    latestSocket().open();
    const sent = () =>
      latestSocket().sent.filter((f) => f.length === 1 && f[0] === MessageType.queryAwareness);
    vi.advanceTimersByTime(KEEP_ALIVE_MS - 1_000);
    expect(sent()).toHaveLength(0);
    vi.advanceTimersByTime(KEEP_ALIVE_MS);
    expect(sent().length).toBeGreaterThanOrEqual(1);
    // Still the same socket after y-websocket's 30 s watchdog would have fired.
    vi.advanceTimersByTime(40_000);
    expect(FakeSocket.instances).toHaveLength(1);
    connection.destroy();
  });
});

describe('a socket the server refuses to open', () => {
  beforeEach(() => {
    FakeSocket.instances = [];
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  const refusing = (answer: AccessAnswer) => {
    const asked: string[] = [];
    const connection = createConnection('draft.test', ana, {
      writable: true,
      url: 'ws://example.test/collab',
      WebSocketPolyfill: FakeSocket as unknown as typeof WebSocket,
      accessCheck: async (doc) => {
        asked.push(doc);
        return answer;
      },
    });
    return { connection, asked };
  };

  it('asks why and, when the session ended, says so and stops trying', async () => {
    const { connection, asked } = refusing({
      status: 401,
      error: { code: 'SESSION_EXPIRED', message: 'Your session has ended.' },
    });
    latestSocket().serverClose(1006); // what a browser reports for a refused upgrade
    await vi.waitFor(() => expect(connection.getState().refused).toBeDefined());
    expect(asked).toEqual(['draft.test']);
    expect(connection.getState()).toMatchObject({
      connection: 'closed',
      refused: { code: 'SESSION_EXPIRED', final: true },
    });
    const sockets = FakeSocket.instances.length;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(FakeSocket.instances.length).toBe(sockets);
    // Signed in again elsewhere: "Try again" connects.
    connection.retry();
    expect(connection.getState().refused).toBeUndefined();
    expect(FakeSocket.instances.length).toBe(sockets + 1);
    latestSocket().open();
    expect(connection.getState().connection).toBe('connected');
    connection.destroy();
  });

  it('keeps trying, more slowly, while a session holds too many sockets, and clears it once connected', async () => {
    const { connection } = refusing({
      status: 429,
      error: { code: 'TOO_MANY_CONNECTIONS', message: 'Close some tabs.' },
    });
    latestSocket().serverClose(1006);
    await vi.waitFor(() => expect(connection.getState().refused).toBeDefined());
    expect(connection.getState()).toMatchObject({
      connection: 'connecting',
      refused: { code: 'TOO_MANY_CONNECTIONS', final: false },
    });
    expect(connection.provider.maxBackoffTime).toBe(REFUSED_BACKOFF_MS);
    await vi.advanceTimersByTimeAsync(REFUSED_BACKOFF_MS);
    latestSocket().open();
    expect(connection.getState().refused).toBeUndefined();
    expect(connection.getState().connection).toBe('connected');
    connection.destroy();
  });

  it('does not ask about a socket that was open (a lost connection), nor stop when the check says ok', async () => {
    const { connection, asked } = refusing({ status: 200 });
    latestSocket().open();
    latestSocket().serverClose(1006);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(asked).toEqual([]);
    // The next attempt fails before opening: then it asks, and the answer is that all is well.
    expect(FakeSocket.instances).toHaveLength(2);
    latestSocket().serverClose(1006);
    await vi.waitFor(() => expect(asked).toHaveLength(1));
    expect(connection.getState().refused).toBeUndefined();
    expect(connection.getState().connection).toBe('reconnecting');
    connection.destroy();
  });
});

describe('the access check', () => {
  it('is next to the socket, over http(s)', () => {
    expect(accessUrl('ws://example.test/collab', 'draft.n1')).toBe(
      'http://example.test/api/collab/draft.n1/access',
    );
    expect(accessUrl('wss://example.test:8443/collab', 'proposals.n 2')).toBe(
      'https://example.test:8443/api/collab/proposals.n%202/access',
    );
  });

  it('stops only where retrying cannot help', () => {
    const answer = (status: number, code?: string): AccessAnswer =>
      code ? { status, error: { code, message: '' } } : { status };
    expect(refusalOf(answer(200))).toBeNull();
    expect(refusalOf(answer(401, 'UNAUTHENTICATED'))).toMatchObject({ final: true });
    expect(refusalOf(answer(403, 'NOT_PARTICIPANT'))).toMatchObject({ final: true });
    expect(refusalOf(answer(403, 'ORIGIN_REFUSED'))).toMatchObject({ final: true });
    expect(refusalOf(answer(429, 'TOO_MANY_CONNECTIONS'))).toMatchObject({ final: false });
    // A proxy's error page, a server that is down, a route an older server does not have.
    expect(refusalOf(answer(502))).toBeUndefined();
    expect(refusalOf(answer(404, 'NOT_FOUND'))).toBeUndefined();
  });
});
