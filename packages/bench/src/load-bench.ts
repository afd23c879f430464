/**
 * How fast the web app loads, in real Chromium against the real server, on a fast line and on
 * a slow one (CDP Network.emulateNetworkConditions: 400 kbit/s each way, 400 ms latency):
 *
 * - the JavaScript the join page and the board fetch: raw, gzip (level 9, from the built files)
 *   and the bytes really transferred;
 * - join page interactive: from navigation start until the form is rendered and the workshop's
 *   title has arrived (React has run and the person can type);
 * - board first note: a returning participant opens /w/ID; from navigation start until the first
 *   note has been painted.
 *
 * Every load is a fresh browser context (empty cache). `--before DIR` also measures another
 * build of apps/web (say, an older commit's dist/) on the same server, interleaved.
 *
 * Usage: pnpm bench:load [--before DIR] [--runs N] [--no-build] [--write]
 *        (--write puts the table into docs/bench-load.md)
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seedBulkBoard } from './board/bulk-board.ts';
import { RECORD_NOTE_PAINTS } from './board/page-probes.ts';
import { launchChromium, writeDoc } from '@crossboard/testkit';
import { loadFixture } from './fixture.ts';

const { values: args } = parseArgs({
  options: {
    before: { type: 'string' },
    runs: { type: 'string', default: '3' },
    'no-build': { type: 'boolean', default: false },
    write: { type: 'boolean', default: false },
  },
});
const RUNS = Number(args.runs);
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const AFTER_DIST = join(repoRoot, 'apps/web/dist');
const REPORT_PATH = join(repoRoot, 'docs/bench-load.md');
const NOTES = 40;
const VIEWPORT = { width: 1440, height: 900 };

/** 400 kbit/s both ways and 400 ms added to every request, in bytes per second for CDP. */
const SLOW = { offline: false, latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8 };
const NETWORKS = [
  { name: 'unthrottled', conditions: null },
  { name: '400 kbit/s, 400 ms', conditions: SLOW },
] as const;

interface Load {
  ms: number;
  scripts: { path: string; transferred: number }[];
}

interface CrossboardServer {
  listen(o: { port: number; host: string }): Promise<string>;
  close(): Promise<void>;
}
type Build = (o: { dataDir: string; webDistDir: string; httpLimits: Record<string, unknown> }) => Promise<CrossboardServer>;

if (!args['no-build']) {
  const built = spawnSync('pnpm', ['--filter', '@crossboard/web', 'build'], { cwd: repoRoot, stdio: ['ignore', 2, 2] });
  if (built.status !== 0) throw new Error('web build failed');
}
// A copy: others rebuilding apps/web/dist during the run must not swap files under a load.
const afterCopy = mkdtempSync(join(tmpdir(), 'crossboard-load-dist-'));
cpSync(AFTER_DIST, afterCopy, { recursive: true });
const builds = [...(args.before ? [{ name: 'before', dist: args.before }] : []), { name: 'after', dist: afterCopy }];
for (const b of builds) if (!existsSync(join(b.dist, 'index.html'))) throw new Error(`${b.dist} holds no built web app`);

// One server per build, in this process: the real app (apps/server/src/app.ts) with its web
// root pointed at that build. Imported by path so this package's typecheck does not span the server.
const { build } = (await import(pathToFileURL(join(repoRoot, 'apps/server/src/app.ts')).href)) as { build: Build };
const { RATE_LIMITS_OFF } = (await import(pathToFileURL(join(repoRoot, 'apps/server/src/limits.ts')).href)) as {
  RATE_LIMITS_OFF: Record<string, unknown>;
};
const servers = await Promise.all(
  builds.map(async (b) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'crossboard-load-'));
    const app = await build({ dataDir, webDistDir: b.dist, httpLimits: RATE_LIMITS_OFF });
    const url = (await app.listen({ port: 0, host: '127.0.0.1' })).replace(/\/$/, '');
    const board = await seedBulkBoard(url, { count: NOTES, clustered: false, fixture: loadFixture() });
    return { ...b, app, dataDir, url, board };
  }),
);

const gzipCache = new Map<string, { raw: number; gzip: number }>();
function sizes(dist: string, path: string) {
  const key = `${dist}${path}`;
  let s = gzipCache.get(key);
  if (!s) {
    const data = readFileSync(join(dist, path));
    s = { raw: data.length, gzip: gzipSync(data, { level: 9 }).length };
    gzipCache.set(key, s);
  }
  return s;
}

async function openPage(
  browser: Browser,
  conditions: (typeof NETWORKS)[number]['conditions'],
): Promise<{ context: BrowserContext; page: Page; scripts: Load['scripts'] }> {
  // bypassCSP: the probes below are strings Playwright evaluates, which the app's CSP forbids.
  const context = await browser.newContext({ viewport: VIEWPORT, timezoneId: 'Europe/London', bypassCSP: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (conditions) await cdp.send('Network.emulateNetworkConditions', conditions);
  const scripts: Load['scripts'] = [];
  const urls = new Map<string, string>();
  cdp.on('Network.responseReceived', (e: { requestId: string; type: string; response: { url: string } }) => {
    if (e.type === 'Script') urls.set(e.requestId, new URL(e.response.url).pathname);
  });
  cdp.on('Network.loadingFinished', (e: { requestId: string; encodedDataLength: number }) => {
    const path = urls.get(e.requestId);
    if (path) scripts.push({ path, transferred: e.encodedDataLength });
  });
  return { context, page, scripts };
}

async function joinPage(browser: Browser, s: (typeof servers)[number], conditions: (typeof NETWORKS)[number]['conditions']): Promise<Load> {
  const { context, page, scripts } = await openPage(browser, conditions);
  await page.goto(`${s.url}/w/${s.board.workshopId}/join`, { waitUntil: 'commit' });
  const title = (await (
    await fetch(`${s.url}/api/workshops/${s.board.workshopId}/public`).catch(() => null)
  )
    ?.json()
    .catch(() => null)) as {
    title?: string;
  } | null;
  const handle = await page.waitForFunction(
    `(() => {
      const heading = document.getElementById('join-heading');
      const ready = document.getElementById('join-name') && heading && (${JSON.stringify(title?.title ?? '')} === '' || heading.textContent.includes(${JSON.stringify(title?.title ?? '')}));
      return ready ? performance.now() : false;
    })()`,
    null,
    { timeout: 120_000, polling: 'raf' },
  );
  const ms = (await handle.jsonValue()) as number;
  // Let requests started by then (the entry's imports) finish being counted, not the prefetch after.
  const counted = scripts.slice();
  await context.close();
  return { ms, scripts: counted };
}

async function boardPage(
  browser: Browser,
  s: (typeof servers)[number],
  conditions: (typeof NETWORKS)[number]['conditions'],
): Promise<Load> {
  const { context, page, scripts } = await openPage(browser, conditions);
  const credential = JSON.stringify({
    token: s.board.viewer.token,
    personId: s.board.viewer.personId,
    role: 'participant',
    name: s.board.viewer.name,
  });
  await context.addInitScript(
    `localStorage.setItem(${JSON.stringify(`crossboard:workshop:${s.board.workshopId}`)}, ${JSON.stringify(credential)});`,
  );
  await context.addInitScript(RECORD_NOTE_PAINTS);
  await page.goto(`${s.url}/w/${s.board.workshopId}`, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(
    `(() => { const t = [...window.__boardBench.painted.values()]; return t.length ? Math.min(...t) : false; })()`,
    null,
    { timeout: 180_000, polling: 100 },
  );
  const ms = (await handle.jsonValue()) as number;
  const counted = scripts.slice();
  await context.close();
  return { ms, scripts: counted };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kB = (n: number) => (n / 1000).toFixed(0);

const browser = await launchChromium();
type Key = `${string}|${string}|${string}`;
const results = new Map<Key, Load[]>();
try {
  for (let run = 0; run < RUNS; run++) {
    for (const net of NETWORKS) {
      for (const s of servers) {
        for (const [page, measure] of [
          ['join', joinPage],
          ['board', boardPage],
        ] as const) {
          const key: Key = `${s.name}|${net.name}|${page}`;
          const load = await measure(browser, s, net.conditions);
          console.error(`run ${run + 1}: ${key}: ${load.ms.toFixed(0)} ms, ${load.scripts.length} scripts`);
          results.set(key, [...(results.get(key) ?? []), load]);
        }
      }
    }
  }
} finally {
  await browser.close();
  for (const s of servers) {
    await s.app.close();
    rmSync(s.dataDir, { recursive: true, force: true });
  }
}

const lines: string[] = [];
lines.push('| build | page | JS files | JS raw (kB) | JS gzip (kB) | JS transferred (kB) | unthrottled (ms) | 400 kbit/s, 400 ms (ms) |');
lines.push('|---|---|---|---|---|---|---|---|');
for (const s of servers) {
  for (const page of ['join', 'board'] as const) {
    const fast = results.get(`${s.name}|unthrottled|${page}`) ?? [];
    const slow = results.get(`${s.name}|400 kbit/s, 400 ms|${page}`) ?? [];
    // Bytes from the unthrottled loads: the same files either way.
    const files = new Map(fast[0]?.scripts.map((x) => [x.path, x.transferred]) ?? []);
    const raw = [...files.keys()].reduce((a, p) => a + sizes(s.dist, p).raw, 0);
    const gzip = [...files.keys()].reduce((a, p) => a + sizes(s.dist, p).gzip, 0);
    const transferred = [...files.values()].reduce((a, b) => a + b, 0);
    const ms = (ls: Load[]) => `${median(ls.map((l) => l.ms)).toFixed(0)} (${ls.map((l) => l.ms.toFixed(0)).join(', ')})`;
    lines.push(`| ${s.name} | ${page} | ${files.size} | ${kB(raw)} | ${kB(gzip)} | ${kB(transferred)} | ${ms(fast)} | ${ms(slow)} |`);
  }
}
const header = [
  `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC with \`pnpm bench:load ${process.argv.slice(2).join(' ')}\`,`,
  `${RUNS} cold loads per cell (median, then each run), Chromium ${browser.version()}, ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(2)}.`,
  `Board: ${NOTES} notes; first note = first note article painted. Join interactive = the form rendered with the workshop's title.`,
];
const table = [...header, '', ...lines].join('\n');
console.log(table);
if (args.write) {
  const doc = existsSync(REPORT_PATH) ? readFileSync(REPORT_PATH, 'utf8') : '';
  const marker = '<!-- bench:load results -->';
  const body = doc.includes(marker) ? doc.slice(0, doc.indexOf(marker)) : doc || '# Web app load\n\n';
  writeDoc(REPORT_PATH, `${body}${marker}\n${table}\n`);
}
rmSync(afterCopy, { recursive: true, force: true });
