/**
 * How the board feels with many notes, in real Chromium against the real server: time until
 * the first note and until the whole viewport is on screen, the JS heap once loaded, and
 * frame times while a person drags a note.
 *
 * Usage: pnpm bench:board   (writes docs/bench-board.md)
 */
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, writeDoc } from '@crossboard/testkit';
import { seedBulkBoard, viewerContext, type BulkBoard } from './board/bulk-board.ts';
import { frameStats, median, type FrameStats } from './board/frame-stats.ts';
import { PAINTED_COUNT, READ_VIEWPORT, START_FRAMES, STOP_FRAMES, type ViewportReport } from './board/page-probes.ts';
import { loadFixture } from './fixture.ts';
import {
  countOverlaps,
  findFreeSpot,
  NOTE_HEIGHT,
  NOTE_WIDTH,
  noteRect,
  resolveNewOverlaps,
  type PlacedNote,
  type Point,
} from '@crossboard/model';
import { ensureWebBuild, startServer } from './server-process.ts';

const VIEWPORT = { width: 1440, height: 900 };
const LOADS_PER_BOARD = 3;
/** A drag of about two seconds at a 60 Hz pointer, 4 px a step. */
const DRAG_STEPS = 120;
const DRAG_STEP_MS = 16;
const BOARDS = [
  { count: 1_000, clustered: false },
  { count: 1_000, clustered: true },
  { count: 5_000, clustered: false },
  { count: 5_000, clustered: true },
];
const REPORT_PATH = new URL('../../../docs/bench-board.md', import.meta.url).pathname;

interface LoadResult extends ViewportReport {
  heapMb: number;
}

interface BoardResult {
  count: number;
  clusters: number;
  loads: LoadResult[];
  drag: DragResult;
}

/** Frame times plus how long the scripted drag really took: a busy page answers pointer events late. */
type DragResult = FrameStats & { movedPx: number; seconds: number };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until no new note has been painted for `quietMs`: loading and culling are done. */
async function settle(page: Page, quietMs = 1_500, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = -1;
  let since = Date.now();
  for (;;) {
    const n = (await page.evaluate(PAINTED_COUNT)) as number;
    if (n !== last) {
      last = n;
      since = Date.now();
    } else if (n > 0 && Date.now() - since >= quietMs) return;
    if (Date.now() > deadline) throw new Error(`board did not settle (${n} notes painted)`);
    await sleep(100);
  }
}

async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize / 1024 / 1024;
}

/** The notes the default view (pan 40,40, zoom 1) must show, from the seeded positions. */
function expectedVisible(board: BulkBoard, surface: ViewportReport['surface']): string[] {
  const pan = 40;
  return [...board.positions]
    .filter(([, p]) => p.x + pan + 200 > 0 && p.x + pan < surface.width && p.y + pan + 150 > 0 && p.y + pan < surface.height)
    .map(([id]) => id);
}

async function openBoard(browser: Browser, baseUrl: string, board: BulkBoard) {
  const context = await viewerContext(browser, board, { viewport: VIEWPORT, timezoneId: 'Europe/London' });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/w/${board.workshopId}`);
  await page.locator('article[data-note-id]').first().waitFor({ timeout: 120_000 });
  await settle(page);
  const view = (await page.evaluate(READ_VIEWPORT)) as ViewportReport;
  const shown = new Set(view.visibleIds);
  const missing = expectedVisible(board, view.surface).filter((id) => !shown.has(id));
  if (missing.length > 0) throw new Error(`${missing.length} notes that belong in the viewport never rendered`);
  if (!Number.isFinite(view.allVisibleMs)) throw new Error('a visible note has no paint time');
  return { context, page, view };
}

async function dragNote(page: Page, view: ViewportReport): Promise<DragResult> {
  // A note near the middle of the screen, grabbed by its text (the tools sit below it).
  const centre = { x: view.surface.left + view.surface.width / 2, y: view.surface.top + view.surface.height / 2 };
  let best: { id: string; box: { x: number; y: number; width: number; height: number }; d: number } | null = null;
  for (const id of view.visibleIds) {
    const box = await page.locator(`article[data-note-id="${id}"]`).boundingBox();
    if (!box) continue;
    const d = Math.hypot(box.x + box.width / 2 - centre.x, box.y + box.height / 2 - centre.y);
    if (!best || d < best.d) best = { id, box, d };
  }
  if (!best) throw new Error('no note to drag');
  const note = page.locator(`article[data-note-id="${best.id}"]`);
  const start = { x: best.box.x + best.box.width / 2, y: best.box.y + 24 };
  await page.mouse.move(start.x, start.y);
  await sleep(1_000);
  await page.evaluate(START_FRAMES);
  await page.mouse.down();
  const t0 = Date.now();
  for (let i = 1; i <= DRAG_STEPS; i++) {
    await page.mouse.move(start.x + i * 3, start.y + i * 2.5);
    const wait = t0 + i * DRAG_STEP_MS - Date.now();
    if (wait > 0) await sleep(wait);
  }
  await page.mouse.up();
  const seconds = (Date.now() - t0) / 1000;
  const times = (await page.evaluate(STOP_FRAMES)) as number[];
  const after = await note.boundingBox();
  const movedPx = after ? Math.round(Math.hypot(after.x - best.box.x, after.y - best.box.y)) : 0;
  if (movedPx < DRAG_STEPS) throw new Error(`the dragged note moved only ${movedPx}px`);
  return { ...frameStats(times), movedPx, seconds };
}

async function benchBoard(browser: Browser, baseUrl: string, count: number, clustered: boolean): Promise<BoardResult> {
  const seedStart = Date.now();
  const board = await seedBulkBoard(baseUrl, { count, clustered, fixture: loadFixture() });
  console.error(
    `  seeded ${count} notes${clustered ? ` in ${board.clusters} clusters` : ''} in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`,
  );
  const loads: LoadResult[] = [];
  let drag: DragResult | null = null;
  for (let i = 0; i < LOADS_PER_BOARD; i++) {
    const { context, page, view } = await openBoard(browser, baseUrl, board);
    try {
      loads.push({ ...view, heapMb: await heapAfterGc(page) });
      console.error(`  load ${i + 1}: first note ${view.firstVisibleMs.toFixed(0)} ms, viewport ${view.allVisibleMs.toFixed(0)} ms`);
      if (i === LOADS_PER_BOARD - 1) drag = await dragNote(page, view);
    } finally {
      await context.close();
    }
  }
  return { count, clusters: board.clusters, loads, drag: drag! };
}

const PLACEMENT_AUTHORS = 10;
const PLACEMENT_NOTES = 1_000;

interface PlacementResult {
  notes: number;
  authors: number;
  blindOverlaps: number;
  overlaps: number;
  placeMs: number;
}

/**
 * A 1,000-note board written by 10 people at once, through the client's placement: in each
 * round every author places a note without seeing the others' notes of that round (they are
 * still on the wire), then every client runs the sync repair once.
 */
function benchPlacement(): PlacementResult {
  const authors = Array.from({ length: PLACEMENT_AUTHORS }, (_, i) => `participant-${i + 1}`);
  const notes: PlacedNote[] = [];
  const last = new Map<string, Point>();
  let blindOverlaps = 0;
  const started = performance.now();
  for (let round = 0; notes.length < PLACEMENT_NOTES; round++) {
    const seen = notes.map(noteRect);
    for (const author of authors) {
      const previous = last.get(author);
      const p = findFreeSpot({ occupied: seen, near: previous ?? { x: 720, y: 450 }, firstNote: !previous, authorId: author });
      notes.push({ id: `${author}-${round}`, authorId: author, createdAt: round, ...p });
    }
    blindOverlaps += countOverlaps(notes);
    const moves = authors.map((a) => resolveNewOverlaps(notes, a, round));
    for (const m of moves) for (const n of notes) if (m.has(n.id)) Object.assign(n, m.get(n.id));
    // As the client does: the next note goes beside this one where the repair left it.
    for (const n of notes.slice(-authors.length)) last.set(n.authorId!, { x: n.x + NOTE_WIDTH / 2, y: n.y + NOTE_HEIGHT / 2 });
  }
  return {
    notes: notes.length,
    authors: authors.length,
    blindOverlaps,
    overlaps: countOverlaps(notes),
    placeMs: (performance.now() - started) / notes.length,
  };
}

function placementTable(r: PlacementResult): string {
  return [
    '| Notes | Authors (placing at once) | Covered before sync repair (sum over rounds) | Overlapping pairs once synced (> 5 % of a note) | Placement + repair per note (ms) |',
    '| ---: | ---: | ---: | ---: | ---: |',
    `| ${r.notes.toLocaleString('en')} | ${r.authors} | ${r.blindOverlaps} | ${r.overlaps} | ${r.placeMs.toFixed(2)} |`,
  ].join('\n');
}

function table(results: BoardResult[]): string {
  const ms = (n: number) => `${Math.round(n).toLocaleString('en')}`;
  const rows = results.map((r) => {
    const m = (f: (l: LoadResult) => number) => median(r.loads.map(f));
    const d = r.drag;
    return `| ${r.count.toLocaleString('en')} | ${r.clusters || '–'} | ${m((l) => l.visibleIds.length)} / ${m((l) => l.mounted)} | ${ms(m((l) => l.firstVisibleMs))} | ${ms(m((l) => l.allVisibleMs))} | ${m((l) => l.heapMb).toFixed(1)} | ${d.p50.toFixed(1)} / ${d.p95.toFixed(1)} / ${d.max.toFixed(1)} | ${d.dropped} of ${d.frames} | ${d.seconds.toFixed(1)} |`;
  });
  return [
    '| Notes | Clusters | Notes on screen / in DOM | First note (ms) | Viewport complete (ms) | JS heap (MB) | Drag frame p50 / p95 / max (ms) | Dropped frames (> 33 ms) | Drag took (s) |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
}

async function main() {
  const placement = benchPlacement();
  console.log(`\nNote placement\n\n${placementTable(placement)}\n`);
  if (placement.overlaps > 0) throw new Error(`${placement.overlaps} notes cover each other once synced`);
  // `pnpm bench:board placement` stops here: no browser, no report.
  if (process.argv.includes('placement')) return;
  await ensureWebBuild();
  // Others share this machine; the load before we start says how much to trust a row.
  const loadBefore = loadavg()[0]!.toFixed(2);
  const server = await startServer();
  const browser = await launchChromium();
  try {
    const results: BoardResult[] = [];
    // `pnpm bench:board 1000` runs only the boards of that size (and still writes the report).
    const only = process.argv.slice(2).map(Number).filter(Boolean);
    for (const b of BOARDS.filter((b) => only.length === 0 || only.includes(b.count))) {
      console.error(`Board with ${b.count} notes${b.clustered ? ', clustered' : ''}…`);
      results.push(await benchBoard(browser, server.url, b.count, b.clustered));
    }
    const header = `${new Date().toISOString().slice(0, 10)} · ${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}) · Chromium ${browser.version()} headless, software rendering · Node ${process.version} · viewport ${VIEWPORT.width}×${VIEWPORT.height} · load average ${loadBefore} before, ${loadavg()[0]!.toFixed(2)} after`;
    const body = `${header}\n\n${table(results)}\n\n${findings(results)}\n\n### Note placement\n\n${placementTable(placement)}`;
    console.log(`\n${body}\n`);
    writeDoc(REPORT_PATH, report(body) + keptHistory());
    console.error(`written to docs/bench-board.md`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

/** The report's dated before → after notes, from `## Before and after` on: a new run keeps them. */
function keptHistory(): string {
  if (!existsSync(REPORT_PATH)) return '';
  const text = readFileSync(REPORT_PATH, 'utf8');
  const at = text.indexOf(`\n${HISTORY_HEADING}`);
  return at < 0 ? '' : text.slice(at);
}

const HISTORY_HEADING = '## Before and after';

/** What a reader should take from the rows, worked out from them so it cannot go stale. */
function findings(results: BoardResult[]): string {
  const lines: string[] = [];
  const heap = (r: BoardResult) => median(r.loads.map((l) => l.heapMb));
  const plain = results.filter((r) => r.clusters === 0).sort((a, b) => a.count - b.count);
  if (plain.length >= 2) {
    const [small, large] = [plain[0]!, plain[plain.length - 1]!];
    const perNote = ((heap(large) - heap(small)) * 1024) / (large.count - small.count);
    lines.push(`- Heap grows by about ${perNote.toFixed(1)} KB per note (the Yjs document; notes far from the view are not mounted).`);
  }
  const fastest = Math.min(...results.map((r) => r.drag.seconds));
  for (const r of results) {
    const share = r.drag.frames ? r.drag.dropped / r.drag.frames : 0;
    const label = `${r.count.toLocaleString('en')} notes${r.clusters ? ` in ${r.clusters} clusters` : ''}`;
    if (share > 0.05) {
      lines.push(
        `- Dragging on ${label} drops ${(share * 100).toFixed(0)} % of frames (p95 ${r.drag.p95.toFixed(0)} ms): the drag visibly stutters.`,
      );
    } else {
      lines.push(`- Dragging on ${label} stays smooth: ${r.drag.dropped} of ${r.drag.frames} frames over 33 ms.`);
    }
    // Against the quickest drag of this run, not the plan: on a loaded machine every drag runs long.
    if (r.drag.seconds > fastest * 1.5) {
      lines.push(
        `  Its ${DRAG_STEPS} pointer moves took ${r.drag.seconds.toFixed(1)} s, ${(r.drag.seconds / fastest).toFixed(1)}× the quickest board's ${fastest.toFixed(1)} s: the note lags behind the pointer.`,
      );
    }
  }
  return lines.join('\n');
}

function report(body: string): string {
  return `# Board rendering bench

\`pnpm bench:board\` (packages/bench/src/board-bench.ts) builds the web app if \`apps/web/dist\` is
missing, starts the real server on a free port with a temporary database, and seeds a pain-points
board per row: realistic notes (the fixture's notes sampled and reworded), written by as many
participants as the per-person limit of 200 notes requires, each through their own socket, on a
jittered grid ${'~'}250 × 210 px apart (1,000 notes cover about 11,000 × 4,800 px, 5,000 about
25,000 × 10,500 px). "Clustered" rows file every block of 5 × 4 notes into a cluster frame, as a
board looks after the facilitator has clustered it.

Each board is opened ${LOADS_PER_BOARD} times in a fresh browser context as a participant (no IndexedDB cache);
the load columns are medians.

- **First note**: navigation start → the first frame after the first on-screen note article was
  inserted (MutationObserver, then requestAnimationFrame and a task).
- **Viewport complete**: navigation start → the same for the last note that overlaps the board on
  screen. The bench checks that every note the default view must show did render.
- **JS heap**: V8's used heap after a forced garbage collection, once loading has settled.
- **Drag**: on the last load, a note near the centre is dragged ${DRAG_STEPS} steps of 4 px at one step
  every ${DRAG_STEP_MS} ms (page.mouse down/move/up); frame times are the gaps between
  requestAnimationFrame timestamps during the drag. The bench fails if the note did not move.
  "Drag took" is how long the ${DRAG_STEPS} moves really lasted (planned: ${((DRAG_STEPS * DRAG_STEP_MS) / 1000).toFixed(1)} s); each move waits
  until the page has taken the event, so a page busy handling moves stretches it: that is input lag.

${body}

Headless Chromium here draws without a GPU on a shared 2-core machine, so absolute numbers are
pessimistic next to a participant's laptop; compare rows with each other and runs on this machine.
`;
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
