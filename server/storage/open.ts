/**
 * Which storage a process opens: PostgreSQL when a database URL is configured (`DATABASE_URL`,
 * for several processes sharing one database), the embedded SQLite file otherwise (the default).
 */
import type { Logger } from '../logger.js';
import { openPostgresStorage } from './postgres/postgres.js';
import { openSqliteStorage } from './sqlite.js';
import type { HeadSealer, Storage } from './storage.js';

/** Options of `openStorage`. */
export interface OpenStorageOptions {
  /** A `postgres://` URL; when given, the storage is PostgreSQL and `sqliteFile` is not used. */
  databaseUrl?: string;
  /** The SQLite file, used when there is no `databaseUrl`. */
  sqliteFile: string;
  /** Signs the heads of the records' chains (see `SqliteOptions.sealer`). */
  sealer?: HeadSealer;
  /** Told of database connections that fail (PostgreSQL restarting, the network). */
  log?: Logger;
}

/** Opens the configured storage, its schema brought up to date. */
export async function openStorage(opts: OpenStorageOptions): Promise<Storage> {
  if (opts.databaseUrl) {
    return openPostgresStorage(opts.databaseUrl, {
      sealer: opts.sealer,
      onConnectionError: (err) => opts.log?.warn('storage.connection-error', { error: err.message }),
    });
  }
  return openSqliteStorage(opts.sqliteFile, { sealer: opts.sealer });
}

/** Where the storage is, for people to read: the file, or the database URL without its password. */
export function describeStorage(opts: Pick<OpenStorageOptions, 'databaseUrl' | 'sqliteFile'>): string {
  if (!opts.databaseUrl) return opts.sqliteFile;
  try {
    const url = new URL(opts.databaseUrl);
    if (url.password) url.password = '***';
    return `PostgreSQL ${url.href}`;
  } catch {
    return 'PostgreSQL';
  }
}
