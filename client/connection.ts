/**
 * The life of one collaboration connection: a Yjs document, its WebSocket provider, and a small
 * observable state (connection, save state, presence, last error) for the UI to show.
 * A plain module, so that React only subscribes to it and never owns the socket.
 */
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { COLLAB_PATH, MessageType } from '../shared/protocol.js';
import { type AccessCheck, fetchAccessCheck, type Refusal, refusalOf } from './connectionAccess.js';
import { installExtensionHandlers, type ServerError } from './extensionMessages.js';
import { forgetDeparted, type LocalUser, type Peer, peersFrom, samePeers, USER_FIELD } from './presence.js';
import { installReadOnlySync, readOnlySocket } from './readOnly.js';

/**
 * A connection that has heard nothing for this long asks the server for presence, which it
 * always answers. y-websocket drops and reopens a socket silent for 30 s; the proposals
 * document has no presence, so without this its socket would be reopened every 30 s.
 */
export const KEEP_ALIVE_MS = 10_000;

/**
 * Where the socket stands. `connecting` before the first connection, `reconnecting` after it
 * was lost, `offline` while the browser has no network, `closed` when the server ended the
 * connection for good (close codes 4400–4499, see `closeCode`) or refuses to open it for a
 * reason retrying cannot help (`refused`).
 */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'closed';

/**
 * Whether local edits are stored on the server: `saving` while edits are pending and the socket
 * is up, `unsaved` while edits are pending and it is not.
 */
export type SaveStatus = 'saved' | 'saving' | 'unsaved';

/** What the UI shows about a connection. Replaced as a whole on every change. */
export interface ConnectionState {
  connection: ConnectionStatus;
  saved: SaveStatus;
  /** True once the document has been received from the server on the current socket. */
  synced: boolean;
  peers: readonly Peer[];
  /** The last error the server reported on the socket, until cleared. */
  lastError?: ServerError;
  /**
   * True for a connection opened read-only, or once the server refused its changes (`READ_ONLY`,
   * or the y-protocols auth "permission denied").
   */
  readOnly: boolean;
  /**
   * True once the server refused a change this document already holds (`PARAGRAPH_AGREED`):
   * the local copy no longer matches the server's and must be replaced (`useConnection` opens
   * a fresh one, which starts from the server's text).
   */
  diverged: boolean;
  /** The close code with which the server ended the connection for good. */
  closeCode?: number;
  /**
   * Why the server refuses to open the socket (asked after a failed connection, see
   * `connectionAccess.ts`); final when retrying cannot help, and the connection then stops.
   */
  refused?: Refusal;
}

/** Listener of connection state changes. */
export type ConnectionListener = (state: ConnectionState) => void;

/** A live collaboration connection to one document. */
export interface Connection {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  /** The current state (the same object until something changes). */
  getState(): ConnectionState;
  /** Calls `listener` after every state change; returns a function that unsubscribes. */
  subscribe(listener: ConnectionListener): () => void;
  /** Stops calling `listener`. */
  unsubscribe(listener: ConnectionListener): void;
  /** Changes how this client shows itself (the server stamps the others' copy from the session). */
  setUser(user: LocalUser): void;
  /** Forgets `lastError` once the user has seen it. */
  clearError(): void;
  /** Tries again after a final refusal (the person signed in again, say). */
  retry(): void;
  /** Closes the socket and frees the document. */
  destroy(): void;
}

/** How a connection opens its document. */
export interface ConnectionOptions {
  /**
   * Whether this person may change the document. A read-only connection never sends a change
   * (see `readOnly.ts`); local changes, which would be a bug, are reported and not sent.
   */
  writable: boolean;
  /** Base URL of the collaboration socket; defaults to `/collab` on this page's host. */
  url?: string;
  /** A WebSocket implementation other than the browser's. */
  WebSocketPolyfill?: typeof WebSocket;
  /** An error to show from the start (what made the previous connection to be replaced). */
  initialError?: ServerError;
  /**
   * How to learn why a socket was refused. In a page with the default URL, the server's access
   * check with the page's cookie; elsewhere (other sockets or servers, tests) none unless given.
   */
  accessCheck?: AccessCheck | null;
}

/** Longest wait between attempts while the server refuses for a passing reason (too many sockets). */
export const REFUSED_BACKOFF_MS = 10_000;

/**
 * Refusals of a change the local document already holds. Later changes of this client build on
 * the refused one, so the server could never apply them: the copy has to be replaced.
 */
export const DIVERGING_ERRORS: ReadonlySet<string> = new Set(['PARAGRAPH_AGREED']);

/** The default collaboration URL for this page: ws(s)://host/collab. */
export function defaultCollabUrl(): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}${COLLAB_PATH}`;
}

/** The save state for a local clock, the clock the server confirmed, and the connection. */
export function saveStatus(localClock: number, savedClock: number, connection: ConnectionStatus): SaveStatus {
  if (savedClock >= localClock) return 'saved';
  return connection === 'connected' ? 'saving' : 'unsaved';
}

function browserOnline(): boolean {
  return typeof navigator === 'undefined' || navigator.onLine !== false;
}

/**
 * Opens a connection to the document `docName`, showing this client as `user` (or not at all,
 * with null: the proposals document has no presence).
 */
export function createConnection(
  docName: string,
  user: LocalUser | null,
  options: ConnectionOptions,
): Connection {
  const doc = new Y.Doc();
  let reported = false;
  const droppedWrite = () => {
    if (reported) return;
    reported = true;
    console.error(`A change to the read-only document ${docName} was made here and not sent.`);
  };
  const Socket = options.WebSocketPolyfill ?? WebSocket;
  const collabUrl = options.url ?? defaultCollabUrl();
  const accessCheck =
    options.accessCheck !== undefined
      ? options.accessCheck
      : options.url === undefined && typeof fetch === 'function'
        ? fetchAccessCheck(collabUrl)
        : null;
  const provider = new WebsocketProvider(collabUrl, docName, doc, {
    params: { ext: '1' },
    // Every tab talks to the server itself, so "saved" always means stored on the server.
    disableBc: true,
    WebSocketPolyfill: options.writable ? Socket : readOnlySocket(Socket, droppedWrite),
  });
  if (!options.writable) installReadOnlySync(provider);
  const listeners = new Set<ConnectionListener>();
  let everConnected = false;
  let socketUp = false;
  let online = browserOnline();
  let closeCode: number | undefined;
  let refused: Refusal | undefined;
  let checking = false;
  let destroyed = false;
  const normalBackoff = provider.maxBackoffTime;
  let savedClock = 0;
  let state: ConnectionState = {
    connection: 'connecting',
    saved: 'saved',
    synced: false,
    peers: [],
    readOnly: !options.writable,
    diverged: false,
    ...(options.initialError ? { lastError: options.initialError } : {}),
  };

  const connectionStatus = (): ConnectionStatus => {
    if (closeCode !== undefined || refused?.final) return 'closed';
    if (!online) return 'offline';
    if (socketUp) return 'connected';
    return everConnected ? 'reconnecting' : 'connecting';
  };

  /** Recomputes the state, keeping `patch`, and notifies listeners if anything changed. */
  const update = (patch: Partial<ConnectionState> = {}) => {
    const connection = connectionStatus();
    const next: ConnectionState = {
      ...state,
      ...patch,
      connection,
      saved: saveStatus(Y.getState(doc.store, doc.clientID), savedClock, connection),
      synced: provider.synced,
      closeCode,
      refused,
    };
    if (next.closeCode === undefined) delete next.closeCode;
    if (next.refused === undefined) delete next.refused;
    if (next.lastError === undefined) delete next.lastError;
    const changed =
      next.connection !== state.connection ||
      next.saved !== state.saved ||
      next.synced !== state.synced ||
      next.peers !== state.peers ||
      next.lastError !== state.lastError ||
      next.readOnly !== state.readOnly ||
      next.diverged !== state.diverged ||
      next.closeCode !== state.closeCode ||
      next.refused !== state.refused;
    if (!changed) return;
    state = next;
    for (const listener of listeners) listener(state);
  };

  installExtensionHandlers(provider, {
    onSaved: (stateVector) => {
      savedClock = Math.max(savedClock, stateVector.get(doc.clientID) ?? 0);
      update();
    },
    onError: (error) =>
      update({
        lastError: error,
        ...(error.code === 'READ_ONLY' ? { readOnly: true } : {}),
        ...(DIVERGING_ERRORS.has(error.code) ? { diverged: true } : {}),
      }),
    onPermissionDenied: () => update({ readOnly: true }),
  });

  provider.on('status', ({ status }) => {
    socketUp = status === 'connected';
    if (socketUp) {
      if (everConnected) forgetDeparted(provider.awareness);
      everConnected = true;
      refused = undefined;
      provider.maxBackoffTime = normalBackoff;
    }
    update();
  });

  /** After a socket that closed before it opened: asks why, and stops when retrying cannot help. */
  const diagnose = () => {
    if (!accessCheck || checking || !online) return;
    checking = true;
    accessCheck(docName)
      .then((answer) => {
        if (destroyed || socketUp) return;
        const found = refusalOf(answer);
        if (found === undefined) return;
        refused = found ?? undefined;
        if (found?.final) provider.disconnect();
        provider.maxBackoffTime = found ? REFUSED_BACKOFF_MS : normalBackoff;
        update();
      })
      .catch(() => {
        // The server cannot be reached: the connection keeps trying, as for a lost network.
      })
      .finally(() => {
        checking = false;
      });
  };
  provider.on('connection-close', (event) => {
    // A socket refused at the upgrade closes without having opened (`socketUp` is still false).
    if (event !== null && !socketUp && closeCode === undefined) diagnose();
  });
  provider.on('sync', () => update());
  provider.on('closed', ({ code }) => {
    closeCode = code;
    update();
  });
  const onDocUpdate = (_update: Uint8Array, origin: unknown) => {
    if (!options.writable && origin !== provider) droppedWrite();
    update();
  };
  doc.on('update', onDocUpdate);

  const keepAlive = setInterval(() => {
    const ws = provider.ws;
    if (!provider.wsconnected || !ws || Date.now() - provider.wsLastMessageReceived < KEEP_ALIVE_MS) return;
    ws.send(Uint8Array.of(MessageType.queryAwareness));
  }, KEEP_ALIVE_MS / 2);

  const onAwarenessChange = () => {
    const peers = peersFrom(provider.awareness.getStates(), doc.clientID);
    if (!samePeers(peers, state.peers)) update({ peers });
  };
  provider.awareness.on('change', onAwarenessChange);

  const onOnline = () => {
    online = true;
    // Try at once instead of waiting for the provider's back-off timer.
    if (closeCode === undefined && !refused?.final && provider.ws === null) provider.connect();
    update();
  };
  const onOffline = () => {
    online = false;
    update();
  };
  globalThis.addEventListener?.('online', onOnline);
  globalThis.addEventListener?.('offline', onOffline);

  if (user) provider.awareness.setLocalStateField(USER_FIELD, { ...user });
  else provider.awareness.setLocalState(null);
  onAwarenessChange();

  const unsubscribe = (listener: ConnectionListener) => {
    listeners.delete(listener);
  };

  return {
    doc,
    provider,
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => unsubscribe(listener);
    },
    unsubscribe,
    setUser(next) {
      provider.awareness.setLocalStateField(USER_FIELD, { ...next });
    },
    clearError() {
      update({ lastError: undefined });
    },
    retry() {
      if (!refused) return;
      refused = undefined;
      provider.maxBackoffTime = normalBackoff;
      update();
      provider.connect();
    },
    destroy() {
      destroyed = true;
      listeners.clear();
      clearInterval(keepAlive);
      globalThis.removeEventListener?.('online', onOnline);
      globalThis.removeEventListener?.('offline', onOffline);
      provider.awareness.off('change', onAwarenessChange);
      doc.off('update', onDocUpdate);
      // Tell the others we left before the socket closes.
      provider.awareness.setLocalState(null);
      provider.destroy();
      doc.destroy();
    },
  };
}
