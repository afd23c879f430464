import type { FastifyBaseLogger } from 'fastify';
import type { Limits } from './limits.ts';
import type { Metrics } from './metrics.ts';
import type { Storage } from './storage/storage.ts';
import type { Rooms } from './sync/rooms.ts';

/** What every plugin is handed: the server's parts, built once in app.ts. */
export interface ServerContext {
  storage: Storage;
  rooms: Rooms;
  secret: Buffer;
  metrics: Metrics;
  limits: Limits;
  log: FastifyBaseLogger;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The server's parts, for tests and for plugins registered from outside app.ts. */
    crossboard: ServerContext;
  }
}
