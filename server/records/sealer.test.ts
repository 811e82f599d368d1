import { describe, expect, it } from 'vitest';
import type { ChainHeads } from '../storage/storage.js';
import { checkHead } from './chainHead.js';
import { GENESIS_HASH } from './hashing.js';
import { ChainSealer, type SealRefusal } from './sealer.js';
import { newSigningKeyPem, signingKeyFromPem } from './signingKey.js';

const key = signingKeyFromPem(newSigningKeyPem());
const other = signingKeyFromPem(newSigningKeyPem());
const heads = (snapshots: number, audit: number): ChainHeads => ({
  snapshots: { count: snapshots, hash: snapshots === 0 ? GENESIS_HASH : `s${snapshots}` },
  audit: { count: audit, hash: audit === 0 ? GENESIS_HASH : `a${audit}` },
});

function sealer(k = key) {
  const refused: SealRefusal[] = [];
  let t = Date.parse('2022-03-17T12:00:00Z');
  const s = new ChainSealer(k, {
    now: () => {
      t += 1000;
      return new Date(t);
    },
    onRefused: (_chain, reason) => refused.push(reason),
  });
  return { s, refused };
}

describe('sealing chain heads', () => {
  it('signs a new chain from its first record, then each append that extends the signed head', () => {
    const { s, refused } = sealer();
    const first = s.extend('n', undefined, heads(0, 0), heads(0, 1))!;
    const checked = checkHead(key, first, 'n');
    expect(checked).toMatchObject({
      status: 'valid',
      body: { chain: 'n', audit: { count: 1 }, origin: { kind: 'new' }, keyId: key.keyId },
    });
    const second = s.extend('n', first, heads(0, 1), heads(1, 1))!;
    expect(checkHead(key, second, 'n')).toMatchObject({
      status: 'valid',
      body: { snapshots: { count: 1, hash: 's1' }, origin: { kind: 'new', at: '2022-03-17T12:00:01.000Z' } },
    });
    expect(refused).toEqual([]);
  });

  it('refuses to sign over records it did not see signed', () => {
    const { s, refused } = sealer();
    const head = s.extend('n', undefined, heads(0, 0), heads(1, 1))!;
    // No head although records exist; records added, rewritten or removed behind its back.
    expect(s.extend('n', undefined, heads(1, 1), heads(1, 2))).toBeNull();
    expect(s.extend('n', head, heads(1, 2), heads(1, 3))).toBeNull();
    expect(
      s.extend('n', head, { ...heads(1, 1), snapshots: { count: 1, hash: 'forged' } }, heads(2, 1)),
    ).toBeNull();
    // A head of another chain, a forged body, a head signed by another key.
    expect(s.extend('m', head, heads(1, 1), heads(1, 2))).toBeNull();
    expect(
      s.extend('n', { ...head, body: head.body.replace('"count":1', '"count":0') }, heads(0, 1), heads(0, 2)),
    ).toBeNull();
    const foreign = sealer(other).s.extend('n', undefined, heads(0, 0), heads(1, 1))!;
    expect(s.extend('n', foreign, heads(1, 1), heads(1, 2))).toBeNull();
    expect(refused).toEqual(['unsigned', 'moved', 'moved', 'invalid', 'invalid', 'other-key']);
  });

  it('vouches for records found unsigned as trusted on first use, and keeps saying so', () => {
    const { s } = sealer();
    const first = s.firstUse('n', heads(0, 4), [], []);
    expect(checkHead(key, first, 'n')).toMatchObject({
      status: 'valid',
      body: { origin: { kind: 'first-use' }, legacy: null },
    });
    const next = s.extend('n', first, heads(0, 4), heads(0, 5))!;
    expect(checkHead(key, next, 'n')).toMatchObject({
      status: 'valid',
      body: { origin: { kind: 'first-use', at: '2022-03-17T12:00:01.000Z' } },
    });
  });
});
