import type { IncomingMessage } from 'node:http';
import type { FastifyBaseLogger } from 'fastify';
import type { Limits } from './limits.ts';
import type { Metrics } from './metrics.ts';
import type { RedisFanout } from './scale/redis-fanout.ts';
import type { AsyncStorage } from './storage/async-storage.ts';
import type { AsyncFacilitationRecords } from './storage/records.ts';
import type { SqlConnection } from './storage/backend.ts';
import type { PersonRecord } from './storage/storage.ts';
import type { Rooms } from './sync/rooms.ts';

/** What every plugin is handed: the server's parts, built once in app.ts. */
export interface ServerContext {
  storage: AsyncStorage;
  /** Ballots, board versions and note authors, in the same database. */
  records: AsyncFacilitationRecords;
  /** The database connection, for the features that keep tables of their own. */
  connection: SqlConnection;
  /** Fan-out to other server processes (REDIS_URL), or null for one process. */
  fanout: RedisFanout | null;
  /** Told of each authenticated WebSocket person (the rules' cache learns of newcomers; set in app.ts). */
  personSeen?: (person: PersonRecord) => void;
  rooms: Rooms;
  secret: Buffer;
  /** The client's address: the TCP peer, or X-Forwarded-For's through trusted proxies (CROSSBOARD_TRUST_PROXY). */
  clientAddress: (req: IncomingMessage) => string;
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
