/**
 * A seeded generator of hostile HTTP requests as raw bytes: request targets (valid routes with
 * mutated parameters, broken percent-escapes, absolute and authority forms, very long ones),
 * headers (random, duplicated, contradictory, huge) and bodies (malformed or deeply nested JSON,
 * wrong or missing content types, oversized), as plain requests and as WebSocket upgrades.
 * Every request is complete, so every one deserves an answer.
 */

/** A deterministic random source (mulberry32). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Helpers over a random source. */
export class Dice {
  constructor(readonly next: () => number) {}
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

const ROUTES = [
  'GET /api/health',
  'GET /api/me',
  'GET /api/negotiations',
  'POST /api/negotiations',
  'POST /api/auth/signin',
  'POST /api/auth/signout',
  'GET /api/calendar/:id.ics',
  'GET /api/negotiations/:n',
  'GET /api/negotiations/:n/timeline',
  'GET /api/negotiations/:n/proposals',
  'POST /api/negotiations/:n/proposals',
  'PATCH /api/negotiations/:n/proposals/:id',
  'GET /api/negotiations/:n/proposals/:id/history',
  'POST /api/negotiations/:n/proposals/:id/withdraw',
  'PUT /api/negotiations/:n/proposals/:id/support',
  'DELETE /api/negotiations/:n/proposals/:id/support',
  'PUT /api/negotiations/:n/proposals/:id/status',
  'POST /api/negotiations/:n/proposals/:id/apply',
  'PUT /api/negotiations/:n/paragraphs/:id/status',
  'GET /api/negotiations/:n/participants',
  'POST /api/negotiations/:n/invitations',
  'DELETE /api/negotiations/:n/invitations/:id',
  'DELETE /api/negotiations/:n/sessions/:id',
  'POST /api/negotiations/:n/participants/:id/links',
  'GET /api/negotiations/:n/audit',
  'POST /api/negotiations/:n/readings',
  'PUT /api/negotiations/:n/readings/:id/deadline',
  'GET /api/negotiations/:n/snapshots/:id',
  'DELETE /api/negotiations/:n/snapshots/:id',
  'GET /api/negotiations/:n/verify',
  'GET /api/negotiations/:n/compare?from=:id&to=:id',
  'GET /api/negotiations/:n/export/:id.docx?mode=:id',
  'GET /api/negotiations/:n/export/compare.docx?from=:id&to=:id',
  'POST /api/negotiations/:n/import/preview',
  'POST /api/negotiations/:n/import',
  'GET /api/negotiations/:n/roadmap',
  'GET /api/negotiations/:n/roadmap/next',
  'GET /api/negotiations/:n/roadmap.ics',
  'POST /api/negotiations/:n/roadmap',
  'PUT /api/negotiations/:n/roadmap/:id',
  'DELETE /api/negotiations/:n/roadmap/:id',
  'POST /api/negotiations/:n/roadmap/feed',
  'POST /api/negotiations/:n/questions',
  'GET /api/negotiations/:n/inputs?readingId=:id',
  'POST /api/negotiations/:n/inputs',
  'PATCH /api/negotiations/:n/inputs/:id',
  'GET /api/negotiations/:n/inputs/compilation?readingId=:id',
  'PUT /api/negotiations/:n/inputs/settings',
  'GET /',
  'GET /n/:n/roadmap',
  'GET /assets/:id.js',
  'GET /collab/:doc',
  'GET /collab/:doc',
  'GET /collab/:doc',
] as const;

const IDS = [
  'imrf-2022',
  'live',
  'op01',
  'pp1',
  '',
  '%',
  '%E0%A4%A',
  '%C0%AF',
  '%00',
  '%2e%2e%2f%2e%2e',
  '..',
  '__proto__',
  'constructor',
  '%F0%9F%98%80',
  'ä',
  '\u00ff',
  '{}',
  '%25',
  '-1',
  '1e999',
  'null',
  'a'.repeat(300),
];

const TARGET_MUTATIONS: ((t: string, d: Dice) => string)[] = [
  (t) => t,
  (t) => `${t}%`,
  (t, d) => t.replace(/\//g, () => (d.chance(0.2) ? '//' : '/')),
  (t) => `http://[::1${t}`,
  (t) => `//%${t}`,
  (t) => `http://127.0.0.1${t}`,
  () => '*',
  (t) => `${t}?${'a=%&'.repeat(50)}`,
  (t) => `${t}?from[__proto__]=1&to[]=x&to[]=y`,
  (t) => `${t}#frag`,
  (t, d) => t + '/x'.repeat(1 + d.int(3000)),
  (t) => t.toUpperCase(),
  (t) => `${t};%ZZ`,
];

const JSON_BODIES: ((d: Dice) => string)[] = [
  () => '',
  () => '{}',
  () => '{',
  () => '[]',
  () => 'null',
  () => '"text"',
  () => `{"token":"${'x'.repeat(50)}"}`,
  () => '{"__proto__":{"isAdmin":true}}',
  () => '{"constructor":{"prototype":{"polluted":1}}}',
  () => '{"kind":"amend","pid":"op01","baseText":"a","text":"b"}',
  () => '{"kind":"insert","pid":"op01","text":"\uFFFE\uD800"}',
  () => '{"deadline":"2099-01-01T00:00:00Z"}',
  () => '{"deadline":"not a date"}',
  () => '{"status":"agreed-ad-ref"}',
  () => '{"name":"x","role":"admin","delegation":null}',
  () => '{"doc":{"type":"doc","content":[{"type":"nope"}]}}',
  (d) => '['.repeat(1 + d.int(60_000)) + ']'.repeat(1 + d.int(10)),
  (d) => `${'{"a":'.repeat(1 + d.int(20_000))}1${'}'.repeat(1 + d.int(20_000))}`,
  () => `{"text":"${'a'.repeat(300_000)}"}`,
  () => '\u0000\u0001\u0002',
  () => '{"a":1,"a":2}',
];

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
  'application/x-www-form-urlencoded',
  'text/plain',
  'multipart/form-data; boundary=---x',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/JSON',
  'application/json-patch+json',
  '',
  ';;;',
];

const HEADER_MUTATIONS: ((d: Dice) => string[])[] = [
  () => [],
  () => ['Origin: https://evil.example'],
  () => ['Origin: null'],
  () => ['Sec-Fetch-Site: cross-site'],
  () => ['X-Forwarded-For: 1.2.3.4, 5.6.7.8', 'X-Forwarded-Proto: https', 'X-Forwarded-Host: evil.example'],
  (d) => [`X-Big: ${'b'.repeat(1 + d.int(40_000))}`],
  (d) => Array.from({ length: 1 + d.int(300) }, (_, i) => `X-Many-${i}: ${i}`),
  () => [`Cookie: nte_session=${'x'.repeat(43)}`],
  () => ['Cookie: nte_session=%; other=%E0'],
  (d) => [`Cookie: ${'a=b; '.repeat(1 + d.int(3000))}`],
  () => ['Content-Encoding: gzip'],
  () => ['Content-Encoding: br, identity, x-unknown'],
  () => ['Expect: 100-continue'],
  () => ['Expect: something-else'],
  () => ['Accept-Charset: none', 'Accept: */*;q=x'],
  () => ['If-None-Match: "x"', 'If-Modified-Since: yesterday', 'Range: bytes=9-1,a-b'],
  () => ['Host: '],
  () => ['X-Bad\u0001Header: 1'],
  () => ['Transfer-Encoding: chunked'],
  () => ['Content-Length: 5', 'Content-Length: 6'],
  () => ['Upgrade: h2c', 'Connection: Upgrade, HTTP2-Settings', 'HTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA'],
  () => [`Sec-WebSocket-Protocol: a, b, ${'c'.repeat(5000)}`],
];

/** One generated request: its bytes and a short description for failure messages. */
export interface FuzzRequest {
  bytes: Buffer;
  label: string;
  upgrade: boolean;
}

/** The next hostile request; `cookies` are valid session cookies to use now and then. */
export function fuzzRequest(d: Dice, cookies: readonly string[]): FuzzRequest {
  const route = d.pick(ROUTES);
  const [routeMethod, template] = route.split(' ') as [string, string];
  let target = template.replace(/:n|:id|:doc/g, (p) => {
    if (p === ':doc') return d.chance(0.7) ? d.pick(['draft.imrf-2022', 'proposals.imrf-2022']) : d.pick(IDS);
    return p === ':n' && d.chance(0.7) ? 'imrf-2022' : d.pick(IDS);
  });
  const upgrade = template.startsWith('/collab/') ? d.chance(0.8) : d.chance(0.05);
  if (d.chance(upgrade ? 0.3 : 0.6)) target = d.pick(TARGET_MUTATIONS)(target, d);
  const method = upgrade
    ? 'GET'
    : d.chance(0.85)
      ? routeMethod
      : d.pick([
          'GET',
          'POST',
          'PUT',
          'PATCH',
          'DELETE',
          'HEAD',
          'OPTIONS',
          'TRACE',
          'FOO',
          'get',
          'CONNECT',
        ]);
  const headers: string[] = [];
  if (!d.chance(0.05)) headers.push('Host: 127.0.0.1');
  if (d.chance(0.5) && cookies.length > 0) headers.push(`Cookie: ${d.pick(cookies)}`);
  if (upgrade) {
    headers.push('Connection: Upgrade', 'Upgrade: websocket');
    if (!d.chance(0.1)) headers.push(`Sec-WebSocket-Version: ${d.pick(['13', '13', '13', '8', 'x'])}`);
    if (!d.chance(0.1))
      headers.push(`Sec-WebSocket-Key: ${d.pick(['dGhlIHNhbXBsZSBub25jZQ==', 'short', ''])}`);
  } else {
    headers.push('Connection: close');
  }
  for (let i = d.int(3); i > 0; i--) headers.push(...d.pick(HEADER_MUTATIONS)(d));
  let body = '';
  if (!upgrade && (method !== 'GET' || d.chance(0.1))) {
    body = d.pick(JSON_BODIES)(d);
    if (!d.chance(0.1)) headers.push(`Content-Type: ${d.pick(CONTENT_TYPES)}`);
  }
  const payload = Buffer.from(body, 'utf8');
  const chunked = headers.includes('Transfer-Encoding: chunked');
  if (
    !chunked &&
    (payload.length > 0 || d.chance(0.5)) &&
    !headers.some((h) => h.startsWith('Content-Length'))
  )
    headers.push(`Content-Length: ${payload.length}`);
  const bodyBytes = chunked
    ? Buffer.concat([
        Buffer.from(`${payload.length.toString(16)}\r\n`),
        payload,
        Buffer.from('\r\n0\r\n\r\n'),
      ])
    : payload;
  const head = `${method} ${target} HTTP/1.1\r\n${headers.join('\r\n')}\r\n\r\n`;
  const label = `${method} ${target.slice(0, 120)}${target.length > 120 ? '…' : ''} [${headers
    .map((h) => h.slice(0, 60))
    .join(' | ')
    .slice(0, 400)}] body ${body.slice(0, 80)}${body.length > 80 ? `… (${body.length})` : ''}`;
  return { bytes: Buffer.concat([Buffer.from(head, 'latin1'), bodyBytes]), label, upgrade };
}
