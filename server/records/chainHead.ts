/**
 * The signed head of a negotiation's chains: how many snapshots and audit entries there are and
 * the last hash of each, signed with the server's Ed25519 key. Rewriting the records in the
 * database file changes the heads, and without the key no one can sign the new ones.
 */
import { z } from 'zod';
import type { HeadOrigin } from '../../shared/records.js';
import { canonicalJson } from '../../shared/snapshot.js';
import type { ChainEnd, ChainHeads, StoredHead } from '../storage/storage.js';
import { type SigningKey, verifySignature } from './signingKey.js';

/** What the signature vouches for about snapshots written before signing began (hash format 1). */
export interface LegacySeal {
  /** The first `snapshots` snapshots of the chain use format 1. */
  snapshots: number;
  /** `legacyDigest` of them (labels, authors, times, closures). */
  digest: string;
}

export type { HeadOrigin };

/** What a head says, as signed. */
export interface HeadBody extends ChainHeads {
  format: 1;
  /** The negotiation's id ('' for audit entries of no negotiation). */
  chain: string;
  /** The signing key (base64url raw Ed25519) and its id. */
  publicKey: string;
  keyId: string;
  signedAt: string;
  origin: HeadOrigin;
  legacy: LegacySeal | null;
}

const End = z.object({ count: z.number().int().min(0), hash: z.string() }).strict();
const HeadBodySchema = z
  .object({
    format: z.literal(1),
    chain: z.string(),
    snapshots: End,
    audit: End,
    publicKey: z.string(),
    keyId: z.string(),
    signedAt: z.string(),
    origin: z.object({ kind: z.enum(['new', 'first-use', 'resealed']), at: z.string() }).strict(),
    legacy: z
      .object({ snapshots: z.number().int().min(0), digest: z.string() })
      .strict()
      .nullable(),
  })
  .strict();

/** The text that is signed: a domain line, then the body's canonical JSON. */
function signedText(body: string): string {
  return `chain-head-v1\n${body}`;
}

/** Signs a head with `key`. */
export function signHead(
  key: SigningKey,
  body: Omit<HeadBody, 'format' | 'publicKey' | 'keyId'>,
): StoredHead {
  const text = canonicalJson({ ...body, format: 1, publicKey: key.publicKey, keyId: key.keyId });
  return { body: text, signature: key.sign(signedText(text)) };
}

/** What checking a stored head found. */
export type HeadCheck =
  | { status: 'valid'; body: HeadBody }
  /** Signed, validly, by another key than the server's. */
  | { status: 'other-key'; body: HeadBody }
  /** Its signature does not match its body, its body is unreadable, or it is another chain's. */
  | { status: 'invalid'; body: HeadBody | null }
  | { status: 'missing' };

/** Checks a stored head of `chain` against the server's key. */
export function checkHead(key: SigningKey, stored: StoredHead | undefined, chain: string): HeadCheck {
  if (!stored) return { status: 'missing' };
  let body: HeadBody;
  try {
    body = HeadBodySchema.parse(JSON.parse(stored.body));
  } catch {
    return { status: 'invalid', body: null };
  }
  const signed = verifySignature(body.publicKey, signedText(stored.body), stored.signature);
  if (!signed || body.chain !== chain) return { status: 'invalid', body };
  if (body.publicKey !== key.publicKey) return { status: 'other-key', body };
  return { status: 'valid', body };
}

/** True when two chain ends are the same. */
export function sameEnd(a: ChainEnd, b: ChainEnd): boolean {
  return a.count === b.count && a.hash === b.hash;
}
