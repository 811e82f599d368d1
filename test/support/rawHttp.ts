/**
 * Raw HTTP over TCP: sends exactly the bytes a test gives (request targets no HTTP client would
 * send, broken headers, lying lengths) and parses whatever comes back, checking that it is a
 * well-formed HTTP/1.1 response.
 */
import { connect } from 'node:net';

/** A parsed response, or the reason none came. */
export interface RawResponse {
  /** Status code, or 0 when the connection closed (or timed out) without a response. */
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Why the answer is not a well-formed response (empty when it is). */
  problem: string;
}

/**
 * Sends `request` to `port` and reads until a whole response has come, the server closes the
 * connection, or `timeoutMs`. `head`: the request was a HEAD (no body follows the headers).
 */
export function rawRequest(
  port: number,
  request: string | Buffer,
  timeoutMs = 5_000,
  head = false,
): Promise<RawResponse> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let done = false;
    const finish = (why = '') => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(parseResponse(Buffer.concat(chunks), why, head));
    };
    const timer = setTimeout(() => finish('timeout'), timeoutMs);
    socket.on('data', (d: Buffer) => {
      chunks.push(d);
      const parsed = parseResponse(Buffer.concat(chunks), '', head);
      if (parsed.status > 0 && parsed.problem === '') finish();
    });
    socket.on('error', () => finish());
    socket.on('close', () => finish());
    socket.write(request);
  });
}

/**
 * Parses one HTTP/1.1 response with a Content-Length, chunked, or none (read to the end), after
 * any interim 1xx responses (101 Switching Protocols is final).
 */
export function parseResponse(data: Buffer, why: string, head = false): RawResponse {
  const text = data.toString('latin1');
  const interim = /^HTTP\/1\.[01] 1(?!01)\d\d [^\r\n]*\r\n(?:[^\r\n]+\r\n)*\r\n/.exec(text);
  if (interim) return parseResponse(data.subarray(interim[0].length), why, head);
  const end = text.indexOf('\r\n\r\n');
  if (end < 0)
    return { status: 0, headers: {}, body: '', problem: why || (text ? 'incomplete head' : 'no response') };
  const [statusLine, ...lines] = text.slice(0, end).split('\r\n');
  const m = /^HTTP\/1\.[01] (\d{3}) [^\r\n]*$/.exec(statusLine ?? '');
  if (!m) return { status: 0, headers: {}, body: '', problem: `bad status line: ${statusLine}` };
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const i = line.indexOf(':');
    if (i <= 0) return { status: Number(m[1]), headers, body: '', problem: `bad header line: ${line}` };
    headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  const rawBody = data.subarray(Buffer.byteLength(text.slice(0, end + 4), 'latin1'));
  let body = rawBody.toString('utf8');
  let problem = '';
  if (head || Number(m[1]) === 101 || Number(m[1]) === 204 || Number(m[1]) === 304) {
    body = '';
  } else if (headers['content-length'] !== undefined) {
    const length = Number(headers['content-length']);
    if (rawBody.length < length) problem = why || 'body shorter than Content-Length';
    body = rawBody.subarray(0, length).toString('utf8');
  } else if (headers['transfer-encoding'] === 'chunked') {
    body = dechunk(rawBody) ?? '';
    if (body === '' && !rawBody.includes('0\r\n\r\n')) problem = why || 'incomplete chunked body';
  } else if (why === 'timeout') {
    problem = why;
  }
  return { status: Number(m[1]), headers, body, problem };
}

function dechunk(data: Buffer): string | undefined {
  let out = '';
  let at = 0;
  for (;;) {
    const line = data.indexOf('\r\n', at);
    if (line < 0) return undefined;
    const size = Number.parseInt(data.subarray(at, line).toString('latin1'), 16);
    if (Number.isNaN(size)) return undefined;
    if (size === 0) return out;
    out += data.subarray(line + 2, line + 2 + size).toString('utf8');
    at = line + 2 + size + 2;
  }
}

/** The stable JSON error of a response, or undefined when its body is not one. */
export function jsonError(res: RawResponse): { code: string; message: string } | undefined {
  try {
    const parsed = JSON.parse(res.body) as { error?: { code?: unknown; message?: unknown } };
    const e = parsed.error;
    if (e && typeof e.code === 'string' && /^[A-Z_]+$/.test(e.code) && typeof e.message === 'string')
      return { code: e.code, message: e.message };
  } catch {
    // Not JSON.
  }
  return undefined;
}

/** A WebSocket upgrade request for `target`, with extra header lines. */
export function upgradeRequest(target: string, extra: string[] = []): string {
  return [
    `GET ${target} HTTP/1.1`,
    'Host: 127.0.0.1',
    'Connection: Upgrade',
    'Upgrade: websocket',
    'Sec-WebSocket-Version: 13',
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
    ...extra,
    '',
    '',
  ].join('\r\n');
}
