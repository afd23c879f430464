import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '@crossboard/testkit';
import { startServer, type RunningServer } from './harness/server.ts';
import { eventually, joinAs } from './harness/people.ts';
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

const HELP = 'Running a bilingual tram timetable';

async function openDirectory(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Workshop pages' }).getByRole('link', { name: 'Directory' }).click();
  await page.getByRole('heading', { level: 1, name: 'Who is here' }).waitFor();
  await page.getByText(/(person|people) listed$/).waitFor();
}

/**
 * Issue 15, the people directory end to end through the UI: of two participants, Ana consents
 * on the join form to be listed with her organisation (and types what she can help with, but
 * does not tick it), Tom does not consent. A third participant's directory lists only Ana, with
 * only her organisation; when Ana withdraws, the third participant's next look lists nobody.
 */
describe('the people directory', () => {
  it('lists only the consenting person, with only the fields she chose', async () => {
    const facContext = await browser.newContext({ timezoneId: 'Europe/Paris' });
    contexts.push(facContext);
    const made = await createWorkshopInWizard(await facContext.newPage(), server.url, { title: 'Cities that move' });

    // Ana joins and consents, on the join form, to show her organisation only.
    const anaContext = await browser.newContext({ timezoneId: 'America/Bogota' });
    contexts.push(anaContext);
    const ana = await anaContext.newPage();
    await ana.goto(server.url + made.joinUrl);
    await ana.getByLabel('Your name').fill('Ana Gómez');
    await ana.getByLabel('Organisation').fill('Alcaldía de Bogotá');
    await ana.getByLabel('Country').fill('Colombia');
    await ana.getByRole('checkbox', { name: 'List me in the directory' }).check();
    await ana.getByRole('checkbox', { name: 'My organisation' }).check();
    await ana.getByRole('textbox', { name: 'I can help with' }).fill(HELP);
    await ana.getByRole('button', { name: 'Join', exact: true }).click();
    await ana.getByRole('region', { name: 'Pain points board' }).waitFor({ timeout: 30_000 });

    // Tom joins without consenting (the box is unticked by default); Kenji too.
    const tom = await joinAs(browser, server.url, made.joinUrl, {
      name: 'Tom Reid',
      organisation: 'Transport for Greater Manchester',
      country: 'United Kingdom',
      timeZone: 'Europe/London',
    });
    const kenji = await joinAs(browser, server.url, made.joinUrl, {
      name: 'Kenji Sato',
      organisation: 'Fukuoka City',
      country: 'Japan',
      timeZone: 'Asia/Tokyo',
    });
    contexts.push(tom.context, kenji.context);

    // Kenji's directory: Ana alone, her name and organisation, nothing she did not tick.
    await openDirectory(kenji.page);
    const list = kenji.page.getByRole('region', { name: 'Who is here' });
    expect(await list.getByRole('status').textContent()).toBe('1 person listed');
    const cards = list.locator('.people__cards > li');
    expect(await cards.count()).toBe(1);
    const card = cards.first();
    expect(await card.getByRole('heading').textContent()).toBe('Ana Gómez');
    expect(await card.locator('.person-card__org').textContent()).toBe('Alcaldía de Bogotá');
    const shown = (await list.textContent()) ?? '';
    for (const hidden of ['Colombia', HELP, 'Tom Reid', 'Transport for Greater Manchester', 'Kenji Sato']) {
      expect(shown).not.toContain(hidden);
    }

    // Ana withdraws from her directory page; Kenji's next look lists nobody.
    await openDirectory(ana);
    const consent = ana.getByRole('checkbox', { name: 'List me in the directory' });
    await eventually(async () => expect(await consent.isChecked()).toBe(true));
    await consent.uncheck();
    await ana.getByRole('button', { name: 'Save my choices' }).click();
    await ana.getByText('You are not listed: nobody sees you in the directory.').waitFor();
    await kenji.page.reload();
    await kenji.page.getByText('Nobody has chosen to be listed yet.').waitFor();
    expect(await kenji.page.getByText('Ana Gómez').count()).toBe(0);
  });
});
