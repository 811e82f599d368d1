/**
 * What server processes tell each other over the bus (`bus.ts`), each message one binary frame:
 * its type, the sending process's id, then its body. Unknown types and malformed frames throw.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** Numeric message types on the wire. */
export const BusMessageType = {
  /** A document's updates up to `seq` are committed (the hint; storage is the truth). */
  committed: 0,
  /** Presence of the sender's own clients in a document's room (an awareness update). */
  presence: 1,
  /** A process that just loaded a room asks the others for the presence of their clients. */
  presenceQuery: 2,
  /** A session ended: every process closes its sockets. */
  sessionEnded: 3,
} as const;

/** A message on the bus. */
export type BusMessage =
  | { type: 'committed'; seq: number }
  | { type: 'presence'; update: Uint8Array }
  | { type: 'presence-query' }
  | { type: 'session-ended'; sessionId: string };

/** A message as received, with the id of the process that sent it. */
export interface ReceivedBusMessage {
  from: string;
  message: BusMessage;
}

/** Thrown for a frame that is not a bus message. */
export class MalformedBusMessage extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedBusMessage';
  }
}

/** Encodes `message` sent by process `from`. */
export function writeBusMessage(from: string, message: BusMessage): Uint8Array {
  const encoder = encoding.createEncoder();
  switch (message.type) {
    case 'committed':
      encoding.writeVarUint(encoder, BusMessageType.committed);
      encoding.writeVarString(encoder, from);
      encoding.writeVarUint(encoder, message.seq);
      break;
    case 'presence':
      encoding.writeVarUint(encoder, BusMessageType.presence);
      encoding.writeVarString(encoder, from);
      encoding.writeVarUint8Array(encoder, message.update);
      break;
    case 'presence-query':
      encoding.writeVarUint(encoder, BusMessageType.presenceQuery);
      encoding.writeVarString(encoder, from);
      break;
    case 'session-ended':
      encoding.writeVarUint(encoder, BusMessageType.sessionEnded);
      encoding.writeVarString(encoder, from);
      encoding.writeVarString(encoder, message.sessionId);
      break;
  }
  return encoding.toUint8Array(encoder);
}

/** Decodes a frame written by `writeBusMessage`; throws `MalformedBusMessage` for anything else. */
export function readBusMessage(frame: Uint8Array): ReceivedBusMessage {
  try {
    const decoder = decoding.createDecoder(frame);
    const type = decoding.readVarUint(decoder);
    const from = decoding.readVarString(decoder);
    const message = readBody(type, decoder);
    if (decoding.hasContent(decoder)) throw new MalformedBusMessage('trailing bytes after the message');
    return { from, message };
  } catch (err) {
    if (err instanceof MalformedBusMessage) throw err;
    throw new MalformedBusMessage(`undecodable bus message: ${(err as Error).message}`);
  }
}

function readBody(type: number, decoder: decoding.Decoder): BusMessage {
  switch (type) {
    case BusMessageType.committed:
      return { type: 'committed', seq: decoding.readVarUint(decoder) };
    case BusMessageType.presence:
      return { type: 'presence', update: decoding.readVarUint8Array(decoder) };
    case BusMessageType.presenceQuery:
      return { type: 'presence-query' };
    case BusMessageType.sessionEnded:
      return { type: 'session-ended', sessionId: decoding.readVarString(decoder) };
    default:
      throw new MalformedBusMessage(`unknown bus message type ${type}`);
  }
}
