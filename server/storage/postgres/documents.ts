/**
 * Collaborative documents on PostgreSQL: an append-only log of Yjs updates per document, numbered
 * without gaps from 1 (`doc_heads.last_seq` is the last number given), and a compacted state
 * covering the updates up to `doc_states.upto`.
 *
 * An append raises the document's head and inserts its updates in one statement, so in one
 * transaction: the head's row stays locked until that transaction commits, so appends of one
 * document, from any process, take their numbers one after another and become visible in number
 * order. A reader that sees number n has seen every number before it. A compaction locks the
 * state's row and moves it only forward, deleting the updates it covers and none after them.
 */
import type { StoredDoc } from '../storage.js';
import { toBytes } from './pools.js';
import type { Sql } from './units.js';

/** Rows of a document as read in one statement: its state (kind 0), then its updates (kind 1). */
type DocRow = { kind: number; seq: number; data: Buffer };

/** Documents' logs and compacted states on PostgreSQL. */
export class PgDocuments {
  constructor(private readonly sql: Sql) {}

  /** Stores `state` as a document's compacted state covering nothing (a new negotiation's draft). */
  async putInitialState(docName: string, state: Uint8Array): Promise<void> {
    await this.sql.query(
      `INSERT INTO doc_states (doc, state, upto) VALUES ($1, $2, 0)
         ON CONFLICT (doc) DO UPDATE SET state = excluded.state, upto = excluded.upto`,
      [docName, state],
    );
  }

  async loadDoc(docName: string): Promise<StoredDoc> {
    // One statement reads the state and the updates from one moment: a compaction that commits
    // in between cannot make updates fall between the two.
    const { rows } = await this.sql.query<DocRow>(
      `SELECT 0 AS kind, upto AS seq, state AS data FROM doc_states WHERE doc = $1
       UNION ALL
       SELECT 1, seq, data FROM doc_updates WHERE doc = $1
       ORDER BY kind, seq`,
      [docName],
    );
    const state = rows[0]?.kind === 0 ? rows[0] : undefined;
    const updates = state ? rows.slice(1) : rows;
    return {
      state: state ? toBytes(state.data) : null,
      updates: updates.map((r) => toBytes(r.data)),
      lastSeq: updates.length > 0 ? updates[updates.length - 1]!.seq : (state?.seq ?? 0),
    };
  }

  async appendUpdates(docName: string, updates: readonly Uint8Array[]): Promise<number> {
    if (updates.length === 0) return 0;
    const { rows } = await this.sql.query<{ last: number }>(
      `WITH head AS (
         INSERT INTO doc_heads (doc, last_seq) VALUES ($1, $2)
           ON CONFLICT (doc) DO UPDATE SET last_seq = doc_heads.last_seq + excluded.last_seq
           RETURNING last_seq
       ), added AS (
         INSERT INTO doc_updates (doc, seq, data)
           SELECT $1, head.last_seq - $2 + u.ord, u.data
             FROM head, unnest($3::bytea[]) WITH ORDINALITY AS u (data, ord)
           RETURNING seq
       )
       SELECT MAX(seq) AS last FROM added`,
      [docName, updates.length, updates],
    );
    return rows[0]!.last;
  }

  async updatesSince(docName: string, afterSeq: number): Promise<StoredDoc> {
    const { rows } = await this.sql.query<DocRow>(
      `WITH s AS (SELECT state, upto FROM doc_states WHERE doc = $1)
       SELECT 0 AS kind, upto AS seq, state AS data FROM s WHERE upto > $2
       UNION ALL
       SELECT 1, seq, data FROM doc_updates
        WHERE doc = $1 AND seq > GREATEST($2, COALESCE((SELECT upto FROM s), 0))
       ORDER BY kind, seq`,
      [docName, afterSeq],
    );
    const state = rows[0]?.kind === 0 ? rows[0] : undefined;
    const updates = state ? rows.slice(1) : rows;
    return {
      state: state ? toBytes(state.data) : null,
      updates: updates.map((r) => toBytes(r.data)),
      lastSeq: updates.length > 0 ? updates[updates.length - 1]!.seq : (state?.seq ?? afterSeq),
    };
  }

  compact(docName: string, state: Uint8Array, uptoSeq: number): Promise<void> {
    return this.sql.atomic(async () => {
      const head = await this.sql.query<{ last: number }>(
        'SELECT last_seq AS last FROM doc_heads WHERE doc = $1',
        [docName],
      );
      const last = head.rows[0]?.last ?? 0;
      // A state said to cover numbers not given yet would hide the updates that will take them.
      if (uptoSeq > last)
        throw new Error(`cannot compact ${docName} up to ${uptoSeq}: its last update is ${last}`);
      // The state's row is locked by the upsert; it moves only forward.
      const moved = await this.sql.query(
        `INSERT INTO doc_states (doc, state, upto) VALUES ($1, $2, $3)
           ON CONFLICT (doc) DO UPDATE SET state = excluded.state, upto = excluded.upto
           WHERE doc_states.upto < excluded.upto`,
        [docName, state, uptoSeq],
      );
      if (moved.rowCount === 0) return;
      await this.sql.query('DELETE FROM doc_updates WHERE doc = $1 AND seq <= $2', [docName, uptoSeq]);
    });
  }

  async countUpdates(docName: string): Promise<number> {
    const { rows } = await this.sql.query<{ n: number }>(
      'SELECT COUNT(*) AS n FROM doc_updates WHERE doc = $1',
      [docName],
    );
    return rows[0]!.n;
  }
}
