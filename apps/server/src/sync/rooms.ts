import type { CloseKind } from '../errors.ts';
import { RoomLoadError } from './load-document.ts';
import { CompactionPacer } from './compaction-pacer.ts';
import { Room, type RoomDeps, type RoomFanout, type RoomHooks, type UpdatePolicy } from './room.ts';

/**
 * How long a room's load waits for its fan-out subscription. Past it the room opens anyway:
 * if Redis went away meanwhile, the subscription completes on reconnect and the room is
 * re-read then.
 */
export const REDIS_SUBSCRIBE_WAIT_MS = 1_000;

/** The process holds `maxRooms` rooms, none of them idle: a new one is refused, not loaded. */
export class RoomLimitError extends RoomLoadError {
  constructor(room: string, max: number) {
    super(room, new Error(`${max} rooms are open, the limit`));
  }
}

/** A workshop's sockets hold `maxRoomsPerWorkshop` rooms, none idle: another is refused. */
export class WorkshopRoomLimitError extends RoomLoadError {
  constructor(room: string, max: number) {
    super(room, new Error(`its workshop has ${max} rooms open, the limit`));
  }
}

/** Fan-out as the registry uses it: a room's channel is held exactly while the room is loaded. */
export interface RoomsFanout extends RoomFanout {
  subscribe(room: string): Promise<void>;
  unsubscribe(room: string): Promise<void>;
  /** False while Redis is unreachable: subscribing then must not hold up a load. */
  readonly ready: boolean;
}

/** What a room's rules need around its life (PostgreSQL: the cached reads of the board's rules). */
export interface RuleHooks {
  /** Before the room is read from storage. */
  prepare?(): Promise<void>;
  beforeStore?(): Promise<void>;
  beforeRemote?(): Promise<void>;
  unloaded?(): void;
}

/**
 * The rules around the rooms, given once at construction (app.ts builds them from the
 * facilitation policies), as each Room is given its RoomHooks: nothing is assigned later.
 */
export interface RoomRules {
  /** Picks the rules a room applies to client updates. */
  readonly policyFor?: (name: string) => UpdatePolicy | null;
  /**
   * Rooms a room's rules read synchronously (the board reads its control room): loaded
   * first and kept while it is.
   */
  readonly companionsOf?: (name: string) => string[];
  readonly hooksFor?: (name: string) => RuleHooks | null;
}

export interface RoomsDeps extends RoomDeps {
  fanout?: RoomsFanout | null;
}

function workshopPrefix(name: string): string {
  const slash = name.indexOf('/');
  return slash < 0 ? name : name.slice(0, slash + 1);
}

type Early = { kind: 'update' | 'awareness' | 'resync'; data: Uint8Array; from: string };

/**
 * The rooms in memory. A room is loaded on first use (no client is answered before its
 * document is complete; joiners of a room being loaded wait for the same load) and
 * unloaded a while after its last client leaves, compacted on the way out. With fan-out,
 * a loaded room is subscribed to its channel; it subscribes before it reads storage, so an
 * update stored after the read is still received.
 */
export class Rooms {
  private readonly rooms = new Map<string, Room>();
  private readonly loading = new Map<string, Promise<Room>>();
  private readonly unloading = new Map<string, Promise<void>>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();
  /** Messages from other processes for rooms still loading, applied once loaded. */
  private readonly early = new Map<string, Early[]>();

  /**
   * `workshop/person` of everyone removed while this process ran: a socket authenticated just
   * before the removal is refused when it reaches its room, not let in after the kick.
   */
  readonly removedPeople = new Set<string>();
  private readonly compactions: CompactionPacer<Room>;
  /** Rooms closeAll is emptying: it unloads them itself, so their emptiness schedules nothing. */
  private readonly closing = new WeakSet<Room>();

  private readonly rules: RoomRules;

  constructor(
    private readonly deps: RoomsDeps,
    rules: RoomRules = {},
  ) {
    this.rules = Object.freeze({ ...rules });
    this.compactions = new CompactionPacer(deps.limits.compactionSpacingMs, (room, e) =>
      // The log is still intact; compaction is asked for again at the next update or unload.
      deps.log.error({ room: room.name, err: e }, 'compaction failed'),
    );
  }

  get size(): number {
    return this.rooms.size;
  }

  /** Rooms waiting to be unloaded (empty, warm for a reconnect). */
  get idle(): number {
    return this.unloadTimers.size;
  }

  /**
   * Rejects with RoomLoadError when storage cannot produce the document; nothing is kept
   * then. At `maxRooms` an idle room makes way, else RoomLimitError: refusing one room beats
   * running the process out of memory with all of them in it.
   */
  async open(name: string): Promise<Room> {
    this.cancelUnload(name);
    // A room being unloaded may still be storing its last steps: load it afresh after them.
    const closing = this.unloading.get(name);
    if (closing) {
      await closing;
      return this.open(name);
    }
    const existing = this.rooms.get(name);
    if (existing) return existing;
    const pending = this.loading.get(name);
    if (pending) return pending;
    if (this.rooms.size + this.loading.size >= this.deps.limits.maxRooms) {
      // An unload timer marks a room nobody holds (a room inside use() has none).
      const [idle] = this.unloadTimers.keys();
      if (idle === undefined) throw new RoomLimitError(name, this.deps.limits.maxRooms);
      void this.unload(idle);
    }
    const load = this.load(name);
    this.loading.set(name, load);
    try {
      return await load;
    } finally {
      this.loading.delete(name);
    }
  }

  /**
   * `open` for a socket: besides the process's cap, a workshop may hold `maxRoomsPerWorkshop`
   * rooms (an idle one of the same workshop makes way), so one workshop cannot pin the
   * rooms every other workshop needs. Server commands (`use`) are short and not capped here.
   */
  async openForClient(name: string): Promise<Room> {
    if (!this.rooms.has(name) && !this.loading.has(name)) {
      const prefix = workshopPrefix(name);
      let held = 0;
      for (const other of this.rooms.keys()) if (other.startsWith(prefix)) held++;
      for (const other of this.loading.keys()) if (other.startsWith(prefix)) held++;
      const max = this.deps.limits.maxRoomsPerWorkshop;
      if (held >= max) {
        const idle = [...this.unloadTimers.keys()].find((other) => other.startsWith(prefix) && other !== name);
        if (idle === undefined) throw new WorkshopRoomLimitError(name, max);
        void this.unload(idle);
      }
    }
    return this.open(name);
  }

  /** Every room slot is taken by a room somebody holds: a new room would be refused. */
  get saturated(): boolean {
    return this.rooms.size + this.loading.size >= this.deps.limits.maxRooms && this.unloadTimers.size === 0;
  }

  /** For server commands: the room is loaded if needed and unloaded later if nobody joins. */
  async use<T>(name: string, fn: (room: Room) => T | Promise<T>): Promise<T> {
    const room = await this.open(name);
    try {
      return await fn(room);
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

  /** A message another process (`from`) published for `name`. */
  deliver(name: string, kind: Early['kind'], data: Uint8Array, from = ''): void {
    const room = this.rooms.get(name);
    if (!room) {
      if (this.loading.has(name)) (this.early.get(name) ?? this.early.set(name, []).get(name)!).push({ kind, data, from });
      return;
    }
    this.apply(room, { kind, data, from });
  }

  /**
   * Another process stopped answering: its clients' presence leaves every loaded room, and
   * the rooms are re-read, since an update it stored just before dying may never have been
   * published.
   */
  forgetProcess(processId: string): void {
    for (const room of this.rooms.values()) room.forgetProcess(processId);
    this.resync([...this.rooms.keys()]);
  }

  /** Redis was unreachable: read these rooms again from storage. */
  resync(names: Iterable<string>): void {
    for (const name of names) {
      const room = this.rooms.get(name);
      if (room) this.apply(room, { kind: 'resync', data: new Uint8Array(), from: '' });
      else if (this.loading.has(name)) this.deliver(name, 'resync', new Uint8Array());
    }
  }

  /** The room stays listed until it is compacted and released; a joiner meanwhile waits for that. */
  unload(name: string): Promise<void> {
    this.cancelUnload(name);
    const closing = this.unloading.get(name);
    if (closing) return closing;
    const room = this.rooms.get(name);
    if (!room) return Promise.resolve();
    const done = (async () => {
      try {
        // Queued after every step already scheduled.
        await room.compact();
      } catch (e) {
        // The log stays as it is and is replayed on the next load; nothing is lost.
        this.deps.log.error({ room: name, err: e }, 'compaction on unload failed');
      }
      room.destroy(null);
      if (this.rooms.get(name) === room) this.forget(name);
      if (!this.rooms.has(name)) this.rules.hooksFor?.(name)?.unloaded?.();
      if (!this.rooms.has(name) && !this.loading.has(name)) await this.deps.fanout?.unsubscribe(name).catch(() => {});
      // A companion nobody is connected to has already waited out its board's delay: release
      // it now rather than after a second delay (1,000 idle boards took over 60 s to free).
      for (const companion of this.rules.companionsOf?.(name) ?? []) {
        if (this.rooms.get(companion)?.clientCount !== 0) continue;
        if (this.heldAsCompanion(companion)) this.scheduleUnload(companion);
        else void this.unload(companion);
      }
    })().finally(() => this.unloading.delete(name));
    this.unloading.set(name, done);
    return done;
  }

  /** Shutdown: every client is told to go away, every room compacted and released. */
  async closeAll(kind: CloseKind): Promise<void> {
    for (const room of this.rooms.values()) {
      this.closing.add(room);
      room.kickWhere(() => true, kind);
    }
    await Promise.all([...this.rooms.keys()].map((name) => this.unload(name)));
    await Promise.all([...this.unloading.values()]);
  }

  private async load(name: string): Promise<Room> {
    for (const companion of this.rules.companionsOf?.(name) ?? []) await this.open(companion);
    const fanout = this.deps.fanout;
    if (fanout) {
      const subscribed = fanout.subscribe(name);
      subscribed.catch((e: unknown) => this.deps.log.warn({ room: name, err: e }, 'subscribing to the room channel failed'));
      // With Redis down the subscription completes on reconnect, followed by a resync.
      if (fanout.ready) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, REDIS_SUBSCRIBE_WAIT_MS);
          void subscribed
            .catch(() => {})
            .finally(() => {
              clearTimeout(timer);
              resolve();
            });
        });
      }
    }
    const rules = this.rules.hooksFor?.(name) ?? null;
    let room: Room | undefined;
    try {
      await rules?.prepare?.();
      // Everything the room calls out to, given once: nothing is assigned on a live room.
      const hooks: RoomHooks = {
        onEmpty: () => {
          if (!(room && this.closing.has(room))) this.scheduleUnload(name);
        },
        onCompactionDue: (loaded) => this.compactions.request(loaded),
        onBroken: () => this.forget(name),
        policy: this.rules.policyFor?.(name) ?? null,
        ...(rules?.beforeStore ? { beforeStore: () => rules.beforeStore!() } : {}),
        ...(rules?.beforeRemote ? { beforeRemote: () => rules.beforeRemote!() } : {}),
      };
      room = await Room.load(name, this.deps, hooks);
    } catch (e) {
      this.early.delete(name);
      if (fanout && !this.rooms.has(name)) await fanout.unsubscribe(name).catch(() => {});
      throw e;
    }
    this.rooms.set(name, room);
    this.deps.metrics.roomsLoaded.set(this.rooms.size);
    const early = this.early.get(name) ?? [];
    this.early.delete(name);
    for (const message of early) this.apply(room, message);
    return room;
  }

  private apply(room: Room, { kind, data, from }: Early): void {
    const failed = (e: unknown) => this.deps.log.error({ room: room.name, kind, err: e }, 'message from another process failed');
    if (kind === 'update') room.applyRemote(data).catch(failed);
    else if (kind === 'awareness') room.applyRemoteAwareness(data, from);
    else room.resync().catch(failed);
  }

  private forget(name: string): void {
    const room = this.rooms.get(name);
    if (room) this.compactions.forget(room);
    this.rooms.delete(name);
    this.deps.metrics.roomsLoaded.set(this.rooms.size);
  }

  private heldAsCompanion(name: string): boolean {
    const { companionsOf } = this.rules;
    if (!companionsOf) return false;
    for (const other of this.rooms.keys()) if (companionsOf(other).includes(name)) return true;
    return false;
  }

  private scheduleUnload(name: string): void {
    this.cancelUnload(name);
    const timer = setTimeout(() => {
      this.unloadTimers.delete(name);
      if (this.rooms.get(name)?.clientCount !== 0) return;
      if (this.heldAsCompanion(name)) this.scheduleUnload(name);
      else void this.unload(name);
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
