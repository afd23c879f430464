import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '@crossboard/testkit';
import { startServer, type RunningServer } from './harness/server.ts';
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

describe('the facilitator console, loading', () => {
  it('asks the server for the workshop once per load', async () => {
    const w = await server.createWorkshop({ title: 'Harbour logistics' });
    const context = await signedInContext(browser, w.id, { token: w.facilitatorToken, personId: w.facilitatorId, role: 'facilitator' });
    const page = await context.newPage();
    const workshopGets: string[] = [];
    const own = new URL(`/api/workshops/${w.id}`, server.url).pathname;
    page.on('request', (r) => {
      if (r.method() === 'GET' && new URL(r.url()).pathname === own) workshopGets.push(r.url());
    });
    await page.goto(`${server.url}/w/${w.id}/console`);
    await page.getByRole('heading', { name: 'Voting' }).waitFor({ timeout: 30_000 });
    // The participant link is filled in from the answer: the panels have all asked by then.
    await page.getByRole('textbox', { name: 'Participant link' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(workshopGets).toHaveLength(1);

    // A second load asks again: nothing is kept from one page load to the next.
    await page.reload();
    await page.getByRole('heading', { name: 'Voting' }).waitFor({ timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    await eventually(() => expect(workshopGets).toHaveLength(2));
    await context.close();
  });
});
