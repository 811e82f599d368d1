/**
 * The set of loaded rooms. A room is loaded once (concurrent joiners wait for the same load),
 * and unloaded, after compaction, a short while after its last peer left. A room whose load or
 * `loaded` hook failed, or whose storage refused a server change, is dropped at once: the next
 * client loads it again from storage. Every loaded room reads what other processes committed to
 * its document every `CATCH_UP_EVERY_MS`, when told of it (`hint`), and before the server uses
 * it (`withRoom`); `observe` lets the link between processes (server/cluster/) follow the rooms.
 */
import type { Logger } from '../logger.js';
import type { Storage } from '../storage/storage.js';
import { Room, type RoomEvents } from './room.js';

/** How long an empty room stays loaded, in milliseconds. */
export const UNLOAD_AFTER_MS = 5_000;
/** How often loaded rooms with new updates are compacted, in milliseconds. */
export const COMPACT_EVERY_MS = 60_000;
/**
 * How often every loaded room reads what other processes committed to its document: the longest
 * a change made elsewhere waits when the hint of it was lost.
 */
export const CATCH_UP_EVERY_MS = 2_000;

/** What the link between processes follows of the rooms (see `Rooms.observe`). */
export interface RoomsObserver {
  /** A room was loaded and may be joined. */
  loaded?(room: Room): void;
  /** A room was unloaded or dropped. */
  unloaded?(room: Room): void;
  /** A room committed updates up to `seq`. */
  committed?(room: Room, seq: number): void;
  /** The presence of a room's own peers changed (an awareness update). */
  presence?(room: Room, update: Uint8Array): void;
}

/** Loads, shares and unloads rooms. */
export class Rooms {
  private readonly rooms = new Map<string, Promise<Room>>();
  /** The room each entry of `rooms` resolved to, once loaded. */
  private readonly loaded = new Map<string, Room>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();
  private readonly compactTimer: NodeJS.Timeout;
  private readonly catchUpTimer: NodeJS.Timeout;
  private readonly observers: RoomsObserver[] = [];
  /** Rooms kept loaded without peers (see `hold`), and how many times. */
  private readonly holds = new Map<string, number>();

  constructor(
    private readonly storage: Storage,
    private readonly log: Logger,
    private readonly events: Pick<RoomEvents, 'refused' | 'changed' | 'authorizeUpdate'> & {
      /** Runs once after a room is loaded and before anyone syncs with it. */
      loaded?(room: Room): Promise<void>;
    } = {},
  ) {
    this.compactTimer = setInterval(() => void this.compactAll(), COMPACT_EVERY_MS);
    this.compactTimer.unref();
    this.catchUpTimer = setInterval(() => this.catchUpAll(), CATCH_UP_EVERY_MS);
    this.catchUpTimer.unref();
  }

  /** Tells `observer` of every room loaded, unloaded, committed or whose presence changed from now on. */
  observe(observer: RoomsObserver): void {
    this.observers.push(observer);
  }

  /** The loaded room for `name`, if it is loaded. */
  loadedRoom(name: string): Room | undefined {
    return this.loaded.get(name);
  }

  /**
   * Another process committed `name`'s updates up to `seq`: if the room is loaded here and has
   * not applied them, it catches up.
   */
  hint(name: string, seq: number): void {
    const room = this.loaded.get(name);
    if (room && seq > room.lastSeq) this.catchUp(room);
  }

  /** Every loaded room reads what other processes committed (the poll, and after a lost link). */
  catchUpAll(): void {
    for (const room of this.loaded.values()) this.catchUp(room);
  }

  private catchUp(room: Room): void {
    room
      .catchUp()
      .catch((err: Error) => this.log.warn('room.catch-up-failed', { room: room.name, error: err.message }));
  }

  /** The loaded room for `name`, loading it from storage first if needed. */
  open(name: string): Promise<Room> {
    const timer = this.unloadTimers.get(name);
    if (timer) {
      clearTimeout(timer);
      this.unloadTimers.delete(name);
    }
    let room = this.rooms.get(name);
    if (!room) {
      const loading = Room.load(name, this.storage, this.log, {
        authorizeUpdate: this.events.authorizeUpdate,
        refused: this.events.refused,
        changed: this.events.changed,
        committed: (r, seq) => {
          for (const o of this.observers) o.committed?.(r, seq);
        },
        presence: (r, update) => {
          for (const o of this.observers) o.presence?.(r, update);
        },
        empty: (r) => this.scheduleUnload(r),
        failed: (r) => this.drop(r),
      }).then(async (r) => {
        try {
          await this.events.loaded?.(r);
          if (r.dropped) throw new Error(`room ${name} failed while it was being loaded`);
        } catch (err) {
          this.log.error('room.loaded-hook-failed', { room: name, error: (err as Error).message });
          await r.close().catch(() => undefined);
          throw err;
        }
        if (this.rooms.get(name) === loading) {
          this.loaded.set(name, r);
          for (const o of this.observers) o.loaded?.(r);
        }
        return r;
      });
      room = loading;
      this.rooms.set(name, loading);
      loading.catch(() => {
        if (this.rooms.get(name) === loading) this.rooms.delete(name);
      });
    }
    return room;
  }

  /** Forgets a room that failed (see `Room.serverChange`) and releases it without storing. */
  private drop(room: Room): void {
    if (this.loaded.get(room.name) === room) {
      this.forget(room);
      this.rooms.delete(room.name);
      const timer = this.unloadTimers.get(room.name);
      if (timer) clearTimeout(timer);
      this.unloadTimers.delete(room.name);
    }
    room
      .close()
      .catch((err: Error) => this.log.error('room.unload-failed', { room: room.name, error: err.message }));
  }

  /** Removes a loaded room from the set and tells the observers. */
  private forget(room: Room): void {
    this.loaded.delete(room.name);
    for (const o of this.observers) o.unloaded?.(room);
  }

  /**
   * Runs `fn` on a room the server needs without a client (a command over HTTP, say), once it
   * holds everything committed to its document by any process, unless the room is busy storing
   * (never waited for: `fn` may run inside a unit of work the room's queue waits for); the room is
   * unloaded afterwards like any other once nobody is connected.
   */
  async withRoom<T>(name: string, fn: (room: Room) => Promise<T> | T): Promise<T> {
    const room = await this.open(name);
    try {
      await room.catchUpIfIdle();
      return await fn(room);
    } finally {
      if (room.size === 0) this.scheduleUnload(room);
    }
  }

  /**
   * Keeps the room `name` loaded, with or without peers, until the returned function is called
   * (as many times as it was held). A draft holds its negotiation's proposals document, so that
   * the locks of agreed paragraphs follow it on every process that accepts edits to the draft.
   */
  async hold(name: string): Promise<() => void> {
    this.holds.set(name, (this.holds.get(name) ?? 0) + 1);
    try {
      await this.open(name);
    } catch (err) {
      this.release(name);
      throw err;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.release(name);
    };
  }

  private release(name: string): void {
    const n = (this.holds.get(name) ?? 1) - 1;
    if (n > 0) {
      this.holds.set(name, n);
      return;
    }
    this.holds.delete(name);
    const room = this.loaded.get(name);
    if (room && room.size === 0) this.scheduleUnload(room);
  }

  /** Names of the rooms currently in memory. */
  loadedNames(): string[] {
    return [...this.rooms.keys()];
  }

  private scheduleUnload(room: Room): void {
    if (this.loaded.get(room.name) !== room || this.unloadTimers.has(room.name)) return;
    const timer = setTimeout(() => {
      this.unloadTimers.delete(room.name);
      if (room.size > 0 || this.holds.has(room.name)) return;
      if (this.loaded.get(room.name) === room) {
        this.rooms.delete(room.name);
        this.forget(room);
      }
      room
        .close()
        .catch((err: Error) => this.log.error('room.unload-failed', { room: room.name, error: err.message }));
    }, UNLOAD_AFTER_MS);
    timer.unref();
    this.unloadTimers.set(room.name, timer);
  }

  private async compactAll(): Promise<void> {
    for (const room of this.rooms.values()) {
      try {
        await (await room).compact();
      } catch (err) {
        this.log.error('room.compact-failed', { error: (err as Error).message });
      }
    }
  }

  /** Flushes, compacts and closes every room (server shutdown). */
  async closeAll(): Promise<void> {
    clearInterval(this.compactTimer);
    clearInterval(this.catchUpTimer);
    for (const t of this.unloadTimers.values()) clearTimeout(t);
    this.unloadTimers.clear();
    const rooms = [...this.rooms.values()];
    this.rooms.clear();
    for (const room of [...this.loaded.values()]) this.forget(room);
    await Promise.all(rooms.map(async (r) => (await r).close()));
  }
}
