import Fastify from 'fastify';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { DEFAULT_LIMITS, type Limits } from '../../src/limits.ts';
import { createMetrics } from '../../src/metrics.ts';
import { asyncStorage } from '../../src/storage/async-storage.ts';
import { SqliteStorage } from '../../src/storage/sqlite-storage.ts';
import type { Connection, RoomClient } from '../../src/sync/connection.ts';
import { MESSAGE_SYNC } from '../../src/sync/protocol.ts';
import type { Room } from '../../src/sync/room.ts';
import { Rooms } from '../../src/sync/rooms.ts';
import type { Role } from '@crossboard/model';
import type { ClientInfo } from '../../src/sync/connection.ts';
/** What the endpoint passes to `room.join` for a person, for tests that join rooms directly. */
export function clientInfo(connId: string, personId: string, role: Role, access: 'read' | 'write'): ClientInfo {
  return {
    connId,
    personId,
    role,
    access,
    identity: { id: personId, name: personId, organisation: '', timeZone: 'UTC', role, colour: '#888888' },
  };
}

/**
 * Rooms on real SQLite, joined by clients over an in-memory network whose messages move
 * only when a test flushes them (as tldraw's TestSocketPair and Yjs's testHelper do), so a
 * seed replays exactly the same interleaving.
 */
export class MemoryClient {
  readonly doc: Y.Doc;
  /** Messages on the wire, each way; a flush moves them. */
  readonly toServer: Uint8Array[] = [];
  readonly toClient: Uint8Array[] = [];
  private client: RoomClient | null = null;
  closes: { code: number; reason: string }[] = [];

  constructor(
    private readonly room: Room,
    clientID: number,
  ) {
    this.doc = new Y.Doc();
    this.doc.clientID = clientID;
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === this || !this.client) return;
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, MESSAGE_SYNC);
      syncProtocol.writeUpdate(e, update);
      this.toServer.push(encoding.toUint8Array(e));
    });
  }

  get connected(): boolean {
    return this.client !== null;
  }

  connect(): void {
    if (this.client) return;
    const conn: Connection = {
      send: (data) => this.toClient.push(data),
      close: (code, reason) => {
        this.closes.push({ code, reason });
        this.drop();
      },
      bufferedAmount: 0,
    };
    this.client = this.room.join(conn, clientInfo(`c${this.doc.clientID}`, `p${this.doc.clientID}`, 'facilitator', 'write'));
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(e, this.doc);
    this.toServer.push(encoding.toUint8Array(e));
  }

  /** A dropped connection: whatever was on the wire is lost, as with a dead TCP socket. */
  drop(): void {
    if (!this.client) return;
    const client = this.client;
    this.client = null;
    this.toServer.length = 0;
    this.toClient.length = 0;
    this.room.leave(client);
  }

  /** Delivers up to `n` messages client → server; returns how many moved. */
  flushUp(n = Infinity): number {
    let moved = 0;
    while (this.client && moved < n && this.toServer.length > 0) {
      this.room.receive(this.client, this.toServer.shift()!);
      moved++;
    }
    return moved;
  }

  /** Delivers up to `n` messages server → client, answering sync step 1 as a provider does. */
  flushDown(n = Infinity): number {
    let moved = 0;
    while (this.client && moved < n && this.toClient.length > 0) {
      const decoder = decoding.createDecoder(this.toClient.shift()!);
      moved++;
      if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) continue;
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, MESSAGE_SYNC);
      syncProtocol.readSyncMessage(decoder, reply, this.doc, this);
      if (encoding.length(reply) > 1) this.toServer.push(encoding.toUint8Array(reply));
    }
    return moved;
  }
}

export function memoryRooms(dataDir: string, limits: Partial<Limits> = {}) {
  const storage = new SqliteStorage(dataDir);
  const metrics = createMetrics();
  const rooms = new Rooms({
    storage: asyncStorage(storage),
    metrics,
    limits: { ...DEFAULT_LIMITS, ...limits },
    log: Fastify({ logger: false }).log,
  });
  return { storage, metrics, rooms };
}
