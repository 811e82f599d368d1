/** Secret tokens for sign-in links and session cookies; only their hashes are stored. */
import { createHash, randomBytes } from 'node:crypto';

/** A new secret token: 32 random bytes, base64url. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The stored form of a token: its SHA-256, hex. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
