import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { errorBody } from '../errors.ts';

/** The built client, next to this package in the workspace. */
export const WEB_DIST = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

/** The built index.html the server will serve (empty when the app is not built). */
export function builtIndexHtml(distDir: string = WEB_DIST): string {
  const file = `${distDir}/index.html`;
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Crossboard</title></head>
<body><h1>Crossboard</h1><p>The web app has not been built yet. Run <code>pnpm build</code>, then reload.</p></body></html>`;

/**
 * Serves the web app with an SPA fallback: any GET that is not an API or socket path gets
 * index.html, so a deep link like /w/ID/board loads the app.
 */
export async function webAppRoutes(app: FastifyInstance, opts: { distDir?: string }) {
  const root = opts.distDir ?? WEB_DIST;
  const built = existsSync(`${root}/index.html`);
  if (built)
    await app.register(fastifyStatic, {
      root,
      wildcard: false,
      index: ['index.html'],
      // The web build writes .br and .gz beside each file (apps/web/vite.config.ts).
      preCompressed: true,
    });
  else app.get('/', async (_request, reply) => reply.type('text/html').send(NOT_BUILT));

  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const isApi = path === '/api' || path.startsWith('/api/') || path === '/ws' || path.startsWith('/ws/');
    if (isApi || (request.method !== 'GET' && request.method !== 'HEAD')) {
      return reply.status(404).send(errorBody('NOT_FOUND', `No route for ${request.method} ${path}.`));
    }
    if (!built) return reply.type('text/html').send(NOT_BUILT);
    return reply.type('text/html').sendFile('index.html');
  });
}
