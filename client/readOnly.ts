/**
 * Read-only collaboration connections. Someone who may not change a document (a delegate or an
 * observer on the draft; everyone on the server-written proposals document) must never send it
 * a change: the server refuses each one and audits it as an attempt to change the text.
 *
 * Two guards. The sync handler of a read-only provider reads the server's sync step 1 and
 * answers nothing: the answer y-protocols writes, a sync step 2, always carries the copy's whole
 * delete set, which is never empty once anyone has deleted a word, so every reconnection
 * of a reader used to send the server a "change". And the socket itself drops any sync step 2
 * or update frame that would still leave, reporting it as the bug it is.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import type { WebsocketProvider } from 'y-websocket';
import { MessageType } from '../shared/protocol.js';

/** One entry of a provider's message table, as y-websocket calls it. */
type MessageHandler = WebsocketProvider['messageHandlers'][number];

/**
 * True when a client frame would change the document: a sync step 2 or a sync update, empty or
 * not. A sync frame whose sub-type cannot be read counts as one; other messages never do.
 */
export function isDocumentWrite(frame: Uint8Array): boolean {
  try {
    const decoder = decoding.createDecoder(frame);
    if (decoding.readVarUint(decoder) !== MessageType.sync) return false;
    return decoding.readVarUint(decoder) !== syncProtocol.messageYjsSyncStep1;
  } catch {
    return frame.length > 0 && frame[0] === MessageType.sync;
  }
}

/** The bytes of what a WebSocket is asked to send, or null for text. */
function bytesOf(data: unknown): Uint8Array | null {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return null;
}

/**
 * A WebSocket class like `Base` whose `send` drops every frame that would change the document,
 * calling `onDropped` instead.
 */
export function readOnlySocket(Base: typeof WebSocket, onDropped: () => void): typeof WebSocket {
  return class ReadOnlySocket extends Base {
    override send(data: Parameters<WebSocket['send']>[0]): void {
      const bytes = bytesOf(data);
      if (bytes && isDocumentWrite(bytes)) {
        onDropped();
        return;
      }
      super.send(data);
    }
  };
}

/**
 * Makes `provider` receive the document without ever answering with its own copy: the server's
 * sync step 1 is read and left unanswered; step 2 and updates are applied as usual.
 */
export function installReadOnlySync(provider: WebsocketProvider): void {
  const readOnlySync: MessageHandler = (_encoder, decoder, target, emitSynced) => {
    const peek = decoding.clone(decoder);
    if (decoding.readVarUint(peek) === syncProtocol.messageYjsSyncStep1) {
      decoding.readVarUint8Array(peek);
      return;
    }
    // Step 2 and updates write no answer; this encoder only keeps y-protocols' signature.
    const unused = encoding.createEncoder();
    const type = syncProtocol.readSyncMessage(decoder, unused, target.doc, target);
    if (emitSynced && type === syncProtocol.messageYjsSyncStep2 && !target.synced) target.synced = true;
  };
  provider.messageHandlers[MessageType.sync] = readOnlySync;
}
