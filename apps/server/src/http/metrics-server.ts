import Fastify, { type FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.ts';
import { errorBody } from '../errors.ts';
import { registerErrorHandler } from './error-handler.ts';
import { metricsRoutes, type MetricsAccess } from './metrics-route.ts';
import { registerSecurityHeaders } from './security-headers.ts';

/**
 * /metrics alone, for its own address and port (CROSSBOARD_METRICS_HOST/_PORT): built with
 * the server, listened on by main.ts after the main port, closed with the server.
 */
export async function buildMetricsServer(ctx: ServerContext, access: MetricsAccess): Promise<FastifyInstance> {
  const app = Fastify({ loggerInstance: ctx.log });
  registerErrorHandler(app);
  await registerSecurityHeaders(app);
  await app.register(metricsRoutes, { ctx, access, separateListener: true });
  app.setNotFoundHandler(async (request, reply) =>
    reply
      .status(404)
      .send(errorBody('NOT_FOUND', `This port serves GET /metrics only, not ${request.method} ${request.url.split('?')[0]}.`)),
  );
  return app;
}
