/**
 * Where the browser's time goes while a large board loads: seeds one board, opens it a few
 * times with V8's sampling profiler running from navigation to the settled board, and prints
 * the first-note time and the self time per source file and per function (mapped through the
 * build's source maps).
 *
 * Usage: pnpm --filter @crossboard/bench exec tsx src/board-profile.ts [notes=5000] [loads=3]
 *   BOARD_PROFILE_AB=dir serves that build too (`vite build --outDir dir`), loads alternating.
 *   BOARD_PROFILE_DIR=dir keeps each .cpuprofile (open it in Chromium's DevTools).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchChromium } from '@crossboard/testkit';
import { seedBulkBoard, viewerContext, type BulkBoard } from './board/bulk-board.ts';
import { PAINTED_COUNT, READ_VIEWPORT, type ViewportReport } from './board/page-probes.ts';
import { loadFixture } from './fixture.ts';
import { ensureWebBuild, startServer } from './server-process.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

// The build whose source maps name the frames: BOARD_PROFILE_MAPS=dir for a build outside apps/web/dist.
const distAssets = process.env.BOARD_PROFILE_MAPS
  ? join(process.env.BOARD_PROFILE_MAPS, 'assets')
  : fileURLToPath(new URL('../../../apps/web/dist/assets/', import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Source positions from the build's .map files: "file:line name" for a minified frame. */
function makeResolver() {
  // Raw VLQ decoding would be a page of code; the maps are small enough to decode by brute force
  // through the `mappings` of source-map-js, which Vite already installs.
  const cache = new Map<string, ((line: number, col: number) => { source: string; name: string }) | null>();
  return async (url: string, line: number, col: number): Promise<{ source: string; name: string } | null> => {
    const file = url.split('/assets/')[1];
    if (!file) return null;
    if (!cache.has(file)) {
      try {
        const { SourceMapConsumer } = (await import(
          // A path, not a package name: the bench does not depend on it.
          fileURLToPath(
            new URL('../../../node_modules/.pnpm/source-map-js@1.2.4/node_modules/source-map-js/source-map.js', import.meta.url),
          )
        )) as {
          SourceMapConsumer: new (
            raw: unknown,
          ) => {
            originalPositionFor(p: { line: number; column: number }): { source: string | null; name: string | null; line: number | null };
          };
        };
        const consumer = new SourceMapConsumer(JSON.parse(readFileSync(join(distAssets, `${file}.map`), 'utf8')));
        cache.set(file, (l, c) => {
          const p = consumer.originalPositionFor({ line: l + 1, column: c });
          return {
            source: `${(p.source ?? '?').replace(/^.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, '').replace(/^(\.\.\/)+/, '')}:${p.line ?? 0}`,
            name: p.name ?? '',
          };
        });
      } catch {
        cache.set(file, null);
      }
    }
    const f = cache.get(file);
    return f ? f(line, col) : null;
  };
}

async function summarise(profile: Profile, top = 25): Promise<string> {
  const resolve = makeResolver();
  const self = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i]!;
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  }
  // What runs when: the three busiest files in each 250 ms of the load.
  const fileOf = new Map<number, string>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const mapped = url ? await resolve(url, lineNumber, columnNumber) : null;
    fileOf.set(node.id, mapped ? mapped.source.replace(/:\d+$/, '') : url ? url.replace(/^.*\//, '') : functionName);
  }
  const buckets: Map<string, number>[] = [];
  let t = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    t += (profile.timeDeltas[i] ?? 0) / 1000;
    const b = (buckets[Math.floor(t / 250)] ??= new Map());
    const f = fileOf.get(profile.samples[i]!)!;
    b.set(f, (b.get(f) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  }
  const timeline = buckets
    .map(
      (b, i) =>
        `  ${String(i * 250).padStart(5)} ms  ${[...(b ?? [])]
          .sort((x, y) => y[1] - x[1])
          .slice(0, 4)
          .map(([f, ms]) => `${f.replace(/^.*\//, '')} ${ms.toFixed(0)}`)
          .join(', ')}`,
    )
    .join('\n');
  const byFn = new Map<string, number>();
  const byFile = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const ms = self.get(node.id) ?? 0;
    if (!ms) continue;
    total += ms;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const mapped = url ? await resolve(url, lineNumber, columnNumber) : null;
    const file = mapped ? mapped.source.replace(/:\d+$/, '') : url ? url.replace(/^.*\//, '') : functionName;
    const fn = mapped
      ? `${functionName || mapped.name || '(anonymous)'} ${mapped.source}`
      : `${functionName || '(anonymous)'} ${url.replace(/^.*\//, '')}`;
    byFn.set(fn, (byFn.get(fn) ?? 0) + ms);
    byFile.set(file, (byFile.get(file) ?? 0) + ms);
  }
  const rows = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, ms]) => `  ${ms.toFixed(0).padStart(6)} ms ${((ms / total) * 100).toFixed(1).padStart(5)} %  ${k}`)
      .join('\n');
  return `timeline:\n${timeline}\ntotal sampled ${total.toFixed(0)} ms\nby file:\n${rows(byFile)}\nby function:\n${rows(byFn)}`;
}

/** One load of the board with the profiler on: the first-note time and the profile. */
async function profiledLoad(browser: Browser, url: string, board: BulkBoard) {
  const context = await viewerContext(browser, board, { viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.goto(`${url}/w/${board.workshopId}`);
  await page.locator('article[data-note-id]').first().waitFor({ timeout: 120_000 });
  // Settled: no new note painted for a second.
  let last = -1;
  for (let quiet = 0; quiet < 10; ) {
    const n = (await page.evaluate(PAINTED_COUNT)) as number;
    quiet = n === last ? quiet + 1 : 0;
    last = n;
    await sleep(100);
  }
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  const view = (await page.evaluate(READ_VIEWPORT)) as ViewportReport;
  await context.close();
  return { view, profile };
}

async function main() {
  // A saved profile: summarise it again without a browser.
  if (process.argv[2]?.endsWith('.cpuprofile')) {
    console.log(await summarise(JSON.parse(readFileSync(process.argv[2], 'utf8')) as Profile));
    return;
  }
  const count = Number(process.argv[2] ?? 5000);
  const loads = Number(process.argv[3] ?? 3);
  // BOARD_PROFILE_AB=dir: a second server serves that build of the web app, loads alternate
  // between the two, so both see the same machine load (this machine is shared).
  const other = process.env.BOARD_PROFILE_AB;
  await ensureWebBuild();
  // BOARD_PROFILE_A=dir: the first server's build too (others rebuilding apps/web/dist mid-run cannot break it).
  const mine = process.env.BOARD_PROFILE_A;
  const builds = [{ name: mine ?? 'apps/web/dist', server: await startServer(mine ? { CROSSBOARD_WEB_DIST: mine } : {}) }];
  if (other) builds.push({ name: other, server: await startServer({ CROSSBOARD_WEB_DIST: other }) });
  const browser = await launchChromium();
  try {
    const boards = [];
    for (const b of builds) boards.push(await seedBulkBoard(b.server.url, { count, clustered: false, fixture: loadFixture() }));
    const firsts = builds.map(() => [] as number[]);
    for (let i = 0; i < loads; i++) {
      for (let k = 0; k < builds.length; k++) {
        const load = loadavg()[0]!.toFixed(2);
        const { view, profile } = await profiledLoad(browser, builds[k]!.server.url, boards[k]!);
        firsts[k]!.push(view.firstVisibleMs);
        console.log(
          `${builds[k]!.name} load ${i + 1} (load average ${load}): first note ${view.firstVisibleMs.toFixed(0)} ms, viewport ${view.allVisibleMs.toFixed(0)} ms, ${view.mounted} notes in the DOM`,
        );
        const dir = process.env.BOARD_PROFILE_DIR;
        if (dir) writeFileSync(join(dir, `board-${count}-${k ? 'b' : 'a'}${i + 1}.cpuprofile`), JSON.stringify(profile));
        if (i === loads - 1 && !other) console.log(await summarise(profile));
      }
    }
    for (let k = 0; k < builds.length; k++) {
      const sorted = [...firsts[k]!].sort((a, b) => a - b);
      console.log(
        `${builds[k]!.name}: first note median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0)} ms over ${sorted.length} loads`,
      );
    }
  } finally {
    await browser.close();
    for (const b of builds) await b.server.stop();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
