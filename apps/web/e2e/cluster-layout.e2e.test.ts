import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startServer, type RunningServer } from './harness/server.ts';
import { launchChromium } from '@crossboard/testkit';
import { eventually, facilitatorOnBoard, writeInOutline } from './harness/people.ts';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Three topics, each note sharing more than one word with its topic's others; two long notes. */
const NOTES = [
  'Customs forms differ at the border',
  'Customs forms are only in one language',
  'Customs forms change every year at the border crossing',
  'Customs forms for small firms take a whole day to fill in, and the help desk on the other side of the border does not answer the phone in our language',
  'Health records cannot move between hospitals',
  'Health records stay in each national system',
  'Health records of frontier workers are lost between hospitals',
  'Bus tickets are not valid in the neighbouring region',
  'Bus tickets cost double in the neighbouring region',
  'Bus tickets and train tickets never combine into one trip to the neighbouring region, so commuters drive, and the regional bus lines lose the riders they would need to run more often',
];

/** Pairs of boxes among `selector` covering each other (screen pixels; anything above 1 px² counts). */
async function overlaps(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((els) => {
    const rects = els.map((el) => ({
      name: (el.getAttribute('aria-label') ?? el.textContent ?? '').slice(0, 40),
      r: el.getBoundingClientRect(),
    }));
    const out: string[] = [];
    for (let i = 0; i < rects.length; i++) {
      for (let j = i + 1; j < rects.length; j++) {
        const a = rects[i]!.r;
        const b = rects[j]!.r;
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (w > 0 && h > 0 && w * h > 1) out.push(`${rects[i]!.name} × ${rects[j]!.name}`);
      }
    }
    return out;
  });
}

/** Frames not wholly inside the board's surface on screen (the 1440×900 window). */
async function framesOutOfView(page: Page): Promise<string[]> {
  // The pan/zoom surface, under the toolbar, clipped at the window: what the facilitator sees.
  const surface = await page.locator('.board__surface').boundingBox();
  if (!surface) return ['no board surface'];
  return page.locator('.cluster').evaluateAll(
    (els, s) =>
      els
        .map((el) => ({ name: (el.getAttribute('aria-label') ?? el.textContent ?? '').slice(0, 40), r: el.getBoundingClientRect() }))
        .filter(
          ({ r }) =>
            r.left < s.x - 0.5 ||
            r.top < s.y - 0.5 ||
            r.right > Math.min(s.x + s.width, window.innerWidth) + 0.5 ||
            r.bottom > Math.min(s.y + s.height, window.innerHeight) + 0.5,
        )
        .map(({ name, r }) => `${name} at ${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)}`),
    surface,
  );
}

describe('clusters accepted from suggestions', () => {
  it("move their notes into frames of their own, all in the facilitator's view: no two notes and no two frames overlap", async () => {
    const w = await server.createWorkshop({ title: 'Border frictions' });
    const { context, page } = await facilitatorOnBoard(browser, server.url, w);
    // Written in the outline (placed like board notes, in free space beside the author's last one).
    await writeInOutline(page, NOTES);
    // Back on the board, where the facilitator watches the clusters arrive.
    await page.getByRole('button', { name: 'Board', exact: true }).click();
    await eventually(async () => expect(await page.locator('.note').count()).toBe(NOTES.length), 30_000);

    const console = await context.newPage();
    await console.goto(`${server.url}/w/${w.id}/console`);
    await console.getByRole('button', { name: 'Suggest clusters' }).click();
    const accept = console.getByRole('button', { name: /^Accept “/ });
    await accept.first().waitFor();
    const suggested = await accept.count();
    expect(suggested).toBeGreaterThanOrEqual(3);
    for (let i = 0; i < suggested; i++) await accept.first().click();

    // The facilitator's board at 1440×900 shows every new frame without zooming by hand.
    await eventually(async () => expect(await page.locator('.cluster').count()).toBe(suggested), 30_000);
    await eventually(async () => expect(await framesOutOfView(page)).toEqual([]), 10_000);
    mkdirSync('/tmp/shots/clusters2', { recursive: true });
    await page.screenshot({ path: '/tmp/shots/clusters2/after-accept-1440-en.png' });

    // Everything on one screen: culling hides what is outside the view.
    await page.setViewportSize({ width: 2560, height: 1600 });
    await page.reload();
    await page.getByRole('button', { name: 'Zoom out' }).waitFor();
    // The board has its document (the frames are drawn) before we zoom: zooming an empty board
    // and then receiving the notes tests nothing a user does.
    await eventually(async () => expect(await page.locator('.cluster').count()).toBe(suggested), 30_000);
    for (let k = 0; k < 8; k++) await page.getByRole('button', { name: 'Zoom out' }).click();
    await eventually(async () => expect(await page.locator('.note').count()).toBe(NOTES.length), 30_000);
    expect(await overlaps(page, '.note')).toEqual([]);
    expect(await overlaps(page, '.cluster')).toEqual([]);
    // Each frame holds its notes, long ones included.
    const notInFrame = await page.evaluate(() => {
      const frames = [...document.querySelectorAll('.cluster')].map((f) => f.getBoundingClientRect());
      return [...document.querySelectorAll('.note')].filter((n) => {
        const r = n.getBoundingClientRect();
        const centre = { x: r.left + r.width / 2, y: r.top + r.height / 2 };
        const frame = frames.find((f) => centre.x > f.left && centre.x < f.right && centre.y > f.top && centre.y < f.bottom);
        return frame && (r.bottom > frame.bottom || r.right > frame.right);
      }).length;
    });
    expect(notInFrame).toBe(0);
    mkdirSync('/tmp/shots/phone', { recursive: true });
    await page.screenshot({ path: '/tmp/shots/phone/clusters-accepted-2560.png' });
    await context.close();
  });
});
