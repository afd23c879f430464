import { parseRoomName } from '@crossboard/model';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { tokenSecret } from './auth/secret.ts';
import { HttpError } from './errors.ts';
import type { ServerContext } from './context.ts';
import { facilitationRoutes } from './facilitation/facilitation-routes.ts';
import { publishRoutes } from './publish/publish-routes.ts';
import { groupsRoutes } from './groups/groups-routes.ts';
import { followupRoutes } from './followup/followup-routes.ts';
import { feedbackRoutes } from './feedback/feedback-routes.ts';
import { seriesRoutes } from './series/series-routes.ts';
import { exportRoutes } from './export/export-routes.ts';
import { clientAddress, parseTrustProxy, TRUST_NOBODY } from './http/client-address.ts';
import { clientErrorHandler, frameworkErrors, registerErrorHandler } from './http/error-handler.ts';
import { healthRoutes } from './http/health.ts';
import { metricsRoutes, type MetricsAccess } from './http/metrics-route.ts';
import { buildMetricsServer } from './http/metrics-server.ts';
import { registerRateLimits } from './http/rate-limits.ts';
import { withRedactedRequests } from './http/request-log.ts';
import { inlineScriptHashes, registerSecurityHeaders } from './http/security-headers.ts';
import { timeRoutes } from './http/time.ts';
import { builtIndexHtml, webAppRoutes } from './http/web-app.ts';
import { workshopRoutes } from './workshops/workshops-routes.ts';
import { DEFAULT_HTTP_LIMITS, DEFAULT_LIMITS, HTTP_BODY_LIMIT_BYTES, type HttpLimits, type Limits } from './limits.ts';
import { createMetrics } from './metrics.ts';
import type { RedisFanout } from './scale/redis-fanout.ts';
import { facilitationPolicies } from './facilitation/facilitation-policies.ts';
import { type Backend, openBackend } from './storage/backend.ts';
import type { SqliteStorage } from './storage/sqlite-storage.ts';
import { Rooms, type RuleHooks } from './sync/rooms.ts';
import { kickPerson } from './workshops/workshops.ts';
import { reconnectGroupMembers } from './groups/groups-commands.ts';
import { restampPresence } from './people/presence-consent.ts';
import { registerWebSocketEndpoint } from './http/websocket-endpoint.ts';

export interface BuildOptions {
  /** Where the SQLite file lives (created if missing). */
  dataDir: string;
  logger?: FastifyServerOptions['logger'];
  /** Overrides for tests: small compaction thresholds, a short unload delay. */
  limits?: Partial<Limits>;
  /** CROSSBOARD_SECRET; generated and stored in the database when absent. */
  secret?: string;
  /** A SQLite storage of the caller's (tests: one that fails on cue); SQLite in `dataDir` by default. */
  storage?: SqliteStorage;
  /** DATABASE_URL: postgres://... shares workshops between processes; SQLite in `dataDir` when absent. */
  databaseUrl?: string;
  /** A PostgreSQL schema of its own (tests); `public` by default. */
  databaseSchema?: string;
  /** REDIS_URL: fan-out of room traffic between processes; one process alone when absent. */
  redisUrl?: string;
  /** The built web app; apps/web/dist by default. */
  webDistDir?: string;
  /**
   * CROSSBOARD_TRUST_PROXY: which peers' X-Forwarded-For names the client (a hop count, or
   * addresses, CIDR ranges and `loopback`); nobody's when absent. See http/client-address.ts.
   */
  trustProxy?: string;
  /** Overrides of the HTTP timeouts and rate limits (Infinity turns a rate limit off). */
  httpLimits?: Partial<HttpLimits>;
  /** CROSSBOARD_METRICS_TOKEN / _HOST / _PORT: who may read /metrics, and where. */
  metrics?: MetricsAccess;
  /**
   * Wraps the rules' hooks of each room as it loads (tests: hold a room's store to see what a
   * joiner receives meanwhile); the rules' own hooks when absent.
   */
  roomHooks?: (name: string, rules: RuleHooks | null) => RuleHooks | null;
  /**
   * Rooms that apply no rules to client updates (tests of the sync layer alone, which write
   * free-form data no room's schema keeps); every room applies its rules when absent.
   */
  unruledRooms?: (name: string) => boolean;
}

export type CrossboardServer = FastifyInstance;

declare module 'fastify' {
  interface FastifyInstance {
    /** /metrics on its own listener (BuildOptions.metrics.port), or null; main.ts listens on it. */
    crossboardMetrics: FastifyInstance | null;
    /** The opened database (storage/backend.ts), for tests; plugins are handed `crossboard`. */
    crossboardBackend: Backend;
  }
}

/** The whole server, registered and ready to listen (or to `inject()` in tests). */
export async function build(options: BuildOptions): Promise<CrossboardServer> {
  const httpLimits: HttpLimits = { ...DEFAULT_HTTP_LIMITS, ...options.httpLimits };
  const trust = parseTrustProxy(options.trustProxy);
  const app = Fastify({
    logger: withRedactedRequests(options.logger ?? false),
    trustProxy: trust === TRUST_NOBODY ? false : trust,
    bodyLimit: HTTP_BODY_LIMIT_BYTES,
    // A client trickling its headers or body is answered 408 and closed (limits.ts).
    requestTimeout: httpLimits.requestTimeoutMs,
    connectionTimeout: httpLimits.connectionIdleTimeoutMs,
    http: {
      headersTimeout: httpLimits.headersTimeoutMs,
      requestTimeout: httpLimits.requestTimeoutMs,
      connectionsCheckingInterval: httpLimits.timeoutCheckIntervalMs,
    },
    frameworkErrors,
    clientErrorHandler,
    // Wrong types are refused, not coerced: "5" is not a number of minutes.
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, allErrors: false } },
  });
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  if (options.databaseUrl && !/^postgres(ql)?:\/\//.test(options.databaseUrl)) {
    throw new Error('DATABASE_URL must be a PostgreSQL URL (postgres://user@host:5432/database); leave it unset for SQLite');
  }
  if (options.redisUrl && !options.databaseUrl) {
    // Each process would keep its own SQLite file: fan-out without a shared database diverges.
    throw new Error('REDIS_URL needs DATABASE_URL: processes sharing rooms must share one PostgreSQL database');
  }
  const backend = await openBackend({
    dataDir: options.dataDir,
    ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
    ...(options.databaseSchema ? { databaseSchema: options.databaseSchema } : {}),
    ...(options.storage ? { sqlite: options.storage } : {}),
    log: app.log,
  });
  const { storage, records, policyReads, policyCache } = backend;
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
            if (event.type === 'group-changed') reconnectGroupMembers(rooms!, event.workshopId, event.groups);
            if (event.type === 'presence-changed') {
              restampPresence(ctx, event.workshopId, event.personId, false).catch((e: unknown) =>
                log.error({ err: e, workshopId: event.workshopId }, 'presence restamp failed'),
              );
            }
          },
        },
        log,
      )
    : null;
  // The rooms' rules: the board's policies, and with PostgreSQL the cache those rules read,
  // kept current around each board's life. Given to the rooms once, at construction; the
  // policies read the context (made below, the rooms in it) only when a room opens.
  let policies: ReturnType<typeof facilitationPolicies> | null = null;
  const ruleHooks = (name: string): RuleHooks | null => {
    const ref = parseRoomName(name);
    if (!policyCache || (ref?.kind !== 'board' && ref?.kind !== 'group')) return null;
    const w = ref.workshopId;
    return {
      prepare: () => policyCache.prepare(w),
      beforeStore: () => policyCache.flush(w),
      beforeRemote: () => policyCache.refresh(w),
      unloaded: () => policyCache.forget(w),
    };
  };
  const { roomHooks } = options;
  rooms = new Rooms(
    { storage, metrics, limits, log, fanout },
    {
      policyFor: (name) => (options.unruledRooms?.(name) ? null : policies!.policyFor(name)),
      companionsOf: (name) => policies!.companionsOf(name),
      hooksFor: roomHooks ? (name) => roomHooks(name, ruleHooks(name)) : ruleHooks,
    },
  );
  const ctx: ServerContext = {
    storage,
    records,
    connection: backend.connection,
    fanout,
    rooms,
    secret: await tokenSecret(storage, options.secret, backend.initValue),
    clientAddress: (req) => clientAddress(req, trust),
    metrics,
    limits,
    log,
  };
  app.decorate('crossboard', ctx);
  app.decorate('crossboardBackend', backend);

  policies = facilitationPolicies(ctx, records, policyReads);
  if (policyCache) ctx.personSeen = (person) => policyCache.seen(person);

  registerErrorHandler(app);
  await registerSecurityHeaders(app, inlineScriptHashes(builtIndexHtml(options.webDistDir)));
  // Before the routes: it attaches to each rate-limited route as the route is added.
  await registerRateLimits(app, httpLimits);
  registerWebSocketEndpoint(app, ctx);
  await app.register(healthRoutes, { ctx });
  const metricsAccess = options.metrics ?? {};
  const metricsServer = metricsAccess.port === undefined ? null : await buildMetricsServer(ctx, metricsAccess);
  if (metricsServer) {
    // Not the web app's fallback page either: a scraper pointed at the old place learns it is gone.
    app.get('/metrics', async () => {
      throw new HttpError('NOT_FOUND');
    });
  } else {
    await app.register(metricsRoutes, { ctx, access: metricsAccess });
  }
  app.decorate('crossboardMetrics', metricsServer);
  await app.register(timeRoutes);
  await app.register(workshopRoutes, { ctx });
  await app.register(exportRoutes, { ctx });
  await app.register(facilitationRoutes, { ctx });
  await app.register(seriesRoutes, { ctx });
  await app.register(publishRoutes, { ctx });
  await app.register(groupsRoutes, { ctx });
  await app.register(followupRoutes, { ctx });
  await app.register(feedbackRoutes, { ctx });
  await app.register((await import('./clustering/clustering-routes.ts')).clusteringRoutes, { ctx });
  await app.register(webAppRoutes, options.webDistDir ? { distDir: options.webDistDir } : {});

  // After the WebSocket endpoint's preClose has closed every room (compacting it).
  app.addHook('onClose', async () => {
    await metricsServer?.close();
    await ctx.rooms.closeAll('GOING_AWAY');
    await fanout?.close();
    await backend.close();
  });
  return app;
}
