import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.ts';
import { errorBody } from '../errors.ts';

export async function healthRoutes(app: FastifyInstance, { ctx }: { ctx: ServerContext }) {
  app.get('/healthz', async (_request, reply) => {
    const storage = (await ctx.storage.healthy()) ? 'ok' : 'down';
    const fanout = ctx.fanout?.state() ?? null;
    const backends = { database: ctx.connection.kind, storage, ...(fanout ? { redis: fanout } : {}) };
    if (storage !== 'ok') return reply.status(503).send({ ok: false, ...errorBody('STORAGE_UNAVAILABLE'), backends });
    // Every room slot held by connected clients: new workshops and boards would be refused.
    if (ctx.rooms.saturated) {
      return reply.status(503).send({ ok: false, ...errorBody('ROOMS_SATURATED'), backends, rooms: ctx.rooms.size });
    }
    // Redis down degrades (other processes' clients lag until it is back), it does not lose data.
    return { ok: true, backends };
  });
}
