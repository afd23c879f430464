import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ORIGIN } from '@crossboard/model';
import { DEFAULT_LIMITS } from '../src/limits.ts';
import { createMetrics } from '../src/metrics.ts';
import { asyncStorage } from '../src/storage/async-storage.ts';
import { SqliteStorage } from '../src/storage/sqlite-storage.ts';
import type { Connection } from '../src/sync/connection.ts';
import { encodeSyncStep1, encodeUpdate } from '../src/sync/protocol.ts';
import { Rooms } from '../src/sync/rooms.ts';
import { clientInfo } from './helpers/memory-network.ts';
import { removeDataDir, tempDataDir } from './helpers/server.ts';
import Fastify from 'fastify';

/** SQLite whose writes can be made to fail, as a full disk would. */
class FlakyStorage extends SqliteStorage {
  failWrites = false;
  override appendUpdate(room: string, update: Uint8Array): void {
    if (this.failWrites) throw new Error('SQLITE_FULL: database or disk is full');
    super.appendUpdate(room, update);
  }
}

/** A connection that records what the room sent it (the room's transport contract). */
function recordingConnection() {
  const sent: Uint8Array[] = [];
  const closes: { code: number; reason: string }[] = [];
  const conn: Connection = {
    send: (data) => sent.push(data),
    close: (code, reason) => closes.push({ code, reason }),
    bufferedAmount: 0,
  };
  return { conn, sent, closes };
}

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach(removeDataDir));

function setup() {
  const dir = tempDataDir();
  dirs.push(dir);
  const storage = new FlakyStorage(dir);
  const rooms = new Rooms({
    storage: asyncStorage(storage),
    metrics: createMetrics(),
    limits: DEFAULT_LIMITS,
    log: Fastify({ logger: false }).log,
  });
  return { storage, rooms };
}

function updateMessage(change: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  change(doc);
  return encodeUpdate(Y.encodeStateAsUpdate(doc));
}

describe('when storage refuses a write', () => {
  it('nothing is broadcast, the room keeps only stored state, and it works again once storage recovers', async () => {
    const { storage, rooms } = setup();
    const room = await rooms.open('w/board');
    const writer = recordingConnection();
    const other = recordingConnection();
    const w = room.join(writer.conn, clientInfo('c-a', 'a', 'facilitator', 'write'));
    room.join(other.conn, clientInfo('c-b', 'b', 'participant', 'write'));
    const before = other.sent.length;

    storage.failWrites = true;
    room.receive(
      w,
      updateMessage((d) => d.getText('text').insert(0, 'lost to a full disk')),
    );
    await room.settled();
    expect(other.sent.length).toBe(before);
    expect(room.document.getText('text').toString()).toBe('');
    // The writer is told (and reconnects, resending what its document still holds).
    expect(writer.closes).toEqual([{ code: 1013, reason: expect.stringMatching(/could not be saved/) }]);

    storage.failWrites = false;
    const again = room.join(recordingConnection().conn, clientInfo('c-a', 'a', 'facilitator', 'write'));
    room.receive(
      again,
      updateMessage((d) => d.getText('text').insert(0, 'stored')),
    );
    await room.settled();
    expect(other.sent.length).toBe(before + 1);
    expect(room.document.getText('text').toString()).toBe('stored');
    expect(storage.loadDocument('w/board').updates).toHaveLength(1);
    storage.close();
  });

  it('a server command that cannot be stored throws and leaves the room as stored', async () => {
    const { storage, rooms } = setup();
    storage.failWrites = true;
    await expect(
      rooms.use('w/control', (room) => room.change((doc) => doc.getMap('settings').set('title', 'T'), ORIGIN.serverCommand)),
    ).rejects.toThrow(/could not be stored/);
    expect(await rooms.use('w/control', (room) => room.document.getMap('settings').has('title'))).toBe(false);
    storage.close();
  });
});

describe('a room', () => {
  it('asks a writer for its state on join but not a read-only client', async () => {
    const { storage, rooms } = setup();
    const room = await rooms.open('w/control');
    const writer = recordingConnection();
    const reader = recordingConnection();
    room.join(writer.conn, clientInfo('c-f', 'f', 'facilitator', 'write'));
    room.join(reader.conn, clientInfo('c-p', 'p', 'participant', 'read'));
    expect(writer.sent).toEqual([encodeSyncStep1(Y.encodeStateVector(room.document))]);
    expect(reader.sent).toEqual([]);
    storage.close();
  });

  it('encodes the full state once for every fresh joiner at the same version', async () => {
    const { storage, rooms } = setup();
    const room = await rooms.open('w/board');
    const a = recordingConnection();
    const b = recordingConnection();
    const ca = room.join(a.conn, clientInfo('c-a', 'a', 'participant', 'read'));
    const cb = room.join(b.conn, clientInfo('c-b', 'b', 'participant', 'read'));
    const emptyStep1 = encodeSyncStep1(Y.encodeStateVector(new Y.Doc()));
    room.receive(ca, emptyStep1);
    room.receive(cb, emptyStep1);
    await room.settled();
    // The same bytes object: encoded once, shared.
    expect(a.sent.at(-1)).toBe(b.sent.at(-1));
    storage.close();
  });
});
