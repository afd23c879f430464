import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startServer, type RunningServer } from './harness/server.ts';
import { launchChromium } from '@crossboard/testkit';
import { eventually, joinAs } from './harness/people.ts';
import { overlappingPairs } from './harness/overlap.ts';

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
