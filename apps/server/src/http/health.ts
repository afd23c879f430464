import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.ts';
import { errorBody } from '../errors.ts';

export async function healthRoutes(app: FastifyInstance, { ctx }: { ctx: ServerContext }) {
  app.get('/healthz', async (_request, reply) => {
    if (!ctx.storage.healthy()) return reply.status(503).send({ ok: false, ...errorBody('STORAGE_UNAVAILABLE') });
    return { ok: true };
  });
}
