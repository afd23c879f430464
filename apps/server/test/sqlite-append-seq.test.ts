import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStorage } from '../src/storage/sqlite-storage.ts';
import { removeDataDir, tempDataDir } from './helpers/server.ts';

const dirs: string[] = [];
const open: SqliteStorage[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
  dirs.splice(0).forEach(removeDataDir);
});

function handles(n: number): SqliteStorage[] {
  const dir = tempDataDir();
  dirs.push(dir);
  const out = Array.from({ length: n }, () => new SqliteStorage(dir));
  open.push(...out);
  return out;
}

const rows = (s: SqliteStorage, room: string) => s.loadDocument(room).updates.map((u) => u[0]);

describe('numbering a room log on SQLite', () => {
  it('keeps every update, in order, when two handles append to one room in turn', () => {
    const [a, b] = handles(2);
    for (let i = 0; i < 6; i++) (i % 2 === 0 ? a! : b!).appendUpdate('w/board', Uint8Array.of(i));
    expect(rows(a!, 'w/board')).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('continues after the rows already stored when a room is first written after a restart', () => {
    const [a] = handles(1);
    for (let i = 0; i < 3; i++) a!.appendUpdate('w/board', Uint8Array.of(i));
    const again = new SqliteStorage(dirs[0]!);
    open.push(again);
    again.appendUpdate('w/board', Uint8Array.of(3));
    expect(rows(again, 'w/board')).toEqual([0, 1, 2, 3]);
  });

  it('keeps appending in order after a compaction emptied the log', () => {
    const [a] = handles(1);
    // An empty Yjs update, so the compaction takes the row.
    a!.appendUpdate('w/board', Uint8Array.of(0, 0));
    a!.compact('w/board', Uint8Array.of(0, 0));
    for (let i = 1; i < 4; i++) a!.appendUpdate('w/board', Uint8Array.of(i));
    expect(rows(a!, 'w/board')).toEqual([1, 2, 3]);
  });
});
