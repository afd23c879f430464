import { resolve } from 'node:path';
import { build } from './app.ts';
import { parseTrustProxy } from './http/client-address.ts';
import { LISTEN_BACKLOG, RATE_LIMITS_OFF } from './limits.ts';
import { releaseStartupMemory } from './startup-memory.ts';

const port = Number(process.env.PORT ?? 8787);
const host = process.env.HOST ?? '127.0.0.1';
// Relative to where the user ran the command: `pnpm start` runs this in apps/server, and
// pnpm (like npm) passes the original directory as INIT_CWD.
const dataDir = resolve(process.env.INIT_CWD ?? process.cwd(), process.env.CROSSBOARD_DATA ?? './data');

/** EX_CANTCREAT (sysexits.h): the data directory cannot be created or written. */
const EXIT_DATA_DIR_UNUSABLE = 73;
/** EX_UNAVAILABLE (sysexits.h): PostgreSQL cannot be reached or the settings contradict each other. */
const EXIT_SERVICE_UNAVAILABLE = 69;
/** EX_CONFIG (sysexits.h): a setting cannot be read. */
const EXIT_CONFIG = 78;

function refuseSetting(message: string): never {
  console.error(`Crossboard cannot start: ${message}`);
  process.exit(EXIT_CONFIG);
}

const trustProxy = process.env.CROSSBOARD_TRUST_PROXY;
try {
  parseTrustProxy(trustProxy);
} catch (e) {
  refuseSetting(e instanceof Error ? e.message : String(e));
}
// /metrics: a token, and/or a listener of its own; see http/metrics-route.ts.
const metricsToken = process.env.CROSSBOARD_METRICS_TOKEN || undefined;
const metricsHost = process.env.CROSSBOARD_METRICS_HOST || '127.0.0.1';
const metricsPort = process.env.CROSSBOARD_METRICS_PORT ? Number(process.env.CROSSBOARD_METRICS_PORT) : undefined;
if (metricsPort !== undefined && !(Number.isInteger(metricsPort) && metricsPort >= 0 && metricsPort < 65_536)) {
  refuseSetting(`CROSSBOARD_METRICS_PORT must be a port number, not "${process.env.CROSSBOARD_METRICS_PORT}"`);
}
if (process.env.CROSSBOARD_METRICS_HOST && metricsPort === undefined) {
  refuseSetting('CROSSBOARD_METRICS_HOST needs CROSSBOARD_METRICS_PORT: metrics get a listener of their own');
}
// Load tests from one address only: every per-address and per-workshop HTTP rate limit off.
const rateLimitsOff = process.env.CROSSBOARD_RATE_LIMITS === 'off';

let app: Awaited<ReturnType<typeof build>>;
try {
  app = await build({
    dataDir,
    logger: { level: process.env.LOG_LEVEL ?? 'info' },
    ...(process.env.CROSSBOARD_SECRET ? { secret: process.env.CROSSBOARD_SECRET } : {}),
    // Several processes sharing workshops: PostgreSQL for storage, Redis for fan-out.
    ...(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : {}),
    ...(process.env.CROSSBOARD_DB_SCHEMA ? { databaseSchema: process.env.CROSSBOARD_DB_SCHEMA } : {}),
    ...(process.env.REDIS_URL ? { redisUrl: process.env.REDIS_URL } : {}),
    ...(trustProxy ? { trustProxy } : {}),
    metrics: {
      ...(metricsToken ? { token: metricsToken } : {}),
      ...(metricsPort !== undefined ? { port: metricsPort, host: metricsHost } : {}),
    },
    ...(rateLimitsOff ? { httpLimits: RATE_LIMITS_OFF } : {}),
    // Another build of the web app (a bench comparing two builds side by side); apps/web/dist by default.
    ...(process.env.CROSSBOARD_WEB_DIST
      ? { webDistDir: resolve(process.env.INIT_CWD ?? process.cwd(), process.env.CROSSBOARD_WEB_DIST) }
      : {}),
  });
} catch (e) {
  if (process.env.DATABASE_URL || process.env.REDIS_URL) {
    // The shared database (or the settings around it), not the data directory, is what failed.
    console.error(`Crossboard cannot start: ${e instanceof Error ? e.message : String(e)}. Check DATABASE_URL and REDIS_URL.`);
    process.exit(EXIT_SERVICE_UNAVAILABLE);
  }
  // Without a writable database nothing could be kept: refuse to start rather than serve and lose.
  console.error(
    `Crossboard cannot start: the data directory ${dataDir} cannot be opened for writing ` +
      `(${e instanceof Error ? e.message : String(e)}). Set CROSSBOARD_DATA to a writable directory.`,
  );
  process.exit(EXIT_DATA_DIR_UNUSABLE);
}

await app.ready();
app.log.debug(releaseStartupMemory(), 'released start-up memory');

// Node's default accept backlog (511) overflows when a room of hundreds reconnects after a
// restart; an overflowed connect is retried a second later, so the queue is made deep enough.
await app.listen({ port, host, backlog: LISTEN_BACKLOG });
const address = app.server.address();
const actualPort = typeof address === 'object' && address ? address.port : port;
if (app.crossboardMetrics && metricsPort !== undefined) {
  await app.crossboardMetrics.listen({ port: metricsPort, host: metricsHost });
  const m = app.crossboardMetrics.server.address();
  console.log(`Metrics at http://${metricsHost}:${typeof m === 'object' && m ? m.port : metricsPort}/metrics`);
}
console.log(`Crossboard is running at http://${host}:${actualPort}/`);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, 'shutting down');
  // Stop accepting, close sockets with 1001, compact rooms, close the database.
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  try {
    await app.close();
    process.exit(0);
  } catch (e) {
    app.log.error({ err: e }, 'shutdown failed');
    process.exit(1);
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
