/**
 * The connections of the PostgreSQL back end: two pools on one database, and the keys of its
 * advisory locks.
 *
 * The work pool runs queries and units of work. The lock pool only holds the session-level
 * advisory locks of `serialize` (`units.ts`), one connection per scope being serialised in this
 * process. They are kept apart because a serialised command holds its lock connection while its
 * own units of work take connections from the work pool: from a single pool, as many commands of
 * different negotiations as there are connections would each hold one and wait forever for a
 * second. With two pools a lock holder only ever waits for a work connection, and work
 * connections are never held while waiting for a lock (never serialise inside a unit of work).
 * A process therefore opens at most `poolSize + lockPoolSize` connections (10 + 10 by default);
 * PostgreSQL's default `max_connections` of 100 leaves room for several processes.
 */
import { createHash } from 'node:crypto';
import pg from 'pg';

/** Options of the pools. */
export interface PoolOptions {
  /** Connections for queries and units of work (default 10). */
  poolSize?: number;
  /** Connections holding `serialize`'s locks, one per scope serialised at once (default 10). */
  lockPoolSize?: number;
  /** Told of a connection that failed while idle or while held (the database restarted, …). */
  onConnectionError?: (err: Error) => void;
}

/** The pools of one storage. */
export interface Pools {
  work: pg.Pool;
  locks: pg.Pool;
}

/** OID of PostgreSQL's `bigint`, which `pg` returns as a string by default. */
const INT8_OID = 20;

/**
 * Type parsing as the SQLite back end returns values: `bigint` (identity columns, sequence
 * numbers, `COUNT`) as a JavaScript number. Every such value here stays far below 2^53.
 */
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary'
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

/** Opens the two pools on `url` (a `postgres://` connection string). */
export function openPools(url: string, opts: PoolOptions = {}): Pools {
  const make = (max: number) => {
    const pool = new pg.Pool({ connectionString: url, max, types });
    // An idle connection that the server closes (a restart) must not crash the process: the pool
    // drops it and opens a new one when next needed.
    pool.on('error', (err) => opts.onConnectionError?.(err));
    return pool;
  };
  return { work: make(opts.poolSize ?? 10), locks: make(opts.lockPoolSize ?? 10) };
}

/**
 * The 64-bit advisory lock key of `name` (the first 8 bytes of its SHA-256), as the decimal text
 * PostgreSQL reads as a `bigint`. Two names share a key with negligible probability, and would
 * then only wait for each other.
 */
export function lockKey(name: string): string {
  return createHash('sha256').update(`negotiated-text:${name}`).digest().readBigInt64BE(0).toString();
}

/** A `bytea` value as `pg` returns it (a Buffer, maybe a view of a shared one), copied out. */
export function toBytes(value: Buffer): Uint8Array {
  return new Uint8Array(value);
}
