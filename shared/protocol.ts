/**
 * What travels on the collaboration WebSocket. The standard y-websocket messages (sync,
 * awareness, auth, query-awareness) keep their numbers so that any y-websocket client can
 * connect; the extension messages are sent only to clients that ask for them with the
 * `ext=1` URL parameter. See PROTOCOL.md.
 */

/** Version of the extension messages below. */
export const PROTOCOL_VERSION = 1;

/** Top-level message types (first varuint of every binary frame). */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  /** Server → client: the server's state vector after it durably stored this client's updates. */
  saved: 100,
  /** Server → client: a refusal, as a JSON `{ code, message }` string. */
  error: 101,
} as const;

/** Close codes. 4400–4499 tell a y-websocket client not to reconnect; 4500–4599 to retry later. */
export const CloseCode = {
  /** The server is shutting down; reconnect. */
  goingAway: 1001,
  /** A text frame: only binary frames are spoken. */
  unsupportedData: 1003,
  /** A frame larger than the server's limit. */
  messageTooBig: 1009,
  /**
   * The server could not load the document or store this connection's changes (nothing of them
   * was applied or shown to anyone); reconnect, and the client's edits are sent again.
   */
  internalError: 1011,
  /** A binary frame that cannot be decoded. */
  malformedMessage: 4400,
  /** No valid session. */
  unauthenticated: 4401,
  /** The session may not open this document. */
  forbidden: 4403,
  /** The session was revoked or expired while connected. */
  sessionEnded: 4410,
  /** The client did not read its messages fast enough; reconnect. */
  slowConsumer: 4508,
  /** Too many messages; reconnect after a pause. */
  rateLimited: 4529,
} as const;

/** Path prefix of the collaboration WebSocket: `/collab/<document name>`. */
export const COLLAB_PATH = '/collab';

/** Name of the Yjs document holding a negotiation's base text. */
export function draftDocName(negotiationId: string): string {
  return `draft.${negotiationId}`;
}

/** Name of the read-only Yjs document in which the server publishes a negotiation's proposals. */
export function proposalsDocName(negotiationId: string): string {
  return `proposals.${negotiationId}`;
}

/** Largest WebSocket frame the server accepts, in bytes. */
export const MAX_MESSAGE_BYTES = 1024 * 1024;
