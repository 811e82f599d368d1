/**
 * `ChainStore` on PostgreSQL, and the sealing of every append: the records appended and the
 * signed head of their chain are written in one transaction, as on SQLite (`../sqliteChains.ts`).
 *
 * Several processes may append to one chain. Each append first takes the chain's lock
 * (`pg_advisory_xact_lock`, held until the transaction ends), then reads the chain's end, appends
 * after it and seals the new head: a second process appending to the same chain waits for the
 * first to commit and then appends after its record, so the chain never forks and the signed head
 * is always extended from the head the previous append stored. (An advisory lock rather than a
 * lock on the `chain_heads` row: that row exists only once a head is signed, and the lock must
 * hold from a chain's very first record.) The unique (chain, position) and (negotiation, seq)
 * constraints refuse a fork even from a writer that skipped the lock.
 */
import { type AuditFields, type AuditLink, auditChainOf, nextAuditLink } from '../../records/auditChain.js';
import { GENESIS_HASH } from '../../records/hashing.js';
import type {
  AuditChainRecord,
  ChainEnd,
  ChainHeads,
  ChainStore,
  HeadSealer,
  StoredHead,
} from '../storage.js';
import { lockKey } from './pools.js';
import type { Sql } from './units.js';

const AUDIT_LINK = `seq, at, negotiation_id AS "negotiationId", person_id AS "personId", person_name AS "personName",
  delegation, action, detail, position, prev_hash AS "prevHash", hash`;

const EMPTY: ChainEnd = { count: 0, hash: GENESIS_HASH };

/** Chains and signed heads on PostgreSQL. */
export class PgChains implements ChainStore {
  private sealer: HeadSealer | undefined;

  constructor(private readonly sql: Sql) {}

  /** Signs chain heads from now on with `sealer` (none: records are appended unsigned). */
  setSealer(sealer: HeadSealer | undefined): void {
    this.sealer = sealer;
  }

  /**
   * Runs `append`, which adds records to `chain`, in one transaction with the sealing of the new
   * head, holding the chain's lock.
   */
  appendSealed<T>(chain: string, append: () => Promise<T>): Promise<T> {
    return this.sql.atomic(async () => {
      await this.sql.query('SELECT pg_advisory_xact_lock($1)', [lockKey(`chain:${chain}`)]);
      const before = await this.heads(chain);
      const result = await append();
      if (this.sealer) {
        const [previous, after] = await Promise.all([this.signedHead(chain), this.heads(chain)]);
        const sealed = this.sealer.extend(chain, previous, before, after);
        if (sealed) await this.putSignedHead(chain, sealed);
      }
      return result;
    });
  }

  /** Appends an audit entry at the end of its chain; returns it with its link. */
  appendAudit(fields: AuditFields): Promise<AuditLink> {
    const chain = auditChainOf(fields.negotiationId);
    return this.appendSealed(chain, async () => {
      const link = nextAuditLink(await this.lastAudit(chain), fields);
      await this.sql.query(
        `INSERT INTO audit (at, negotiation_id, person_id, person_name, delegation, action, detail, position, prev_hash, hash)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
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
        ],
      );
      return link;
    });
  }

  async heads(chain: string): Promise<ChainHeads> {
    // One statement, so that both ends are read from the same moment.
    const { rows } = await this.sql.query<{
      sCount: number | null;
      sHash: string | null;
      aCount: number | null;
      aHash: string | null;
    }>(
      `SELECT s.seq AS "sCount", s.hash AS "sHash", a.position AS "aCount", a.hash AS "aHash"
         FROM (SELECT 1) AS one
         LEFT JOIN LATERAL (SELECT seq, hash FROM snapshots WHERE negotiation_id = $1 ORDER BY seq DESC LIMIT 1) s ON TRUE
         LEFT JOIN LATERAL (SELECT position, hash FROM audit WHERE chain = $1 ORDER BY position DESC LIMIT 1) a ON TRUE`,
      [chain],
    );
    const r = rows[0]!;
    return {
      snapshots: r.sCount === null ? EMPTY : { count: r.sCount, hash: r.sHash! },
      audit: r.aCount === null ? EMPTY : { count: r.aCount, hash: r.aHash! },
    };
  }

  async signedHead(chain: string): Promise<StoredHead | undefined> {
    const { rows } = await this.sql.query<StoredHead>(
      'SELECT body, signature FROM chain_heads WHERE chain = $1',
      [chain],
    );
    return rows[0];
  }

  async putSignedHead(chain: string, head: StoredHead): Promise<void> {
    await this.sql.query(
      `INSERT INTO chain_heads (chain, body, signature) VALUES ($1, $2, $3)
         ON CONFLICT (chain) DO UPDATE SET body = excluded.body, signature = excluded.signature`,
      [chain, head.body, head.signature],
    );
  }

  async snapshotLinks(chain: string): Promise<{ seq: number; id: string; hash: string }[]> {
    const { rows } = await this.sql.query<{ seq: number; id: string; hash: string }>(
      'SELECT seq, id, hash FROM snapshots WHERE negotiation_id = $1 ORDER BY seq',
      [chain],
    );
    return rows;
  }

  async auditChain(chain: string): Promise<AuditChainRecord[]> {
    const { rows } = await this.sql.query<AuditChainRecord>(
      `SELECT ${AUDIT_LINK} FROM audit WHERE chain = $1 ORDER BY position`,
      [chain],
    );
    return rows;
  }

  async auditHashAt(chain: string, position: number): Promise<string | undefined> {
    const { rows } = await this.sql.query<{ hash: string }>(
      'SELECT hash FROM audit WHERE chain = $1 AND position = $2',
      [chain, position],
    );
    return rows[0]?.hash;
  }

  async chains(): Promise<string[]> {
    const { rows } = await this.sql.query<{ chain: string }>(
      'SELECT negotiation_id AS chain FROM snapshots UNION SELECT chain FROM audit ORDER BY chain',
    );
    return rows.map((r) => r.chain);
  }

  private async lastAudit(chain: string): Promise<{ position: number; hash: string } | undefined> {
    const { rows } = await this.sql.query<{ position: number; hash: string }>(
      'SELECT position, hash FROM audit WHERE chain = $1 ORDER BY position DESC LIMIT 1',
      [chain],
    );
    return rows[0];
  }
}
