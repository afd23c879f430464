import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { tokenSecret } from './auth/secret.ts';
import type { ServerContext } from './context.ts';
import { facilitationRoutes } from './facilitation/facilitation-routes.ts';
import { publishRoutes } from './publish/publish-routes.ts';
import { seriesRoutes } from './series/series-routes.ts';
import { exportRoutes } from './export/export-routes.ts';
import { registerErrorHandler } from './http/error-handler.ts';
import { healthRoutes } from './http/health.ts';
import { metricsRoutes } from './http/metrics-route.ts';
import { timeRoutes } from './http/time.ts';
import { webAppRoutes } from './http/web-app.ts';
import { workshopRoutes } from './http/workshops.ts';
import { DEFAULT_LIMITS, HTTP_BODY_LIMIT_BYTES, type Limits } from './limits.ts';
import { createMetrics } from './metrics.ts';
import type { RedisFanout } from './scale/redis-fanout.ts';
import { FacilitationStore } from './facilitation/facilitation-store.ts';
import { asyncStorage, promised, type AsyncFacilitationRecords, type AsyncStorage } from './storage/async-storage.ts';
import { PostgresStorage } from './storage/postgres-storage.ts';
import { SqliteStorage } from './storage/sqlite-storage.ts';
import { Rooms } from './sync/rooms.ts';
import { kickPerson } from './workshops/workshops.ts';
import { registerWebSocketEndpoint } from './sync/websocket-endpoint.ts';

export interface BuildOptions {
  /** Where the SQLite file lives (created if missing). */
  dataDir: string;
  logger?: FastifyServerOptions['logger'];
  /** Overrides for tests: small compaction thresholds, a short unload delay. */
  limits?: Partial<Limits>;
  /** CROSSBOARD_SECRET; generated and stored in the database when absent. */
  secret?: string;
  /** Another storage backend; SQLite in `dataDir` by default. */
  storage?: SqliteStorage | PostgresStorage;
  /** DATABASE_URL: postgres://... shares workshops between processes; SQLite in `dataDir` when absent. */
  databaseUrl?: string;
  /** A PostgreSQL schema of its own (tests); `public` by default. */
  databaseSchema?: string;
  /** REDIS_URL: fan-out of room traffic between processes; one process alone when absent. */
  redisUrl?: string;
  /** The built web app; apps/web/dist by default. */
  webDistDir?: string;
}

export type CrossboardServer = FastifyInstance;

/** The whole server, registered and ready to listen (or to `inject()` in tests). */
export async function build(options: BuildOptions): Promise<CrossboardServer> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: HTTP_BODY_LIMIT_BYTES,
    // Wrong types are refused, not coerced: "5" is not a number of minutes.
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, allErrors: false } },
  });
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  if (options.databaseUrl && !/^postgres(ql)?:\/\//.test(options.databaseUrl)) {
    throw new Error('DATABASE_URL must be a PostgreSQL URL (postgres://user@host:5432/database); leave it unset for SQLite');
  }
  if (options.redisUrl && !options.databaseUrl && !(options.storage instanceof PostgresStorage)) {
    // Each process would keep its own SQLite file: fan-out without a shared database diverges.
    throw new Error('REDIS_URL needs DATABASE_URL: processes sharing rooms must share one PostgreSQL database');
  }
  const backend =
    options.storage ??
    (options.databaseUrl
      ? await PostgresStorage.open({
          connectionString: options.databaseUrl,
          ...(options.databaseSchema ? { schema: options.databaseSchema } : {}),
        })
      : new SqliteStorage(options.dataDir));
  const sqlite = backend instanceof SqliteStorage ? backend : null;
  const storage: AsyncStorage = backend instanceof SqliteStorage ? asyncStorage(backend) : backend;
  const records: AsyncFacilitationRecords =
    backend instanceof SqliteStorage ? promised(new FacilitationStore(backend.db)) : backend.facilitation;
  const metrics = createMetrics();
  const log = app.log;
  let rooms: Rooms | null = null;
  // ioredis (~15 MB resident) is loaded only by processes that fan out.
  const fanout: RedisFanout | null = options.redisUrl
    ? new (await import('./scale/redis-fanout.ts')).RedisFanout(
        options.redisUrl,
        {
          message: (room, kind, data, from) => rooms?.deliver(room, kind, data, from),
          processGone: (id) => rooms?.forgetProcess(id),
          resync: (names) => rooms?.resync(names),
          control: (event) => {
            if (event.type === 'person-removed') kickPerson(rooms!, event.workshopId, event.personId);
          },
        },
        log,
      )
    : null;
  rooms = new Rooms({ storage, metrics, limits, log, fanout });
  const ctx: ServerContext = {
    storage,
    records,
    sqlite,
    fanout,
    rooms,
    secret: await tokenSecret(backend instanceof PostgresStorage ? backend : storage, options.secret),
    metrics,
    limits,
    log,
  };
  app.decorate('crossboard', ctx);

  registerErrorHandler(app);
  registerWebSocketEndpoint(app, ctx);
  await app.register(healthRoutes, { ctx });
  await app.register(metricsRoutes, { ctx });
  await app.register(timeRoutes);
  await app.register(workshopRoutes, { ctx });
  await app.register(exportRoutes, { ctx });
  await app.register(facilitationRoutes, { ctx });
  await app.register(seriesRoutes, { ctx });
  await app.register(publishRoutes, { ctx });
  await app.register((await import('./clustering/clustering-routes.ts')).clusteringRoutes, { ctx });
  await app.register(webAppRoutes, options.webDistDir ? { distDir: options.webDistDir } : {});

  // After the WebSocket endpoint's preClose has closed every room (compacting it).
  app.addHook('onClose', async () => {
    await ctx.rooms.closeAll('GOING_AWAY');
    await fanout?.close();
    await storage.close();
  });
  return app;
}
