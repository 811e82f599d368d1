/** Signing test clients in through the real HTTP API. */

/** Redeems a sign-in token at `baseUrl`; returns the `Cookie` header value of the session. */
export async function redeem(baseUrl: string, token: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/signin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const setCookie = res.headers.get('set-cookie') ?? '';
  const cookie = setCookie.split(';')[0]!;
  if (!cookie.includes('=')) throw new Error('no session cookie');
  return cookie;
}

/** Sends a JSON request with a session cookie (and `headers`, which win); returns status and parsed body. */
export async function api<T = Record<string, unknown>>(
  baseUrl: string,
  method: string,
  path: string,
  opts: { cookie?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = {};
  if (opts.cookie) headers.cookie = opts.cookie;
  // As the browser client does: every request but a GET declares JSON, with or without a body.
  if (method !== 'GET') headers['content-type'] = 'application/json';
  Object.assign(headers, opts.headers);
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: opts.rawBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as T };
}
