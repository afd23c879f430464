import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startServer, type RunningServer } from './harness/server.ts';
import { launchChromium } from '@crossboard/testkit';
import { eventually, joinAs } from './harness/people.ts';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const PEOPLE = 4;
const NOTES_EACH = 15;
/** The acceptance rule: two notes may touch, not cover more than 5 % of a note. */
const MAX_OVERLAP_SHARE = 0.05;

/** Pairs of notes on this screen covering each other by more than the tolerance (board coordinates, real heights). */
async function overlappingPairs(page: Page): Promise<string[]> {
  return page.locator('.note').evaluateAll((els, share) => {
    const zoomOf = (el: Element) => el.getBoundingClientRect().width / (el as HTMLElement).offsetWidth;
    const rects = els.map((el) => {
      const r = el.getBoundingClientRect();
      return { id: el.getAttribute('aria-label') ?? '', x: r.x, y: r.y, w: r.width, h: r.height, z: zoomOf(el) };
    });
    const out: string[] = [];
    for (let i = 0; i < rects.length; i++) {
      for (let j = i + 1; j < rects.length; j++) {
        const a = rects[i]!;
        const b = rects[j]!;
        const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
        const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
        if (w > 0 && h > 0 && w * h > share * Math.min(a.w * a.h, b.w * b.h)) out.push(`${a.id} × ${b.id}`);
      }
    }
    return out;
  }, MAX_OVERLAP_SHARE);
}

describe('notes lay themselves out', () => {
  it('four people writing fifteen notes each at the same time: no note covers another on any screen', async () => {
    const workshop = await server.createWorkshop({ title: 'Busy board' });
    const people = await Promise.all(
      Array.from({ length: PEOPLE }, (_, i) =>
        joinAs(browser, server.url, workshop.joinUrl, { name: `Person ${i + 1}`, organisation: `Org ${i + 1}`, country: 'FR' }),
      ),
    );
    await Promise.all(
      people.map(async ({ page }, p) => {
        for (let n = 0; n < NOTES_EACH; n++) {
          await page.keyboard.press('n');
          await page.keyboard.type(`P${p + 1} idea ${n + 1}`, { delay: 5 });
          await page.keyboard.press('Escape');
        }
      }),
    );
    for (const { page } of people) {
      // Back to the first view, zoomed out to have every note on screen (culling hides far ones).
      await page.setViewportSize({ width: 2560, height: 1600 });
      await page.reload();
      await page.getByRole('button', { name: 'Zoom out' }).waitFor();
      for (let k = 0; k < 8; k++) await page.getByRole('button', { name: 'Zoom out' }).click();
      await eventually(async () => expect(await page.locator('.note').count()).toBe(PEOPLE * NOTES_EACH), 30_000);
    }
    for (const { page } of people) await eventually(async () => expect(await overlappingPairs(page)).toEqual([]), 20_000);
    await people[0]!.page.screenshot({ path: '/tmp/shots/busy-board-1440.png' });
    for (const p of people) await p.context.close();
  });
});
