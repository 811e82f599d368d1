/**
 * A connected client as a room sees it. The WebSocket adapter implements it; tests may use an
 * in-memory one. Identity and rights come from the server-side session, never from messages.
 */

/** Presence fields the server sets for a peer, overriding whatever the client claims. */
export interface PresenceIdentity {
  name: string;
  color: string;
  [field: string]: unknown;
}

/** What the server knows about the person behind a connection. */
export interface PeerIdentity {
  /** May this connection change the document's content? */
  readonly canWrite: boolean;
  /** When set, the awareness `user` field of this peer is replaced by it. */
  readonly presence?: PresenceIdentity;
  /** Short description for logs and the audit trail. */
  readonly label: string;
  /** The session behind the connection, checked again periodically. */
  readonly sessionId?: string;
  readonly personId?: string;
  readonly negotiationId?: string;
  readonly delegation?: string | null;
}

/** One connection to one room. */
export interface Peer {
  readonly id: number;
  /** Whether the client asked for the extension messages (`ext=1`). */
  readonly ext: boolean;
  readonly identity: PeerIdentity;
  /** Sends one binary frame; the adapter drops a peer whose send buffer overflows. */
  send(frame: Uint8Array): void;
  /** Closes the connection with a close code from `CloseCode`. */
  close(code: number, reason: string): void;
}
