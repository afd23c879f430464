import type { FastifyInstance } from 'fastify';

/** The server clock, for clients to estimate their offset to it (timers count down in sync). */
export async function timeRoutes(app: FastifyInstance) {
  app.get('/api/time', { schema: { response: { 200: { type: 'object', properties: { now: { type: 'number' } } } } } }, async () => ({
    now: Date.now(),
  }));
}
