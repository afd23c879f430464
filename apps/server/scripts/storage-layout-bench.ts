/**
 * The update log's two SQLite layouts under the server's write pattern, in one process on
 * one machine so they see the same load: 100 rooms, each event-loop turn one transaction of
 * 10 appends to random rooms (the group commit), and a room compacted once it holds 500 rows
 * (read its rows, write a snapshot, delete the rows), as sqlite-storage.ts does.
 *
 *   rowid: migration 1's table (AUTOINCREMENT seq, index on (room, seq)).
 *   room:  migration 8's (WITHOUT ROWID, primary key (room, seq), seq = the room's MAX + 1).
 *
 * Usage: pnpm --filter @crossboard/server exec tsx scripts/storage-layout-bench.ts [rounds=3]
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOMS = 100;
const ROWS_PER_COMMIT = 10;
const COMPACT_AT = 500;
const COMMITS = 20_000;
const UPDATE_BYTES = 80;
const SNAPSHOT_BYTES = 24_000;

const LAYOUTS = {
  rowid: {
    schema: `CREATE TABLE updates (seq INTEGER PRIMARY KEY AUTOINCREMENT, room TEXT NOT NULL, data BLOB NOT NULL);
             CREATE INDEX updates_room_seq ON updates (room, seq);`,
    append: 'INSERT INTO updates (room, data) VALUES (@room, @data)',
  },
  room: {
    schema: `CREATE TABLE updates (room TEXT NOT NULL, seq INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (room, seq)) WITHOUT ROWID;`,
    append:
      'INSERT INTO updates (room, seq, data) VALUES (@room, COALESCE((SELECT MAX(seq) FROM updates WHERE room = @room), 0) + 1, @data)',
  },
} as const;

function run(layout: keyof typeof LAYOUTS) {
  const dir = mkdtempSync(join(tmpdir(), 'crossboard-layout-'));
  const db = new Database(join(dir, 'bench.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`${LAYOUTS[layout].schema}
    CREATE TABLE snapshots (room TEXT PRIMARY KEY, data BLOB NOT NULL, updated_at INTEGER NOT NULL);`);
  const append = db.prepare(LAYOUTS[layout].append);
  const rows = db.prepare('SELECT seq, data FROM updates WHERE room = ? ORDER BY seq');
  const snapshot = db.prepare(
    'INSERT INTO snapshots (room, data, updated_at) VALUES (?, ?, ?) ON CONFLICT (room) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at',
  );
  const deleteUpTo = db.prepare('DELETE FROM updates WHERE room = ? AND seq <= ?');
  const counts = new Map<string, number>();
  let seed = 7;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const data = Buffer.alloc(UPDATE_BYTES, 1);
  const snap = Buffer.alloc(SNAPSHOT_BYTES, 2);
  let appendNs = 0n;
  const compactions: number[] = [];
  const commit = db.transaction((rooms: string[]) => {
    for (const room of rooms) append.run({ room, data });
  });
  const compact = db.transaction((room: string) => {
    const all = rows.all(room) as { seq: number }[];
    snapshot.run(room, snap, Date.now());
    deleteUpTo.run(room, all.at(-1)!.seq);
  });
  for (let c = 0; c < COMMITS; c++) {
    const rooms = Array.from({ length: ROWS_PER_COMMIT }, () => `w${Math.floor(random() * ROOMS)}/board`);
    const t0 = process.hrtime.bigint();
    commit(rooms);
    appendNs += process.hrtime.bigint() - t0;
    for (const room of rooms) {
      const n = (counts.get(room) ?? 0) + 1;
      counts.set(room, n);
      if (n >= COMPACT_AT) {
        const t1 = process.hrtime.bigint();
        compact.immediate(room);
        compactions.push(Number(process.hrtime.bigint() - t1) / 1e6);
        counts.set(room, 0);
      }
    }
  }
  db.close();
  rmSync(dir, { recursive: true, force: true });
  compactions.sort((a, b) => a - b);
  const q = (p: number) => compactions[Math.min(compactions.length - 1, Math.floor(p * compactions.length))]!;
  return {
    appendUs: Number(appendNs) / 1e3 / (COMMITS * ROWS_PER_COMMIT),
    compactions: compactions.length,
    compactP50: q(0.5),
    compactP95: q(0.95),
  };
}

const rounds = Number(process.argv[2] ?? 3);
console.log(`${ROOMS} rooms, ${ROWS_PER_COMMIT}-row commits, ${COMMITS} commits, compaction at ${COMPACT_AT} rows`);
for (let r = 1; r <= rounds; r++) {
  for (const layout of ['rowid', 'room'] as const) {
    const load = loadavg()[0]!.toFixed(2);
    const res = run(layout);
    console.log(
      `round ${r} ${layout.padEnd(5)} (load ${load}): ${res.appendUs.toFixed(1)} µs per append, compaction p50 ${res.compactP50.toFixed(2)} ms / p95 ${res.compactP95.toFixed(2)} ms over ${res.compactions}`,
    );
  }
}
