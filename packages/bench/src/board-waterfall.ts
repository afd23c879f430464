/**
 * The network and main-thread timeline of one board load: when each script, API call and
 * socket started and finished, when the board's first sync message arrived, the main thread's
 * long tasks, and the first note — all in ms from navigation start. Shows the waterfalls
 * (a request that waits for another) before the board's bytes arrive.
 *
 * Usage: pnpm --filter @crossboard/bench exec tsx src/board-waterfall.ts [notes=5000] [loads=2]
 *   BOARD_PROFILE_A=dir / BOARD_PROFILE_AB=dir: as in board-profile.ts (builds, loads alternating).
 */
import { loadavg } from 'node:os';
import type { Browser } from 'playwright-core';
import WebSocket from 'ws';
import { launchChromium } from '@crossboard/testkit';
import { seedBulkBoard, viewerContext, type BulkBoard } from './board/bulk-board.ts';
import { PAINTED_COUNT, READ_VIEWPORT, type ViewportReport } from './board/page-probes.ts';
import { loadFixture } from './fixture.ts';
import { ensureWebBuild, startServer } from './server-process.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const RECORD_LONG_TASKS = `(() => {
  window.__longTasks = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longTasks.push([e.startTime, e.duration]); })
    .observe({ type: 'longtask', buffered: true });
})();`;

interface Row {
  what: string;
  start: number;
  end: number;
  note: string;
}

async function tracedLoad(browser: Browser, url: string, board: BulkBoard) {
  const context = await viewerContext(browser, board, { viewport: { width: 1440, height: 900 } });
  await context.addInitScript(RECORD_LONG_TASKS);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  let t0 = -1;
  const rows = new Map<string, Row>();
  const ms = (ts: number) => (ts - t0) * 1000;
  cdp.on('Network.requestWillBeSent', (e) => {
    if (t0 < 0) t0 = e.timestamp;
    const path = e.request.url.replace(/^https?:\/\/[^/]+/, '').replace(/\?.*$/, '');
    rows.set(e.requestId, { what: `${e.request.method} ${path}`, start: ms(e.timestamp), end: NaN, note: `${e.initiator.type}, ` });
  });
  cdp.on('Network.responseReceived', (e) => {
    const r = rows.get(e.requestId);
    if (r) r.note += `first byte ${ms(e.timestamp).toFixed(0)}`;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = rows.get(e.requestId);
    if (r) {
      r.end = ms(e.timestamp);
      r.note += ` ${(e.encodedDataLength / 1024).toFixed(1)} kB`;
    }
  });
  cdp.on('Network.webSocketCreated', (e) => {
    rows.set(e.requestId, { what: `WS ${e.url.replace(/^wss?:\/\/[^/]+/, '').replace(/\?.*$/, '')}`, start: NaN, end: NaN, note: '' });
  });
  cdp.on('Network.webSocketWillSendHandshakeRequest', (e) => {
    const r = rows.get(e.requestId);
    if (r) r.start = ms(e.timestamp);
  });
  cdp.on('Network.webSocketHandshakeResponseReceived', (e) => {
    const r = rows.get(e.requestId);
    if (r) r.note = `open ${ms(e.timestamp).toFixed(0)}`;
  });
  cdp.on('Network.webSocketFrameReceived', (e) => {
    const r = rows.get(e.requestId);
    if (!r) return;
    const len = e.response.opcode === 2 ? Math.round((e.response.payloadData.length * 3) / 4) : e.response.payloadData.length;
    if (len > 10_000 || !Number.isFinite(r.end)) r.note += `, recv ${ms(e.timestamp).toFixed(0)} (${(len / 1024).toFixed(0)} kB)`;
    if (!Number.isFinite(r.end)) r.end = ms(e.timestamp);
  });
  await page.goto(`${url}/w/${board.workshopId}`);
  await page.locator('article[data-note-id]').first().waitFor({ timeout: 120_000 });
  let last = -1;
  for (let quiet = 0; quiet < 10; ) {
    const n = (await page.evaluate(PAINTED_COUNT)) as number;
    quiet = n === last ? quiet + 1 : 0;
    last = n;
    await sleep(100);
  }
  const view = (await page.evaluate(READ_VIEWPORT)) as ViewportReport;
  const longTasks = (await page.evaluate('window.__longTasks')) as [number, number][];
  const fcp = (await page.evaluate(
    `performance.getEntriesByType('paint').map((e) => e.name + ' ' + e.startTime.toFixed(0)).join(', ')`,
  )) as string;
  await context.close();
  return { view, rows: [...rows.values()].sort((a, b) => a.start - b.start), longTasks, fcp };
}

/**
 * The server's part, without a browser: ms from asking for the socket to its opening, and from
 * the opening (sync step 1 sent at once, as y-websocket does) to the first byte and to the whole
 * board (sync step 2).
 */
async function serverTimes(baseUrl: string, board: BulkBoard) {
  const url = `${baseUrl.replace(/^http/, 'ws')}/ws/${board.workshopId}/board?token=${encodeURIComponent(board.viewer.token)}`;
  const t0 = performance.now();
  const ws = new WebSocket(url);
  let open = 0;
  let first = 0;
  return new Promise<string>((resolve, reject) => {
    ws.on('error', reject);
    ws.on('open', () => {
      open = performance.now();
      ws.send(Uint8Array.of(0, 0, 1, 0));
    });
    ws.on('message', (data: Buffer) => {
      first ||= performance.now();
      if (data.length < 100_000) return;
      const all = performance.now();
      ws.close();
      resolve(
        `upgrade ${(open - t0).toFixed(0)} ms, open → first message ${(first - open).toFixed(0)} ms, → board (${(data.length / 1e6).toFixed(1)} MB) ${(all - open).toFixed(0)} ms`,
      );
    });
  });
}

async function main() {
  const count = Number(process.argv[2] ?? 5000);
  const loads = Number(process.argv[3] ?? 2);
  await ensureWebBuild();
  const builds = [{ name: process.env.BOARD_PROFILE_A ?? 'apps/web/dist', dist: process.env.BOARD_PROFILE_A }];
  if (process.env.BOARD_PROFILE_AB) builds.push({ name: process.env.BOARD_PROFILE_AB, dist: process.env.BOARD_PROFILE_AB });
  const servers = [];
  for (const b of builds) servers.push(await startServer(b.dist ? { CROSSBOARD_WEB_DIST: b.dist } : {}));
  const browser = await launchChromium();
  try {
    const boards = [];
    for (const s of servers) boards.push(await seedBulkBoard(s.url, { count, clustered: false, fixture: loadFixture() }));
    for (let k = 0; k < builds.length; k++) {
      for (let i = 0; i < 3; i++)
        console.log(`server ${k}: ${await serverTimes(servers[k]!.url, boards[k]!)} (load average ${loadavg()[0]!.toFixed(2)})`);
    }
    for (let i = 0; i < loads; i++) {
      for (let k = 0; k < builds.length; k++) {
        const load = loadavg()[0]!.toFixed(2);
        const { view, rows, longTasks, fcp } = await tracedLoad(browser, servers[k]!.url, boards[k]!);
        console.log(`\n${builds[k]!.name} load ${i + 1} (load average ${load}): first note ${view.firstVisibleMs.toFixed(0)} ms; ${fcp}`);
        for (const r of rows) {
          if (r.start > view.firstVisibleMs + 200) continue;
          console.log(`  ${r.start.toFixed(0).padStart(5)} → ${r.end.toFixed(0).padStart(5)}  ${r.what.slice(0, 60).padEnd(60)} ${r.note}`);
        }
        console.log(
          `  long tasks: ${longTasks
            .filter(([s]) => s < view.firstVisibleMs)
            .map(([s, d]) => `${s.toFixed(0)}+${d.toFixed(0)}`)
            .join(' ')}`,
        );
      }
    }
  } finally {
    await browser.close();
    for (const s of servers) await s.stop();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
