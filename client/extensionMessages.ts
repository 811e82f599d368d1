/**
 * The client side of the extension messages of the collaboration protocol (PROTOCOL.md):
 * `saved` (the server's state vector after it stored our updates) and `error` (a refusal with a
 * stable code). Handlers are installed into a y-websocket provider's message table.
 */
import * as decoding from 'lib0/decoding';
import { readAuthMessage } from 'y-protocols/auth';
import { messageYjsSyncStep1 } from 'y-protocols/sync';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { MessageType } from '../shared/protocol.js';

/** An error the server reported on the collaboration socket. */
export interface ServerError {
  code: string;
  message: string;
}

/** What to do with the extension messages. */
export interface ExtensionHandlers {
  /** The server durably holds every update up to this state vector (client id → clock). */
  onSaved(stateVector: Map<number, number>): void;
  /** The server refused something. */
  onError(error: ServerError): void;
  /** The server refused this client's changes (y-protocols auth "permission denied"). */
  onPermissionDenied(reason: string): void;
}

/** Reads the JSON body of an `error` message; anything malformed becomes an `INTERNAL` error. */
export function parseServerError(json: string): ServerError {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { code: 'INTERNAL', message: json };
  }
  if (typeof value === 'object' && value !== null && 'code' in value && typeof value.code === 'string') {
    const message = 'message' in value && typeof value.message === 'string' ? value.message : '';
    return { code: value.code, message };
  }
  return { code: 'INTERNAL', message: json };
}

/** One entry of the provider's message table, as y-websocket calls it. */
type MessageHandler = WebsocketProvider['messageHandlers'][number];

/**
 * Installs the `saved`, `error` and `auth` handlers into `provider` (the last instead of
 * y-websocket's, which only writes to the console). The server's own sync step 1 also
 * counts as a `saved`: the server stores every update before applying it, so its state vector
 * only ever covers stored updates. This lets a client whose edits were stored before a lost
 * acknowledgement learn on reconnect that they are safe.
 */
export function installExtensionHandlers(provider: WebsocketProvider, handlers: ExtensionHandlers): void {
  const onSaved: MessageHandler = (_encoder, decoder) => {
    handlers.onSaved(Y.decodeStateVector(decoding.readVarUint8Array(decoder)));
  };
  const onError: MessageHandler = (_encoder, decoder) => {
    handlers.onError(parseServerError(decoding.readVarString(decoder)));
  };
  const sync = provider.messageHandlers[MessageType.sync];
  if (sync === undefined) throw new Error('y-websocket provider has no sync message handler');
  const syncWithAck: MessageHandler = (encoder, decoder, target, emitSynced, messageType) => {
    const peek = decoding.clone(decoder);
    if (decoding.readVarUint(peek) === messageYjsSyncStep1) {
      handlers.onSaved(Y.decodeStateVector(decoding.readVarUint8Array(peek)));
    }
    sync(encoder, decoder, target, emitSynced, messageType);
  };
  const onAuth: MessageHandler = (_encoder, decoder, target) => {
    readAuthMessage(decoder, target.doc, (_doc, reason) => handlers.onPermissionDenied(reason));
  };
  provider.messageHandlers[MessageType.auth] = onAuth;
  provider.messageHandlers[MessageType.saved] = onSaved;
  provider.messageHandlers[MessageType.error] = onError;
  provider.messageHandlers[MessageType.sync] = syncWithAck;
}
