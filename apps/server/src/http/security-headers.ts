import { createHash } from 'node:crypto';
import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * What the web app (Vite's build: module scripts and one stylesheet) needs, and nothing else.
 * Styles allow 'unsafe-inline' because ProseMirror and Tiptap's collaboration caret write
 * `style` attributes; a script runs inline only if the served page itself holds it, and then
 * by its hash (`inlineScriptHashes`). The sync socket is same-origin, but 'self' only covers
 * ws:/wss: in recent browsers, so they are named.
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
 * `'sha256-…'` sources for the inline scripts of the page the server serves, so the policy
 * allows exactly those bytes: an injected script, or the page edited after start, is refused.
 */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const [, attrs = '', content = ''] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\bsrc=/i.test(attrs) || content === '') continue;
    hashes.push(`'sha256-${createHash('sha256').update(content, 'utf8').digest('base64')}'`);
  }
  return hashes;
}

/**
 * Helmet on every answer (pages, API, /healthz, errors): the CSP above, nosniff, no framing,
 * no referrer (a join link carries its code in the URL), and helmet's other defaults. No
 * upgrade-insecure-requests: the server is also reached over plain HTTP on a LAN or
 * localhost, where it would break every asset.
 */
export async function registerSecurityHeaders(app: FastifyInstance, inlineScripts: readonly string[] = []): Promise<void> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { ...CONTENT_SECURITY_POLICY, scriptSrc: [...CONTENT_SECURITY_POLICY.scriptSrc, ...inlineScripts] },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}
