/**
 * Units of work and serialisation on PostgreSQL.
 *
 * A unit of work is one transaction on one connection of the work pool, found through
 * `AsyncLocalStorage`: every store method called while it runs, at any depth, queries on that
 * connection; calls from anywhere else use the pool and never see it. A unit started inside
 * another joins it. Each store method run inside a unit runs under a savepoint of its own, one
 * method at a time, so that a method that fails undoes only itself and leaves the unit usable, as
 * a failed statement does on SQLite (PostgreSQL would otherwise refuse every later statement of
 * the transaction, and turn its COMMIT into a rollback).
 *
 * `serialize` takes a session-level advisory lock on the scope, on a connection of the lock pool
 * held for the whole of `fn` and released in `finally` (`pools.ts` says why a pool of its own).
 * A transaction-level lock would not do: `fn` may wait for anything, and its units of work must
 * commit on their own, so the lock cannot live inside one transaction. Within a process the work
 * of one scope first queues locally, so that only one connection per scope waits in PostgreSQL;
 * entering a scope again from inside it does not wait (as on SQLite). Never serialise from
 * inside a unit of work: the unit would hold a work connection and row locks while waiting for a
 * scope whose holder, in another process, may be waiting for those rows. If the lock's connection
 * is lost while `fn` runs (the database restarted), PostgreSQL has released the lock: `fn` goes
 * on unprotected, and the loss is reported to `onConnectionError`.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type pg from 'pg';
import { SerialQueue } from '../../collab/serialQueue.js';
import { lockKey, type Pools } from './pools.js';

/** What the stores query with: the unit's connection inside a unit of work, the pool outside. */
export interface Sql {
  /** Runs one statement with `$1`, `$2` … parameters. */
  query<R extends pg.QueryResultRow>(text: string, values?: readonly unknown[]): Promise<pg.QueryResult<R>>;
  /** Runs `fn`'s statements atomically: inside the current unit, or in a transaction of their own. */
  atomic<T>(fn: () => Promise<T>): Promise<T>;
}

/** An open unit of work. */
interface Unit {
  client: pg.PoolClient;
  /** Store methods of the unit, one at a time (their savepoints must not interleave). */
  turn: SerialQueue;
  /**
   * False once committed or rolled back. Work the unit started and did not wait for (a timer
   * set inside it) still finds it in its async context, and must then use the pool: the
   * connection may already be another unit's.
   */
  open: boolean;
}

/** Units of work, serialisation and queries of one PostgreSQL storage. */
export class PgUnits implements Sql {
  private readonly unit = new AsyncLocalStorage<Unit>();
  /** The unit whose store method is running in this async context (its savepoint is set). */
  private readonly calling = new AsyncLocalStorage<Unit>();
  private readonly scopes = new Map<string, { queue: SerialQueue; users: number }>();
  private readonly inScope = new AsyncLocalStorage<ReadonlySet<string>>();

  constructor(
    private readonly pools: Pools,
    private readonly onConnectionError: (err: Error) => void = () => undefined,
  ) {}

  query<R extends pg.QueryResultRow>(text: string, values?: readonly unknown[]): Promise<pg.QueryResult<R>> {
    const client = this.openUnit()?.client ?? this.pools.work;
    return client.query<R>(text, values as unknown[] | undefined);
  }

  atomic<T>(fn: () => Promise<T>): Promise<T> {
    return this.transaction(fn);
  }

  /** Runs `fn` as one transaction (see `Storage.transaction`). */
  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    if (this.openUnit()) return fn();
    const client = await this.pools.work.connect();
    const onError = (err: Error) => this.onConnectionError(err);
    client.on('error', onError);
    // A connection whose BEGIN, COMMIT or ROLLBACK failed is in an unknown state: it is closed
    // rather than given back to the pool.
    let broken = true;
    const unit: Unit = { client, turn: new SerialQueue(), open: true };
    try {
      await client.query('BEGIN');
      let result: T;
      try {
        result = await this.unit.run(unit, fn);
      } catch (err) {
        unit.open = false;
        await client.query('ROLLBACK').then(
          () => {
            broken = false;
          },
          () => undefined,
        );
        throw err;
      }
      unit.open = false;
      const done = await client.query('COMMIT');
      broken = false;
      // A transaction in which a statement failed outside any savepoint "commits" as a rollback.
      if (done.command !== 'COMMIT') throw new Error('the unit of work was rolled back by the database');
      return result;
    } finally {
      unit.open = false;
      client.off('error', onError);
      client.release(broken);
    }
  }

  /** The unit of work of this async context, if it is still open. */
  private openUnit(): Unit | undefined {
    const unit = this.unit.getStore();
    return unit?.open ? unit : undefined;
  }

  /**
   * Runs the store method `f`: inside a unit of work (and not already inside one of its store
   * methods), after the unit's earlier methods and under a savepoint that a failure rolls back
   * to; elsewhere as it is.
   */
  call<T>(f: () => Promise<T>): Promise<T> {
    const unit = this.openUnit();
    if (!unit || this.calling.getStore() === unit) return f();
    return unit.turn.run(() =>
      this.calling.run(unit, async () => {
        await unit.client.query('SAVEPOINT call');
        let result: T;
        try {
          result = await f();
        } catch (err) {
          await unit.client
            .query('ROLLBACK TO SAVEPOINT call; RELEASE SAVEPOINT call')
            .catch(() => undefined);
          throw err;
        }
        await unit.client.query('RELEASE SAVEPOINT call');
        return result;
      }),
    );
  }

  /** `store` with every method run through `call`. Methods must return promises. */
  guard<T extends object>(store: T): T {
    return new Proxy(store, {
      get: (target, key, receiver) => {
        const value = Reflect.get(target, key, receiver) as unknown;
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => this.call(() => value.apply(target, args) as Promise<unknown>);
      },
    });
  }

  /** Runs the `fn` of one scope one at a time across processes (see `Storage.serialize`). */
  serialize<T>(scope: string, fn: () => Promise<T>): Promise<T> {
    const held = this.inScope.getStore();
    if (held?.has(scope)) return fn();
    let entry = this.scopes.get(scope);
    if (!entry) {
      entry = { queue: new SerialQueue(), users: 0 };
      this.scopes.set(scope, entry);
    }
    const mine = entry;
    mine.users++;
    const scopes = new Set(held ?? []).add(scope);
    return mine.queue
      .run(() => this.holdingLock(`scope:${scope}`, () => this.inScope.run(scopes, fn)))
      .finally(() => {
        if (--mine.users === 0 && this.scopes.get(scope) === mine) this.scopes.delete(scope);
      });
  }

  /** Runs `fn` holding the session-level advisory lock `name` on a connection of the lock pool. */
  private async holdingLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
    const key = lockKey(name);
    const client = await this.pools.locks.connect();
    const onError = (err: Error) => this.onConnectionError(err);
    client.on('error', onError);
    try {
      await client.query('SELECT pg_advisory_lock($1)', [key]);
    } catch (err) {
      client.off('error', onError);
      client.release(true);
      throw err;
    }
    try {
      return await fn();
    } finally {
      // A connection whose unlock failed is closed, which releases its locks; it must never go
      // back to the pool still holding one.
      let unlocked = false;
      try {
        const r = await client.query<{ ok: boolean }>('SELECT pg_advisory_unlock($1) AS ok', [key]);
        unlocked = r.rows[0]?.ok === true;
      } catch {
        unlocked = false;
      }
      client.off('error', onError);
      client.release(!unlocked);
    }
  }
}
