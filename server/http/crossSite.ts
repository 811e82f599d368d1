/**
 * Refusal of cross-site requests. A browser attaches the session cookie to requests another page
 * makes, so every request that changes state must show it comes from this app: its `Origin` (and
 * `Sec-Fetch-Site`, where the browser sends it) names the server itself or an origin the
 * configuration trusts, and its body is JSON, a type no page can send elsewhere without the CORS
 * preflight this server never grants. The WebSocket upgrade applies the same origin rule.
 */
import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import { AppError } from '../../shared/errors.js';

/** Origins trusted besides the server's own host: `PUBLIC_URL`'s and `ALLOWED_ORIGINS`. */
export interface OriginPolicy {
  /** Exact origins (`https://example.org`), compared as strings after normalisation. */
  readonly trusted: readonly string[];
  /** True when the peer at this address is a proxy whose `X-Forwarded-Host` is believed (`TRUST_PROXY`). */
  readonly trustsProxy: (address: string | undefined) => boolean;
}

/**
 * The host a request was sent to: `Host`, or the first `X-Forwarded-Host` when it comes through a
 * trusted proxy (as Express's `req.host` reads it).
 */
export function requestHost(req: IncomingMessage, policy: OriginPolicy): string | undefined {
  const forwarded = req.headers['x-forwarded-host'];
  if (typeof forwarded === 'string' && forwarded !== '' && policy.trustsProxy(req.socket.remoteAddress))
    return forwarded.split(',')[0]!.trim();
  return req.headers.host;
}

/** The origin of a URL (`scheme://host[:port]`), or undefined when it is not an http(s) URL. */
export function originOf(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * True when the headers show a request from this app or a trusted origin. A request without
 * `Origin` comes from no browser (browsers send it on every state-changing request and WebSocket),
 * so it carries no cookie a page could abuse; `Origin: null` (sandboxed or privacy-redirected
 * pages) is refused. An origin on the server's own host is accepted unless the browser says the
 * request crossed sites.
 */
export function originAllowed(req: IncomingMessage, policy: OriginPolicy): boolean {
  const origin = req.headers.origin;
  const fetchSite = req.headers['sec-fetch-site'];
  const trusted = origin !== undefined && policy.trusted.includes(originOf(origin) ?? '');
  if (trusted) return true;
  if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') return false;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === requestHost(req, policy);
  } catch {
    return false;
  }
}

/** Methods that change state; every other method only reads. */
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Media type JSON bodies must declare (any charset). */
const JSON_TYPE = 'application/json';

/** A route that takes an upload of another exact media type instead of JSON (one entry per type). */
export interface UploadRoute {
  path: RegExp;
  type: string;
}

/**
 * Middleware: a state-changing request from another origin answers 403 ORIGIN_REFUSED; one whose
 * `Content-Type` is not JSON (or, on an upload route, its exact type) answers 415
 * UNSUPPORTED_MEDIA_TYPE, even without a body.
 */
export function refuseCrossSite(policy: OriginPolicy, uploads: readonly UploadRoute[] = []): RequestHandler {
  return (req, _res, next) => {
    if (!STATE_CHANGING.has(req.method)) return next();
    if (!originAllowed(req, policy))
      throw new AppError('ORIGIN_REFUSED', 'Requests from another site are not accepted.');
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    const accepted = uploads.filter((u) => u.path.test(req.path)).map((u) => u.type);
    if (type !== JSON_TYPE && !accepted.includes(type)) {
      throw new AppError(
        'UNSUPPORTED_MEDIA_TYPE',
        accepted.length > 0
          ? `Send this request as JSON or as ${accepted.join(', ')}.`
          : 'Send this request as JSON (Content-Type: application/json).',
      );
    }
    next();
  };
}
