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

const NOTES = ['Mobility passes for commuters on both sides', 'Data sharing between the two tax offices', 'We need more coffee breaks'];

describe('theme suggestions in the console', () => {
  it('tag a note only when the facilitator accepts, and the tag reaches the board', async () => {
    // The harness's workshops have the themes "Mobility" and "Data sharing".
    const w = await server.createWorkshop({ title: 'Border frictions', themes: ['Mobility', 'Data sharing'] });
    const { context, page: board } = await facilitatorOnBoard(browser, server.url, w);
    await writeInOutline(board, NOTES);
    await board.getByRole('button', { name: 'Board', exact: true }).click();
    await board.close();

    const consolePage = await context.newPage();
    await consolePage.goto(`${server.url}/w/${w.id}/console`);
    await consolePage.locator('article[data-note-id]').first().waitFor({ timeout: 30_000 });
    await consolePage.getByRole('button', { name: 'Suggest themes for untagged notes' }).click({ timeout: 60_000 });
    const offers = consolePage.getByRole('listitem', { name: /^Note: / });
    await eventually(async () => expect(await offers.count()).toBe(2));
    expect(await consolePage.getByText('2 notes could be tagged', { exact: true }).count()).toBeGreaterThan(0);
    // Nothing is tagged by suggesting (the console shows the phase's board too).
    expect(await consolePage.locator('.note__theme').count()).toBe(0);

    // Accept from the keyboard: the first offer's button, then Enter.
    const accept = offers.first().getByRole('button', { name: 'Tag with “Mobility”' });
    await accept.focus();
    await consolePage.keyboard.press('Enter');
    // Focus moves on to the next offer's button.
    await eventually(async () =>
      expect(await consolePage.evaluate(() => document.activeElement?.textContent)).toBe('Tag with “Data sharing”'),
    );
    // A board opened afterwards, a separate client that loads from the server, shows the tag
    // on that note only.
    const later = await context.newPage();
    await later.goto(`${server.url}/w/${w.id}`);
    const tagged = later.getByRole('article', { name: /Mobility passes for commuters/ }).locator('.note__theme');
    await eventually(async () => expect(await tagged.textContent()).toBe('Mobility'));
    expect(await later.locator('.note__theme').count()).toBe(1);
    await context.close();
  });
});
