/**
 * Conditional GETs for pages that poll: the answer carries a strong entity tag (a hash of its
 * JSON), and a request whose `If-None-Match` names it gets 304 without a body. The origin
 * evaluates the precondition itself (RFC 9110, 13.1.2): browsers send `Cache-Control: no-cache`
 * with every conditional `fetch`, which Express's own freshness check takes as "always stale".
 */
import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';

/** The strong entity tag of a JSON text. */
export function entityTag(json: string): string {
  return `"${createHash('sha256').update(json).digest('base64url').slice(0, 32)}"`;
}

/** True when `If-None-Match` (a list of tags, weak or strong, or `*`) names `tag` (weak comparison). */
export function noneMatchNames(header: string | undefined, tag: string): boolean {
  if (!header) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return header.split(',').some((t) => t.trim() === '*' || bare(t) === bare(tag));
}

/** Sends `body` as JSON with its entity tag, or 304 when the request already holds it. */
export function sendJsonIfChanged(req: Request, res: Response, body: unknown): void {
  const json = JSON.stringify(body);
  const tag = entityTag(json);
  res.set('ETag', tag).set('Cache-Control', 'private, no-cache');
  if (noneMatchNames(req.get('if-none-match'), tag)) {
    res.status(304).end();
    return;
  }
  res.type('application/json').send(json);
}
