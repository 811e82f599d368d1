/**
 * The WebSocket adapter: accepts upgrades on `/collab/<doc>`, authorises them, and wires each
 * socket to its room as a `Peer`. Also guards the server: frame size limit, ping/pong liveness,
 * bounded send buffers and a per-connection message rate limit.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { AppError, type ErrorCode } from '../../shared/errors.js';
import { CloseCode, COLLAB_PATH, MAX_MESSAGE_BYTES } from '../../shared/protocol.js';
import { decodeComponent, endSocket, parseTarget, rawErrorResponse } from '../http/malformed.js';
import type { Logger } from '../logger.js';
import { TokenBucket } from '../tokenBucket.js';
import type { Peer, PeerIdentity } from './peer.js';
import type { Rooms } from './rooms.js';

/** Largest amount of unsent data a connection may accumulate before it is dropped. */
export const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;
/**
 * How long a connection dropped for reading too slowly keeps its socket, so that the close frame
 * (4508), queued behind the data it has not read, can still reach it; then it is terminated.
 */
export const SLOW_CONSUMER_GRACE_MS = 10_000;
/** Interval between liveness pings; a connection silent for one interval is terminated. */
export const PING_INTERVAL_MS = 30_000;
/** Limits of a connection; the defaults suit production, tests change them. */
export interface SocketLimits {
  pingIntervalMs: number;
  maxBufferedBytes: number;
  /** How often open connections' sessions are checked again (`REVALIDATE_EVERY_MS`). */
  revalidateEveryMs: number;
}

/** Sockets one session may hold open at once (each tab of the app holds two). */
export const MAX_SOCKETS_PER_SESSION = 20;

/** Sustained and burst message rates allowed per connection. */
export const MESSAGE_RATE = { perSecond: 200, burst: 1_000 } as const;
/**
 * Sustained and burst bytes per second a connection may send (every frame is decoded, even one
 * that will be refused). A co-facilitator's typing costs a few kilobytes a second; the burst
 * lets a large paste or the changes made offline through.
 */
export const MESSAGE_BYTE_RATE = { perSecond: 512 * 1024, burst: 4 * 1024 * 1024 } as const;

/** Outcome of authorising an upgrade request. */
export type UpgradeDecision =
  | { ok: true; docName: string; identity: PeerIdentity }
  | { ok: false; status: 400 | 401 | 403 | 404 | 429; code: string; message: string };

/** Decides whether a request may open a document, from the server-side session only. */
export type AuthorizeUpgrade = (req: IncomingMessage, docName: string) => Promise<UpgradeDecision>;

/** Tells whether a connection's session is still valid; sockets whose session ended are closed. */
export type RevalidateSession = (sessionId: string) => Promise<boolean>;

/**
 * How often open connections' sessions are checked again: the longest a socket outlives its
 * session when the message that it ended was lost (another process ended it, say).
 */
export const REVALIDATE_EVERY_MS = 2_000;

const DEFAULT_LIMITS: SocketLimits = {
  pingIntervalMs: PING_INTERVAL_MS,
  maxBufferedBytes: MAX_BUFFERED_BYTES,
  revalidateEveryMs: REVALIDATE_EVERY_MS,
};

/** Handle to the collaboration endpoint. */
export interface CollabEndpoint {
  /** Closes every socket with `code` and stops accepting new ones. */
  close(code?: number): void;
  /** Closes at once the sockets of a session that was revoked; returns how many. */
  endSession(sessionId: string): number;
  /**
   * What the upgrade of `req` to `docName` would be answered now: the same authorisation and
   * socket cap, without opening anything. Browsers never see an upgrade's HTTP status, so they
   * ask this (`GET /api/collab/:doc/access`) after a failed connection to learn why.
   */
  check(req: IncomingMessage, docName: string): Promise<UpgradeDecision>;
}

let nextPeerId = 1;

/** Attaches the collaboration WebSocket endpoint to an HTTP server. */
export function attachCollab(
  server: Server,
  rooms: Rooms,
  authorize: AuthorizeUpgrade,
  log: Logger,
  revalidate?: RevalidateSession,
  limits: Partial<SocketLimits> = {},
): CollabEndpoint {
  const { pingIntervalMs, maxBufferedBytes, revalidateEveryMs } = { ...DEFAULT_LIMITS, ...limits };
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  // A handshake ws cannot accept (bad key, version, method) is refused in JSON like any other.
  wss.on('wsClientError', (err: Error, socket: Duplex) => {
    const method = err.message === 'Invalid HTTP method';
    refuse(
      socket,
      method ? 405 : 400,
      method ? 'METHOD_NOT_ALLOWED' : 'MALFORMED_REQUEST',
      `Not a valid WebSocket handshake: ${err.message}.`,
    );
  });
  const sockets = new Map<WebSocket, Peer>();
  const sessionTimer = setInterval(() => void recheckSessions(), revalidateEveryMs);
  sessionTimer.unref();

  async function recheckSessions(): Promise<void> {
    if (!revalidate) return;
    const ids = new Set<string>();
    for (const peer of sockets.values()) if (peer.identity.sessionId) ids.add(peer.identity.sessionId);
    for (const id of ids) {
      let live = false;
      try {
        live = await revalidate(id);
      } catch (err) {
        log.error('collab.revalidate-failed', { error: (err as Error).message });
        continue;
      }
      if (!live) endSession(id);
    }
  }

  function socketsOf(sessionId: string): number {
    let n = 0;
    for (const peer of sockets.values()) if (peer.identity.sessionId === sessionId) n++;
    return n;
  }

  function endSession(sessionId: string): number {
    let n = 0;
    for (const [ws, peer] of sockets) {
      if (peer.identity.sessionId === sessionId) {
        ws.close(CloseCode.sessionEnded, 'session ended');
        n++;
      }
    }
    return n;
  }

  /** An authorised upgrade within the cap on one session's sockets, counted now. */
  function capped(decision: UpgradeDecision): UpgradeDecision {
    if (!decision.ok) return decision;
    const sessionId = decision.identity.sessionId;
    if (sessionId !== undefined && socketsOf(sessionId) >= MAX_SOCKETS_PER_SESSION)
      return {
        ok: false,
        status: 429,
        code: 'TOO_MANY_CONNECTIONS',
        message: 'This session has too many connections open. Close some tabs.',
      };
    return decision;
  }

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // A client that resets the connection while the upgrade is decided must not take the server down.
    socket.on('error', () => socket.destroy());
    let url: URL;
    let docName: string;
    try {
      url = parseTarget(req.url);
      if (!url.pathname.startsWith(`${COLLAB_PATH}/`)) {
        refuse(socket, 404, 'NOT_FOUND', 'No WebSocket endpoint here.');
        return;
      }
      docName = decodeComponent(url.pathname.slice(COLLAB_PATH.length + 1));
    } catch (err) {
      const e =
        err instanceof AppError ? err : new AppError('MALFORMED_URL', 'The request address is malformed.');
      refuse(socket, e.status, e.code, e.message);
      return;
    }
    authorize(req, docName)
      .then((authorised) => {
        // Counted in the same turn as handleUpgrade, which calls back at once: no race.
        const decision = capped(authorised);
        if (!decision.ok) {
          if (decision.code === 'TOO_MANY_CONNECTIONS') log.warn('collab.too-many-sockets', { doc: docName });
          else
            log.warn('collab.upgrade-refused', {
              doc: docName,
              status: decision.status,
              code: decision.code,
            });
          refuse(socket, decision.status, decision.code, decision.message);
          return;
        }
        wss.handleUpgrade(req, socket, head, (ws) => {
          void connect(ws, decision.docName, decision.identity, url.searchParams.get('ext') === '1');
        });
      })
      .catch((err: Error) => {
        log.error('collab.upgrade-failed', { error: err.message });
        refuse(socket, 500, 'INTERNAL', 'The server could not open this document.');
      });
  });

  async function connect(
    ws: WebSocket,
    docName: string,
    identity: PeerIdentity,
    ext: boolean,
  ): Promise<void> {
    const bucket = new TokenBucket(MESSAGE_RATE.perSecond, MESSAGE_RATE.burst);
    const bytes = new TokenBucket(MESSAGE_BYTE_RATE.perSecond, MESSAGE_BYTE_RATE.burst);
    let alive = true;
    const peer: Peer = {
      id: nextPeerId++,
      ext,
      identity,
      send(frame) {
        if (ws.readyState !== WebSocket.OPEN) return;
        if (ws.bufferedAmount > maxBufferedBytes) {
          log.warn('collab.slow-consumer', { doc: docName, peer: identity.label });
          // The close frame goes out behind the unread data; terminating at once would lose it
          // (the client would see 1006). Nothing more is sent meanwhile (the socket is closing).
          ws.close(CloseCode.slowConsumer, 'send buffer overflow');
          setTimeout(() => ws.terminate(), SLOW_CONSUMER_GRACE_MS).unref();
          queueMicrotask(() => room?.leave(peer));
          return;
        }
        ws.send(frame);
      },
      close(code, reason) {
        if (ws.readyState === WebSocket.OPEN || ws.readyState === WebSocket.CONNECTING)
          ws.close(code, reason);
      },
    };
    sockets.set(ws, peer);
    // Buffer frames that arrive while the room loads, so none is lost or reordered.
    const early: Uint8Array[] = [];
    let room: Awaited<ReturnType<Rooms['open']>> | null = null;
    ws.on('message', (data, isBinary) => {
      if (ws.readyState !== WebSocket.OPEN) return; // closing: nothing more is read
      if (!isBinary) {
        log.warn('collab.text-frame', { doc: docName, peer: identity.label });
        ws.close(CloseCode.unsupportedData, 'binary frames only');
        return;
      }
      const frame = toBytes(data);
      if (!bucket.take() || !bytes.take(frame.length)) {
        log.warn('collab.rate-limited', { doc: docName, peer: identity.label });
        ws.close(CloseCode.rateLimited, 'too many messages');
        return;
      }
      if (room) room.receive(peer, frame);
      else early.push(frame);
    });
    ws.on('pong', () => {
      alive = true;
    });
    const ping = setInterval(() => {
      if (!alive) {
        log.info('collab.dead-connection', { doc: docName, peer: identity.label });
        ws.terminate();
        return;
      }
      alive = false;
      ws.ping();
    }, pingIntervalMs);
    ws.on('close', () => {
      clearInterval(ping);
      sockets.delete(ws);
      room?.leave(peer);
    });
    ws.on('error', (err) => log.warn('collab.socket-error', { doc: docName, error: err.message }));
    try {
      const loaded = await rooms.open(docName);
      if (ws.readyState !== WebSocket.OPEN) return;
      room = loaded;
      loaded.join(peer);
      for (const frame of early.splice(0)) loaded.receive(peer, frame);
    } catch (err) {
      log.error('collab.load-failed', { doc: docName, error: (err as Error).message });
      ws.close(CloseCode.internalError, 'document could not be loaded');
    }
  }

  return {
    close(code = CloseCode.goingAway) {
      clearInterval(sessionTimer);
      for (const ws of sockets.keys()) ws.close(code, 'server shutting down');
      wss.close();
    },
    endSession,
    check: async (req, docName) => capped(await authorize(req, docName)),
  };
}

function toBytes(data: WebSocket.RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

function refuse(socket: Duplex, status: number, code: string, message: string): void {
  endSocket(socket, rawErrorResponse(code as ErrorCode, message, status));
}
