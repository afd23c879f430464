import { afterEach, describe, expect, it } from 'vitest';
import { AppendBatch } from '../src/storage/append-batch.ts';
import { SqliteStorage } from '../src/storage/sqlite-storage.ts';
import { removeDataDir, tempDataDir } from './helpers/server.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach(removeDataDir));

/** SQLite that refuses rows for one room, as a corrupt or oversized row would be refused. */
class PickyStorage extends SqliteStorage {
  refuse: string | null = null;
  transactions = 0;
  override appendUpdate(room: string, update: Uint8Array): void {
    if (room === this.refuse) throw new Error(`SQLITE_CONSTRAINT: ${room}`);
    super.appendUpdate(room, update);
  }
  override appendAll(rows: readonly { room: string; update: Uint8Array }[]): void {
    this.transactions++;
    super.appendAll(rows);
  }
}

function storage() {
  const dir = tempDataDir();
  dirs.push(dir);
  return new PickyStorage(dir);
}

describe('appends from many rooms in one turn', () => {
  it('commit in one transaction, and each caller hears only once its row is on disk', async () => {
    const s = storage();
    const batch = new AppendBatch(s);
    const rooms = Array.from({ length: 50 }, (_, i) => `w${i}/board`);
    const seenStored = await Promise.all(
      rooms.map((room, i) => batch.append(room, Uint8Array.of(i)).then(() => s.loadDocument(room).updates.length)),
    );
    expect(seenStored).toEqual(rooms.map(() => 1));
    expect(s.transactions).toBe(1);
  });

  it('a row that cannot be stored fails only its own caller; the rest are stored', async () => {
    const s = storage();
    s.refuse = 'w2/board';
    const batch = new AppendBatch(s);
    const results = await Promise.allSettled(['w1/board', 'w2/board', 'w3/board'].map((room) => batch.append(room, Uint8Array.of(7))));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(Error);
    expect(s.loadDocument('w1/board').updates).toHaveLength(1);
    expect(s.loadDocument('w2/board').updates).toHaveLength(0);
    expect(s.loadDocument('w3/board').updates).toHaveLength(1);
  });

  it('appends of later turns go in later transactions, in order', async () => {
    const s = storage();
    const batch = new AppendBatch(s);
    await batch.append('w/board', Uint8Array.of(1));
    await batch.append('w/board', Uint8Array.of(2));
    expect(s.transactions).toBe(2);
    expect(s.loadDocument('w/board').updates.map((u) => [...u])).toEqual([[1], [2]]);
  });
});
