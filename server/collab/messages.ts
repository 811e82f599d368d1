/**
 * Encoders and a strict decoder for the collaboration protocol's frames (see PROTOCOL.md).
 * The decoder turns any malformed frame into a `MalformedMessage` error instead of guessing.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as string from 'lib0/string';
import * as authProtocol from 'y-protocols/auth';
import * as Y from 'yjs';
import type { ErrorCode } from '../../shared/errors.js';
import { MessageType } from '../../shared/protocol.js';
import { MAX_PRESENCE_STATE_BYTES } from './peerLimits.js';

/** Sync sub-message types of y-protocols. */
export const SyncType = { step1: 0, step2: 1, update: 2 } as const;

/** A decoded client frame. */
export type ClientMessage =
  | { type: 'sync-step1'; stateVector: Uint8Array }
  | { type: 'sync-update'; update: Uint8Array; step2: boolean }
  | { type: 'awareness'; entries: ReceivedAwarenessEntry[] }
  | { type: 'query-awareness' };

/** One client's entry in an awareness update. `state` null means the client left. */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: Record<string, unknown> | null;
}

/**
 * An awareness entry as a client sent it, with the size of its state's JSON in bytes. A state
 * larger than `MAX_PRESENCE_STATE_BYTES` is left undecoded (`'too-large'`): it will be refused.
 */
export interface ReceivedAwarenessEntry {
  clientId: number;
  clock: number;
  bytes: number;
  state: Record<string, unknown> | null | 'too-large';
}

/** Thrown when a frame cannot be decoded; the connection is closed with 4400. */
export class MalformedMessage extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedMessage';
  }
}

/** Decodes one binary client frame, validating every part of it. */
export function decodeClientMessage(frame: Uint8Array): ClientMessage {
  try {
    const decoder = decoding.createDecoder(frame);
    const type = decoding.readVarUint(decoder);
    const msg = decodeBody(type, decoder);
    if (decoding.hasContent(decoder)) throw new MalformedMessage('trailing bytes after the message');
    return msg;
  } catch (err) {
    if (err instanceof MalformedMessage) throw err;
    throw new MalformedMessage(`undecodable frame: ${(err as Error).message}`);
  }
}

function decodeBody(type: number, decoder: decoding.Decoder): ClientMessage {
  switch (type) {
    case MessageType.sync: {
      const sub = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (sub === SyncType.step1) {
        Y.decodeStateVector(payload);
        return { type: 'sync-step1', stateVector: payload };
      }
      if (sub === SyncType.step2 || sub === SyncType.update) {
        Y.decodeUpdate(payload);
        return { type: 'sync-update', update: payload, step2: sub === SyncType.step2 };
      }
      throw new MalformedMessage(`unknown sync message type ${sub}`);
    }
    case MessageType.awareness:
      return { type: 'awareness', entries: decodeAwareness(decoding.readVarUint8Array(decoder)) };
    case MessageType.queryAwareness:
      return { type: 'query-awareness' };
    default:
      throw new MalformedMessage(`unknown message type ${type}`);
  }
}

function decodeAwareness(update: Uint8Array): ReceivedAwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: ReceivedAwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const json = decoding.readVarUint8Array(decoder);
    if (json.length > MAX_PRESENCE_STATE_BYTES) {
      entries.push({ clientId, clock, bytes: json.length, state: 'too-large' });
      continue;
    }
    const state: unknown = JSON.parse(string.decodeUtf8(json));
    if (state !== null && (typeof state !== 'object' || Array.isArray(state))) {
      throw new MalformedMessage('awareness state must be an object or null');
    }
    entries.push({ clientId, clock, bytes: json.length, state: state as Record<string, unknown> | null });
  }
  if (decoding.hasContent(decoder)) throw new MalformedMessage('trailing bytes in awareness update');
  return entries;
}

/** Encodes awareness entries in the y-protocols awareness update format. */
export function encodeAwareness(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(encoder, e.clientId);
    encoding.writeVarUint(encoder, e.clock);
    encoding.writeVarString(encoder, JSON.stringify(e.state));
  }
  return encoding.toUint8Array(encoder);
}

/**
 * True when `update` holds nothing `doc` lacks: no item beyond the clocks `doc` has, no deletion
 * `doc` has not made. The sync step 2 a y-websocket client sends when it reconnects is such an
 * update: the whole delete set of its copy, all of it known to the server.
 */
export function bringsNothingNew(doc: Y.Doc, update: Uint8Array): boolean {
  const clocks = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(update));
  for (const [client, clock] of clocks) if (clock > Y.getState(doc.store, client)) return false;
  const { ds } = Y.decodeUpdate(update);
  if (ds.clients.size === 0) return true;
  const known = Y.createDeleteSetFromStructStore(doc.store).clients;
  for (const [client, deleted] of ds.clients) {
    const ranges = known.get(client) ?? [];
    for (const { clock, len } of deleted) if (!covered(ranges, clock, clock + len)) return false;
  }
  return true;
}

/** Whether [from, to) lies inside one of `ranges` (sorted, merged, as Yjs keeps delete sets). */
function covered(ranges: readonly { clock: number; len: number }[], from: number, to: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid]!;
    if (from < r.clock) hi = mid - 1;
    else if (from >= r.clock + r.len) lo = mid + 1;
    else return to <= r.clock + r.len;
  }
  return false;
}

/** True for an update that carries no insertions and no deletions. */
export function isEmptyUpdate(update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  return structs.length === 0 && ds.clients.size === 0;
}

/** A frame of message type `type` whose body is a sync sub-message carrying `payload`. */
export function syncFrame(sub: number, payload: Uint8Array): Uint8Array {
  const header = encoding.createEncoder();
  encoding.writeVarUint(header, MessageType.sync);
  encoding.writeVarUint(header, sub);
  encoding.writeVarUint(header, payload.length);
  // One copy of the payload, however large: the whole document can weigh megabytes.
  const head = encoding.toUint8Array(header);
  const frame = new Uint8Array(head.length + payload.length);
  frame.set(head);
  frame.set(payload, head.length);
  return frame;
}

/**
 * Awareness frames carrying `entries`, as many as needed for each to hold at most about
 * `maxBytes` of states (a single larger state gets a frame of its own).
 */
export function awarenessFrames(entries: readonly AwarenessEntry[], maxBytes: number): Uint8Array[] {
  const frames: Uint8Array[] = [];
  let chunk: { clientId: number; clock: number; json: string }[] = [];
  let bytes = 0;
  const flush = () => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, chunk.length);
    for (const e of chunk) {
      encoding.writeVarUint(encoder, e.clientId);
      encoding.writeVarUint(encoder, e.clock);
      encoding.writeVarString(encoder, e.json);
    }
    frames.push(awarenessFrame(encoding.toUint8Array(encoder)));
    chunk = [];
    bytes = 0;
  };
  for (const { clientId, clock, state } of entries) {
    const json = JSON.stringify(state);
    // UTF-16 length: at most a third of the bytes of non-ASCII text, so frames stay well bounded.
    if (chunk.length > 0 && bytes + json.length > maxBytes) flush();
    chunk.push({ clientId, clock, json });
    bytes += json.length;
  }
  if (chunk.length > 0) flush();
  return frames;
}

/** An awareness frame carrying an encoded awareness update. */
export function awarenessFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.awareness);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** The `saved` extension frame: the server's state vector after a commit. */
export function savedFrame(stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.saved);
  encoding.writeVarUint8Array(encoder, stateVector);
  return encoding.toUint8Array(encoder);
}

/** The `error` extension frame: a refusal with a stable code. */
export function errorFrame(code: ErrorCode, message: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.error);
  encoding.writeVarString(encoder, JSON.stringify({ code, message }));
  return encoding.toUint8Array(encoder);
}

/**
 * The y-protocols auth frame "permission denied" with `reason`: what a standard y-websocket client
 * understands as a refusal (it reports it; the connection stays open for reading).
 */
export function permissionDeniedFrame(reason: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.auth);
  authProtocol.writePermissionDenied(encoder, reason);
  return encoding.toUint8Array(encoder);
}
