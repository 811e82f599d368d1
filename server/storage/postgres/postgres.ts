/**
 * The PostgreSQL storage, for several server processes sharing one database (`DATABASE_URL`).
 * Every write is committed (and, with PostgreSQL's default `synchronous_commit`, flushed to its
 * write-ahead log) before the promise resolves. One module per store, as for SQLite; the
 * connections and units of work are in `pools.ts` and `units.ts`, the schema in `migrations.ts`.
 */
import type { HeadSealer, NegotiationRecord, Storage, StoredDoc } from '../storage.js';
import { PgAccounts } from './accounts.js';
import { PgAudit } from './audit.js';
import { PgChains } from './chains.js';
import { PgDocuments } from './documents.js';
import { PgInputs } from './inputs.js';
import { migrate } from './migrations.js';
import { openPools, type PoolOptions, type Pools } from './pools.js';
import { PgProposals } from './proposals.js';
import { PgReadings } from './readings.js';
import { PgRoadmap } from './roadmap.js';
import { PgUnits } from './units.js';
import { PgVisits } from './visits.js';

const NEGOTIATION = `id, title, created_at AS "createdAt", time_zone AS "timeZone",
  facilitator_delegations AS "facilitatorDelegations"`;
type NegotiationRow = Omit<NegotiationRecord, 'facilitatorDelegations'> & { facilitatorDelegations: string };
const toNegotiation = (r: NegotiationRow): NegotiationRecord => ({
  ...r,
  facilitatorDelegations: JSON.parse(r.facilitatorDelegations) as string[],
});

/** Options of `openPostgresStorage`. */
export interface PostgresOptions extends PoolOptions {
  /** Signs the head of a negotiation's chains at every append (as `SqliteOptions.sealer`). */
  sealer?: HeadSealer;
}

/**
 * Opens the storage on the database at `url` (`postgres://user@host:port/database`), bringing
 * its schema up to date first.
 */
export async function openPostgresStorage(url: string, opts: PostgresOptions = {}): Promise<PostgresStorage> {
  const pools = openPools(url, opts);
  try {
    const client = await pools.work.connect();
    const onError = (err: Error) => opts.onConnectionError?.(err);
    client.on('error', onError);
    try {
      await migrate(client);
    } finally {
      client.off('error', onError);
      client.release();
    }
  } catch (err) {
    await Promise.all([pools.work.end(), pools.locks.end()]);
    throw err;
  }
  const storage = new PostgresStorage(pools, opts.onConnectionError);
  storage.rawChains.setSealer(opts.sealer);
  return storage;
}

/** Storage on PostgreSQL; see `Storage` for the contract. */
export class PostgresStorage implements Storage {
  private readonly units: PgUnits;
  private readonly documents: PgDocuments;
  readonly accounts: PgAccounts;
  readonly audit: PgAudit;
  readonly proposals: PgProposals;
  readonly readings: PgReadings;
  readonly roadmap: PgRoadmap;
  readonly inputs: PgInputs;
  readonly visits: PgVisits;
  readonly chains: PgChains;
  /** The chains as they are, to set the sealer. */
  readonly rawChains: PgChains;
  private closed = false;

  constructor(
    private readonly pools: Pools,
    onConnectionError?: (err: Error) => void,
  ) {
    const units = new PgUnits(pools, onConnectionError);
    this.units = units;
    this.documents = new PgDocuments(units);
    this.rawChains = new PgChains(units);
    this.chains = units.guard(this.rawChains);
    this.accounts = units.guard(new PgAccounts(units));
    this.audit = units.guard(new PgAudit(units, this.rawChains));
    this.proposals = units.guard(new PgProposals(units));
    this.readings = units.guard(new PgReadings(units, this.rawChains));
    this.roadmap = units.guard(new PgRoadmap(units));
    this.inputs = units.guard(new PgInputs(units));
    this.visits = units.guard(new PgVisits(units));
  }

  /** Runs one statement on the work pool (for tests and administration: raw SQL). */
  query(text: string, values?: readonly unknown[]): Promise<{ rows: Record<string, unknown>[] }> {
    return this.units.query(text, values);
  }

  transaction<T>(fn: () => Promise<T>): Promise<T> {
    return this.units.transaction(fn);
  }

  serialize<T>(scope: string, fn: () => Promise<T>): Promise<T> {
    return this.units.serialize(scope, fn);
  }

  listNegotiations(): Promise<NegotiationRecord[]> {
    return this.units.call(async () => {
      const { rows } = await this.units.query<NegotiationRow>(
        `SELECT ${NEGOTIATION} FROM negotiations ORDER BY created_at, id`,
      );
      return rows.map(toNegotiation);
    });
  }

  getNegotiation(id: string): Promise<NegotiationRecord | undefined> {
    return this.units.call(async () => {
      const { rows } = await this.units.query<NegotiationRow>(
        `SELECT ${NEGOTIATION} FROM negotiations WHERE id = $1`,
        [id],
      );
      return rows[0] && toNegotiation(rows[0]);
    });
  }

  createNegotiation(record: NegotiationRecord, draft: { docName: string; state: Uint8Array }): Promise<void> {
    return this.units.call(() =>
      this.units.atomic(async () => {
        await this.units.query(
          'INSERT INTO negotiations (id, title, created_at, time_zone, facilitator_delegations) VALUES ($1, $2, $3, $4, $5)',
          [
            record.id,
            record.title,
            record.createdAt,
            record.timeZone,
            JSON.stringify(record.facilitatorDelegations),
          ],
        );
        await this.documents.putInitialState(draft.docName, draft.state);
      }),
    );
  }

  loadDoc(docName: string): Promise<StoredDoc> {
    return this.units.call(() => this.documents.loadDoc(docName));
  }

  appendUpdates(docName: string, updates: readonly Uint8Array[]): Promise<number> {
    return this.units.call(() => this.documents.appendUpdates(docName, updates));
  }

  updatesSince(docName: string, afterSeq: number): Promise<StoredDoc> {
    return this.units.call(() => this.documents.updatesSince(docName, afterSeq));
  }

  compact(docName: string, state: Uint8Array, uptoSeq: number): Promise<void> {
    return this.units.call(() => this.documents.compact(docName, state, uptoSeq));
  }

  countUpdates(docName: string): Promise<number> {
    return this.units.call(() => this.documents.countUpdates(docName));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([this.pools.work.end(), this.pools.locks.end()]);
  }
}
