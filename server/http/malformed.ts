/**
 * Requests as they arrive: any bytes a client cares to send. Request targets that do not parse
 * or percent-decode fail with `MALFORMED_URL` (400) instead of throwing, for the WebSocket
 * upgrade and every HTTP route alike; a request without a Host header, a request Node's parser
 * refuses, an `Expect` the server cannot meet and a `CONNECT` get the same JSON error shape as
 * every other refusal, never a bare status line or a silently closed socket.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { AppError, ERROR_STATUS, type ErrorCode } from '../../shared/errors.js';

const malformed = () => new AppError('MALFORMED_URL', 'The request address is malformed.');

/** The parsed target of a request (path and query); throws MALFORMED_URL. */
export function parseTarget(raw: string | undefined): URL {
  try {
    return new URL(raw ?? '/', 'http://localhost');
  } catch {
    throw malformed();
  }
}

/** Percent-decodes one component of a path; throws MALFORMED_URL for a bad escape or invalid UTF-8. */
export function decodeComponent(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    throw malformed();
  }
}

/**
 * Wraps the server's request listener: a target that is neither a path nor an absolute URL, or
 * whose path does not parse or decode, is answered with MALFORMED_URL before Express sees it
 * (Express would otherwise answer some of them with an HTML page).
 */
export function guardTargets(
  listener: (req: IncomingMessage, res: ServerResponse) => void,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const raw = req.url ?? '';
    try {
      if (req.headers.host === undefined && req.httpVersion !== '1.0')
        throw new AppError('MALFORMED_REQUEST', 'The request has no Host header.');
      if (!raw.startsWith('/') && !/^https?:\/\//i.test(raw)) throw malformed();
      decodeComponent(parseTarget(raw).pathname);
    } catch (err) {
      answer(res, err as AppError);
      return;
    }
    listener(req, res);
  };
}

/** Ends `res` with the JSON form of `error`, closing the connection. */
function answer(res: ServerResponse, error: AppError): void {
  const body = JSON.stringify(error.toBody());
  res.writeHead(error.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    connection: 'close',
  });
  res.end(body);
}

/**
 * Attaches the handlers of requests Node answers on its own by default: a server created with
 * `requireHostHeader: false` leaves the missing Host to `guardTargets`.
 */
export function answerMalformed(server: Server): void {
  server.on('clientError', answerClientError);
  server.on('checkExpectation', (_req: IncomingMessage, res: ServerResponse) =>
    answer(res, new AppError('EXPECTATION_FAILED', 'The server cannot meet this Expect header.')),
  );
  server.on('connect', (_req: IncomingMessage, socket: Duplex) =>
    endSocket(socket, rawErrorResponse('METHOD_NOT_ALLOWED', 'This server is not a proxy.')),
  );
}

/**
 * A JSON error response as raw HTTP/1.1, for sockets Express never sees; `status` defaults to the
 * code's own.
 */
export function rawErrorResponse(
  code: ErrorCode,
  message: string,
  status: number = ERROR_STATUS[code],
  extraHeaders: string[] = [],
): string {
  const body = JSON.stringify({ error: { code, message } });
  return [
    `HTTP/1.1 ${status} ${REASONS[status] ?? 'Error'}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
    ...extraHeaders,
    '',
    body,
  ].join('\r\n');
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  417: 'Expectation Failed',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
};

/** Writes `response` and closes the socket, unless it is already gone. */
export function endSocket(socket: Duplex, response: string): void {
  if (socket.writable && !socket.destroyed) socket.end(response);
  else socket.destroy();
}

/**
 * The server's `clientError` handler: a request Node's HTTP parser refused (bad request line,
 * headers too large, a timeout) gets a JSON error like any other refusal, never a bare 400.
 */
export function answerClientError(err: NodeJS.ErrnoException, socket: Socket | Duplex): void {
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  if (err.code === 'HPE_HEADER_OVERFLOW') {
    endSocket(socket, rawErrorResponse('HEADERS_TOO_LARGE', 'The request headers are too large.'));
  } else if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    endSocket(socket, rawErrorResponse('REQUEST_TIMEOUT', 'The request took too long to arrive.'));
  } else {
    endSocket(socket, rawErrorResponse('MALFORMED_REQUEST', 'The request is not valid HTTP.'));
  }
}
