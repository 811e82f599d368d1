/**
 * What one connection may ask of a room, so that no connection can cost everyone else: the size
 * and number of the presence states it speaks for, the bytes of presence it sends per second, and
 * how often it asks for answers that are large to send (sync step 1, presence queries).
 * See PROTOCOL.md, "Limits of a connection".
 */
import { TokenBucket } from '../tokenBucket.js';

/**
 * Largest presence state a client may set, in bytes of its JSON. A cursor (two Yjs relative
 * positions) and the client's own `user` field, which the server replaces anyway, take a few
 * hundred bytes; larger states are refused and never relayed.
 */
export const MAX_PRESENCE_STATE_BYTES = 4 * 1024;

/** Most presence client ids one connection may speak for (a y-websocket client uses one). */
export const MAX_PRESENCE_CLIENTS = 4;

/**
 * Bytes of presence states (refused ones included) a connection may send: sustained per second,
 * and in a burst. A typist's cursor moves cost a few kilobytes a second; beyond the burst the
 * connection is closed with `CloseCode.rateLimited`.
 */
export const PRESENCE_BYTE_RATE = { perSecond: 16 * 1024, burst: 64 * 1024 } as const;

/**
 * Sync step 1 and presence queries a connection may send. Each is answered with a frame as large
 * as the document or the room's presence; a y-websocket client sends one step 1 per connection
 * and no query. Beyond the burst the connection is closed with `CloseCode.rateLimited`.
 */
export const REQUEST_RATE = { perSecond: 1, burst: 10 } as const;

/** The budgets of one connection in a room. */
export class PeerQuota {
  private readonly presenceBytes = new TokenBucket(PRESENCE_BYTE_RATE.perSecond, PRESENCE_BYTE_RATE.burst);
  private readonly requests = new TokenBucket(REQUEST_RATE.perSecond, REQUEST_RATE.burst);

  /** Spends `bytes` of presence; false when the connection sent more than it may. */
  spendPresence(bytes: number): boolean {
    return this.presenceBytes.take(bytes);
  }

  /** Spends one request (sync step 1, presence query); false beyond the allowed rate. */
  spendRequest(): boolean {
    return this.requests.take();
  }
}
