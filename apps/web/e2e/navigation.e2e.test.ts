import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startServer, type RunningServer } from './harness/server.ts';
import { launchChromium } from '@crossboard/testkit';
import { eventually, joinAs, signedInContext } from './harness/people.ts';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const nav = (page: Page) => page.getByRole('navigation', { name: 'Workshop pages' });
const navLink = (page: Page, name: string) => nav(page).getByRole('link', { name, exact: true });

async function expectCurrent(page: Page, name: string): Promise<void> {
  await eventually(async () => expect(await navLink(page, name).getAttribute('aria-current')).toBe('page'));
}

describe('moving between a workshop’s pages', () => {
  it('a facilitator reaches every page from the console by clicking, and a participant the directory and check-in from the board', async () => {
    const w = await server.createWorkshop({ title: 'Navigation workshop' });
    const base = `/w/${w.id}`;
    const fac = await signedInContext(
      browser,
      w.id,
      { token: w.facilitatorToken, personId: w.facilitatorId, role: 'facilitator' },
      { viewport: { width: 1440, height: 900 } },
    );
    const page = await fac.newPage();
    await page.goto(server.url + `${base}/console`);
    await expectCurrent(page, 'Console');

    const pages: [link: string, path: string, heading: RegExp][] = [
      ['Directory', '/people', /Who is here/],
      ['Check-in', '/checkin', /Check-in wall/],
      ['Registrations', '/registrations', /Registrations/],
      ['Report', '/report', /Recommendations/],
      ['Export', '/export', /Export/],
      ['Series', '/series', /series/i],
      ['Publish', '/publish', /Publish/],
      ['Follow-up', '/followup', /Navigation workshop/],
    ];
    for (const [link, path, heading] of pages) {
      await navLink(page, link).click();
      await eventually(() => expect(new URL(page.url()).pathname).toBe(base + path));
      await page.getByRole('heading', { name: heading }).first().waitFor();
      await expectCurrent(page, link);
      // Back to the console the same way, from whichever page this is.
      await navLink(page, 'Console').click();
      await eventually(() => expect(new URL(page.url()).pathname).toBe(`${base}/console`));
      await expectCurrent(page, 'Console');
    }
    // The keyboard reaches the links in order; Enter follows one.
    await navLink(page, 'Directory').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Check-in');

    // A participant: the directory from the board, no staff pages, the check-in once it opens.
    const ana = await joinAs(browser, server.url, w.joinUrl, { name: 'Ana Costa', organisation: 'Porto City', country: 'PT' });
    const p = ana.page;
    await expectCurrent(p, 'Board');
    for (const staffOnly of ['Console', 'Registrations', 'Export', 'Series', 'Publish', 'Follow-up', 'Check-in']) {
      expect(await navLink(p, staffOnly).count(), staffOnly).toBe(0);
    }
    await navLink(p, 'Directory').click();
    await eventually(() => expect(new URL(p.url()).pathname).toBe(`${base}/people`));
    await p.getByRole('heading', { name: /Who is here/ }).waitFor();
    await expectCurrent(p, 'Directory');

    const res = await fetch(`${server.url}/api/workshops/${w.id}/checkin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${w.facilitatorToken}` },
      body: JSON.stringify({ prompt: 'Where are you joining from?' }),
    });
    expect(res.status).toBe(201);
    await navLink(p, 'Board').click();
    await p.getByRole('region', { name: /^Pain points/ }).waitFor();
    await navLink(p, 'Check-in').click();
    await eventually(() => expect(new URL(p.url()).pathname).toBe(`${base}/checkin`));
    await p.getByText('Where are you joining from?').first().waitFor();
    await expectCurrent(p, 'Check-in');
    for (const staffOnly of ['Console', 'Registrations']) expect(await navLink(p, staffOnly).count(), staffOnly).toBe(0);

    await ana.context.close();
    await fac.close();
  });
});
