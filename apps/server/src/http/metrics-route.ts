import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.ts';

export async function metricsRoutes(app: FastifyInstance, { ctx }: { ctx: ServerContext }) {
  app.get('/metrics', async (_request, reply) => {
    const { registry } = ctx.metrics;
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}
