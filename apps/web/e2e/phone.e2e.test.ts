import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { startServer, type CreatedWorkshop, type RunningServer } from './harness/server.ts';
import { launchChromium } from '@crossboard/testkit';
import { eventually, signedInContext } from './harness/people.ts';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const PHONES = [
  { width: 390, height: 844 },
  { width: 360, height: 740 },
] as const;
/** Long enough to have made the report's "Visions it serves" picker 1,594 px wide. */
const LONG_VISION =
  'Every pilot that works in one border region is picked up by the next one within a year, with its budget, its data agreements and the people who ran it, instead of starting from nothing again';

/** Elements reaching past the right edge, to say what pushes the page sideways when the check fails. */
async function sidewaysScroll(page: Page): Promise<{ scrollWidth: number; width: number; culprits: string[] }> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const culprits: string[] = [];
    // A note far out on the board's canvas is clipped by the canvas: not the page's overflow.
    const clipped = (el: Element) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement)
        if (getComputedStyle(a).overflowX !== 'visible') return true;
      return false;
    };
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > width + 1 && !clipped(el))
        culprits.push(`${el.tagName.toLowerCase()}.${String(el.className).split(' ')[0]} → ${Math.round(r.right)}`);
    }
    return { scrollWidth: document.documentElement.scrollWidth, width, culprits: culprits.slice(0, 8) };
  });
}

async function expectNoSidewaysScroll(page: Page, what: string): Promise<void> {
  const s = await sidewaysScroll(page);
  // A phone (isMobile) zooms out to fit content wider than the screen, and innerWidth grows
  // with it: compare with the screen's width, or an overflowing page checks against itself.
  const screen = page.viewportSize()!.width;
  expect({ what, width: s.width, scrollWidth: s.scrollWidth, culprits: s.culprits }).toEqual({
    what,
    width: screen,
    scrollWidth: screen,
    culprits: [],
  });
}

/** Screenshots for a person to look at (the issue asks for the phone pages, seen as a user would). */
const SHOTS = '/tmp/shots/phone';
async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  const { width } = page.viewportSize()!;
  await page.screenshot({ path: `${SHOTS}/${name}-${width}.png` });
}

async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Interactive controls smaller than a thumb (44 × 44 CSS px), visible ones only. */
async function smallTargets(page: Page, scope: string): Promise<string[]> {
  return page.locator(scope).evaluateAll((roots) => {
    const out: string[] = [];
    for (const root of roots) {
      for (const el of root.querySelectorAll('button, a[href], select, input, textarea, [role="tab"]')) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || getComputedStyle(el).visibility === 'hidden') continue;
        if (r.height < 43.5 || r.width < 43.5)
          out.push(
            `${el.getAttribute('aria-label') ?? (el.textContent ?? '').trim().slice(0, 30)} ${Math.round(r.width)}×${Math.round(r.height)}`,
          );
      }
    }
    return out;
  });
}

async function joinOnPhone(
  w: CreatedWorkshop,
  viewport: { width: number; height: number },
  name: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, timezoneId: 'Pacific/Fiji', hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await page.goto(server.url + w.joinUrl);
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Organisation').fill('Fiji Ministry of Trade');
  await page.getByLabel('Country').fill('FJ');
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await page.getByRole('region', { name: /^Pain points/ }).waitFor({ timeout: 30_000 });
  return { context, page };
}

async function openVoting(w: CreatedWorkshop): Promise<void> {
  const res = await fetch(`${server.url}/api/workshops/${w.id}/voting/open`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${w.facilitatorToken}` },
    body: JSON.stringify({ phase: 'painPoints', target: 'notes', votesPerPerson: 3 }),
  });
  expect(res.status).toBe(200);
}

describe.each(PHONES)('on a phone at $width×$height', (viewport) => {
  it('no page scrolls sideways, axe is clean, and a participant writes, edits and votes on a note', async () => {
    const w = await server.createWorkshop({ title: 'Cross-border innovation pilots between neighbouring regions' });

    // Landing and join, before anyone has joined.
    const visitor = await browser.newContext({ viewport, hasTouch: true, isMobile: true });
    const v = await visitor.newPage();
    await v.goto(server.url + '/');
    await v.getByRole('heading', { level: 1 }).waitFor();
    await expectNoSidewaysScroll(v, 'landing');
    await shot(v, 'landing');
    expect(await axeViolations(v)).toEqual([]);
    await v.goto(server.url + w.joinUrl);
    await v.getByLabel('Your name').waitFor();
    await expectNoSidewaysScroll(v, 'join');
    await shot(v, 'join');
    expect(await axeViolations(v)).toEqual([]);
    await visitor.close();

    // The board on a phone is a list with the composer at the bottom.
    const ana = await joinOnPhone(w, viewport, 'Ana Tuilagi');
    const page = ana.page;
    await expectNoSidewaysScroll(page, 'board, empty');
    expect(await page.getByRole('tab', { name: /Recommendations/ }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Report' }).isVisible()).toBe(true);
    const composer = page.getByRole('textbox', { name: 'New note for Pain points' });
    await composer.fill('Customs forms differ on each side of the border');
    await composer.press('Enter');
    const note = page.getByRole('tabpanel').getByRole('listitem').filter({ hasText: 'Customs forms differ' });
    await note.waitFor();
    // The composer stays on screen, at the bottom, above the fold.
    const box = (await composer.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
    expect(box.y).toBeGreaterThan(viewport.height / 2);

    // Edit it with the thumb.
    await note.getByRole('button', { name: 'Edit note' }).tap();
    const editor = page.getByRole('textbox', { name: 'Note text' });
    await editor.waitFor();
    await editor.press('End');
    await editor.pressSequentially(' and nobody owns the difference');
    await note.getByRole('button', { name: 'Done editing' }).tap();
    await eventually(async () =>
      expect(await note.textContent()).toContain('Customs forms differ on each side of the border and nobody owns the difference'),
    );

    // Vote on it from the list.
    await openVoting(w);
    await note.getByRole('button', { name: /Put a dot on “Customs forms differ/ }).tap();
    await eventually(async () => expect(await note.getByText('1 of mine').count()).toBe(1));
    await shot(page, 'board-list-top');

    // The phase and the timer stay on screen while the list scrolls.
    await page.mouse.wheel(0, 2000);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    expect(await page.getByRole('tablist', { name: 'Phases' }).isVisible()).toBe(true);
    const tabs = (await page.getByRole('tablist', { name: 'Phases' }).boundingBox())!;
    expect(tabs.y).toBeGreaterThanOrEqual(0);
    expect(tabs.y).toBeLessThan(viewport.height / 3);
    expect(await page.getByRole('timer').isVisible()).toBe(true);

    await expectNoSidewaysScroll(page, 'board as a list, with a note');
    await shot(page, 'board-list');
    expect(await smallTargets(page, '.workshop__main')).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);

    // A long vision, for the report's picker.
    await page.getByRole('tab', { name: /Future visions/ }).tap();
    const visions = page.getByRole('textbox', { name: 'New note for Future visions' });
    await visions.fill(LONG_VISION);
    await visions.press('Enter');
    await page.getByRole('tabpanel').getByRole('listitem').filter({ hasText: 'Every pilot that works' }).waitFor();
    await expectNoSidewaysScroll(page, 'visions list with a long note');
    await shot(page, 'visions-list');

    // The participant's report view.
    await page.getByRole('link', { name: 'Report' }).tap();
    await page.getByRole('heading', { name: 'Recommendations' }).first().waitFor();
    await expectNoSidewaysScroll(page, 'report (participant)');
    await shot(page, 'report-participant');
    expect(await axeViolations(page)).toEqual([]);
    await ana.context.close();

    // The facilitator's report with a recommendation that serves the long vision, then export and print.
    const fac = await signedInContext(
      browser,
      w.id,
      { token: w.facilitatorToken, personId: w.facilitatorId, role: 'facilitator' },
      { viewport, hasTouch: true, isMobile: true },
    );
    const f = await fac.newPage();
    await f.goto(`${server.url}/w/${w.id}/report`);
    await f.getByRole('button', { name: 'New recommendation' }).tap();
    const card = f.getByRole('article', { name: /Recommendation 1/ });
    await card.getByRole('textbox', { name: 'Title', exact: true }).fill('Carry pilots across the border');
    // The picker shows the start of a long note; it is the only vision.
    await card.getByRole('combobox', { name: 'Link a vision' }).selectOption({ index: 1 });
    await card.getByText(/^Every pilot that works/).waitFor();
    await expectNoSidewaysScroll(f, 'report with a recommendation');
    await shot(f, 'report');
    expect(await axeViolations(f)).toEqual([]);

    await f.goto(`${server.url}/w/${w.id}/export`);
    await f.getByRole('heading', { name: 'Export the report' }).waitFor();
    await expectNoSidewaysScroll(f, 'export');
    await shot(f, 'export');
    expect(await axeViolations(f)).toEqual([]);

    await f.goto(`${server.url}/w/${w.id}/report/print`);
    await f.getByRole('heading', { name: 'Recommendations and action steps' }).waitFor();
    await expectNoSidewaysScroll(f, 'print');
    await shot(f, 'print');
    expect(await axeViolations(f)).toEqual([]);

    // The console: what participants see of it (phase, timer, board) fits too.
    await f.goto(`${server.url}/w/${w.id}/console`);
    await f.getByRole('tablist', { name: 'Phases' }).first().waitFor();
    await expectNoSidewaysScroll(f, 'console');
    await shot(f, 'console');
    expect(await axeViolations(f)).toEqual([]);

    // The same report at 1440: the picker stays inside its card.
    await f.setViewportSize({ width: 1440, height: 900 });
    await f.goto(`${server.url}/w/${w.id}/report`);
    await f
      .getByRole('article', { name: /Recommendation 1/ })
      .getByText(/^Every pilot that works/)
      .waitFor();
    await expectNoSidewaysScroll(f, 'report at 1440');
    await shot(f, 'report');
    await fac.close();
  });
});

describe.each(['es', 'fr'] as const)('the phone list in %s', (language) => {
  it('fits the screen with the longer words, axe clean', async () => {
    const w = await server.createWorkshop({ title: 'Pilotos de innovación transfronterizos' });
    for (const viewport of [...PHONES, { width: 1440, height: 900 }]) {
      const context = await browser.newContext({ viewport, timezoneId: 'America/Bogota', hasTouch: viewport.width < 600 });
      const page = await context.newPage();
      await page.goto(server.url + w.joinUrl);
      // The join form's language menu is how a participant chooses the app's language.
      await page.locator('#join-language').selectOption(language);
      await page.locator('#join-name').fill(`Persona ${viewport.width}`);
      await page.locator('#join-organisation').fill('Alcaldía de Bogotá');
      await page.locator('#join-country').fill('CO');
      await page.locator('form button[type="submit"]').click();
      await page.getByRole('tablist').waitFor({ timeout: 30_000 });
      if (viewport.width < 600) {
        const composer = page.locator('.outline__add textarea');
        await composer.fill(`Los formularios aduaneros cambian a cada lado de la frontera (${viewport.width})`);
        await composer.press('Enter');
        await page
          .getByRole('tabpanel')
          .getByRole('listitem')
          .filter({ hasText: `(${viewport.width})` })
          .waitFor();
      } else {
        await page.getByRole('tabpanel').locator('.note').first().waitFor();
      }
      await expectNoSidewaysScroll(page, `board in ${language}`);
      await shot(page, `board-${language}`);
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    }
  });
});

describe.each(['es', 'fr'] as const)('the console on a phone in %s', (language) => {
  it('keeps the workshop links inside the screen, each one thumb-sized', async () => {
    const w = await server.createWorkshop({ title: 'Pilotos de innovación transfronterizos' });
    // The language a facilitator chose is kept with their credential (api/credentials.ts).
    const credential = { token: w.facilitatorToken, personId: w.facilitatorId, role: 'facilitator' as const, language };
    for (const viewport of PHONES) {
      const context = await signedInContext(browser, w.id, credential, { viewport, hasTouch: true, isMobile: true });
      const page = await context.newPage();
      await page.goto(`${server.url}/w/${w.id}/console`);
      const nav = page.locator('.workshop-nav');
      await nav.waitFor({ timeout: 30_000 });
      await page.locator('.workshop-nav__link[aria-current="page"]').waitFor();
      await expectNoSidewaysScroll(page, `console in ${language} at ${viewport.width}`);
      // The nav's own box stays within the screen, and its current link (the console) is in view.
      const navBox = (await nav.boundingBox())!;
      expect(navBox.x + navBox.width).toBeLessThanOrEqual(viewport.width);
      const current = (await page.locator('.workshop-nav__link[aria-current="page"]').boundingBox())!;
      expect(current.x).toBeGreaterThanOrEqual(0);
      expect(current.x + current.width).toBeLessThanOrEqual(viewport.width);
      expect(await smallTargets(page, '.workshop-nav')).toEqual([]);
      await shot(page, `console-nav-${language}`);
      // The links past the edge are reached by swiping the row, not the page.
      await page.locator('.workshop-nav__list').evaluate((list) => {
        list.scrollLeft = list.scrollWidth;
      });
      const last = (await page.locator('.workshop-nav__link').last().boundingBox())!;
      expect(last.x + last.width).toBeLessThanOrEqual(viewport.width);
      await expectNoSidewaysScroll(page, `console in ${language} at ${viewport.width}, links swiped`);
      await context.close();
    }
  });
});
