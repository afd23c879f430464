import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { tokenSecret } from './auth/secret.ts';
import type { ServerContext } from './context.ts';
import { facilitationRoutes } from './facilitation/facilitation-routes.ts';
import { exportRoutes } from './export/export-routes.ts';
import { registerErrorHandler } from './http/error-handler.ts';
import { healthRoutes } from './http/health.ts';
import { metricsRoutes } from './http/metrics-route.ts';
import { timeRoutes } from './http/time.ts';
import { webAppRoutes } from './http/web-app.ts';
import { workshopRoutes } from './http/workshops.ts';
import { DEFAULT_LIMITS, HTTP_BODY_LIMIT_BYTES, type Limits } from './limits.ts';
import { createMetrics } from './metrics.ts';
import { SqliteStorage } from './storage/sqlite-storage.ts';
import type { Storage } from './storage/storage.ts';
import { Rooms } from './sync/rooms.ts';
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
  storage?: Storage;
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
  const storage = options.storage ?? new SqliteStorage(options.dataDir);
  const metrics = createMetrics();
  const log = app.log;
  const rooms = new Rooms({ storage, metrics, limits, log });
  const ctx: ServerContext = {
    storage,
    rooms,
    secret: tokenSecret(storage, options.secret),
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
  await app.register(webAppRoutes, options.webDistDir ? { distDir: options.webDistDir } : {});

  // After the WebSocket endpoint's preClose has closed every room (compacting it).
  app.addHook('onClose', async () => {
    rooms.closeAll('GOING_AWAY');
    storage.close();
  });
  return app;
}
