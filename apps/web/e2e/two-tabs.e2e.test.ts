import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
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

describe('a facilitator with the board and the console in two tabs', () => {
  it('sees the workshop themes and the board notes in the console while the board stays open', async () => {
    const w = await server.createWorkshop({ title: 'Border frictions', themes: ['Mobility', 'Data sharing'] });
    // One context, two pages: like two tabs of one browser, they share BroadcastChannel,
    // IndexedDB and localStorage, so the second tab's doc fills from the first before the
    // server answers.
    const { context, page: board } = await facilitatorOnBoard(browser, server.url, w);
    await writeInOutline(board, ['Mobility passes for commuters', 'Data sharing between tax offices']);

    const consolePage = await context.newPage();
    await consolePage.goto(`${server.url}/w/${w.id}/console`);
    await consolePage.getByRole('region', { name: 'Pain points board' }).waitFor({ timeout: 30_000 });
    // The themes come from the control room: the panel offers suggestions once it has them
    // (before the fix it said "Add the workshop's themes…" for good).
    const panel = consolePage.getByRole('region', { name: 'Suggested themes' });
    await panel.getByRole('button', { name: 'Suggest themes for untagged notes' }).waitFor({ timeout: 10_000 });
    expect(await panel.locator('.console-empty').count()).toBe(0);
    // The board's notes, which came the same way, are counted in the overview.
    const overview = consolePage.getByRole('region', { name: 'Overview' });
    await eventually(async () => expect(await overview.locator('dd').first().textContent()).toBe('2 notes'), 10_000);
    await context.close();
  });
});
