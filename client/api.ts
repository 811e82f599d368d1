/**
 * The HTTP API as the client sees it (PROTOCOL.md, "HTTP"). Answers are checked before use;
 * failures become `ApiError`s with a stable code for the UI to turn into words.
 */

/** A negotiation as listed. */
export interface NegotiationSummary {
  id: string;
  title: string;
}

/** A negotiation as opened: its collaboration document name. */
export interface Negotiation extends NegotiationSummary {
  docName: string;
  /** False when the server says this person may only read the text (`me.canEditText`). */
  canEditText: boolean;
}

/** Codes of failures that happen before the server answers, or when its answer is unreadable. */
export type ClientErrorCode = 'NETWORK' | 'BAD_RESPONSE';

/** A failed API call: a server `ErrorCode` or a `ClientErrorCode`. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  constructor(code: string, message: string, status = 0) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
  }
}

/** True when trying the same call again may succeed (network trouble, server trouble, rate limit). */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return (
    error.code === 'NETWORK' || error.code === 'BAD_RESPONSE' || error.status === 429 || error.status >= 500
  );
}

type Guard<T> = (value: unknown) => value is T;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isSummary: Guard<NegotiationSummary> = (value): value is NegotiationSummary =>
  isRecord(value) && typeof value.id === 'string' && typeof value.title === 'string';

/** The fields of `GET /api/negotiations/:id` this client reads. */
interface NegotiationBody extends NegotiationSummary {
  docName: string;
  me?: { canEditText?: boolean };
}

const isNegotiationBody: Guard<NegotiationBody> = (value): value is NegotiationBody =>
  isRecord(value) &&
  isSummary(value) &&
  typeof value.docName === 'string' &&
  (value.me === undefined ||
    (isRecord(value.me) &&
      (value.me.canEditText === undefined || typeof value.me.canEditText === 'boolean')));

const isList: Guard<{ negotiations: NegotiationSummary[] }> = (
  value,
): value is { negotiations: NegotiationSummary[] } =>
  isRecord(value) && Array.isArray(value.negotiations) && value.negotiations.every(isSummary);

/** Reads `{ error: { code, message } }`, the server's error shape. */
function errorFrom(body: unknown, status: number): ApiError {
  if (isRecord(body) && isRecord(body.error) && typeof body.error.code === 'string') {
    const message = typeof body.error.message === 'string' ? body.error.message : '';
    return new ApiError(body.error.code, message, status);
  }
  return new ApiError('BAD_RESPONSE', `HTTP ${status}`, status);
}

async function getJson<T>(path: string, guard: Guard<T>, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { accept: 'application/json' }, signal: signal ?? null });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError('NETWORK', error instanceof Error ? error.message : String(error));
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new ApiError('BAD_RESPONSE', `HTTP ${response.status}: not JSON`, response.status);
  }
  if (!response.ok) throw errorFrom(body, response.status);
  if (!guard(body)) throw new ApiError('BAD_RESPONSE', `unexpected answer from ${path}`, response.status);
  return body;
}

/** All negotiations this browser may see. */
export async function fetchNegotiations(signal?: AbortSignal): Promise<NegotiationSummary[]> {
  return (await getJson('/api/negotiations', isList, signal)).negotiations;
}

/** One negotiation, with the name of its collaboration document. */
export async function fetchNegotiation(id: string, signal?: AbortSignal): Promise<Negotiation> {
  const body = await getJson(`/api/negotiations/${encodeURIComponent(id)}`, isNegotiationBody, signal);
  return {
    id: body.id,
    title: body.title,
    docName: body.docName,
    canEditText: body.me?.canEditText !== false,
  };
}
