import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startServer, type RunningServer } from './harness/server.ts';
import { launchChromium } from '@crossboard/testkit';
import { eventually, joinAs, noteByText, signedInContext } from './harness/people.ts';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** `YYYY-MM-DDTHH:mm` of an instant in a zone, as a datetime-local input takes it. */
function localInput(at: number, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

describe('a participant in Fiji between live sessions', () => {
  it('finds the board closed, then contributes while the facilitator’s async window is open', async () => {
    const hour = 3_600_000;
    const start = Date.now() + 3 * 24 * hour;
    const workshop = await server.createWorkshop({
      title: 'Cross-border pilots',
      homeTimeZone: 'Europe/Paris',
      sessions: [{ label: 'Session 1', start: new Date(start).toISOString(), end: new Date(start + 2.5 * hour).toISOString() }],
    });

    const fiji = await joinAs(browser, server.url, workshop.joinUrl, {
      name: 'Mere Tuilagi',
      organisation: 'Small-island innovation firm',
      country: 'FJ',
      timeZone: 'Pacific/Fiji',
    });
    await fiji.page.getByText(/This board is closed between sessions/).waitFor({ timeout: 15_000 });
    expect(await fiji.page.getByRole('button', { name: 'New note' }).isDisabled()).toBe(true);

    // The facilitator, in Paris, opens pain points from an hour ago for two days.
    const facContext = await signedInContext(
      browser,
      workshop.id,
      { token: workshop.facilitatorToken, personId: workshop.facilitatorId, role: 'facilitator' },
      { timezoneId: 'Europe/Paris' },
    );
    const fac = await facContext.newPage();
    await fac.goto(`${server.url}/w/${workshop.id}/report`);
    const closesAt = Date.now() + 48 * hour;
    await fac.getByLabel('Pain points: opens').fill(localInput(Date.now() - hour, 'Europe/Paris'));
    await fac.getByLabel('Pain points: closes').fill(localInput(closesAt, 'Europe/Paris'));
    await fac.getByRole('button', { name: 'Open Pain points' }).click();

    // Fiji sees the window close in Fiji time, and can write.
    const fijiClose = new Intl.DateTimeFormat('en', { timeZone: 'Pacific/Fiji', hour: '2-digit', minute: '2-digit' }).format(closesAt);
    await eventually(async () => {
      const notice = await fiji.page.getByText(/Open for contributions until/).textContent();
      expect(notice).toContain(fijiClose);
    });
    const newNote = fiji.page.getByRole('button', { name: 'New note' });
    await eventually(async () => expect(await newNote.isDisabled()).toBe(false));
    await newNote.click();
    const editor = fiji.page.getByRole('textbox', { name: 'Note text' });
    await editor.waitFor();
    await editor.pressSequentially('Island ferries share no data with the mainland');
    await editor.press('Escape');

    await fac.goto(`${server.url}/w/${workshop.id}`);
    await eventually(async () => {
      expect(await noteByText(fac, /Note by Mere Tuilagi: Island ferries share no data/).count()).toBe(1);
    });

    await Promise.all([facContext.close(), fiji.context.close()]);
  });
});
