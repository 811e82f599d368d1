/**
 * Signing the heads as records are appended. The storage calls `extend` inside the transaction
 * of every append; it signs the new head only when the stored one is validly signed by this
 * server's key and is exactly where the chains stood before the append. Otherwise (records
 * rewritten, removed or added behind the server's back, or a head forged) it refuses, so that
 * the server never signs over a history it did not sign itself, and verification keeps
 * reporting the difference.
 */

import { closuresBySnapshot, legacyDigest } from '../readings/hashChain.js';
import type { ReadingRecord, SnapshotRecord } from '../storage/records.js';
import type { ChainHeads, HeadSealer, StoredHead } from '../storage/storage.js';
import {
  checkHead,
  type HeadBody,
  type HeadOrigin,
  type LegacySeal,
  sameEnd,
  signHead,
} from './chainHead.js';
import type { SigningKey } from './signingKey.js';

/** Why a head was not extended. */
export type SealRefusal = 'unsigned' | 'invalid' | 'other-key' | 'moved';

/** Options of `ChainSealer`. */
export interface SealerOptions {
  now?: () => Date;
  /** Told of each refusal (to log it). */
  onRefused?: (chain: string, reason: SealRefusal) => void;
}

const isEmpty = (h: ChainHeads) => h.snapshots.count === 0 && h.audit.count === 0;

/** The seal of a chain's format-1 snapshots, or null when it has none. */
function legacySeal(
  snapshots: readonly SnapshotRecord[],
  readings: readonly ReadingRecord[],
): LegacySeal | null {
  const legacy = snapshots.filter((s) => s.hashFormat === 1);
  if (legacy.length === 0) return null;
  return { snapshots: legacy.length, digest: legacyDigest(legacy, closuresBySnapshot(readings)) };
}

/** The `HeadSealer` of a server with `key`. */
export class ChainSealer implements HeadSealer {
  private readonly now: () => Date;
  /** The head this sealer signed last for each chain, with its body. */
  private readonly written = new Map<string, { head: StoredHead; body: HeadBody }>();

  constructor(
    private readonly key: SigningKey,
    private readonly opts: SealerOptions = {},
  ) {
    this.now = opts.now ?? (() => new Date());
  }

  extend(
    chain: string,
    previous: StoredHead | undefined,
    before: ChainHeads,
    after: ChainHeads,
  ): StoredHead | null {
    const signedAt = this.now().toISOString();
    if (!previous) {
      if (!isEmpty(before)) return this.refuse(chain, 'unsigned');
      return this.sign(chain, after, signedAt, { kind: 'new', at: signedAt }, null);
    }
    // The head this sealer signed last needs no second check of its signature.
    const mine = this.written.get(chain);
    const check =
      mine && mine.head.body === previous.body && mine.head.signature === previous.signature
        ? ({ status: 'valid', body: mine.body } as const)
        : checkHead(this.key, previous, chain);
    if (check.status !== 'valid')
      return this.refuse(chain, check.status === 'missing' ? 'unsigned' : check.status);
    const { body } = check;
    if (!sameEnd(body.snapshots, before.snapshots) || !sameEnd(body.audit, before.audit))
      return this.refuse(chain, 'moved');
    return this.sign(chain, after, signedAt, body.origin, body.legacy);
  }

  firstUse(
    chain: string,
    heads: ChainHeads,
    snapshots: readonly SnapshotRecord[],
    readings: readonly ReadingRecord[],
  ): StoredHead {
    return this.sealAsFound(chain, heads, snapshots, readings, 'first-use');
  }

  /** Signs a chain as its records are now, whatever was signed before (an administrator's decision). */
  reseal(
    chain: string,
    heads: ChainHeads,
    snapshots: readonly SnapshotRecord[],
    readings: readonly ReadingRecord[],
  ): StoredHead {
    return this.sealAsFound(chain, heads, snapshots, readings, 'resealed');
  }

  private sealAsFound(
    chain: string,
    heads: ChainHeads,
    snapshots: readonly SnapshotRecord[],
    readings: readonly ReadingRecord[],
    kind: HeadOrigin['kind'],
  ): StoredHead {
    const signedAt = this.now().toISOString();
    return signHead(this.key, {
      chain,
      ...heads,
      signedAt,
      origin: { kind, at: signedAt },
      legacy: legacySeal(snapshots, readings),
    });
  }

  private sign(
    chain: string,
    heads: ChainHeads,
    signedAt: string,
    origin: HeadOrigin,
    legacy: LegacySeal | null,
  ): StoredHead {
    const body = { chain, ...heads, signedAt, origin, legacy };
    const head = signHead(this.key, body);
    this.written.set(chain, {
      head,
      body: { ...body, format: 1, publicKey: this.key.publicKey, keyId: this.key.keyId },
    });
    return head;
  }

  private refuse(chain: string, reason: SealRefusal): null {
    this.opts.onRefused?.(chain, reason);
    return null;
  }
}
