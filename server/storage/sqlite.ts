/**
 * The embedded storage: one SQLite file in WAL mode via better-sqlite3. Every write is a
 * synchronous transaction synced to disk (`synchronous=FULL`), so a promise resolved by this
 * module means the data is committed: it survives a kill -9 of the process and a power loss.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { migrate, SIGNED_CHAINS_VERSION } from './migrations.js';
import { SqliteAccounts } from './sqliteAccounts.js';
import { SqliteAudit } from './sqliteAudit.js';
import { SqliteChains } from './sqliteChains.js';
import { dropGuards, restoreGuards } from './sqliteGuards.js';
import { SqliteInputs } from './sqliteInputs.js';
import { SqliteProposals } from './sqliteProposals.js';
import { SqliteReadings } from './sqliteReadings.js';
import { SqliteRoadmap } from './sqliteRoadmap.js';
import { SqliteUnits } from './sqliteUnit.js';
import { SqliteVisits } from './sqliteVisits.js';
import { statementCache } from './statements.js';
import type { HeadSealer, NegotiationRecord, Storage, StoredDoc } from './storage.js';

const NEGOTIATION =
  'id, title, created_at AS createdAt, time_zone AS timeZone, facilitator_delegations AS facilitatorDelegations';
type NegotiationRow = Omit<NegotiationRecord, 'facilitatorDelegations'> & { facilitatorDelegations: string };
const toNegotiation = (r: NegotiationRow): NegotiationRecord => ({
  ...r,
  facilitatorDelegations: JSON.parse(r.facilitatorDelegations) as string[],
});

/**
 * Kibibytes of database pages SQLite keeps in the server's memory (its page cache; better-sqlite3
 * builds it with 16 MB). Pages beyond it are read again from the operating system's file cache,
 * which for our small point queries costs little, while a larger cache filled slowly for as
 * long as a negotiation grew and was the largest part of the server's memory growth.
 */
const PAGE_CACHE_KIB = 4_000;

/** Options of `openSqliteStorage`. */
export interface SqliteOptions {
  /**
   * Signs the head of a negotiation's chains at every append (server/records/sealer.ts). Every
   * process that writes records should pass it: an append without it leaves the head unsigned,
   * and a server with it then refuses to sign over records it did not see signed.
   */
  sealer?: HeadSealer;
}

/** Opens (creating if needed) the SQLite database at `file` (`:memory:` for tests). */
export function openSqliteStorage(file: string, opts: SqliteOptions = {}): SqliteStorage {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // FULL: each commit is synced to disk before it returns, so an acknowledged edit survives a
  // power loss (NORMAL syncs the WAL only at checkpoints). Its cost is in `npm run bench`.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
  dropGuards(db);
  const before = migrate(db);
  restoreGuards(db);
  const storage = new SqliteStorage(db);
  storage.rawChains.setSealer(opts.sealer);
  // A database written before heads were signed: what it holds is trusted on first use.
  if (before > 0 && before < SIGNED_CHAINS_VERSION) storage.sealFirstUse();
  return storage;
}

/** Storage on SQLite; see `Storage` for the contract. */
export class SqliteStorage implements Storage {
  private readonly stmt;
  private readonly units: SqliteUnits;
  readonly accounts: SqliteAccounts;
  readonly audit: SqliteAudit;
  readonly proposals: SqliteProposals;
  readonly readings: SqliteReadings;
  readonly roadmap: SqliteRoadmap;
  readonly inputs: SqliteInputs;
  readonly chains: SqliteChains;
  readonly visits: SqliteVisits;
  /** The chains without the wait for the write turn, for the storage's own synchronous work. */
  readonly rawChains: SqliteChains;
  private readonly rawReadings: SqliteReadings;

  constructor(readonly db: Database.Database) {
    const prepare = statementCache(db);
    const units = new SqliteUnits(db);
    this.units = units;
    this.rawChains = new SqliteChains(db, prepare);
    this.rawReadings = new SqliteReadings(db, prepare, this.rawChains);
    this.chains = units.guard(this.rawChains);
    this.accounts = units.guard(new SqliteAccounts(db, prepare));
    this.audit = units.guard(new SqliteAudit(prepare, this.rawChains));
    this.proposals = units.guard(new SqliteProposals(db, prepare));
    this.readings = units.guard(this.rawReadings);
    this.roadmap = units.guard(new SqliteRoadmap(db, prepare));
    this.inputs = units.guard(new SqliteInputs(db, prepare));
    this.visits = units.guard(new SqliteVisits(db, prepare));
    this.stmt = {
      listNegotiations: db.prepare(`SELECT ${NEGOTIATION} FROM negotiations ORDER BY created_at, id`),
      getNegotiation: db.prepare(`SELECT ${NEGOTIATION} FROM negotiations WHERE id = ?`),
      insertNegotiation: db.prepare(
        'INSERT INTO negotiations (id, title, created_at, time_zone, facilitator_delegations) VALUES (?, ?, ?, ?, ?)',
      ),
      getState: db.prepare('SELECT state, upto FROM doc_states WHERE doc = ?'),
      getUpto: db.prepare('SELECT upto FROM doc_states WHERE doc = ?'),
      getUpdates: db.prepare('SELECT seq, data FROM doc_updates WHERE doc = ? ORDER BY seq'),
      getUpdatesSince: db.prepare('SELECT seq, data FROM doc_updates WHERE doc = ? AND seq > ? ORDER BY seq'),
      insertUpdate: db.prepare('INSERT INTO doc_updates (doc, data) VALUES (?, ?)'),
      upsertState: db.prepare(
        'INSERT INTO doc_states (doc, state, upto) VALUES (?, ?, ?) ON CONFLICT(doc) DO UPDATE SET state = excluded.state, upto = excluded.upto',
      ),
      deleteUpdatesUpto: db.prepare('DELETE FROM doc_updates WHERE doc = ? AND seq <= ?'),
      countUpdates: db.prepare('SELECT COUNT(*) AS n FROM doc_updates WHERE doc = ?'),
    };
  }

  transaction<T>(fn: () => Promise<T>): Promise<T> {
    return this.units.transaction(fn);
  }

  serialize<T>(scope: string, fn: () => Promise<T>): Promise<T> {
    return this.units.serialize(scope, fn);
  }

  listNegotiations(): Promise<NegotiationRecord[]> {
    return this.units.call(() => (this.stmt.listNegotiations.all() as NegotiationRow[]).map(toNegotiation));
  }

  getNegotiation(id: string): Promise<NegotiationRecord | undefined> {
    return this.units.call(() => {
      const row = this.stmt.getNegotiation.get(id) as NegotiationRow | undefined;
      return row && toNegotiation(row);
    });
  }

  createNegotiation(record: NegotiationRecord, draft: { docName: string; state: Uint8Array }): Promise<void> {
    return this.units.call(
      this.db.transaction(() => {
        this.stmt.insertNegotiation.run(
          record.id,
          record.title,
          record.createdAt,
          record.timeZone,
          JSON.stringify(record.facilitatorDelegations),
        );
        this.stmt.upsertState.run(draft.docName, draft.state, 0);
      }),
    );
  }

  loadDoc(docName: string): Promise<StoredDoc> {
    return this.units.call(() => this.loadDocNow(docName));
  }

  private loadDocNow(docName: string): StoredDoc {
    const row = this.stmt.getState.get(docName) as { state: Buffer; upto: number } | undefined;
    const rows = this.stmt.getUpdates.all(docName) as { seq: number; data: Buffer }[];
    const lastSeq = rows.length > 0 ? rows[rows.length - 1]!.seq : (row?.upto ?? 0);
    return {
      state: row ? new Uint8Array(row.state) : null,
      updates: rows.map((r) => new Uint8Array(r.data)),
      lastSeq,
    };
  }

  appendUpdates(docName: string, updates: readonly Uint8Array[]): Promise<number> {
    return this.units.call(
      this.db.transaction(() => {
        let seq = 0;
        for (const u of updates) seq = Number(this.stmt.insertUpdate.run(docName, u).lastInsertRowid);
        return seq;
      }),
    );
  }

  updatesSince(docName: string, afterSeq: number): Promise<StoredDoc> {
    return this.units.call(() => {
      // The state (often the largest row) is read only when a compaction covered what was missed.
      const upto = (this.stmt.getUpto.get(docName) as { upto: number } | undefined)?.upto ?? 0;
      const covered = upto > afterSeq;
      const state = covered
        ? (this.stmt.getState.get(docName) as { state: Buffer; upto: number })
        : undefined;
      const from = state ? state.upto : afterSeq;
      const rows = this.stmt.getUpdatesSince.all(docName, from) as { seq: number; data: Buffer }[];
      return {
        state: state ? new Uint8Array(state.state) : null,
        updates: rows.map((r) => new Uint8Array(r.data)),
        lastSeq: rows.length > 0 ? rows[rows.length - 1]!.seq : from,
      };
    });
  }

  compact(docName: string, state: Uint8Array, uptoSeq: number): Promise<void> {
    return this.units.call(
      this.db.transaction(() => {
        const stored = this.stmt.getState.get(docName) as { upto: number } | undefined;
        if (stored && stored.upto >= uptoSeq) return;
        this.stmt.upsertState.run(docName, state, uptoSeq);
        this.stmt.deleteUpdatesUpto.run(docName, uptoSeq);
      }),
    );
  }

  /** Signs, as trusted on first use, every chain without a signed head (see `SqliteChains.sealFirstUse`). */
  sealFirstUse(): void {
    this.rawChains.sealFirstUse((chain) => ({
      snapshots: this.rawReadings.listSnapshotsNow(chain),
      readings: this.rawReadings.listReadingsNow(chain),
    }));
  }

  countUpdates(docName: string): Promise<number> {
    return this.units.call(() => (this.stmt.countUpdates.get(docName) as { n: number }).n);
  }

  async close(): Promise<void> {
    await this.units.transaction(async () => undefined).catch(() => undefined);
    if (this.db.open) {
      this.db.pragma('wal_checkpoint(TRUNCATE)');
      this.db.close();
    }
  }
}
