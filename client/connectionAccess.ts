/**
 * Why the server refuses a collaboration socket. A browser sees a refused WebSocket upgrade only
 * as a socket closed before it opened (the HTTP status is hidden), so after such a failure the
 * connection asks `GET /api/collab/:doc/access`, which runs the upgrade's own authorisation, and
 * learns the stable code (PROTOCOL.md, "Sessions"). Retrying cannot help when the session ended
 * or the person may not open the document; it can when a session holds too many sockets.
 */
import { COLLAB_PATH } from '../shared/protocol.js';
import type { ServerError } from './extensionMessages.js';

/** The answer of the access check: its HTTP status and, for a refusal, the error it carried. */
export interface AccessAnswer {
  status: number;
  error?: ServerError;
}

/** Asks the server whether the socket of `docName` would be opened now. */
export type AccessCheck = (docName: string) => Promise<AccessAnswer>;

/** A refusal of the socket, as the person is told of it. */
export interface Refusal extends ServerError {
  /** True when retrying cannot help (sign in again, or no access): the connection stops trying. */
  final: boolean;
}

/** Codes of refusals retrying cannot help: the session ended, or this person may not open it. */
const FINAL: ReadonlySet<string> = new Set([
  'UNAUTHENTICATED',
  'SESSION_EXPIRED',
  'NOT_PARTICIPANT',
  'FORBIDDEN',
  'ORIGIN_REFUSED',
]);
/** Codes of refusals that go away by themselves (another tab closes): keep trying, more slowly. */
const PASSING: ReadonlySet<string> = new Set(['TOO_MANY_CONNECTIONS', 'RATE_LIMITED']);

/**
 * What an access answer means: null when the socket would be opened (the failure was passing),
 * a refusal for the codes the upgrade refuses with, and undefined for anything else (the server
 * is down, failing, or behind something that answers for it: the connection keeps reconnecting,
 * as for a lost network).
 */
export function refusalOf(answer: AccessAnswer): Refusal | null | undefined {
  if (answer.status >= 200 && answer.status < 300) return null;
  const code = answer.error?.code;
  if (!answer.error || code === undefined || !(FINAL.has(code) || PASSING.has(code))) return undefined;
  return { ...answer.error, final: FINAL.has(code) };
}

/** The address of the access check for a document, next to the socket's address (ws → http). */
export function accessUrl(collabUrl: string, docName: string): string {
  const url = new URL(collabUrl);
  url.protocol = url.protocol === 'wss:' ? 'https:' : 'http:';
  const base = url.pathname.endsWith(COLLAB_PATH)
    ? url.pathname.slice(0, -COLLAB_PATH.length)
    : url.pathname.replace(/\/$/, '');
  url.pathname = `${base}/api/collab/${encodeURIComponent(docName)}/access`;
  url.search = '';
  return url.toString();
}

/** The access check of this page's server, with the page's cookie. */
export function fetchAccessCheck(collabUrl: string): AccessCheck {
  return async (docName) => {
    const res = await fetch(accessUrl(collabUrl, docName), {
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
    });
    let error: ServerError | undefined;
    try {
      const body = (await res.json()) as { error?: { code?: unknown; message?: unknown } };
      if (typeof body.error?.code === 'string')
        error = {
          code: body.error.code,
          message: typeof body.error.message === 'string' ? body.error.message : '',
        };
    } catch {
      // Not JSON: a proxy's page, say. The status alone says nothing about our socket.
    }
    return error ? { status: res.status, error } : { status: res.status };
  };
}
