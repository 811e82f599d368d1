/**
 * The few y-websocket frames the load's lightweight clients send, and cheap reads of the ones
 * they receive: a client does not apply the updates it receives, it only reads the header of
 * each update (the first struct's client id and clock), which identifies an edit uniquely.
 */
import * as encoding from 'lib0/encoding';

/** Top-level message types (see PROTOCOL.md). */
export const Frame = { sync: 0, awareness: 1, saved: 100, error: 101 } as const;
/** Sync sub-message types. */
export const Sync = { step1: 0, step2: 1, update: 2 } as const;

/** Sync step 1 of a client that has nothing yet (empty state vector). */
export const EMPTY_STEP1 = new Uint8Array([Frame.sync, Sync.step1, 1, 0]);
/** Sync step 2 answering the server's step 1 from a client with no changes (empty update). */
export const EMPTY_STEP2 = new Uint8Array([Frame.sync, Sync.step2, 2, 0, 0]);

/** A sync update frame carrying `update`. */
export function updateFrame(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, Frame.sync);
  encoding.writeVarUint(e, Sync.update);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

/** An awareness frame with one client's state (null when it leaves). */
export function awarenessFrame(clientId: number, clock: number, state: unknown): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, clientId);
  encoding.writeVarUint(inner, clock);
  encoding.writeVarString(inner, JSON.stringify(state));
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, Frame.awareness);
  encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
  return encoding.toUint8Array(e);
}

/** A position in a buffer being read. */
interface Cursor {
  pos: number;
}

/** Reads a lib0 varuint (up to 2^53). */
export function readVarUint(buf: Uint8Array, at: Cursor): number {
  let value = 0;
  let mult = 1;
  for (let i = 0; i < 8; i++) {
    const byte = buf[at.pos++];
    if (byte === undefined) throw new RangeError('truncated varuint');
    value += (byte & 0x7f) * mult;
    if (byte < 0x80) return value;
    mult *= 128;
  }
  throw new RangeError('varuint too long');
}

/** Where the update of a sync-update frame starts and how long it is. */
export function updatePayload(frame: Uint8Array): { start: number; length: number } {
  const at = { pos: 2 };
  const length = readVarUint(frame, at);
  return { start: at.pos, length };
}

/**
 * The client id and clock of the first struct of a Yjs (v1) update, or null when the update
 * carries only deletions.
 */
export function firstStruct(frame: Uint8Array, start: number): { client: number; clock: number } | null {
  const at = { pos: start };
  const clients = readVarUint(frame, at);
  if (clients === 0) return null;
  readVarUint(frame, at); // number of structs of this client
  const client = readVarUint(frame, at);
  const clock = readVarUint(frame, at);
  return { client, clock };
}
