import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startServer, type RunningServer } from './harness/server.ts';
import { launchChromium } from '@crossboard/testkit';
import { eventually, joinAs, signedInContext } from './harness/people.ts';

/** The end-of-session survey in Chromium: opened by the facilitator, answered by a participant, read in the report. */
let server: RunningServer;
let browser: Browser;
// Screenshots for the note, when asked for: FEEDBACK_SHOTS=/tmp/shots/feedback.
const SHOTS = process.env.FEEDBACK_SHOTS;
const VIEWPORTS = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the feedback survey', () => {
  it.each(VIEWPORTS)('opens for participants, is answered once, and its results reach the report ($name)', async (viewport) => {
    const w = await server.createWorkshop({ title: 'Harbour mobility', homeTimeZone: 'Europe/Paris' });
    const staff = await signedInContext(
      browser,
      w.id,
      { token: w.facilitatorToken, personId: w.facilitatorId, role: 'facilitator' },
      { viewport },
    );
    const report = await staff.newPage();
    await report.goto(`${server.url}/w/${w.id}/report`);
    const panel = report.getByRole('region', { name: 'Participant feedback' });
    await panel.getByText('No survey yet.', { exact: false }).waitFor();
    await panel.getByRole('button', { name: 'Open the survey' }).click();
    await panel.getByText('The survey is open', { exact: false }).waitFor();

    const { context, page } = await joinAs(browser, server.url, w.joinUrl, {
      name: 'Pia',
      organisation: 'Port authority',
      country: 'France',
    });
    await page.setViewportSize(viewport);
    const banner = page.getByRole('status').filter({ hasText: 'The facilitator opened a short feedback survey' });
    await eventually(async () => expect(await banner.isVisible()).toBe(true));
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/banner-${viewport.name}.png` });
    await banner.getByRole('button', { name: 'Answer the survey' }).click();
    const dialog = page.getByRole('dialog', { name: 'How was this session?' });
    await dialog
      .getByRole('group', { name: /How useful was the session/ })
      .getByLabel('4')
      .check();
    await dialog.getByRole('group', { name: 'Would you come again?' }).getByLabel('Yes').check();
    await dialog.getByRole('group', { name: 'Did you meet someone useful?' }).getByLabel('Yes').check();
    await dialog.getByLabel('What should change?').fill('More time for the visions phase');
    await expect(dialog.getByText('Anonymous: your answers are stored without your name.').isVisible()).resolves.toBe(true);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/survey-${viewport.name}.png` });
    await dialog.getByRole('button', { name: 'Send' }).click();
    await page.getByText('Thank you: your answers were sent.').waitFor();
    // Answered: the banner does not come back after a reload.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Harbour mobility' }).waitFor();
    // The banner's first check runs on mount; give it the time it took before the answer.
    await page.waitForTimeout(1_000);
    expect(await page.getByText('The facilitator opened a short feedback survey').count()).toBe(0);

    await panel.getByRole('button', { name: 'Close the survey' }).click();
    await report.reload();
    await panel.getByText('1 answer', { exact: true }).waitFor();
    await expect(panel.getByRole('img', { name: /How useful was the session 1: 0; 2: 0; 3: 0; 4: 1; 5: 0/ }).count()).resolves.toBe(1);
    await expect(panel.getByText('More time for the visions phase').isVisible()).resolves.toBe(true);
    if (SHOTS) {
      await panel.scrollIntoViewIfNeeded();
      await report.screenshot({ path: `${SHOTS}/results-${viewport.name}.png` });
    }
    await context.close();
    await staff.close();
  });
});
