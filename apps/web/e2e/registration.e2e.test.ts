import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium } from '@crossboard/testkit';
import { startServer, type RunningServer } from './harness/server.ts';
import { eventually } from './harness/people.ts';
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

async function context(timezoneId: string): Promise<BrowserContext> {
  const c = await browser.newContext({ timezoneId });
  contexts.push(c);
  return c;
}

/**
 * Issue 15, registration end to end, all through the UI: the facilitator opens registration,
 * a registrant in Bogotá registers on the public link and lands on their confirmation (with an
 * .ics of their session); the facilitator admits them; the personal link then joins the
 * workshop without the join form.
 */
describe('registration', () => {
  it('register → confirmation with .ics → admitted → the personal link joins without retyping', async () => {
    const fac = await (await context('Europe/Paris')).newPage();
    const made = await createWorkshopInWizard(fac, server.url, { title: 'Ports that share data', session: true });

    // Staff page, reached from the workshop's navigation.
    await fac.goto(`${server.url}${made.path}/console`);
    await fac
      .getByRole('navigation', { name: /workshop/i })
      .getByRole('link', { name: 'Registrations' })
      .click();
    await fac.getByRole('heading', { level: 1, name: 'Registrations' }).waitFor();
    await fac.getByRole('button', { name: 'Save', exact: true }).click();
    const publicLink = fac.getByLabel('Public registration link');
    await publicLink.waitFor();
    const registerUrl = await publicLink.inputValue();
    expect(registerUrl).toMatch(/\/r\/[^/]+$/);

    // The registrant, in a browser of their own with nothing stored.
    const ana = await (await context('America/Bogota')).newPage();
    await ana.goto(registerUrl);
    await ana.getByRole('heading', { name: 'Register for “Ports that share data”' }).waitFor();
    // The time zone is filled in from the browser.
    expect(await ana.getByLabel('Time zone').inputValue()).toBe('America/Bogota');
    await ana.getByLabel('Name', { exact: true }).fill('Ana Gómez');
    await ana.getByLabel('Organisation', { exact: true }).fill('Alcaldía de Bogotá');
    await ana.getByLabel('Country', { exact: true }).fill('Colombia');
    await ana.getByRole('checkbox', { name: /Session 1/ }).check();
    await ana.getByRole('checkbox', { name: 'Mobility', exact: true }).check();
    await ana.getByLabel('What is your experience with cross-border collaboration?').fill('Two border pilots with Ecuador.');
    await ana.getByRole('button', { name: 'Register', exact: true }).click();

    // The confirmation: waiting for the organisers, the session in her time, the .ics, her link.
    await ana.getByRole('heading', { name: 'You are registered' }).waitFor();
    expect(ana.url()).toMatch(/\/registered\/[^/]+$/);
    const personalUrl = ana.url();
    expect(await ana.getByLabel('Your personal link').inputValue()).toBe(personalUrl);
    await ana.getByRole('status').filter({ hasText: 'The organisers will confirm your place' }).waitFor();
    expect(await ana.getByRole('listitem').filter({ hasText: 'Session 1' }).textContent()).toContain('(America/Bogota)');
    const ics = ana.getByRole('link', { name: 'Add to my calendar (.ics)' });
    expect(await ics.getAttribute('download')).not.toBeNull();
    const calendar = await ana.context().request.get(new URL((await ics.getAttribute('href'))!, personalUrl).href);
    expect(calendar.headers()['content-type']).toMatch(/^text\/calendar/);
    const icsText = await calendar.text();
    expect(icsText).toContain('BEGIN:VEVENT');
    expect(icsText).toContain('Ports that share data');
    // Not admitted yet: nothing offers to join.
    expect(await ana.getByRole('button', { name: 'Join the workshop now' }).count()).toBe(0);

    // The facilitator sees her registration with her answer, and admits her.
    await fac.reload();
    const row = fac.getByRole('row').filter({ hasText: 'Ana Gómez' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Two border pilots with Ecuador.');
    await fac.getByRole('button', { name: 'Admit Ana Gómez' }).click();
    await eventually(async () => expect(await row.textContent()).toContain('Admitted'));

    // Her personal link now joins her: no join form, straight onto the board, under her name.
    await ana.goto(personalUrl);
    await ana.getByRole('status').filter({ hasText: 'Your place is confirmed.' }).waitFor();
    await ana.getByRole('button', { name: 'Join the workshop now' }).click();
    await ana.getByRole('region', { name: 'Pain points board' }).waitFor({ timeout: 30_000 });
    expect(new URL(ana.url()).pathname).toBe(made.path);
    expect(await ana.getByLabel('Your name').count()).toBe(0);

    // The facilitator's console lists her with what she registered, joined once.
    await fac.goto(`${server.url}${made.path}/console`);
    const people = fac.getByRole('region', { name: /^Participants/ });
    const anaRow = people.getByRole('listitem').filter({ has: fac.getByText('Ana Gómez', { exact: true }) });
    await eventually(async () => {
      expect(await anaRow.count()).toBe(1);
      expect(await anaRow.textContent()).toContain('Alcaldía de Bogotá · Colombia');
    });
  });
});
