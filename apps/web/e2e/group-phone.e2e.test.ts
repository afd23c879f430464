import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { launchChromium } from '@crossboard/testkit';
import { startServer, type RunningServer } from './harness/server.ts';
import { eventually } from './harness/people.ts';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const PHONE = { width: 390, height: 844 };
const SHOTS = '/tmp/shots/board2';

/** What each language calls the group board's composer and its button (en, es, fr messages). */
const WORDS = {
  en: { composer: 'New note for Pain points', add: 'Add note', note: 'Customs forms differ on each side of the border' },
  es: { composer: /Nueva nota/, add: /Añadir nota/, note: 'Los formularios aduaneros cambian a cada lado de la frontera' },
  fr: { composer: /Nouvelle note/, add: /Ajouter la note/, note: 'Les formulaires de douane changent de part et d’autre de la frontière' },
} as const;

async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

describe.each(Object.keys(WORDS) as (keyof typeof WORDS)[])('a breakout group’s board on a phone, in %s', (language) => {
  it('is the list and composer, fits the screen, and a participant writes a note by tapping', async () => {
    const w = await server.createWorkshop({ title: 'Cross-border innovation pilots' });
    const context = await browser.newContext({ viewport: PHONE, timezoneId: 'Pacific/Fiji', hasTouch: true, isMobile: true });
    const page = await context.newPage();
    await page.goto(server.url + w.joinUrl);
    await page.locator('#join-language').selectOption(language);
    await page.locator('#join-name').fill('Ana Tuilagi');
    await page.locator('#join-organisation').fill('Fiji Ministry of Trade');
    await page.locator('#join-country').fill('FJ');
    await page.locator('form button[type="submit"]').click();
    await page.getByRole('tablist').waitFor({ timeout: 30_000 });

    // The facilitator splits the room into one group, so Ana is in it.
    const res = await fetch(`${server.url}/api/workshops/${w.id}/groups`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${w.facilitatorToken}` },
      body: JSON.stringify({ mode: 'mixed', groups: 1, seed: 1 }),
    });
    expect(res.status).toBe(201);
    const { breakout } = (await res.json()) as { breakout: { groups: { id: string }[] } };
    const groupId = breakout.groups[0]!.id;

    await page.goto(`${server.url}/w/${w.id}/group/${groupId}`);
    const words = WORDS[language];
    const composer = page.getByRole('textbox', { name: words.composer });
    await composer.waitFor({ timeout: 30_000 });
    // The list, not the canvas: no note canvas is laid out on a 390 px screen.
    expect(await page.locator('section.board').count()).toBe(0);

    await composer.tap();
    await page.keyboard.type(words.note);
    await page.getByRole('button', { name: words.add }).tap();
    const note = page.locator('.outline').getByRole('listitem').filter({ hasText: words.note });
    await note.first().waitFor();
    // The composer stays on screen after the note is added.
    await eventually(async () => expect(await composer.inputValue()).toBe(''));
    const box = (await composer.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height);

    const widths = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    expect(widths.scrollWidth).toBe(widths.innerWidth);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/group-board-${language}-390.png` });
    expect(await axeViolations(page)).toEqual([]);

    // Wider than a phone, the same page keeps the canvas.
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.locator('section.board').waitFor();
    expect(await composer.count()).toBe(0);
    await context.close();
  });
});
