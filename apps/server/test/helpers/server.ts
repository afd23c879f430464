import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { InjectOptions } from 'fastify';
import { build, type BuildOptions, type CrossboardServer } from '../../src/app.ts';
import type { HttpLimits } from '../../src/limits.ts';
import type { CreatedWorkshop } from '@crossboard/model';

export interface TestServer {
  app: CrossboardServer;
  port: number;
  http: string;
  /** The y-websocket base URL: providers append `/<room>`. */
  ws: string;
  dataDir: string;
  /** Stops this server (gracefully) and starts a new one on the same data dir and port 0. */
  restart(): Promise<TestServer>;
  close(): Promise<void>;
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'crossboard-server-test-'));
}

/**
 * Tests create workshops and join people from one address far faster than anyone would:
 * rate limits this high are never reached, yet still run on every request. A test of a
 * limit passes its own `httpLimits`.
 */
export const TEST_RATE_LIMITS = {
  workshopsCreatedPerAddress: 1_000_000,
  importsPerAddress: 1_000_000,
  joinsPerAddress: 1_000_000,
  joinsPerWorkshop: 1_000_000,
  tokenlessReadsPerAddress: 1_000_000,
} as const satisfies Partial<HttpLimits>;

export async function startServer(options: Partial<BuildOptions> = {}, dataDir = tempDataDir()): Promise<TestServer> {
  const app = await build({ logger: false, ...options, httpLimits: { ...TEST_RATE_LIMITS, ...options.httpLimits }, dataDir });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  let closed = false;
  const server: TestServer = {
    app,
    port,
    http: `http://127.0.0.1:${port}`,
    ws: `ws://127.0.0.1:${port}/ws`,
    dataDir,
    async restart() {
      if (!closed) {
        closed = true;
        await app.close();
      }
      return startServer(options, dataDir);
    },
    async close() {
      if (!closed) {
        closed = true;
        await app.close();
      }
    },
  };
  return server;
}

export function removeDataDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export type { CreatedWorkshop };

/** An in-process request (`app.inject`) as whoever holds `token`, with a JSON body when given. */
export function injectAs(
  app: CrossboardServer,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  token: string,
  payload?: InjectOptions['payload'],
) {
  return app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload === undefined ? {} : { payload }) });
}

export async function createWorkshop(app: CrossboardServer, body: Record<string, unknown> = {}): Promise<CreatedWorkshop> {
  const res = await app.inject({ method: 'POST', url: '/api/workshops', payload: { title: 'Cross-border mobility', ...body } });
  if (res.statusCode !== 201) throw new Error(`create workshop: ${res.statusCode} ${res.body}`);
  return res.json();
}

export async function joinAsParticipant(
  app: CrossboardServer,
  workshopId: string,
  name = 'Ana',
  extra: Record<string, unknown> = {},
): Promise<{ participantId: string; token: string }> {
  const res = await app.inject({
    method: 'POST',
    url: `/api/workshops/${workshopId}/join`,
    payload: { name, organisation: 'City of Porto', country: 'Portugal', timeZone: 'Europe/Lisbon', language: 'en', ...extra },
  });
  if (res.statusCode !== 201) throw new Error(`join: ${res.statusCode} ${res.body}`);
  return res.json();
}
