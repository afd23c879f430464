import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIST } from '../src/http/web-app.ts';
import { inlineScriptHashes } from '../src/http/security-headers.ts';
import { createWorkshop, removeDataDir, startServer, tempDataDir, type TestServer } from './helpers/server.ts';

/**
 * Issue 11, finding 13: no Content-Security-Policy, X-Content-Type-Options, frame-ancestors /
 * X-Frame-Options or Referrer-Policy on any answer: the console could be framed. Before the
 * fix none of the headers below were sent. That the built app really runs under the policy
 * is checked in Chromium by apps/web/e2e/facilitated-workshop.e2e.test.ts; here, that every
 * tag of the index.html the server serves is allowed by it.
 */

/** What Vite's build writes (apps/web/dist/index.html), when the app has not been built here. */
const VITE_SHAPED_INDEX = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <title>Crossboard</title>
    <link rel="icon" href="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'%3E%3C/svg%3E" />
    <script>if(/^\/w\//.test(location.pathname))document.head.appendChild(document.createElement('link'))</script>
    <script type="module" crossorigin src="/assets/index-abc123.js"></script>
    <link rel="stylesheet" crossorigin href="/assets/index-def456.css">
  </head>
  <body><div id="root"></div></body>
</html>`;

let server: TestServer;
let fixtureDir: string | null = null;
beforeAll(async () => {
  let webDistDir = WEB_DIST;
  if (!existsSync(join(WEB_DIST, 'index.html'))) {
    fixtureDir = tempDataDir();
    mkdirSync(join(fixtureDir, 'assets'));
    writeFileSync(join(fixtureDir, 'index.html'), VITE_SHAPED_INDEX);
    writeFileSync(join(fixtureDir, 'assets', 'index-abc123.js'), 'export {}');
    webDistDir = fixtureDir;
  }
  server = await startServer({ webDistDir });
});
afterAll(async () => {
  await server.close();
  removeDataDir(server.dataDir);
  if (fixtureDir) removeDataDir(fixtureDir);
});

function parseCsp(header: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of header.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** Whether `url`, as written in the page, may be loaded under `directive` (falling back to default-src). */
function allows(csp: Map<string, string[]>, directive: string, url: string): boolean {
  const sources = csp.get(directive) ?? csp.get('default-src') ?? [];
  if (url.startsWith('/') && !url.startsWith('//')) return sources.includes("'self'");
  const scheme = /^([a-z][a-z0-9+.-]*:)/i.exec(url)?.[1]?.toLowerCase();
  return scheme !== undefined && sources.includes(scheme);
}

/** Every reason the page would break under the policy: one entry per refused tag or attribute. */
function violations(html: string, csp: Map<string, string[]>): string[] {
  const found: string[] = [];
  const inline = (d: string) => (csp.get(d) ?? csp.get('default-src') ?? []).includes("'unsafe-inline'");
  for (const [tag, attrs = '', content = ''] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const src = /\bsrc="([^"]*)"/i.exec(attrs)?.[1];
    const hashed = (csp.get('script-src') ?? []).includes(`'sha256-${createHash('sha256').update(content, 'utf8').digest('base64')}'`);
    if (src === undefined ? content.trim() !== '' && !inline('script-src') && !hashed : !allows(csp, 'script-src', src)) found.push(tag);
  }
  for (const [tag, attrs = ''] of html.matchAll(/<link\b([^>]*)>/gi)) {
    const rel = /\brel="([^"]*)"/i.exec(attrs)?.[1]?.toLowerCase() ?? '';
    const href = /\bhref="([^"]*)"/i.exec(attrs)?.[1] ?? '';
    if (rel.includes('stylesheet') && !allows(csp, 'style-src', href)) found.push(tag);
    if (rel.includes('icon') && !allows(csp, 'img-src', href)) found.push(tag);
    if (rel.includes('manifest') && !allows(csp, 'manifest-src', href)) found.push(tag);
  }
  for (const [tag] of html.matchAll(/<style\b[^>]*>/gi)) if (!inline('style-src')) found.push(tag);
  for (const [attr] of html.matchAll(/\son[a-z]+\s*=/gi)) if (!inline('script-src-attr')) found.push(attr);
  for (const [tag, src = ''] of html.matchAll(/<(?:img|iframe|object|embed)\b[^>]*\bsrc="([^"]*)"/gi)) {
    if (!allows(csp, tag.toLowerCase().startsWith('<img') ? 'img-src' : 'frame-src', src)) found.push(tag);
  }
  return found;
}

function expectSecurityHeaders(headers: Record<string, unknown>, what: string) {
  const csp = parseCsp(String(headers['content-security-policy'] ?? ''));
  expect(csp.get('frame-ancestors'), what).toEqual(["'none'"]);
  expect(csp.get('default-src'), what).toEqual(["'self'"]);
  // 'self', and the hashes of the served page's own inline scripts, nothing else.
  expect(csp.get('script-src')?.[0], what).toBe("'self'");
  for (const s of csp.get('script-src')?.slice(1) ?? []) expect(s, what).toMatch(/^'sha256-[A-Za-z0-9+/]+=*'$/);
  expect(csp.get('object-src'), what).toEqual(["'none'"]);
  expect(headers['x-frame-options'], what).toBe('DENY');
  expect(headers['x-content-type-options'], what).toBe('nosniff');
  expect(headers['referrer-policy'], what).toBe('no-referrer');
}

describe('security headers', () => {
  it('are on the page, a deep link, an asset, the API, its errors and /healthz', async () => {
    const w = await createWorkshop(server.app);
    const answers = {
      page: await server.app.inject('/'),
      'deep link': await server.app.inject(`/w/${w.id}/board`),
      'API read': await server.app.inject({
        method: 'GET',
        url: `/api/workshops/${w.id}`,
        headers: { authorization: `Bearer ${w.facilitatorToken}` },
      }),
      'API create': await server.app.inject({ method: 'POST', url: '/api/workshops', payload: { title: 'Headers' } }),
      'API error': await server.app.inject({ method: 'GET', url: `/api/workshops/${w.id}` }),
      'unknown API route': await server.app.inject('/api/nothing-here'),
      health: await server.app.inject('/healthz'),
    };
    expect(answers.page.statusCode).toBe(200);
    expect(answers['API error'].statusCode).toBe(401);
    for (const [what, res] of Object.entries(answers)) expectSecurityHeaders(res.headers, what);
  });

  it('the policy lets the app open its same-origin sync socket and keeps everything else same-origin', async () => {
    const csp = parseCsp(String((await server.app.inject('/')).headers['content-security-policy']));
    expect(csp.get('connect-src')).toEqual(expect.arrayContaining(["'self'", 'ws:', 'wss:']));
    // No upgrade-insecure-requests: the server is also reached over plain HTTP (localhost, a LAN).
    expect(csp.has('upgrade-insecure-requests')).toBe(false);
    for (const [name, sources] of csp) {
      for (const s of sources) expect(s, `${name} ${s}`).not.toMatch(/^(https?:|\*)/);
    }
  });

  it('every tag of the served index.html is allowed by the policy', async () => {
    const res = await server.app.inject('/');
    const html = res.body;
    expect(html).toMatch(/<script\b[^>]*\bsrc="\/assets\//);
    expect(violations(html, parseCsp(String(res.headers['content-security-policy'])))).toEqual([]);
  });

  it("allows the page's own inline script by its hash, and only that script", async () => {
    const dir = tempDataDir();
    writeFileSync(join(dir, 'index.html'), VITE_SHAPED_INDEX);
    const other = await startServer({ webDistDir: dir });
    try {
      const res = await other.app.inject('/w/abc');
      const csp = parseCsp(String(res.headers['content-security-policy']));
      expect(csp.get('script-src')).toEqual(["'self'", ...inlineScriptHashes(VITE_SHAPED_INDEX)]);
      expect(csp.get('script-src')).toHaveLength(2);
      expect(violations(res.body, csp)).toEqual([]);
      expect(violations(res.body.replace('createElement', 'createComment'), csp)).toHaveLength(1);
    } finally {
      await other.close();
      removeDataDir(other.dataDir);
      removeDataDir(dir);
    }
  });

  it('the check itself refuses what the policy forbids', () => {
    const strict = parseCsp("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'");
    expect(violations('<script>alert(1)</script>', strict)).toHaveLength(1);
    expect(violations('<script src="https://cdn.example/x.js"></script>', strict)).toHaveLength(1);
    expect(violations('<link rel="icon" href="data:image/svg+xml,x">', strict)).toHaveLength(1);
    expect(violations('<style>p{}</style>', strict)).toHaveLength(1);
    expect(violations('<button onclick="go()">', strict)).toHaveLength(1);
    expect(violations('<script type="module" src="/assets/a.js"></script>', strict)).toEqual([]);
    const hashed = parseCsp(`script-src 'self' ${inlineScriptHashes('<script>go()</script>')[0]}`);
    expect(violations('<script>go()</script>', hashed)).toEqual([]);
    expect(violations('<script>go();alert(1)</script>', hashed)).toHaveLength(1);
  });
});
