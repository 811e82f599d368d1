/**
 * Units of work on the embedded database. better-sqlite3 has one connection and runs each call
 * synchronously, so a transaction that spans several awaited calls is open on the connection
 * everyone else uses: while it is, any other caller's statement would run inside it (and be rolled
 * back with it). A unit therefore holds the process's write turn: calls made inside it (found by
 * `AsyncLocalStorage`) run at once, calls from anywhere else wait until it has committed or rolled
 * back. With no unit open, calls run at once as before, at no cost. Other processes sharing the
 * file are kept out by SQLite's own lock (`BEGIN IMMEDIATE`, `busy_timeout`).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type Database from 'better-sqlite3';
import { SerialQueue } from '../collab/serialQueue.js';

/** The write turn of one SQLite connection, and the unit of work holding it. */
export class SqliteUnits {
  /**
   * The unit of this async context; `open` turns false when it ends, so that work it left
   * running (a timer set inside it) waits like anyone else's instead of joining the next unit.
   */
  private readonly inside = new AsyncLocalStorage<{ open: boolean }>();
  private readonly turn = new SerialQueue();
  private open = 0;
  private readonly scopes = new Map<string, { queue: SerialQueue; users: number }>();
  private readonly inScope = new AsyncLocalStorage<ReadonlySet<string>>();

  constructor(private readonly db: Database.Database) {}

  /** Runs `fn` as one transaction (see `Storage.transaction`). */
  transaction<T>(fn: () => Promise<T>): Promise<T> {
    if (this.isInside()) return fn();
    return this.turn.run(async () => {
      this.open++;
      this.db.exec('BEGIN IMMEDIATE');
      const unit = { open: true };
      try {
        const result = await this.inside.run(unit, fn);
        unit.open = false;
        this.db.exec('COMMIT');
        return result;
      } catch (err) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw err;
      } finally {
        unit.open = false;
        this.open--;
      }
    });
  }

  /** Whether this async context is inside a unit of work still open. */
  private isInside(): boolean {
    return this.inside.getStore()?.open === true;
  }

  /** Runs the `fn` of one scope one at a time (see `Storage.serialize`); one process per file. */
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
      .run(() => this.inScope.run(scopes, fn))
      .finally(() => {
        if (--mine.users === 0 && this.scopes.get(scope) === mine) this.scopes.delete(scope);
      });
  }

  /** Runs `f` at once, or after the unit of work that holds the write turn (see `guard`). */
  call<T>(f: () => T): Promise<T> {
    if (this.open === 0 || this.isInside()) {
      try {
        return Promise.resolve(f());
      } catch (err) {
        return Promise.reject(err);
      }
    }
    return this.turn.run(async () => f());
  }

  /**
   * `store` with every method made to wait for the write turn while a unit of work other than
   * the caller's is open. Methods must return promises.
   */
  guard<T extends object>(store: T): T {
    return new Proxy(store, {
      get: (target, key, receiver) => {
        const value = Reflect.get(target, key, receiver) as unknown;
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if (this.open === 0 || this.isInside()) return value.apply(target, args);
          return this.turn.run(() => value.apply(target, args) as Promise<unknown>);
        };
      },
    });
  }
}
