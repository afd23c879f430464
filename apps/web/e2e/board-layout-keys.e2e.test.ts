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

/** Faster than anyone types: the keys arrive while the editor is still mounting. */
const KEY_DELAY_MS = 10;

async function storedText(page: Page, text: string): Promise<void> {
  await eventually(async () => {
    const labels = await page.getByRole('article').evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')));
    expect(labels, JSON.stringify(labels)).toContain(`Note by Ana Gómez: ${text}`);
  });
}

describe('writing right after opening a note', () => {
  it('keeps every key typed after N, after New note, and after Enter on a note', async () => {
    const workshop = await server.createWorkshop({ title: 'Fast typists' });
    const ana = await joinAs(browser, server.url, workshop.joinUrl, {
      name: 'Ana Gómez',
      organisation: 'Alcaldía de Bogotá',
      country: 'CO',
    });
    const { page } = ana;

    await page.keyboard.press('n');
    await page.keyboard.type('Via N key', { delay: KEY_DELAY_MS });
    await storedText(page, 'Via N key');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'New note' }).click();
    await page.keyboard.type('New note button, no nudges', { delay: KEY_DELAY_MS });
    await storedText(page, 'New note button, no nudges');
    await page.keyboard.press('Escape');

    // Escape gives focus back to the note; Enter reopens it and typing continues at the end.
    await eventually(async () =>
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-roledescription'))).toBe('note'),
    );
    await page.keyboard.press('Enter');
    await page.keyboard.type('!', { delay: KEY_DELAY_MS });
    await storedText(page, 'New note button, no nudges!');
    await ana.context.close();
  });

  it('the board is one tab stop: arrows go from note to note, two Shift+Tab at most reach the toolbar', async () => {
    const workshop = await server.createWorkshop({ title: 'Keyboard only' });
    const { page, context } = await joinAs(browser, server.url, workshop.joinUrl, {
      name: 'Ana Gómez',
      organisation: 'Alcaldía de Bogotá',
      country: 'CO',
    });
    for (let i = 1; i <= 6; i++) {
      await page.keyboard.press('n');
      await page.keyboard.type(`Idea ${i}`, { delay: KEY_DELAY_MS });
      await storedText(page, `Idea ${i}`);
      await page.keyboard.press('Escape');
    }
    const focusedLabel = () =>
      page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '');
    const inToolbar = () => page.evaluate(() => !!document.activeElement?.closest('[role="toolbar"]'));
    // Only one note is a tab stop.
    expect(await page.locator('.note[tabindex="0"]').count()).toBe(1);
    // Reading order: Home goes to the first note, arrows walk the rest.
    await page.keyboard.press('Home');
    const visited = [await focusedLabel()];
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('ArrowRight');
      visited.push(await focusedLabel());
    }
    expect(new Set(visited).size).toBe(6);
    for (const steps of [0, 3, 5]) {
      await page.keyboard.press('Home');
      for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowRight');
      let presses = 0;
      while (!(await inToolbar()) && presses < 2) {
        await page.keyboard.press('Shift+Tab');
        presses++;
      }
      expect(await inToolbar()).toBe(true);
    }
    // Tab from a note walks its own tools, then leaves the board (no other note's tools between).
    await page.keyboard.press('Home');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('.note') !== null)).toBe(true);
    await context.close();
  });
});
