/**
 * Screenshots of the seeded fixture workshop at 1440×900, for the docs and for looking at the
 * app as a person would: each phase board, the outline, the facilitator console, the join page.
 *
 * Usage: pnpm --filter @crossboard/bench screenshots   (writes docs/screenshots/*.png)
 */
import { mkdirSync } from 'node:fs';
import { PHASES, type Phase } from '@crossboard/model';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '@crossboard/testkit';
import { credentialEntry, seedFixture, type SeededPerson, type SeededWorkshop } from './seed-fixture.ts';
import { ensureWebBuild, startServer } from './server-process.ts';

const OUT_DIR = new URL('../../../docs/screenshots/', import.meta.url).pathname;
const VIEWPORT = { width: 1440, height: 900 };
const PHASE_TABS: Record<Phase, string> = { painPoints: 'Pain points', visions: 'Future visions', recommendations: 'Recommendations' };

async function signedIn(browser: Browser, seeded: SeededWorkshop, person: SeededPerson, path: string): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT, timezoneId: person.timeZone, locale: 'en-GB' });
  const { key, value } = credentialEntry(seeded, person);
  await context.addInitScript(`localStorage.setItem(${JSON.stringify(key)}, ${JSON.stringify(value)});`);
  const page = await context.newPage();
  await page.goto(`${seeded.baseUrl}${path}`);
  return page;
}

/** Lets fonts, sync and presence settle so the picture shows the steady state. */
async function shoot(page: Page, name: string): Promise<void> {
  await page.evaluate('document.fonts.ready');
  await page.waitForTimeout(800);
  await page.screenshot({ path: `${OUT_DIR}${name}.png` });
  console.log(`docs/screenshots/${name}.png`);
}

async function main() {
  mkdirSync(OUT_DIR, { recursive: true });
  await ensureWebBuild();
  const server = await startServer();
  const browser = await launchChromium();
  try {
    const seeded = await seedFixture(server.url);
    const workshop = `/w/${encodeURIComponent(seeded.workshopId)}`;
    // English-speaking participants, so the pictures read in one language.
    const london = seeded.people.find((p) => p.fixtureId === 'p8')!;
    const manchester = seeded.people.find((p) => p.fixtureId === 'p2')!;

    // Someone else in the room, so presence shows more than oneself.
    const other = await signedIn(browser, seeded, manchester, workshop);
    await other.getByRole('region', { name: 'Pain points board' }).waitFor({ timeout: 30_000 });

    const page = await signedIn(browser, seeded, london, workshop);
    await page.getByRole('region', { name: 'Pain points board' }).waitFor({ timeout: 30_000 });
    await page.locator('article[data-note-id]').first().waitFor();
    for (const [i, phase] of PHASES.entries()) {
      await page.getByRole('tab', { name: new RegExp(PHASE_TABS[phase]) }).click();
      await page.locator('article[data-note-id]').first().waitFor();
      await shoot(page, `board-${i + 1}-${phase}`);
    }
    await page.getByRole('tab', { name: new RegExp(PHASE_TABS.painPoints) }).click();
    // A note's tools (colours, theme, edit, delete) appear on hover.
    await page.getByRole('article', { name: /Trying something new/ }).hover();
    await shoot(page, 'board-note-tools');
    // The whole phase at a glance: every cluster frame around its notes.
    await page.mouse.move(5, 5);
    for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Zoom out' }).click();
    // Zooming keeps the centre; scroll the clusters back to the top-left corner.
    const surface = (await page.locator('.board__surface').boundingBox())!;
    await page.mouse.move(surface.x + surface.width / 2, surface.y + surface.height / 2);
    await page.mouse.wheel(200, 150);
    await page.mouse.move(5, 5);
    await shoot(page, 'board-overview');
    await page.getByRole('button', { name: 'Outline', exact: true }).click();
    await shoot(page, 'outline');

    const consolePage = await signedIn(browser, seeded, seeded.facilitator, `${workshop}/console`);
    await consolePage.getByRole('main').waitFor({ timeout: 30_000 });
    await shoot(consolePage, 'console');

    const facilitatorBoard = await signedIn(browser, seeded, seeded.facilitator, workshop);
    await facilitatorBoard.locator('article[data-note-id]').first().waitFor({ timeout: 30_000 });
    await shoot(facilitatorBoard, 'board-facilitator');

    const visitor = await browser.newContext({ viewport: VIEWPORT, timezoneId: 'America/Bogota', locale: 'en-GB' });
    const join = await visitor.newPage();
    await join.goto(`${seeded.baseUrl}${seeded.joinUrl}`);
    await join.getByLabel('Your name').waitFor({ timeout: 30_000 });
    await shoot(join, 'join');
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
