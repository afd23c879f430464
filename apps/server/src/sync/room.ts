import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import type { FastifyBaseLogger } from 'fastify';
import { CLOSE, type CloseKind } from '../errors.ts';
import type { Limits } from '../limits.ts';
import type { Metrics } from '../metrics.ts';
import type { Storage } from '../storage/storage.ts';
import type { ClientInfo, Connection, RoomClient } from './connection.ts';
import { AwarenessCoalescer } from './awareness-coalescer.ts';
import { corruptRowReporter, loadDocument } from './load-document.ts';
import {
  decodeClientMessage,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  isEmptyStateVector,
  type AwarenessEntry,
} from './protocol.ts';

export interface RoomDeps {
  storage: Storage;
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

const AWARENESS_UPDATE = 'update';
/** Close reasons are limited to 123 bytes by RFC 6455. */
const MAX_REASON_BYTES = 123;

function clip(reason: string): string {
  const bytes = Buffer.from(reason);
  return bytes.length <= MAX_REASON_BYTES ? reason : bytes.subarray(0, MAX_REASON_BYTES - 3).toString() + '...';
}

/**
 * One Yjs document and the connections sharing it. Knows nothing of sockets: every
 * connection is a `{ send, close }`. Invariant: the document equals what storage holds,
 * and nothing reaches a client before it is stored.
 */
export class Room {
  private doc: Y.Doc;
  /** Awareness lives on its own tiny doc so that reloading the room's doc keeps presence. */
  private readonly awareness = new Awareness(new Y.Doc());
  private readonly clients = new Set<RoomClient>();
  private readonly awarenessOwners = new Map<number, RoomClient>();
  /** Updates the document emitted during the current apply, stored and sent after it succeeds. */
  private pending: Uint8Array[] = [];
  /** Sync step 2 with the whole document, encoded once per state and shared by every joiner. */
  private fullStateMessage: Uint8Array | null = null;
  private logCount: number;
  private logBytes: number;
  /** Stored snapshot bytes; after a compaction, an upper bound (merging only shrinks). */
  private snapshotBytes: number;
  /** Why the last commit was refused, for the close sent to the writer. */
  private refusal: CloseKind = 'STORAGE_FAILED';
  private readonly awarenessOut: AwarenessCoalescer<RoomClient>;
  private destroyed = false;
  /** Called when the last client leaves, so the registry can schedule an unload. */
  onEmpty: (() => void) | null = null;
  /** Called when the room cannot continue (storage failed twice) and must be dropped. */
  onBroken: (() => void) | null = null;
  /** Set by the registry for rooms with rules (the board's author stamping, locks...). */
  policy: UpdatePolicy | null = null;

  constructor(
    readonly name: string,
    private readonly deps: RoomDeps,
  ) {
    const loaded = loadDocument(deps.storage, name, corruptRowReporter(deps.metrics, deps.log));
    this.doc = loaded.doc;
    this.logCount = loaded.logCount;
    this.logBytes = loaded.logBytes;
    this.snapshotBytes = loaded.snapshotBytes;
    this.doc.on('update', this.collect);
    this.awarenessOut = new AwarenessCoalescer(this.awareness, deps.limits.awarenessTickMs, (message, except) =>
      this.broadcast(message, except),
    );
    this.awareness.setLocalState(null);
    this.awareness.on(AWARENESS_UPDATE, this.onAwarenessUpdate);
  }

  get clientCount(): number {
    return this.clients.size;
  }

  /** A read-only view for server code (HTTP commands read settings from here). */
  get document(): Y.Doc {
    return this.doc;
  }

  private readonly collect = (update: Uint8Array): void => {
    this.pending.push(update);
  };

  join(conn: Connection, info: ClientInfo): RoomClient {
    const client: RoomClient = { ...info, conn, awarenessIds: new Set(), closed: false };
    this.clients.add(client);
    this.deps.metrics.connections.inc({ role: info.role, access: info.access });
    // Read-only clients are not asked for their state: whatever they sent back would be dropped.
    if (info.access === 'write') this.send(client, encodeSyncStep1(Y.encodeStateVector(this.doc)));
    const states = this.awareness.getStates();
    if (states.size > 0) {
      this.send(client, encodeAwareness(encodeAwarenessUpdate(this.awareness, [...states.keys()])));
    }
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
      this.deps.log.warn({ room: this.name, personId: client.personId, detail: decoded.detail }, 'bad message');
      this.kick(client, kind, `${CLOSE[kind].reason} ${decoded.detail}`);
      return;
    }
    const message = decoded.message;
    metrics.messagesIn.inc({ kind: message.kind });
    switch (message.kind) {
      case 'sync-step1':
        this.send(client, this.syncStep2For(message.stateVector));
        return;
      case 'sync-step2':
      case 'update':
        if (client.access !== 'write') {
          metrics.dropped.inc({ reason: 'read_only' });
          return;
        }
        this.applyClientUpdate(client, message.update);
        return;
      case 'awareness':
        this.applyAwareness(client, message.update, message.entries);
        return;
      case 'query-awareness': {
        const ids = [...this.awareness.getStates().keys()];
        if (ids.length > 0) this.send(client, encodeAwareness(encodeAwarenessUpdate(this.awareness, ids)));
        return;
      }
    }
  }

  leave(client: RoomClient): void {
    if (!this.clients.delete(client)) return;
    client.closed = true;
    this.deps.metrics.connections.dec({ role: client.role, access: client.access });
    const ids = [...client.awarenessIds].filter((id) => this.awarenessOwners.get(id) === client);
    for (const id of ids) this.awarenessOwners.delete(id);
    if (ids.length > 0 && !this.destroyed) removeAwarenessStates(this.awareness, ids, null);
    if (this.clients.size === 0) this.onEmpty?.();
  }

  /** Closes one client with a registered code; `reason` may add detail to the registered text. */
  kick(client: RoomClient, kind: CloseKind, reason: string = CLOSE[kind].reason): void {
    if (client.closed) return;
    this.deps.metrics.closes.inc({ code: String(CLOSE[kind].code) });
    client.conn.close(CLOSE[kind].code, clip(reason));
    this.leave(client);
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

  /** Runs a server-side change (an HTTP command) through the same store-then-broadcast path. */
  change(fn: (doc: Y.Doc) => void, origin: unknown): void {
    this.assertAlive();
    this.pending = [];
    try {
      this.doc.transact(() => fn(this.doc), origin);
    } catch (e) {
      this.recover(e);
      throw e;
    }
    if (!this.commit(null)) throw new Error(`room ${this.name}: the change could not be stored`);
  }

  /** Merges the log into the snapshot (on threshold and on unload). */
  compact(): void {
    if (this.logCount === 0) return;
    this.deps.storage.compact(this.name);
    this.deps.metrics.compactions.inc();
    this.snapshotBytes += this.logBytes;
    this.logCount = 0;
    this.logBytes = 0;
  }

  /** Closes every client and frees memory; the registry forgets the room afterwards. */
  destroy(kind: CloseKind | null): void {
    if (this.destroyed) return;
    if (kind) for (const client of [...this.clients]) this.kick(client, kind);
    this.destroyed = true;
    this.awarenessOut.stop();
    this.clients.clear();
    this.awareness.destroy();
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

  private applyClientUpdate(client: RoomClient, update: Uint8Array): void {
    this.pending = [];
    let corrected = false;
    try {
      const policy = this.policy;
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
      this.deps.log.warn({ room: this.name, personId: client.personId, err: e }, 'update failed to apply');
      this.kick(client, 'MALFORMED_MESSAGE', `${CLOSE.MALFORMED_MESSAGE.reason} The update could not be applied.`);
      this.recover(e);
      return;
    }
    // A corrected update goes back to its sender too, or their document would keep the forgery.
    if (!this.commit(corrected ? null : client)) this.kick(client, this.refusal);
  }

  /**
   * Stores what the last transaction changed, then broadcasts it. Returns false when
   * storage failed: nothing was broadcast and the document was reloaded from storage.
   */
  private commit(origin: RoomClient | null): boolean {
    const updates = this.pending;
    this.pending = [];
    if (updates.length === 0) return true;
    const { storage, metrics, limits } = this.deps;
    const update = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
    if (this.snapshotBytes + this.logBytes + update.byteLength > limits.maxDocumentBytes) {
      metrics.dropped.inc({ reason: 'document_too_large' });
      this.deps.log.warn(
        { room: this.name, bytes: this.snapshotBytes + this.logBytes, update: update.byteLength, limit: limits.maxDocumentBytes },
        'update refused: the document would pass its size limit',
      );
      this.refusal = 'DOCUMENT_TOO_LARGE';
      this.recover('document too large');
      return false;
    }
    const stop = metrics.storageWrite.startTimer();
    try {
      storage.appendUpdate(this.name, update);
    } catch (e) {
      metrics.dropped.inc({ reason: 'storage_failed' });
      this.deps.log.error({ room: this.name, err: e }, 'storing an update failed');
      this.refusal = 'STORAGE_FAILED';
      this.recover(e);
      return false;
    }
    stop();
    this.fullStateMessage = null;
    this.logCount++;
    this.logBytes += update.byteLength;
    this.broadcast(encodeUpdate(update), origin);
    if (this.logCount >= limits.compactAfterUpdates || this.logBytes >= limits.compactAfterBytes) {
      try {
        this.compact();
      } catch (e) {
        // The log is still intact; compaction is retried at the next threshold or unload.
        this.deps.log.error({ room: this.name, err: e }, 'compaction failed');
      }
    }
    return true;
  }

  /**
   * After a failed apply or store the in-memory document may hold changes storage lacks.
   * Nothing of them was sent, so reloading from storage restores the invariant.
   */
  private recover(cause: unknown): void {
    this.pending = [];
    this.fullStateMessage = null;
    try {
      const loaded = loadDocument(this.deps.storage, this.name, corruptRowReporter(this.deps.metrics, this.deps.log));
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
      this.onBroken?.();
    }
  }

  private applyAwareness(client: RoomClient, update: Uint8Array, entries: AwarenessEntry[]): void {
    // A client speaks only for its own awareness ids; it may not erase or impersonate others.
    for (const { clientID } of entries) {
      const owner = this.awarenessOwners.get(clientID);
      if (owner !== undefined && owner !== client) {
        this.deps.metrics.dropped.inc({ reason: 'awareness_not_owner' });
        return;
      }
    }
    for (const { clientID, state } of entries) {
      if (state === null) {
        this.awarenessOwners.delete(clientID);
        client.awarenessIds.delete(clientID);
      } else {
        this.awarenessOwners.set(clientID, client);
        client.awarenessIds.add(clientID);
      }
    }
    applyAwarenessUpdate(this.awareness, update, client);
  }

  private readonly onAwarenessUpdate = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    if (this.clients.size === 0) return;
    const from = origin as RoomClient | null;
    this.awarenessOut.update([...change.added, ...change.updated], from);
    this.awarenessOut.remove(change.removed, from);
  };

  /** One encoded message for every recipient. */
  private broadcast(message: Uint8Array, except: RoomClient | null): void {
    for (const client of [...this.clients]) if (client !== except) this.send(client, message);
  }

  private send(client: RoomClient, message: Uint8Array): void {
    if (client.closed) return;
    const { metrics, limits } = this.deps;
    client.conn.send(message);
    metrics.messagesOut.inc();
    metrics.bytesOut.inc(message.byteLength);
    if (client.conn.bufferedAmount > limits.maxBufferedBytes) {
      metrics.dropped.inc({ reason: 'too_slow' });
      this.deps.log.warn({ room: this.name, personId: client.personId, buffered: client.conn.bufferedAmount }, 'client too slow');
      this.kick(client, 'TOO_SLOW');
    }
  }
}
