import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * What the web app (Vite's build: one module script and one stylesheet, no inline script)
 * needs, and nothing else. Styles allow 'unsafe-inline' because ProseMirror and Tiptap's
 * collaboration caret write `style` attributes; scripts never run inline. The sync socket
 * is same-origin, but 'self' only covers ws:/wss: in recent browsers, so they are named.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  // The favicon is a data: SVG; exports are downloaded through blob: links.
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'", 'ws:', 'wss:'],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * Helmet on every answer (pages, API, /healthz, errors): the CSP above, nosniff, no framing,
 * no referrer (a join link carries its code in the URL), and helmet's other defaults. No
 * upgrade-insecure-requests: the server is also reached over plain HTTP on a LAN or
 * localhost, where it would break every asset.
 */
export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}
