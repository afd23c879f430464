import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from './helpers/clients.ts';
import { TEST_DATABASE_URL, dropSchema, freshSchema } from './helpers/postgres.ts';
import { privateRedis } from './helpers/redis.ts';
import { removeDataDir, startServer } from './helpers/server.ts';

/** README: "/healthz stays 200 and shows backends.redis.ok: false meanwhile; it answers 503 only when the database is down." */

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A TCP proxy to PostgreSQL that the test can cut, as when the database host goes away. */
async function pgProxy(): Promise<{ url: string; cut(): Promise<void> }> {
  const target = new URL(TEST_DATABASE_URL);
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = createConnection(Number(target.port || 5432), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => {});
      s.on('close', () => sockets.delete(s));
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const url = new URL(TEST_DATABASE_URL);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  let cut = false;
  const doCut = async () => {
    if (cut) return;
    cut = true;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const s of sockets) s.destroy();
    await closed;
  };
  cleanups.push(doCut);
  return { url: url.toString(), cut: doCut };
}

async function health(http: string): Promise<{ status: number; body: Record<string, any> }> {
  const res = await fetch(`${http}/healthz`);
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

describe('/healthz with PostgreSQL and Redis', () => {
  it('stays 200 while Redis is down, showing redis.ok false, and is 200 with redis.ok true once it is back', async () => {
    const schema = freshSchema();
    cleanups.push(() => dropSchema(schema));
    const redis = await privateRedis();
    cleanups.push(() => redis.stop());
    const s = await startServer({ databaseUrl: TEST_DATABASE_URL, databaseSchema: schema, redisUrl: redis.url });
    cleanups.push(async () => {
      await s.close();
      removeDataDir(s.dataDir);
    });
    await waitFor(() => s.app.crossboard.fanout?.state().ok, 'connected to Redis');
    expect(await health(s.http)).toMatchObject({
      status: 200,
      body: { ok: true, backends: { database: 'postgres', storage: 'ok', redis: { ok: true } } },
    });

    await redis.kill();
    await waitFor(() => s.app.crossboard.fanout?.state().ok === false, 'the server noticed Redis is gone');
    expect(await health(s.http)).toMatchObject({ status: 200, body: { ok: true, backends: { storage: 'ok', redis: { ok: false } } } });

    await redis.start();
    await waitFor(() => s.app.crossboard.fanout?.state().ok, 'Redis back');
    expect(await health(s.http)).toMatchObject({ status: 200, body: { ok: true, backends: { redis: { ok: true } } } });
  });

  it('answers 503 STORAGE_UNAVAILABLE while PostgreSQL is unreachable', async () => {
    const schema = freshSchema();
    cleanups.push(() => dropSchema(schema));
    const proxy = await pgProxy();
    const s = await startServer({ databaseUrl: proxy.url, databaseSchema: schema });
    cleanups.push(async () => {
      await s.close();
      removeDataDir(s.dataDir);
    });
    expect(await health(s.http)).toMatchObject({ status: 200, body: { ok: true, backends: { database: 'postgres', storage: 'ok' } } });

    await proxy.cut();
    const down = await health(s.http);
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({
      ok: false,
      error: { code: 'STORAGE_UNAVAILABLE' },
      backends: { database: 'postgres', storage: 'down' },
    });
  });
});
