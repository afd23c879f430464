import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '@crossboard/testkit';
import { startServer, type RunningServer } from './harness/server.ts';
import { signedInContext } from './harness/people.ts';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** VOTING_SHOTS=<dir> only takes the pictures (for a before/after comparison of older code). */
const SHOTS = process.env.VOTING_SHOTS ?? '/tmp/shots/voting-card/after';
const LOCALES = { en: 'en-GB', es: 'es-ES', fr: 'fr-FR' } as const;
const VIEWPORTS = { desktop: { width: 1440, height: 900 }, phone: { width: 390, height: 844 } } as const;

describe('the console voting card', () => {
  it('lays each radio beside its label and styles its boxes, in every language and width', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const w = await server.createWorkshop({ title: 'Harbour logistics' });
    // The console takes its language from the stored credential, as after joining in that language.
    const credentialIn = (language: string) => {
      const stored = { token: w.facilitatorToken, personId: w.facilitatorId, role: 'facilitator' as const, language };
      return stored;
    };
    for (const [lang, locale] of Object.entries(LOCALES)) {
      for (const [size, viewport] of Object.entries(VIEWPORTS)) {
        const context = await signedInContext(browser, w.id, credentialIn(lang), { viewport, locale });
        const page = await context.newPage();
        await page.goto(`${server.url}/w/${w.id}/console`);
        const card = page.locator('section[aria-labelledby="console-voting"]');
        await card.waitFor({ timeout: 30_000 });
        await card.scrollIntoViewIfNeeded();
        await card.screenshot({ path: `${SHOTS}/voting-${lang}-${size}.png` });
        await page.screenshot({ path: `${SHOTS}/page-${lang}-${size}.png` });
        if (!process.env.VOTING_SHOTS) {
          const radios = card.getByRole('radio');
          expect(await radios.count()).toBe(2);
          for (let i = 0; i < 2; i++) {
            const radio = await radios.nth(i).boundingBox();
            const label = await radios.nth(i).locator('xpath=..').boundingBox();
            // Beside, not above: the radio sits within its label's line box.
            expect(radio!.y + radio!.height / 2).toBeGreaterThan(label!.y);
            expect(radio!.y + radio!.height / 2).toBeLessThan(label!.y + label!.height);
            expect(label!.height).toBeLessThan(radio!.height * 3);
          }
          // The app's boxes (.field in base.css), not the browser's bare ones.
          for (const box of await card.locator('input[type="number"], select').all()) {
            expect(await box.evaluate((el) => getComputedStyle(el).borderRadius)).toBe('8px');
          }
          if (lang === 'en') {
            await card.getByRole('combobox', { name: 'Phase' }).waitFor();
            await card.getByRole('spinbutton', { name: 'Dots per person' }).waitFor();
            await card.getByRole('spinbutton', { name: 'Most dots on one item (optional)' }).waitFor();
            await card.getByRole('group', { name: 'Vote on' }).getByRole('radio', { name: 'Clusters' }).check();
          }
          const scrolls = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
          expect(scrolls).toBe(false);
        }
        await context.close();
      }
    }
  });
});
