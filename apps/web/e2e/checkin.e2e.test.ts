import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '@crossboard/testkit';
import { startServer, type RunningServer } from './harness/server.ts';
import { eventually, joinAs, type Participant } from './harness/people.ts';
import { createWorkshopInWizard } from './harness/wizard.ts';

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await server?.stop();
});

const PROMPT = 'Where are you joining from, and what brings you here?';
const ANA: Participant = { name: 'Ana Gómez', organisation: 'Alcaldía de Bogotá', country: 'Colombia', timeZone: 'America/Bogota' };
const KENJI: Participant = { name: 'Kenji Sato', organisation: 'Fukuoka City', country: 'Japan', timeZone: 'Asia/Tokyo' };

/** The wall's "Local time" as the app formats it (shared/time-zones.ts), for this minute and the next. */
function localTimes(timeZone: string): string[] {
  const now = Date.now();
  const format = new Intl.DateTimeFormat('en', { hour: '2-digit', minute: '2-digit', timeZone });
  return [format.format(now), format.format(now + 60_000)];
}

async function answer(page: Page, text: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Workshop pages' }).getByRole('link', { name: 'Check-in' }).click();
  await page.getByText(PROMPT).waitFor();
  await page.getByLabel('Your answer').fill(text);
  await page.getByRole('button', { name: 'Post my card' }).click();
  await page.getByRole('button', { name: 'Update my card' }).waitFor();
}

/**
 * Issue 15, a check-in round end to end through the UI: the facilitator starts it with a
 * prompt, two participants answer from the check-in page their board links to, the wall shows
 * both cards with country and local time, and the console counts both as ready. Then the
 * facilitator ends it: a participant's open board loses the link and the wall says it ended.
 */
describe('a check-in round', () => {
  it('facilitator prompt, two answers, the wall with country and local time, ready in the console, then ended', async () => {
    const facContext = await browser.newContext({ timezoneId: 'Europe/Paris' });
    contexts.push(facContext);
    const fac = await facContext.newPage();
    const made = await createWorkshopInWizard(fac, server.url, { title: 'Border towns meet-up' });

    // The facilitator starts the round from the check-in page.
    await fac.goto(`${server.url}${made.path}/console`);
    await fac.getByRole('navigation', { name: 'Workshop pages' }).getByRole('link', { name: 'Check-in' }).click();
    await fac.getByRole('heading', { level: 1, name: 'Check-in wall' }).waitFor();
    // The wall comes from the API after the page is drawn: wait for it, do not count at once.
    await fac.getByText('The facilitator has not started a check-in yet.').waitFor();
    const prompt = fac.getByLabel('Check-in question');
    expect(await prompt.inputValue()).toBe(PROMPT);
    await fac.getByRole('button', { name: 'Start a check-in' }).click();
    await fac.getByText(PROMPT, { exact: true }).waitFor();

    // Two participants join and answer from their board's navigation.
    const ana = await joinAs(browser, server.url, made.joinUrl, ANA);
    const kenji = await joinAs(browser, server.url, made.joinUrl, KENJI);
    contexts.push(ana.context, kenji.context);
    await answer(ana.page, 'Bogotá, to learn how Lille runs its tram across the border.');
    await answer(kenji.page, 'Fukuoka: we share a ferry with Busan.');

    // The wall, seen by the facilitator in Paris: both cards, each with country and local time.
    const wall = fac.getByRole('list', { name: 'Check-in wall' });
    const card = (name: string) => wall.getByRole('listitem').filter({ has: fac.getByRole('heading', { name }) });
    await eventually(async () => expect(await wall.getByRole('listitem').count()).toBe(2));
    for (const [who, text] of [
      [ANA, 'Bogotá, to learn how Lille runs its tram across the border.'],
      [KENJI, 'Fukuoka: we share a ferry with Busan.'],
    ] as const) {
      const shown = (await card(who.name).textContent()) ?? '';
      expect(shown).toContain(text);
      const line = (await card(who.name).locator('.person-card__country').textContent()) ?? '';
      expect(localTimes(who.timeZone!).map((time) => `${who.country} · Local time ${time}`)).toContain(line);
    }
    // A participant sees the same wall, their own card marked.
    await ana.page.reload();
    await eventually(async () => expect(await ana.page.getByRole('heading', { name: 'Ana Gómez (You)' }).count()).toBe(1));
    expect(await ana.page.getByRole('heading', { name: 'Kenji Sato' }).count()).toBe(1);

    // Answering counts as ready: the console says so, for both, without either pressing "I'm done".
    await fac.goto(`${server.url}${made.path}/console`);
    const people = fac.getByRole('region', { name: /^Participants/ });
    await eventually(async () => expect(await people.getByRole('status').first().textContent()).toBe('2 of 2 ready'));
    for (const who of [ANA, KENJI]) {
      const row = people.getByRole('listitem').filter({ has: fac.getByText(who.name, { exact: true }) });
      expect(await row.locator('.badge--ready').textContent()).toContain('Done');
    }

    // Kenji is back on his board, where the open round shows its link.
    await kenji.page.goto(`${server.url}${made.path}`);
    const kenjiNav = kenji.page.getByRole('navigation', { name: 'Workshop pages' });
    await kenjiNav.getByRole('link', { name: 'Check-in' }).waitFor();

    // The facilitator ends the round from the wall: the ending is announced and answers close.
    await fac.getByRole('navigation', { name: 'Workshop pages' }).getByRole('link', { name: 'Check-in' }).click();
    await fac.getByRole('button', { name: 'End check-in' }).click();
    await fac.getByRole('status').filter({ hasText: 'This check-in has ended' }).waitFor();
    expect(await fac.getByLabel('Your answer').count()).toBe(0);
    expect(await fac.getByRole('list', { name: 'Check-in wall' }).getByRole('listitem').count()).toBe(2);

    // Kenji's open board loses the link live, without a reload; Ana's wall says it ended, cards kept.
    await eventually(async () => expect(await kenjiNav.getByRole('link', { name: 'Check-in' }).count()).toBe(0));
    await eventually(async () => expect(await ana.page.getByText('This check-in has ended').count()).toBe(1));
    expect(await ana.page.getByLabel('Your answer').count()).toBe(0);
    expect(await ana.page.getByRole('heading', { name: 'Kenji Sato' }).count()).toBe(1);
  });
});
