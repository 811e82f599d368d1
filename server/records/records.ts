/**
 * The records service: verifies a negotiation's records (`verification.ts`) and gives the chain
 * head that exports and the print page show.
 */
import type { RecordStamp, RecordsReport } from '../../shared/records.js';
import type { Storage } from '../storage/storage.js';
import { checkHead, sameEnd } from './chainHead.js';
import type { SigningKey } from './signingKey.js';
import { verifyRecords } from './verification.js';

/** Verification and chain heads of every negotiation's records. */
export class Records {
  constructor(
    private readonly storage: Storage,
    readonly key: SigningKey,
  ) {}

  /** Verifies a negotiation's records; `auditAt` asks for the hash at that position of its audit chain. */
  async verify(negotiationId: string, auditAt?: number): Promise<RecordsReport> {
    const [snapshots, readings, audit, stored] = await Promise.all([
      this.storage.readings.listSnapshots(negotiationId),
      this.storage.readings.listReadings(negotiationId),
      this.storage.chains.auditChain(negotiationId),
      this.storage.chains.signedHead(negotiationId),
    ]);
    return verifyRecords({
      chain: negotiationId,
      key: this.key,
      snapshots,
      readings,
      audit,
      stored,
      auditAt,
    });
  }

  /** The head of a negotiation's snapshots, and whether the server's key signed it as it stands. */
  async stamp(negotiationId: string): Promise<RecordStamp> {
    const [heads, stored] = await Promise.all([
      this.storage.chains.heads(negotiationId),
      this.storage.chains.signedHead(negotiationId),
    ]);
    const check = checkHead(this.key, stored, negotiationId);
    const signed =
      check.status === 'valid' &&
      sameEnd(check.body.snapshots, heads.snapshots) &&
      sameEnd(check.body.audit, heads.audit);
    return { head: heads.snapshots.hash, records: heads.snapshots.count, signed, keyId: this.key.keyId };
  }
}
