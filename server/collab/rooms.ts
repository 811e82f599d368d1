/**
 * The set of loaded rooms. A room is loaded once (concurrent joiners wait for the same load),
 * and unloaded, after compaction, a short while after its last peer left. A room whose load or
 * `loaded` hook failed, or whose storage refused a server change, is dropped at once: the next
 * client loads it again from storage.
 */
import type { Logger } from '../logger.js';
import type { Storage } from '../storage/storage.js';
import { Room, type RoomEvents } from './room.js';

/** How long an empty room stays loaded, in milliseconds. */
export const UNLOAD_AFTER_MS = 5_000;
/** How often loaded rooms with new updates are compacted, in milliseconds. */
export const COMPACT_EVERY_MS = 60_000;

/** Loads, shares and unloads rooms. */
export class Rooms {
  private readonly rooms = new Map<string, Promise<Room>>();
  /** The room each entry of `rooms` resolved to, once loaded. */
  private readonly loaded = new Map<string, Room>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();
  private readonly compactTimer: NodeJS.Timeout;

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
        if (this.rooms.get(name) === loading) this.loaded.set(name, r);
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
      this.loaded.delete(room.name);
      this.rooms.delete(room.name);
      const timer = this.unloadTimers.get(room.name);
      if (timer) clearTimeout(timer);
      this.unloadTimers.delete(room.name);
    }
    room
      .close()
      .catch((err: Error) => this.log.error('room.unload-failed', { room: room.name, error: err.message }));
  }

  /**
   * Runs `fn` on a room the server needs without a client (a command over HTTP, say); the room
   * is unloaded afterwards like any other once nobody is connected.
   */
  async withRoom<T>(name: string, fn: (room: Room) => Promise<T> | T): Promise<T> {
    const room = await this.open(name);
    try {
      return await fn(room);
    } finally {
      if (room.size === 0) this.scheduleUnload(room);
    }
  }

  /** Names of the rooms currently in memory. */
  loadedNames(): string[] {
    return [...this.rooms.keys()];
  }

  private scheduleUnload(room: Room): void {
    if (this.loaded.get(room.name) !== room || this.unloadTimers.has(room.name)) return;
    const timer = setTimeout(() => {
      this.unloadTimers.delete(room.name);
      if (room.size > 0) return;
      if (this.loaded.get(room.name) === room) {
        this.rooms.delete(room.name);
        this.loaded.delete(room.name);
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
    for (const t of this.unloadTimers.values()) clearTimeout(t);
    this.unloadTimers.clear();
    const rooms = [...this.rooms.values()];
    this.rooms.clear();
    this.loaded.clear();
    await Promise.all(rooms.map(async (r) => (await r).close()));
  }
}
