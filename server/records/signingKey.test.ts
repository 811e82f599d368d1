import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  defaultKeyFile,
  type KeyEvent,
  keyIdOf,
  loadSigningKey,
  newSigningKeyPem,
  signingKeyFromPem,
  verifySignature,
} from './signingKey.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'key-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the signing key', () => {
  it('is generated on first start into a file only its owner can read, and the same key is loaded after', () => {
    const file = join(tempDir(), 'keys', 'signing-key.pem');
    const events: KeyEvent[] = [];
    const first = loadSigningKey(file, { create: true, onEvent: (e) => events.push(e) });
    expect(events).toEqual([{ event: 'created', file }]);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    const again = loadSigningKey(file, { create: true });
    expect(again.publicKey).toBe(first.publicKey);
    expect(again.keyId).toBe(keyIdOf(first.publicKey));
    expect(again.keyId).toMatch(/^[0-9a-f]{16}$/);
  });

  it('lives beside the data directory by default, not in it', () => {
    expect(defaultKeyFile('/srv/app/data')).toBe('/srv/app/data.signing-key.pem');
    expect(defaultKeyFile('/srv/app/data/')).toBe('/srv/app/data.signing-key.pem');
  });

  it('refuses a configured file that is missing or holds no Ed25519 key, and reports one others can read', () => {
    const dir = tempDir();
    expect(() => loadSigningKey(join(dir, 'none.pem'), { create: false })).toThrow(
      /does not exist.*openssl genpkey/,
    );
    const rsa = join(dir, 'rsa.pem');
    writeFileSync(
      rsa,
      generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ format: 'pem', type: 'pkcs8' }),
      { mode: 0o600 },
    );
    expect(() => loadSigningKey(rsa, { create: false })).toThrow(/no usable Ed25519 private key.*rsa/);
    const open = join(dir, 'open.pem');
    writeFileSync(open, newSigningKeyPem(), { mode: 0o644 });
    const events: KeyEvent[] = [];
    loadSigningKey(open, { create: false, onEvent: (e) => events.push(e) });
    expect(events).toEqual([{ event: 'permissions', file: open, mode: '644' }]);
  });

  it('signs so that its public key, and only it, verifies', () => {
    const key = signingKeyFromPem(newSigningKeyPem());
    const other = signingKeyFromPem(newSigningKeyPem());
    const signature = key.sign('head');
    expect(verifySignature(key.publicKey, 'head', signature)).toBe(true);
    expect(verifySignature(key.publicKey, 'head!', signature)).toBe(false);
    expect(verifySignature(other.publicKey, 'head', signature)).toBe(false);
    expect(verifySignature('not a key', 'head', signature)).toBe(false);
  });
});
