import * as Y from 'yjs';
import type { FastifyBaseLogger } from 'fastify';
import { ORIGIN } from '@crossboard/model';
import { CLOSE, HttpError, type CloseKind } from '../errors.ts';
import type { Limits } from '../limits.ts';
import type { Metrics } from '../metrics.ts';
import type { AsyncStorage } from '../storage/async-storage.ts';
import type { ClientInfo, Connection, PresenceIdentity, RoomClient } from './connection.ts';
import { RoomPresence } from './presence.ts';
import { documentTooLarge } from './document-limit.ts';
import { corruptRowReporter, loadDocument, type LoadedDocument } from './load-document.ts';
import { decodeClientMessage, encodeSyncStep1, encodeSyncStep2, encodeUpdate, isEmptyStateVector } from './protocol.ts';

/** Where a room's stored updates and awareness go to reach the same room in other processes. */
export interface RoomFanout {
  publish(room: string, kind: 'update' | 'awareness', data: Uint8Array): void;
}

export interface RoomDeps {
  storage: AsyncStorage;
  /** Set when several processes share workshops (REDIS_URL). */
  fanout?: RoomFanout | null;
  metrics: Metrics;
  limits: Limits;
  log: FastifyBaseLogger;
}

/**
 * A server-side rule run inside the transaction that applies a client's update, so the
 * broadcast already carries its corrections. Returns true when it changed the document
 * (the sender then receives the result too).
 */
export type UpdatePolicy = (tr: Y.Transaction, client: RoomClient) => boolean;

/**
 * What a room calls out to, fixed when it is made (the registry builds it in `Rooms.load`):
 * one frozen object, so no caller can swap a hook on a live room.
 */
export interface RoomHooks {
  /** The last client left, so the registry can schedule an unload. */
  readonly onEmpty?: () => void;
  /** The log passed its threshold: the registry compacts rooms one at a time. */
  readonly onCompactionDue?: (room: Room) => void;
  /** The room cannot continue (storage failed twice) and must be dropped. */
  readonly onBroken?: () => void;
  /** The room's rules on client updates (the board's author stamping, locks...), if any. */
  readonly policy?: UpdatePolicy | null;
  /** Awaited before an update is stored (rows the update's rules wrote must be there first). */
  readonly beforeStore?: () => Promise<void>;
  /** Awaited before another process's update is applied (the rules' cached reads catch up). */
  readonly beforeRemote?: () => Promise<void>;
}

/** A change applied to the document and waiting to be stored, then sent to everyone but `except`. */
interface Applied {
  update: Uint8Array;
  except: RoomClient | null;
  /** Who sent it (null for server changes): closed if it cannot be stored. */
  writer: RoomClient | null;
}

/** Close reasons are limited to 123 bytes by RFC 6455. */
const MAX_REASON_BYTES = 123;

function clip(reason: string): string {
  const bytes = Buffer.from(reason);
  return bytes.length <= MAX_REASON_BYTES ? reason : bytes.subarray(0, MAX_REASON_BYTES - 3).toString() + '...';
}

/**
 * One Yjs document and the connections sharing it. Knows nothing of sockets: every
 * connection is a `{ send, close }`. Invariant: nothing reaches a client before it is
 * stored. Storage answers asynchronously, so everything that changes or reads the document
 * for a client (updates, server changes, sync replies, updates from other processes) runs
 * through one queue per room: each step finishes, stored and broadcast, before the next
 * starts, so order is kept and a joiner's sync reply never holds an unstored update.
 */
export class Room {
  private doc: Y.Doc;
  /**
   * Made on the first join or presence from another process: a room nobody joins (a board's
   * control room, loaded for the board's rules; a room a server command loaded) holds no
   * Awareness, no document of its own for it and no 3 s timer.
   */
  private presenceState: RoomPresence | null = null;
  private readonly clients = new Set<RoomClient>();
  /** Updates the document emitted during the current apply, stored and sent after it succeeds. */
  private pending: Uint8Array[] = [];
  /** Sync step 2 with the whole document, encoded once per state and shared by every joiner. */
  private fullStateMessage: Uint8Array | null = null;
  private logCount: number;
  private logBytes: number;
  /** Stored snapshot bytes; after a compaction, an upper bound (merging only shrinks). */
  private snapshotBytes: number;
  /**
   * Client updates that arrived while the queue was busy. One queue step applies them all and
   * stores them as one row: under load a room catches up in one write and one socket write
   * per client (the endpoint corks sockets per tick) instead of one per update.
   */
  private inbox: { client: RoomClient; update: Uint8Array }[] = [];
  private destroyed = false;
  private compactionRequested = false;
  private readonly hooks: RoomHooks;
  /** The room's queue: the last step scheduled; each step starts when it settles. */
  private tail: Promise<void> = Promise.resolve();

  /** Loads the document from storage; throws RoomLoadError when it cannot. */
  static async load(name: string, deps: RoomDeps, hooks: RoomHooks = {}): Promise<Room> {
    const loaded = await loadDocument(deps.storage, name, corruptRowReporter(deps.metrics, deps.log));
    return new Room(name, deps, loaded, hooks);
  }

  constructor(
    readonly name: string,
    private readonly deps: RoomDeps,
    loaded: LoadedDocument,
    hooks: RoomHooks = {},
  ) {
    this.hooks = Object.freeze({ ...hooks });
    this.doc = loaded.doc;
    this.logCount = loaded.logCount;
    this.logBytes = loaded.logBytes;
    this.snapshotBytes = loaded.snapshotBytes;
    this.doc.on('update', this.collect);
  }

  private get presence(): RoomPresence {
    const { deps, name } = this;
    this.presenceState ??= new RoomPresence({
      clients: this.clients,
      limits: deps.limits,
      metrics: deps.metrics,
      deliver: (client, message) => this.deliver(client, message),
      sent: (messages, bytes) => {
        if (messages === 0) return;
        deps.metrics.messagesOut.inc(messages);
        deps.metrics.bytesOut.inc(bytes);
      },
      isDocumentClient: (id) => this.doc.store.clients.has(id),
      publish: (update) => deps.fanout?.publish(name, 'awareness', update),
    });
    return this.presenceState;
  }

  get clientCount(): number {
    return this.clients.size;
  }

  /** What the room holds in storage (snapshot plus log): what the document limit counts. */
  get storedBytes(): number {
    return this.snapshotBytes + this.logBytes;
  }

  /** A read-only view for server code (HTTP commands read settings from here). */
  get document(): Y.Doc {
    return this.doc;
  }

  private readonly collect = (update: Uint8Array): void => {
    this.pending.push(update);
  };

  join(conn: Connection, info: ClientInfo): RoomClient {
    const client: RoomClient = { ...info, conn, closed: false };
    this.clients.add(client);
    this.deps.metrics.connections.inc({ role: info.role, access: info.access });
    // Read-only clients are not asked for their state: whatever they sent back would be dropped.
    if (info.access === 'write') this.send(client, encodeSyncStep1(Y.encodeStateVector(this.doc)));
    this.presence.join(client);
    return client;
  }

  receive(client: RoomClient, data: Uint8Array): void {
    if (client.closed || this.destroyed) return;
    const { metrics } = this.deps;
    metrics.bytesIn.inc(data.byteLength);
    const decoded = decodeClientMessage(data);
    if (!decoded.ok) {
      metrics.dropped.inc({ reason: decoded.problem });
      const kind = decoded.problem === 'malformed' ? 'MALFORMED_MESSAGE' : 'UNKNOWN_MESSAGE_TYPE';
      this.deps.log.warn({ room: this.name, conn: client.connId, personId: client.personId, detail: decoded.detail }, 'bad message');
      this.kick(client, kind, `${CLOSE[kind].reason} ${decoded.detail}`);
      return;
    }
    const message = decoded.message;
    metrics.messagesIn.inc({ kind: message.kind });
    switch (message.kind) {
      case 'sync-step1': {
        const { stateVector } = message;
        void this.enqueue(() => this.send(client, this.syncStep2For(stateVector)));
        return;
      }
      case 'sync-step2':
      case 'update': {
        if (client.access !== 'write') {
          metrics.dropped.inc({ reason: 'read_only' });
          return;
        }
        if (this.inbox.push({ client, update: message.update }) === 1) void this.enqueue(this.applyInbox);
        return;
      }
      case 'awareness':
        if (this.presence.receive(client, message.entries) === 'too-big') {
          this.deps.log.warn({ room: this.name, conn: client.connId, personId: client.personId }, 'presence state too big');
          this.kick(
            client,
            'AWARENESS_TOO_BIG',
            `${CLOSE.AWARENESS_TOO_BIG.reason} The limit is ${this.deps.limits.maxAwarenessStateBytes} bytes.`,
          );
        }
        return;
      case 'query-awareness':
        this.presence.sendAll(client);
        return;
    }
  }

  leave(client: RoomClient): void {
    if (!this.clients.delete(client)) return;
    client.closed = true;
    this.deps.metrics.connections.dec({ role: client.role, access: client.access });
    this.presenceState?.leave(client);
    if (this.clients.size === 0) this.hooks.onEmpty?.();
  }

  /** Closes one client with a registered code; `reason` may add detail to the registered text. */
  kick(client: RoomClient, kind: CloseKind, reason: string = CLOSE[kind].reason): void {
    if (client.closed) return;
    this.deps.metrics.closes.inc({ code: String(CLOSE[kind].code) });
    client.conn.close(CLOSE[kind].code, clip(reason));
    this.leave(client);
  }

  /** A person's presence identity changed (directory consent): their clients here are stamped again. */
  restamp(personId: string, identity: PresenceIdentity): void {
    for (const client of this.clients) {
      if (client.personId !== personId || client.closed) continue;
      client.identity = identity;
      this.presenceState?.restamp(client);
    }
  }

  kickWhere(predicate: (client: RoomClient) => boolean, kind: CloseKind): number {
    let n = 0;
    for (const client of [...this.clients]) {
      if (predicate(client)) {
        this.kick(client, kind);
        n++;
      }
    }
    return n;
  }

  /**
   * Runs a server-side change (an HTTP command) through the same store-then-broadcast path;
   * resolves once it is stored and sent.
   */
  change(fn: (doc: Y.Doc) => void, origin: unknown): Promise<void> {
    this.assertAlive();
    return this.enqueue(async () => {
      this.assertAlive();
      this.pending = [];
      try {
        this.doc.transact(() => fn(this.doc), origin);
      } catch (e) {
        await this.recover(e);
        throw e;
      }
      const update = this.takePending();
      if (!update) return;
      if (this.exceedsDocumentLimit(update)) {
        await this.recover('document too large');
        // A 413 for the command that asked: nothing was stored, the room is as it was.
        throw new HttpError(
          'DOCUMENT_TOO_LARGE',
          documentTooLarge(this.storedBytes + update.byteLength, this.deps.limits.maxDocumentBytes),
        );
      }
      if (!(await this.commit([{ update, except: null, writer: null }]))) {
        throw new Error(`room ${this.name}: the change could not be stored`);
      }
    });
  }

  /**
   * An update another process stored and published: applied and sent to this process's
   * clients, never stored again.
   */
  applyRemote(update: Uint8Array): Promise<void> {
    return this.enqueue(async () => {
      if (this.destroyed) return;
      await this.hooks.beforeRemote?.();
      if (this.destroyed) return;
      this.applyUnstored(update);
      // It is in the shared log all the same: the size limit and compaction count it here too.
      this.logCount++;
      this.logBytes += update.byteLength;
    });
  }

  /** Awareness from clients of other processes, shown to this process's clients. */
  applyRemoteAwareness(update: Uint8Array, fromProcess: string): void {
    if (this.destroyed) return;
    try {
      this.presence.applyRemote(update, fromProcess);
    } catch (e) {
      this.deps.log.warn({ room: this.name, err: e }, 'remote awareness could not be applied');
    }
  }

  /** A process went silent (crashed): the presence of its clients goes now, not in 30 s. */
  forgetProcess(processId: string): void {
    if (this.destroyed) return;
    this.presenceState?.forgetProcess(processId);
  }

  /**
   * Reads the room again from storage and sends clients what they lack: after Redis was
   * unreachable, updates other processes stored meanwhile were never received here.
   */
  resync(): Promise<void> {
    return this.enqueue(async () => {
      if (this.destroyed) return;
      const loaded = await loadDocument(this.deps.storage, this.name, corruptRowReporter(this.deps.metrics, this.deps.log));
      try {
        const missing = Y.encodeStateAsUpdate(loaded.doc, Y.encodeStateVector(this.doc));
        if (this.destroyed) return;
        this.applyUnstored(missing);
        this.logCount = loaded.logCount;
        this.logBytes = loaded.logBytes;
        this.snapshotBytes = loaded.snapshotBytes;
      } finally {
        loaded.doc.destroy();
      }
    });
  }

  /** Resolves when every step queued so far has finished. */
  settled(): Promise<void> {
    return this.enqueue(() => {});
  }

  /**
   * Merges the log into the snapshot (past the threshold, paced by the registry, and on
   * unload), in turn with the room's other steps, so the document holds exactly what is
   * stored. If it fails the log is intact, and compaction is asked for again later.
   */
  compact(): Promise<void> {
    return this.enqueue(async () => {
      this.compactionRequested = false;
      if (this.destroyed || this.logCount === 0) return;
      const count = this.logCount;
      const bytes = this.logBytes;
      // As the room's only writer this process has applied every stored row: its state is
      // the merged snapshot, many times cheaper to encode than merging the stored rows again
      // (docs/bench-sync.md has the numbers). With other processes writing, storage merges.
      const current = this.deps.fanout ? undefined : Y.encodeStateAsUpdate(this.doc);
      await this.deps.storage.compact(this.name, current);
      this.deps.metrics.compactions.inc();
      this.snapshotBytes += bytes;
      this.logCount -= count;
      this.logBytes -= bytes;
    });
  }

  /** Schedules a step after every earlier one; a failed step does not stop the queue. */
  private enqueue(step: () => void | Promise<void>): Promise<void> {
    const run = this.tail.then(step);
    this.tail = run.catch(() => {});
    return run;
  }

  /** Applies an update that is already stored (by another process) and sends it on. */
  private applyUnstored(update: Uint8Array): void {
    this.pending = [];
    Y.applyUpdate(this.doc, update, ORIGIN.remote);
    const applied = this.pending;
    this.pending = [];
    if (applied.length === 0) return;
    this.fullStateMessage = null;
    this.broadcast(encodeUpdate(applied.length === 1 ? applied[0]! : Y.mergeUpdates(applied)), null);
  }

  /** Closes every client and frees memory; the registry forgets the room afterwards. */
  destroy(kind: CloseKind | null): void {
    if (this.destroyed) return;
    if (kind) for (const client of [...this.clients]) this.kick(client, kind);
    this.destroyed = true;
    this.presenceState?.destroy();
    this.clients.clear();
    this.doc.destroy();
  }

  private assertAlive(): void {
    if (this.destroyed) throw new Error(`room ${this.name} is closed`);
  }

  private syncStep2For(stateVector: Uint8Array): Uint8Array {
    if (isEmptyStateVector(stateVector)) {
      this.fullStateMessage ??= encodeSyncStep2(Y.encodeStateAsUpdate(this.doc));
      return this.fullStateMessage;
    }
    return encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector));
  }

  /** Every update in the inbox, applied in arrival order and stored together. */
  private readonly applyInbox = async (): Promise<void> => {
    const items = this.inbox;
    this.inbox = [];
    const applied: Applied[] = [];
    let appliedBytes = 0;
    // What is applied but not yet stored goes to storage before a reload could drop it.
    const refuse = async (client: RoomClient, kind: CloseKind, reason: string, cause: unknown) => {
      appliedBytes = 0;
      if (applied.length > 0) await this.commit(applied.splice(0));
      this.kick(client, kind, reason);
      await this.recover(cause);
    };
    for (const { client, update } of items) {
      if (client.closed || this.destroyed) continue;
      this.pending = [];
      let corrected = false;
      try {
        const policy = this.hooks.policy;
        if (policy) {
          this.doc.transact((tr) => {
            Y.applyUpdate(this.doc, update, client);
            corrected = policy(tr, client);
          }, client);
        } else {
          Y.applyUpdate(this.doc, update, client);
        }
      } catch (e) {
        this.deps.metrics.dropped.inc({ reason: 'apply_failed' });
        this.deps.log.warn({ room: this.name, conn: client.connId, personId: client.personId, err: e }, 'update failed to apply');
        await refuse(client, 'MALFORMED_MESSAGE', `${CLOSE.MALFORMED_MESSAGE.reason} The update could not be applied.`, e);
        continue;
      }
      const change = this.takePending();
      if (!change) continue;
      if (this.exceedsDocumentLimit(change, appliedBytes)) {
        await refuse(client, 'DOCUMENT_TOO_LARGE', CLOSE.DOCUMENT_TOO_LARGE.reason, 'document too large');
        continue;
      }
      // A corrected update goes back to its sender too, or their document would keep the forgery.
      applied.push({ update: change, except: corrected ? null : client, writer: client });
      appliedBytes += change.byteLength;
    }
    if (applied.length > 0) await this.commit(applied);
  };

  /** The update the last transaction made (merged if it emitted several), or null if none. */
  private takePending(): Uint8Array | null {
    const updates = this.pending;
    this.pending = [];
    if (updates.length === 0) return null;
    return updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
  }

  private exceedsDocumentLimit(update: Uint8Array, queuedBytes = 0): boolean {
    const { limits, metrics, log } = this.deps;
    const bytes = this.snapshotBytes + this.logBytes + queuedBytes;
    if (bytes + update.byteLength <= limits.maxDocumentBytes) return false;
    metrics.dropped.inc({ reason: 'document_too_large' });
    log.warn(
      { room: this.name, bytes, update: update.byteLength, limit: limits.maxDocumentBytes },
      'update refused: the document would pass its size limit',
    );
    return true;
  }

  /**
   * Stores applied changes as one row, then sends each to everyone but its `except`. Returns
   * false when storage failed: nothing was sent, the writers were closed and the document
   * was reloaded from storage.
   */
  private async commit(applied: Applied[]): Promise<boolean> {
    const { storage, metrics, limits } = this.deps;
    const update = applied.length === 1 ? applied[0]!.update : Y.mergeUpdates(applied.map((a) => a.update));
    const stop = metrics.storageWrite.startTimer();
    try {
      // Awaited only when set: each await is another microtask turn per stored update.
      if (this.hooks.beforeStore) await this.hooks.beforeStore();
      await storage.appendUpdate(this.name, update);
    } catch (e) {
      metrics.dropped.inc({ reason: 'storage_failed' });
      this.deps.log.error({ room: this.name, err: e }, 'storing an update failed');
      for (const { writer } of applied) if (writer) this.kick(writer, 'STORAGE_FAILED');
      await this.recover(e);
      return false;
    }
    stop();
    if (this.destroyed) return true;
    this.fullStateMessage = null;
    this.logCount++;
    this.logBytes += update.byteLength;
    for (const a of applied) this.broadcast(encodeUpdate(a.update), a.except);
    this.deps.fanout?.publish(this.name, 'update', update);
    const due = this.logCount >= limits.compactAfterUpdates || this.logBytes >= limits.compactAfterBytes;
    if (due && !this.compactionRequested) {
      this.compactionRequested = true;
      this.hooks.onCompactionDue?.(this);
    }
    return true;
  }

  /**
   * After a failed apply or store the in-memory document may hold changes storage lacks.
   * Nothing of them was sent, so reloading from storage restores the invariant.
   */
  private async recover(cause: unknown): Promise<void> {
    this.pending = [];
    this.fullStateMessage = null;
    if (this.destroyed) return;
    try {
      const loaded = await loadDocument(this.deps.storage, this.name, corruptRowReporter(this.deps.metrics, this.deps.log));
      if (this.destroyed) {
        loaded.doc.destroy();
        return;
      }
      this.doc.off('update', this.collect);
      this.doc.destroy();
      this.doc = loaded.doc;
      this.logCount = loaded.logCount;
      this.logBytes = loaded.logBytes;
      this.snapshotBytes = loaded.snapshotBytes;
      this.doc.on('update', this.collect);
      this.deps.log.warn({ room: this.name, cause: String(cause) }, 'room reloaded from storage');
    } catch (e) {
      this.deps.log.error({ room: this.name, err: e }, 'room could not be reloaded; closing it');
      this.destroy('ROOM_UNAVAILABLE');
      this.hooks.onBroken?.();
    }
  }

  /** One encoded message for every recipient. */
  private broadcast(encoded: Uint8Array, except: RoomClient | null): void {
    // As a Buffer `ws` sends it as it is; a Uint8Array it wraps anew for every recipient.
    const message = Buffer.from(encoded.buffer, encoded.byteOffset, encoded.byteLength);
    let sent = 0;
    // A Set visits each client once even when a slow one is kicked (deleted) meanwhile.
    for (const client of this.clients) if (client !== except && this.deliver(client, message)) sent++;
    this.countSent(sent, message);
  }

  private send(client: RoomClient, message: Uint8Array): void {
    if (this.deliver(client, message)) this.countSent(1, message);
  }

  private countSent(messages: number, message: Uint8Array): void {
    if (messages === 0) return;
    this.deps.metrics.messagesOut.inc(messages);
    this.deps.metrics.bytesOut.inc(messages * message.byteLength);
  }

  /** Hands a message to the client's transport; false if it was closed (or is now, as too slow). */
  private deliver(client: RoomClient, message: Uint8Array): boolean {
    if (client.closed) return false;
    const { metrics, limits } = this.deps;
    client.conn.send(message);
    if (client.conn.bufferedAmount > limits.maxBufferedBytes) {
      metrics.dropped.inc({ reason: 'too_slow' });
      this.deps.log.warn(
        { room: this.name, conn: client.connId, personId: client.personId, buffered: client.conn.bufferedAmount },
        'client too slow',
      );
      this.kick(client, 'TOO_SLOW');
    }
    return true;
  }
}
