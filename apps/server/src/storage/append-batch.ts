import type { SqliteStorage } from './sqlite-storage.ts';

interface PendingAppend {
  room: string;
  update: Uint8Array;
  resolve: () => void;
  reject: (e: unknown) => void;
}

/**
 * Group commit for SQLite: the updates every room stores during one event-loop turn are
 * written in one transaction at the end of the turn (one WAL write instead of one per
 * update). Each caller's Promise still settles only after its row is committed, so "stored
 * before anyone sees it" holds. If the shared transaction fails, each row is retried alone,
 * so one bad row (or a disk that fills halfway) fails only the rooms it belongs to.
 */
export class AppendBatch {
  private pending: PendingAppend[] = [];

  constructor(private readonly storage: SqliteStorage) {}

  readonly append = (room: string, update: Uint8Array): Promise<void> =>
    new Promise((resolve, reject) => {
      // setImmediate runs after every socket read of this turn, so their rows share the commit.
      if (this.pending.push({ room, update, resolve, reject }) === 1) setImmediate(this.flush);
    });

  private readonly flush = (): void => {
    const batch = this.pending;
    this.pending = [];
    try {
      this.storage.appendAll(batch);
    } catch {
      for (const a of batch) {
        try {
          this.storage.appendUpdate(a.room, a.update);
        } catch (e) {
          a.reject(e);
          continue;
        }
        a.resolve();
      }
      return;
    }
    for (const a of batch) a.resolve();
  };
}
