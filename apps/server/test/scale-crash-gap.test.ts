import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { RedisFanout } from '../src/scale/redis-fanout.ts';
import { PostgresStorage } from '../src/storage/postgres-storage.ts';
import { connectSynced, destroyAllClients, waitFor } from './helpers/clients.ts';
import { TEST_DATABASE_URL, dropSchema, freshSchema } from './helpers/postgres.ts';
import { TEST_REDIS_URL } from './helpers/redis.ts';
import { createWorkshop, removeDataDir, startServer, type TestServer } from './helpers/server.ts';
import { FREE_FORM_REPORT } from './helpers/free-form-room.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  destroyAllClients();
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('a process that dies between storing an update and publishing it', () => {
  it('the others re-read their rooms when they notice it is gone, so its last update still reaches their clients', async () => {
    const schema = freshSchema();
    cleanups.push(() => dropSchema(schema));
    const server: TestServer = await startServer({
      databaseUrl: TEST_DATABASE_URL,
      databaseSchema: schema,
      redisUrl: TEST_REDIS_URL,
      ...FREE_FORM_REPORT,
    });
    cleanups.push(async () => {
      await server.close();
      removeDataDir(server.dataDir);
    });
    const w = await createWorkshop(server.app);
    const room = `${w.id}/report`;
    const reader = await connectSynced(server.ws, room, w.facilitatorToken);

    // Another process: it announces itself on Redis, stores an update, and dies before publishing it.
    const other = new RedisFanout(TEST_REDIS_URL, { message: () => {}, resync: () => {} });
    await waitFor(() => other.state().ok, 'the other process is connected');
    other.publishControl({ type: 'alive' });
    const storage = await PostgresStorage.open({ connectionString: TEST_DATABASE_URL, schema, poolSize: 1 });
    cleanups.push(() => storage.close());
    const doc = new Y.Doc();
    doc.getMap('notes').set('last', 'stored, never published');
    await storage.appendUpdate(room, Y.encodeStateAsUpdate(doc));
    await other.close();

    expect(reader.doc.getMap('notes').has('last')).toBe(false);
    await waitFor(() => reader.doc.getMap('notes').get('last') === 'stored, never published', 'the re-read after the death', 15_000);
  });
});
