/** SHA-256 in hex, the one hash every chain of records uses. */
import { createHash } from 'node:crypto';

/** The SHA-256 of `data` (a string is hashed as UTF-8), in lowercase hex. */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The hash a chain's first record links to: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);
