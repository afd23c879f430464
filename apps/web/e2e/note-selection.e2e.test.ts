import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startServer, type RunningServer } from './harness/server.ts';
import { launchChromium } from '@crossboard/testkit';
import { eventually, joinAs, noteByText } from './harness/people.ts';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('who is on a note', () => {
  it('one participant selects a note; the other sees it outlined and named, until she leaves it', async () => {
    const workshop = await server.createWorkshop({ title: 'Cross-border pilots' });
    const ana = await joinAs(browser, server.url, workshop.joinUrl, {
      name: 'Ana Gómez',
      organisation: 'Alcaldía de Bogotá',
      country: 'CO',
    });
    const tom = await joinAs(browser, server.url, workshop.joinUrl, {
      name: 'Tom Reid',
      organisation: 'Greater Manchester',
      country: 'GB',
    });

    await tom.page.getByRole('button', { name: 'New note' }).click();
    const editor = tom.page.getByRole('textbox', { name: 'Note text' });
    await editor.waitFor();
    await editor.pressSequentially('Pilots budgeted as if they will fail');
    await editor.press('Escape');
    await eventually(async () => expect(await noteByText(ana.page, /Pilots budgeted/).count()).toBe(1));

    await noteByText(ana.page, /Pilots budgeted/).focus();
    const onTom = noteByText(tom.page, /Pilots budgeted/);
    await eventually(async () => {
      expect(await onTom.getAttribute('aria-describedby')).toBeTruthy();
      const id = (await onTom.getAttribute('aria-describedby'))!;
      expect(await tom.page.locator(`[id="${id}"]`).textContent()).toBe('Ana Gómez is here');
    });
    const label = onTom.locator('.note__here-name');
    expect(await label.textContent()).toBe('Ana Gómez is here');
    expect(await label.isVisible()).toBe(true);
    const shadow = await onTom.evaluate((el) => getComputedStyle(el).boxShadow);
    expect(shadow).toMatch(/rgb\(/);
    const png = join(tmpdir(), 'crossboard-note-selection.png');
    await tom.page.screenshot({ path: png });
    console.log(`note selection screenshot: ${png}`);

    // Ana clicks away: the outline goes.
    await ana.page.getByRole('region', { name: 'Pain points board' }).click({ position: { x: 5, y: 5 } });
    await eventually(async () => expect(await onTom.getAttribute('aria-describedby')).toBeNull());

    await ana.context.close();
    await tom.context.close();
  });
});
