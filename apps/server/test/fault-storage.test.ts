import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SqliteStorage, type CompactionStep } from '../src/storage/sqlite-storage.ts';
import { connectSynced, destroyAllClients, waitFor } from './helpers/clients.ts';
import { killChildren, runServerToExit } from './helpers/child-server.ts';
import { createWorkshop, removeDataDir, startServer, tempDataDir, type TestServer } from './helpers/server.ts';
import { FREE_FORM_REPORT } from './helpers/free-form-room.ts';

const dirs: string[] = [];
const servers: TestServer[] = [];
afterEach(async () => {
  destroyAllClients();
  killChildren();
  for (const s of servers.splice(0)) await s.close();
  dirs.splice(0).forEach(removeDataDir);
});

function dir(): string {
  const d = tempDataDir();
  dirs.push(d);
  return d;
}

describe('an unwritable data directory at start', () => {
  it('stops the server with a message naming the directory and exit code 73', async () => {
    // A path under a regular file cannot become a directory, whoever runs the test (root included).
    const file = join(dir(), 'not-a-directory');
    writeFileSync(file, 'x');
    const { code, output } = await runServerToExit(join(file, 'data'));
    expect(code).toBe(73);
    expect(output).toMatch(/Crossboard cannot start: the data directory .*not-a-directory\/data cannot be opened for writing/);
    expect(output).toMatch(/CROSSBOARD_DATA/);
  }, 30_000);
});

/** SQLite whose disk fills up on demand. */
class FullDiskStorage extends SqliteStorage {
  full = false;
  override appendUpdate(room: string, update: Uint8Array): void {
    if (this.full) throw new Error('SQLITE_FULL: database or disk is full');
    super.appendUpdate(room, update);
  }
}

describe('a disk that fills up during writes', () => {
  it('refuses the write with 1013 and a reason, shows it to no one, and loses nothing once space returns', async () => {
    const d = dir();
    const storage = new FullDiskStorage(d);
    const server = await startServer({ storage, ...FREE_FORM_REPORT }, d);
    servers.push(server);
    const w = await createWorkshop(server.app);
    const room = `${w.id}/report`;
    const writer = await connectSynced(server.ws, room, w.facilitatorToken);
    const reader = await connectSynced(server.ws, room, w.facilitatorToken);
    writer.doc.getMap('items').set('before', 'stored');
    await waitFor(() => reader.doc.getMap('items').get('before') === 'stored', 'first write relayed');

    const closes: { code: number; reason: string }[] = [];
    writer.provider.on('connection-close', (e: { code: number; reason: string } | null) => {
      if (e) closes.push({ code: e.code, reason: e.reason });
    });
    storage.full = true;
    writer.doc.getMap('items').set('during', 'refused while the disk is full');
    await waitFor(() => closes.length > 0, 'the writer was told');
    expect(closes[0]).toEqual({ code: 1013, reason: expect.stringMatching(/could not be saved/) });
    expect(reader.doc.getMap('items').has('during')).toBe(false);

    // Space returns: the provider reconnects on its own and resends what its document holds.
    storage.full = false;
    await waitFor(() => reader.doc.getMap('items').get('during') === 'refused while the disk is full', 'resent after recovery', 20_000);
    await server.close();
    const restarted = await startServer(FREE_FORM_REPORT, d);
    servers.push(restarted);
    const check = await connectSynced(restarted.ws, room, w.facilitatorToken);
    expect(check.doc.getMap('items').toJSON()).toEqual({ before: 'stored', during: 'refused while the disk is full' });
  }, 40_000);
});

/** SQLite that throws between two steps of a compaction. */
class InterruptedStorage extends SqliteStorage {
  failAt: CompactionStep | null = null;
  protected override compactionStep(step: CompactionStep): void {
    if (step === this.failAt) throw new Error(`interrupted at ${step}`);
  }
}

describe('a compaction interrupted at any step', () => {
  const steps: CompactionStep[] = ['read', 'merged', 'snapshot-written', 'log-deleted'];
  // Storage merges the rows itself, or stores the state its only writer holds.
  const cases = (['rows', 'writer state'] as const).flatMap((from) => steps.map((step) => ({ from, step })));
  for (const { from, step } of cases) {
    it(`leaves snapshot and log exactly as they were (${step}, from ${from})`, () => {
      const storage = new InterruptedStorage(dir());
      const author = new Y.Doc();
      author.on('update', (u: Uint8Array) => storage.appendUpdate('w/report', u));
      author.getText('text').insert(0, 'first');
      storage.compact('w/report');
      author.getText('text').insert(5, ' second');
      author.getMap('items').set('k', 'v');
      storage.appendUpdate('w/report', Uint8Array.from([0xff, 0xff, 0xff])); // a corrupt row rides along
      const dump = () => ({
        snapshots: storage.db.prepare('SELECT room, data FROM snapshots ORDER BY room').all(),
        updates: storage.db.prepare('SELECT seq, room, data FROM updates ORDER BY seq').all(),
      });
      const before = dump();

      const compact = () => storage.compact('w/report', from === 'rows' ? undefined : Y.encodeStateAsUpdate(author));
      storage.failAt = step;
      expect(compact).toThrow(`interrupted at ${step}`);
      expect(dump()).toEqual(before);

      storage.failAt = null;
      compact();
      const stored = storage.loadDocument('w/report');
      const doc = new Y.Doc();
      Y.applyUpdate(doc, stored.snapshot!);
      expect(doc.getText('text').toString()).toBe('first second');
      expect(doc.getMap('items').get('k')).toBe('v');
      expect(stored.updates).toHaveLength(1);
      storage.close();
    });
  }
});
