import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '@crossboard/testkit';
import { startServer, type RunningServer } from './harness/server.ts';
import { eventually, joinAs, signedInContext } from './harness/people.ts';
import { overlappingPairs } from './harness/overlap.ts';
import { REPAIR_WINDOW_MS } from '../src/layout/placement.ts';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Twelve drafts in all, unevenly shared, each written at the centre of its author's screen. */
const DRAFTS = [5, 4, 3];
const TOTAL = DRAFTS.reduce((a, b) => a + b, 0);

async function writeDraft(page: Page, text: string): Promise<void> {
  await page.getByRole('button', { name: 'New note' }).first().click();
  const editor = page.getByRole('textbox', { name: 'Note text' });
  await editor.waitFor();
  await editor.pressSequentially(text);
  await editor.press('Escape');
  await page.getByRole('article', { name: new RegExp(text) }).waitFor();
}

describe('reveal of drafts, through the UI', () => {
  it('twelve drafts from three people land on every screen with no two notes overlapping', async () => {
    const w = await server.createWorkshop({ title: 'Reveal twelve' });
    const people = await Promise.all(
      DRAFTS.map((_, i) =>
        joinAs(browser, server.url, w.joinUrl, { name: `Person ${i + 1}`, organisation: `Org ${i + 1}`, country: 'FR' }),
      ),
    );
    const facContext = await signedInContext(browser, w.id, { token: w.facilitatorToken, personId: w.facilitatorId, role: 'facilitator' });
    const fac = await facContext.newPage();
    await fac.goto(`${server.url}/w/${w.id}/console`);
    await fac.getByRole('heading', { name: 'Facilitator console' }).waitFor({ timeout: 30_000 });

    await fac.getByLabel(/Private drafting/).check();
    await Promise.all(
      people.map(async ({ page }, p) => {
        await page.getByRole('heading', { name: 'Your drafts (private)' }).waitFor({ timeout: 30_000 });
        for (let n = 0; n < DRAFTS[p]!; n++) await writeDraft(page, `P${p + 1} draft ${n + 1}`);
      }),
    );
    const lastDraftAt = Date.now();
    await eventually(async () => {
      for (const [p, count] of DRAFTS.entries()) expect(await fac.getByText(`Person ${p + 1}: ${count} drafts`).count()).toBe(1);
    });

    // Drafting takes minutes in a workshop: reveal drafts older than the window in which each
    // client moves its own young notes off others', so the reveal's layout alone is measured.
    await new Promise((resolve) => setTimeout(resolve, REPAIR_WINDOW_MS + 1_000 - (Date.now() - lastDraftAt)));
    await fac.getByRole('button', { name: 'Reveal all drafts' }).click();
    for (const { page } of people) {
      await eventually(async () => expect(await page.getByRole('heading', { name: 'Your drafts (private)' }).count()).toBe(0));
      // Zoomed out on a large screen, so every note is drawn (culling hides far ones).
      await page.setViewportSize({ width: 2560, height: 1600 });
      await page.reload();
      await page.getByRole('button', { name: 'Zoom out' }).waitFor({ timeout: 30_000 });
      for (let k = 0; k < 6; k++) await page.getByRole('button', { name: 'Zoom out' }).click();
      await eventually(async () => expect(await page.locator('.note').count()).toBe(TOTAL), 30_000);
    }
    for (const { page } of people) {
      expect(await overlappingPairs(page, '.note')).toEqual([]);
    }
    mkdirSync('/tmp/shots/board2', { recursive: true });
    await people[0]!.page.screenshot({ path: '/tmp/shots/board2/reveal-twelve-2560.png' });
    for (const p of people) await p.context.close();
    await facContext.close();
  });
});
