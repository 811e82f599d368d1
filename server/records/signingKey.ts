/**
 * The server's signing key: Ed25519 (node:crypto), kept in a PEM file outside the database, so
 * that someone holding the database file alone cannot sign a rewritten history. Its public half
 * is published (GET …/verify) for anyone to check the signed heads.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** A key that signs chain heads. */
export interface SigningKey {
  /** The public key: the 32 raw bytes of Ed25519, base64url. */
  readonly publicKey: string;
  /** Its short name: the first 16 hex digits of the SHA-256 of the raw public key. */
  readonly keyId: string;
  /** The Ed25519 signature of `message` (UTF-8), base64url. */
  sign(message: string): string;
}

/** What happened when loading the key, for the log. */
export type KeyEvent =
  | { event: 'created'; file: string }
  | { event: 'permissions'; file: string; mode: string };

/** The Ed25519 public key as raw bytes in base64url (what `SigningKey.publicKey` holds). */
function rawPublicKey(key: KeyObject): string {
  const jwk = createPublicKey(key).export({ format: 'jwk' });
  if (jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') throw new Error('not an Ed25519 key');
  return jwk.x;
}

/** The key id of a public key given as base64url raw bytes. */
export function keyIdOf(publicKey: string): string {
  return createHash('sha256').update(Buffer.from(publicKey, 'base64url')).digest('hex').slice(0, 16);
}

/** A `SigningKey` over an Ed25519 private key in PEM (PKCS #8, as `openssl genpkey -algorithm ed25519` writes it). */
export function signingKeyFromPem(pem: string): SigningKey {
  const key = createPrivateKey(pem);
  if (key.asymmetricKeyType !== 'ed25519')
    throw new Error(`the signing key must be Ed25519, not ${key.asymmetricKeyType}`);
  const publicKey = rawPublicKey(key);
  return {
    publicKey,
    keyId: keyIdOf(publicKey),
    sign: (message) => sign(null, Buffer.from(message, 'utf8'), key).toString('base64url'),
  };
}

/** A new Ed25519 private key in PEM. */
export function newSigningKeyPem(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
}

/** True when `signature` (base64url) is `publicKey`'s Ed25519 signature of `message`. */
export function verifySignature(publicKey: string, message: string, signature: string): boolean {
  try {
    const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: publicKey }, format: 'jwk' });
    return verify(null, Buffer.from(message, 'utf8'), key, Buffer.from(signature, 'base64url'));
  } catch {
    return false;
  }
}

/**
 * Where the key is kept when the configuration names no file: beside the data directory (not in
 * it), e.g. `./data.signing-key.pem` for `./data`. Production keeps it elsewhere (a mounted secret).
 */
export function defaultKeyFile(dataDir: string): string {
  const dir = resolve(dataDir);
  return join(dirname(dir), `${basename(dir)}.signing-key.pem`);
}

/**
 * Loads the key from `file`. When the file does not exist and `create` is true, generates a key
 * into it, readable by its owner only (0600); otherwise a missing file is an error. A key file
 * that others may read is loaded but reported (`onEvent`).
 */
export function loadSigningKey(
  file: string,
  opts: { create: boolean; onEvent?: (e: KeyEvent) => void },
): SigningKey {
  if (!existsSync(file)) {
    if (!opts.create)
      throw new Error(
        `Signing key file ${file} does not exist (make one with: openssl genpkey -algorithm ed25519 -out ${file})`,
      );
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, newSigningKeyPem(), { mode: 0o600, flag: 'wx' });
    opts.onEvent?.({ event: 'created', file });
  }
  const mode = statSync(file).mode & 0o777;
  if ((mode & 0o077) !== 0) opts.onEvent?.({ event: 'permissions', file, mode: mode.toString(8) });
  try {
    return signingKeyFromPem(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(
      `Signing key file ${file} holds no usable Ed25519 private key: ${(err as Error).message}`,
    );
  }
}
