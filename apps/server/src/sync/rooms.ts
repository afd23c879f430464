import type { CloseKind } from '../errors.ts';
import { RoomLoadError } from './load-document.ts';
import { Room, type RoomDeps, type UpdatePolicy } from './room.ts';

/** The process holds `maxRooms` rooms, none of them idle: a new one is refused, not loaded. */
export class RoomLimitError extends RoomLoadError {
  constructor(room: string, max: number) {
    super(room, new Error(`${max} rooms are open, the limit`));
  }
}

/**
 * The rooms in memory. A room is loaded on first use (synchronously: no client can be
 * answered before its document is complete) and unloaded a while after its last client
 * leaves, compacted on the way out.
 */
export class Rooms {
  private readonly rooms = new Map<string, Room>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();

  /** Picks the rules a room applies to client updates (set by the facilitation plugin). */
  policyFor: ((name: string, room: Room) => UpdatePolicy | null) | null = null;

  constructor(private readonly deps: RoomDeps) {}

  get size(): number {
    return this.rooms.size;
  }

  /** Rooms waiting to be unloaded (empty, warm for a reconnect). */
  get idle(): number {
    return this.unloadTimers.size;
  }

  /**
   * Throws RoomLoadError when storage cannot produce the document; nothing is kept then.
   * At `maxRooms` an idle room makes way, else RoomLimitError: refusing one room beats
   * running the process out of memory with all of them in it.
   */
  open(name: string): Room {
    this.cancelUnload(name);
    const existing = this.rooms.get(name);
    if (existing) return existing;
    if (this.rooms.size >= this.deps.limits.maxRooms) {
      // An unload timer marks a room nobody holds (a room inside use() has none).
      const [idle] = this.unloadTimers.keys();
      if (idle === undefined) throw new RoomLimitError(name, this.deps.limits.maxRooms);
      this.unload(idle);
    }
    const room = new Room(name, this.deps);
    room.onEmpty = () => this.scheduleUnload(name);
    room.onBroken = () => this.forget(name);
    room.policy = this.policyFor?.(name, room) ?? null;
    this.rooms.set(name, room);
    this.deps.metrics.roomsLoaded.set(this.rooms.size);
    return room;
  }

  /** For server commands: the room is loaded if needed and unloaded later if nobody joins. */
  use<T>(name: string, fn: (room: Room) => T): T {
    const room = this.open(name);
    try {
      return fn(room);
    } finally {
      if (room.clientCount === 0) this.scheduleUnload(name);
    }
  }

  loaded(name: string): Room | undefined {
    return this.rooms.get(name);
  }

  /** Every loaded room whose name starts with `prefix` (a workshop's rooms). */
  *withPrefix(prefix: string): Iterable<Room> {
    for (const [name, room] of this.rooms) if (name.startsWith(prefix)) yield room;
  }

  unload(name: string): void {
    this.cancelUnload(name);
    const room = this.rooms.get(name);
    if (!room) return;
    try {
      room.compact();
    } catch (e) {
      // The log stays as it is and is replayed on the next load; nothing is lost.
      this.deps.log.error({ room: name, err: e }, 'compaction on unload failed');
    }
    room.destroy(null);
    this.forget(name);
  }

  /** Shutdown: every client is told to go away, every room compacted and released. */
  closeAll(kind: CloseKind): void {
    for (const [name, room] of [...this.rooms]) {
      room.onEmpty = null;
      room.kickWhere(() => true, kind);
      this.unload(name);
    }
  }

  private forget(name: string): void {
    this.rooms.delete(name);
    this.deps.metrics.roomsLoaded.set(this.rooms.size);
  }

  private scheduleUnload(name: string): void {
    this.cancelUnload(name);
    const timer = setTimeout(() => {
      this.unloadTimers.delete(name);
      if (this.rooms.get(name)?.clientCount === 0) this.unload(name);
    }, this.deps.limits.unloadDelayMs);
    timer.unref();
    this.unloadTimers.set(name, timer);
  }

  private cancelUnload(name: string): void {
    const timer = this.unloadTimers.get(name);
    if (timer) {
      clearTimeout(timer);
      this.unloadTimers.delete(name);
    }
  }
}
