/**
 * `ChainStore` on SQLite, and the sealing of every append: the rows appended and the signed head
 * of their chain are written in one transaction, so the stored head is never behind the rows
 * this server wrote.
 */
import type Database from 'better-sqlite3';
import { type AuditFields, type AuditLink, auditChainOf, nextAuditLink } from '../records/auditChain.js';
import { GENESIS_HASH } from '../records/hashing.js';
import type { ReadingRecord, SnapshotRecord } from './records.js';
import type { Prepare } from './statements.js';
import type {
  AuditChainRecord,
  ChainEnd,
  ChainHeads,
  ChainStore,
  HeadSealer,
  StoredHead,
} from './storage.js';

const AUDIT_LINK = `at, negotiation_id AS negotiationId, person_id AS personId, person_name AS personName,
  delegation, action, detail, position, prev_hash AS prevHash, hash`;

const EMPTY: ChainEnd = { count: 0, hash: GENESIS_HASH };

/**
 * Gives every audit row without a place in its chain one, oldest first (the migration that made
 * the audit log a chain runs it on the rows written before).
 */
export function chainAuditRows(db: Database.Database): void {
  const rows = db
    .prepare(
      `SELECT seq, at, negotiation_id AS negotiationId, person_id AS personId, person_name AS personName,
              delegation, action, detail FROM audit WHERE position IS NULL ORDER BY seq`,
    )
    .all() as (AuditFields & { seq: number })[];
  const last = new Map<string, { position: number; hash: string }>();
  const set = db.prepare('UPDATE audit SET position = ?, prev_hash = ?, hash = ? WHERE seq = ?');
  for (const row of rows) {
    const chain = auditChainOf(row.negotiationId);
    const { seq, ...fields } = row;
    const link = nextAuditLink(last.get(chain), fields);
    set.run(link.position, link.prevHash, link.hash, seq);
    last.set(chain, link);
  }
}

/** Chains and signed heads on SQLite. */
export class SqliteChains implements ChainStore {
  private sealer: HeadSealer | undefined;

  constructor(
    private readonly db: Database.Database,
    private readonly prepare: Prepare,
  ) {}

  /** Signs chain heads from now on with `sealer` (none: rows are appended unsigned). */
  setSealer(sealer: HeadSealer | undefined): void {
    this.sealer = sealer;
  }

  /** Runs `append`, which adds records to `chain`, in one transaction with the sealing of the new head. */
  appendSealed<T>(chain: string, append: () => T): T {
    return this.db.transaction(() => {
      const before = this.headsNow(chain);
      const result = append();
      if (this.sealer) {
        const sealed = this.sealer.extend(chain, this.signedNow(chain), before, this.headsNow(chain));
        if (sealed) this.putNow(chain, sealed);
      }
      return result;
    })();
  }

  /** Appends an audit entry at the end of its chain; returns it with its link. */
  appendAudit(fields: AuditFields): AuditLink {
    const chain = auditChainOf(fields.negotiationId);
    return this.appendSealed(chain, () => {
      const link = nextAuditLink(this.lastAudit(chain), fields);
      this.prepare(
        `INSERT INTO audit (at, negotiation_id, person_id, person_name, delegation, action, detail, position, prev_hash, hash)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        link.at,
        link.negotiationId,
        link.personId,
        link.personName,
        link.delegation,
        link.action,
        link.detail,
        link.position,
        link.prevHash,
        link.hash,
      );
      return link;
    });
  }

  /**
   * Signs, as trusted on first use, every chain that has records but no signed head (a database
   * written before signing began). Does nothing without a sealer.
   */
  sealFirstUse(load: (chain: string) => { snapshots: SnapshotRecord[]; readings: ReadingRecord[] }): void {
    const sealer = this.sealer;
    if (!sealer) return;
    this.db.transaction(() => {
      for (const chain of this.chainsNow()) {
        if (this.signedNow(chain)) continue;
        const { snapshots, readings } = load(chain);
        this.putNow(chain, sealer.firstUse(chain, this.headsNow(chain), snapshots, readings));
      }
    })();
  }

  async heads(chain: string): Promise<ChainHeads> {
    return this.headsNow(chain);
  }

  async signedHead(chain: string): Promise<StoredHead | undefined> {
    return this.signedNow(chain);
  }

  async putSignedHead(chain: string, head: StoredHead): Promise<void> {
    this.putNow(chain, head);
  }

  async snapshotLinks(chain: string): Promise<{ seq: number; id: string; hash: string }[]> {
    return this.prepare('SELECT seq, id, hash FROM snapshots WHERE negotiation_id = ? ORDER BY seq').all(
      chain,
    ) as { seq: number; id: string; hash: string }[];
  }

  async auditChain(chain: string): Promise<AuditChainRecord[]> {
    return this.prepare(
      `SELECT seq, ${AUDIT_LINK} FROM audit WHERE COALESCE(negotiation_id, '') = ? ORDER BY position`,
    ).all(chain) as AuditChainRecord[];
  }

  async auditHashAt(chain: string, position: number): Promise<string | undefined> {
    const row = this.prepare(
      `SELECT hash FROM audit WHERE COALESCE(negotiation_id, '') = ? AND position = ?`,
    ).get(chain, position) as { hash: string } | undefined;
    return row?.hash;
  }

  async chains(): Promise<string[]> {
    return this.chainsNow();
  }

  private chainsNow(): string[] {
    return (
      this.prepare(
        `SELECT negotiation_id AS chain FROM snapshots
         UNION SELECT COALESCE(negotiation_id, '') FROM audit ORDER BY chain`,
      ).all() as { chain: string }[]
    ).map((r) => r.chain);
  }

  private headsNow(chain: string): ChainHeads {
    const snapshot = this.prepare(
      'SELECT seq AS count, hash FROM snapshots WHERE negotiation_id = ? ORDER BY seq DESC LIMIT 1',
    ).get(chain) as ChainEnd | undefined;
    const audit = this.lastAudit(chain);
    return {
      snapshots: snapshot ?? EMPTY,
      audit: audit ? { count: audit.position, hash: audit.hash } : EMPTY,
    };
  }

  private lastAudit(chain: string): { position: number; hash: string } | undefined {
    return this.prepare(
      `SELECT position, hash FROM audit WHERE COALESCE(negotiation_id, '') = ? ORDER BY position DESC LIMIT 1`,
    ).get(chain) as { position: number; hash: string } | undefined;
  }

  private signedNow(chain: string): StoredHead | undefined {
    return this.prepare('SELECT body, signature FROM chain_heads WHERE chain = ?').get(chain) as
      | StoredHead
      | undefined;
  }

  private putNow(chain: string, head: StoredHead): void {
    this.prepare(
      `INSERT INTO chain_heads (chain, body, signature) VALUES (?, ?, ?)
         ON CONFLICT (chain) DO UPDATE SET body = excluded.body, signature = excluded.signature`,
    ).run(chain, head.body, head.signature);
  }
}
