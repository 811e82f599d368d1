/**
 * Prepared statements kept by their SQL text. better-sqlite3 compiles the SQL again on every
 * `prepare`, and a statement's native memory is freed only once V8 collects its object, which
 * it does late because it does not see that memory: under load the C heap grew and fragmented
 * by megabytes a minute. Here each SQL text is prepared once.
 */
import type Database from 'better-sqlite3';

/** Prepares `sql`, or returns the statement prepared for the same text before. */
export type Prepare = (sql: string) => Database.Statement;

/** Statements kept at most; SQL built for a varying number of parameters goes oldest first. */
const MAX_STATEMENTS = 500;

/** A `Prepare` for `db` that keeps what it prepares. */
export function statementCache(db: Database.Database): Prepare {
  const cache = new Map<string, Database.Statement>();
  return (sql) => {
    const known = cache.get(sql);
    if (known) return known;
    const made = db.prepare(sql);
    if (cache.size >= MAX_STATEMENTS) cache.delete(cache.keys().next().value!);
    cache.set(sql, made);
    return made;
  };
}
