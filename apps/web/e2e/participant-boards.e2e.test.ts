import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { startServer, type RunningServer } from './harness/server.ts';
import { launchChromium } from '@crossboard/testkit';
import { eventually, joinAs, noteByText } from './harness/people.ts';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

describe('two participants on one workshop', () => {
  it('join, write, see each other, co-write, survive offline, keep identity on reload', async () => {
    const workshop = await server.createWorkshop({ title: 'Cross-border pilots' });

    // The join page is accessible before anyone has joined.
    const probe = await browser.newContext();
    const probePage = await probe.newPage();
    await probePage.goto(server.url + workshop.joinUrl);
    await probePage.getByLabel('Your name').waitFor();
    expect(await seriousViolations(probePage)).toEqual([]);
    await probe.close();

    const ana = await joinAs(browser, server.url, workshop.joinUrl, {
      name: 'Ana Gómez',
      organisation: 'Alcaldía de Bogotá',
      country: 'CO',
      timeZone: 'America/Bogota',
    });
    const tom = await joinAs(browser, server.url, workshop.joinUrl, {
      name: 'Tom Reid',
      organisation: 'Greater Manchester Combined Authority',
      country: 'GB',
      timeZone: 'Europe/London',
    });

    // Presence: each sees the other.
    await eventually(async () => {
      expect(
        await ana.page
          .getByRole('region', { name: /Here now/ })
          .getByText('Tom Reid')
          .count(),
      ).toBe(1);
      expect(
        await tom.page
          .getByRole('region', { name: /Here now/ })
          .getByText('Ana Gómez')
          .count(),
      ).toBe(1);
    });

    // Ana writes a note; Tom sees it with her name, not her organisation: she did not choose to
    // show it in the directory when she joined (issue 15).
    await ana.page.getByRole('button', { name: 'New note' }).click();
    const anaEditor = ana.page.getByRole('textbox', { name: 'Note text' });
    await anaEditor.waitFor();
    await anaEditor.pressSequentially('Pilots budgeted as if they will fail');
    await eventually(async () => {
      expect(await noteByText(tom.page, /Note by Ana Gómez: Pilots budgeted as if they will fail/).count()).toBe(1);
    });
    expect(
      await noteByText(tom.page, /Pilots budgeted/)
        .getByText('Alcaldía de Bogotá')
        .count(),
    ).toBe(0);

    // Tom co-writes the same note while Ana is still in it: neither overwrites the other.
    const tomNote = noteByText(tom.page, /Pilots budgeted/);
    await tomNote.hover();
    await tomNote.getByRole('button', { name: 'Edit note' }).click();
    const tomEditor = tom.page.getByRole('textbox', { name: 'Note text' });
    await tomEditor.waitFor();
    await tomEditor.press('Control+End');
    await tomEditor.pressSequentially(' and no learning loops');
    await anaEditor.press('Control+Home');
    await anaEditor.pressSequentially('Money: ');
    const both = /Money: Pilots budgeted as if they will fail and no learning loops/;
    await eventually(async () => {
      expect(await noteByText(ana.page, both).count()).toBe(1);
      expect(await noteByText(tom.page, both).count()).toBe(1);
    });
    await anaEditor.press('Escape');
    await tomEditor.press('Escape');

    // The board passes axe with notes on it.
    expect(await seriousViolations(ana.page)).toEqual([]);

    // Tom's connection drops; he keeps writing; Ana gets every character once he is back.
    await tom.context.setOffline(true);
    await eventually(async () => {
      expect(await tom.page.getByText(/Offline|Reconnecting/).count()).toBeGreaterThan(0);
    }, 30_000);
    await tom.page.getByRole('button', { name: 'New note' }).click();
    const offlineEditor = tom.page.getByRole('textbox', { name: 'Note text' });
    await offlineEditor.waitFor();
    await offlineEditor.pressSequentially('Written on a train without signal');
    await offlineEditor.press('Escape');
    expect(await noteByText(ana.page, /Written on a train/).count()).toBe(0);
    await tom.context.setOffline(false);
    await eventually(async () => {
      expect(await noteByText(ana.page, /Note by Tom Reid: Written on a train without signal/).count()).toBe(1);
    }, 45_000);

    // A reload keeps Tom's identity: no join form, same name in the presence list.
    await tom.page.reload();
    await tom.page.getByRole('region', { name: 'Pain points board' }).waitFor({ timeout: 30_000 });
    expect(await tom.page.getByLabel('Your name').count()).toBe(0);
    await eventually(async () => {
      expect(
        await ana.page
          .getByRole('region', { name: /Here now/ })
          .getByText('Tom Reid')
          .count(),
      ).toBe(1);
      expect(await noteByText(tom.page, /Written on a train without signal/).count()).toBe(1);
    });

    await ana.context.close();
    await tom.context.close();
  });
});
