/**
 * The HTTP API as the client sees it (PROTOCOL.md, "HTTP"): JSON in, JSON out. Every answer is
 * checked against a schema before use; failures become `ApiError`s with a stable code for the UI
 * to turn into words. The calls themselves live next to the pages that use them
 * (`negotiationsApi.ts`, `session/sessionApi.ts`, `participants/participantsApi.ts`, …).
 */
import * as z from 'zod/mini';

/** Codes of failures that happen before the server answers, or when its answer is unreadable. */
export type ClientErrorCode = 'NETWORK' | 'BAD_RESPONSE';

/** A failed API call: a server `ErrorCode` or a `ClientErrorCode`. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  /** Facts the server gave with the error, e.g. `{ deadline, timeZone }` of a passed deadline. */
  readonly details: Readonly<Record<string, unknown>> | undefined;
  constructor(code: string, message: string, status = 0, details?: Readonly<Record<string, unknown>>) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

/** True when trying the same call again may succeed (network trouble, server trouble, rate limit). */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return (
    error.code === 'NETWORK' || error.code === 'BAD_RESPONSE' || error.status === 429 || error.status >= 500
  );
}

/** True when the error says there is no valid session (never signed in, expired or revoked). */
export function isSignedOutError(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'UNAUTHENTICATED' || error.code === 'SESSION_EXPIRED');
}

/** The roles a person can have in a negotiation. */
export const RoleSchema = z.enum(['facilitator', 'delegate', 'observer']);

/** A person's role in a negotiation. */
export type Role = z.infer<typeof RoleSchema>;

/** The server's error shape: `{ error: { code, message, details? } }`. */
const ErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.optional(z.string()),
    details: z.optional(z.record(z.string(), z.unknown())),
  }),
});

/** Any JSON answer; used when the caller does not need the body. */
const AnyBody = z.unknown();

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The answer of `request` with its entity tag; `unchanged` when the server answered 304 to `ifNoneMatch`. */
type Tagged<T> = { value: T; etag: string | null } | 'unchanged';

async function request<T>(
  method: Method,
  path: string,
  schema: z.ZodMiniType<T>,
  body: unknown,
  signal: AbortSignal | undefined,
): Promise<T> {
  const answer = await tagged(method, path, schema, body, signal, null);
  if (answer === 'unchanged') throw new ApiError('BAD_RESPONSE', `HTTP 304 from ${method} ${path}`, 304);
  return answer.value;
}

async function tagged<T>(
  method: Method,
  path: string,
  schema: z.ZodMiniType<T>,
  body: unknown,
  signal: AbortSignal | undefined,
  ifNoneMatch: string | null,
): Promise<Tagged<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (ifNoneMatch) headers['if-none-match'] = ifNoneMatch;
  const raw = body instanceof Blob;
  // Every state-changing request declares JSON, with or without a body: the server refuses others
  // (a type other pages cannot send here without a CORS preflight, which the server never grants).
  if (method !== 'GET') headers['content-type'] = raw ? body.type : 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? null : raw ? body : JSON.stringify(body),
      signal: signal ?? null,
      credentials: 'same-origin',
      // A conditional request is this code's own: the browser's cache must not answer it.
      ...(ifNoneMatch ? { cache: 'no-store' as const } : {}),
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError('NETWORK', error instanceof Error ? error.message : String(error));
  }
  if (response.status === 304 && ifNoneMatch) return 'unchanged';
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new ApiError('BAD_RESPONSE', `HTTP ${response.status}: not JSON`, response.status);
  }
  if (!response.ok) throw failureOf(response, json);
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new ApiError('BAD_RESPONSE', `unexpected answer from ${method} ${path}`, response.status);
  }
  return { value: parsed.data, etag: response.headers.get('etag') };
}

/**
 * GETs `path` with its entity tag; given the tag of an earlier answer, returns `unchanged`
 * when the server finds the resource as it was (HTTP 304), without a body.
 */
export function getJsonIfChanged<T>(
  path: string,
  schema: z.ZodMiniType<T>,
  etag: string | null,
  signal?: AbortSignal,
): Promise<Tagged<T>> {
  return tagged('GET', path, schema, undefined, signal, etag);
}

/** GETs `path` and checks the answer against `schema`. */
export function getJson<T>(path: string, schema: z.ZodMiniType<T>, signal?: AbortSignal): Promise<T> {
  return request('GET', path, schema, undefined, signal);
}

/**
 * Sends `body` (if any) as JSON with `method` (a `Blob` goes as is, with its own type); checks the answer against `schema` when given,
 * else returns it unchecked as `unknown`.
 */
export function sendJson(method: Method, path: string, body?: unknown): Promise<unknown>;
export function sendJson<T>(
  method: Method,
  path: string,
  body: unknown,
  schema: z.ZodMiniType<T>,
): Promise<T>;
export function sendJson<T>(
  method: Method,
  path: string,
  body?: unknown,
  schema?: z.ZodMiniType<T>,
): Promise<T | unknown> {
  return request(method, path, schema ?? AnyBody, body, undefined);
}

/** The `ApiError` of a failed answer whose body was `json`. */
function failureOf(response: Response, json: unknown): ApiError {
  const failure = ErrorBodySchema.safeParse(json);
  if (!failure.success) return new ApiError('BAD_RESPONSE', `HTTP ${response.status}`, response.status);
  const { code, message, details } = failure.data.error;
  return new ApiError(code, message ?? '', response.status, details);
}

/** A file the server sends, such as a Word export, with the name it suggests. */
export interface ApiFile {
  blob: Blob;
  /** From `Content-Disposition`; null when the server suggests none. */
  fileName: string | null;
}

/** GETs a file; a failure becomes an `ApiError` like any other call's. */
export async function getFile(path: string, signal?: AbortSignal): Promise<ApiFile> {
  let response: Response;
  try {
    response = await fetch(path, { signal: signal ?? null, credentials: 'same-origin' });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError('NETWORK', error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) throw failureOf(response, await response.json().catch(() => null));
  const disposition = response.headers.get('content-disposition') ?? '';
  const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? null;
  return { blob: await response.blob(), fileName };
}

/** The API path of a negotiation, with `rest` appended (each part URL-encoded). */
export function negotiationApiPath(negotiationId: string, ...rest: string[]): string {
  return ['/api/negotiations', negotiationId, ...rest]
    .map((p, i) => (i === 0 ? p : encodeURIComponent(p)))
    .join('/');
}
