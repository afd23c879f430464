import { createHash, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ServerContext } from '../context.ts';
import { HttpError } from '../errors.ts';

/**
 * Who may read /metrics (CROSSBOARD_METRICS_TOKEN, CROSSBOARD_METRICS_HOST/_PORT):
 * - a token: every scrape sends `Authorization: Bearer <token>`, wherever it comes from;
 * - a port: /metrics leaves the main port and is served on its own listener (the host,
 *   127.0.0.1 by default, is what keeps it private; a token, if set, is asked there too);
 * - neither: the main port answers only a scraper on this machine talking to it directly
 *   (a loopback peer and no forwarding header, so nothing arriving through a proxy).
 */
export interface MetricsAccess {
  token?: string;
  port?: number;
  host?: string;
}

const BEARER = /^Bearer\s+(\S+)$/i;
const digest = (s: string) => createHash('sha256').update(s).digest();

function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return (isIP(v4) === 4 && v4.startsWith('127.')) || address === '::1';
}

/** Throws unless the request may read the metrics. */
export function checkMetricsAccess(request: FastifyRequest, token: string | undefined, separateListener: boolean): void {
  if (token) {
    const given = BEARER.exec(request.headers.authorization ?? '')?.[1];
    // Digests compare in constant time whatever the lengths.
    if (given && timingSafeEqual(digest(given), digest(token))) return;
    throw new HttpError(given ? 'INVALID_TOKEN' : 'MISSING_TOKEN');
  }
  if (separateListener) return;
  const h = request.headers;
  const forwarded = h['x-forwarded-for'] !== undefined || h.forwarded !== undefined || h['x-real-ip'] !== undefined;
  if (forwarded || !isLoopback(request.socket.remoteAddress)) throw new HttpError('METRICS_FORBIDDEN');
}

/** GET /metrics, Prometheus text, behind checkMetricsAccess. */
export async function metricsRoutes(
  app: FastifyInstance,
  { ctx, access, separateListener = false }: { ctx: ServerContext; access: MetricsAccess; separateListener?: boolean },
) {
  app.get('/metrics', async (request, reply) => {
    try {
      checkMetricsAccess(request, access.token, separateListener);
    } catch (e) {
      if (e instanceof HttpError && e.status === 401) reply.header('www-authenticate', 'Bearer realm="metrics"');
      throw e;
    }
    const { registry } = ctx.metrics;
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}
