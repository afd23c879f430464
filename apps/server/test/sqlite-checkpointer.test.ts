import { statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, SqliteStorage } from '../src/storage/sqlite-storage.ts';
import { FALLBACK_AUTOCHECKPOINT_PAGES, type CheckpointReport } from '../src/storage/wal-checkpointer.ts';
import { removeDataDir, tempDataDir } from './helpers/server.ts';

const dirs: string[] = [];
const open: SqliteStorage[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) s.close();
  // The checkpoint thread closes its connection after the writer's: let it before removing.
  await sleep(50);
  dirs.splice(0).forEach(removeDataDir);
});

function storage(checkpointEveryMs: number) {
  const dir = tempDataDir();
  dirs.push(dir);
  const reports: (CheckpointReport | { error: string })[] = [];
  const s = new SqliteStorage(dir, { onCheckpoint: (r) => reports.push(r), checkpointEveryMs });
  open.push(s);
  return { s, dir, reports };
}

const walBytes = (dir: string) => statSync(join(dir, `${DATABASE_FILE}-wal`)).size;
const PAGE_FRAME_BYTES = 4096 + 24;

/** One-row commits over 100 rooms at about 1,000 a second, as a busy server stores them. */
async function storeSteadily(s: SqliteStorage, dir: string, commits: number): Promise<number> {
  let largestLog = 0;
  for (let i = 0; i < commits; i++) {
    s.appendAll([{ room: `w/room-${i % 100}`, update: new Uint8Array(120).fill(i % 251) }]);
    if (i % 10 === 9) {
      await sleep(10);
      largestLog = Math.max(largestLog, walBytes(dir));
    }
  }
  return largestLog;
}

describe('checkpointing SQLite from a thread of its own', () => {
  it('keeps the write-ahead log small while updates are stored, without the writer checkpointing', async () => {
    const { s, dir, reports } = storage(50);
    // 1,500 commits write ~2,500 log frames: under the writer's own bound, so only the thread
    // can start the log over. Without it the log ends ~10 MB.
    expect(FALLBACK_AUTOCHECKPOINT_PAGES).toBeGreaterThan(2_500);
    const largest = await storeSteadily(s, dir, 1_500);
    expect(reports.filter((r) => 'error' in r)).toEqual([]);
    expect(reports.some((r) => 'checkpointed' in r && r.checkpointed > 0)).toBe(true);
    // Half of what the log reaches without it, so a busy machine delaying the thread still passes.
    expect(largest).toBeLessThan(1_200 * PAGE_FRAME_BYTES);
  });

  it('loses no stored update: every row reads back in order after the storage is reopened', async () => {
    const { s, dir } = storage(20);
    await storeSteadily(s, dir, 600);
    s.close();
    await sleep(50);
    const again = new SqliteStorage(dir);
    open.push(again);
    for (const room of ['w/room-0', 'w/room-99']) {
      const rows = again.loadDocument(room).updates;
      expect(rows).toHaveLength(6);
      expect(rows.map((u) => u[0])).toEqual(rows.map((_, k) => (k * 100 + Number(room.split('-')[1])) % 251));
    }
  });

  it('starts no thread for a handle that only reads', async () => {
    const { s, reports } = storage(10);
    expect(s.loadDocument('w/room-0').updates).toEqual([]);
    await sleep(100);
    expect(reports).toEqual([]);
  });
});
