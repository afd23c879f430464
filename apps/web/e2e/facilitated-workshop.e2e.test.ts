import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
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

/**
 * What Chromium reports against the server's Content-Security-Policy (issue 11, finding 13):
 * the whole run, from the landing form through Tiptap notes, voting and the console, must
 * work under it.
 */
const cspViolations: string[] = [];
function watchCsp(page: Page): Page {
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
  });
  return page;
}

async function writeNote(page: Page, text: string): Promise<void> {
  await page.getByRole('button', { name: 'New note' }).first().click();
  const editor = page.getByRole('textbox', { name: 'Note text' });
  await editor.waitFor();
  await editor.pressSequentially(text);
  await editor.press('Escape');
}

/** Seconds shown by the shared timer, read on several pages in the same instant. */
async function timerSeconds(pages: Page[]): Promise<number[]> {
  const texts = await Promise.all(pages.map((p) => p.getByRole('timer').textContent()));
  return texts.map((t) => {
    const [m, s] = (t ?? '').trim().split(':').map(Number);
    return (m ?? 0) * 60 + (s ?? 0);
  });
}

describe('a facilitator runs a phase with two participants', () => {
  it('drafting, reveal, suggested cluster, voting, timer in sync, next phase', async () => {
    // The facilitator creates the workshop from the landing page.
    const facContext = await browser.newContext({ timezoneId: 'Europe/Paris' });
    const fac = watchCsp(await facContext.newPage());
    await fac.goto(server.url + '/');
    // Through the set-up wizard: a blank workshop, only a title, defaults for the rest.
    await fac.getByRole('radio', { name: /Blank/ }).check();
    await fac.getByRole('button', { name: 'Next' }).click();
    await fac.getByLabel('Title').fill('Cross-border pilots');
    for (const step of [3, 4, 5]) {
      await fac.getByRole('button', { name: 'Next' }).click();
      await fac.getByRole('heading', { name: new RegExp(`Step ${step} of 5`) }).waitFor();
    }
    await fac.getByRole('button', { name: 'Create workshop' }).click();
    const link = fac.getByRole('textbox', { name: 'Participant link' });
    await link.waitFor({ timeout: 30_000 });
    const joinUrl = new URL(await link.inputValue()).pathname + new URL(await link.inputValue()).search;
    const consoleHref = await fac.getByRole('link', { name: 'Open the console' }).getAttribute('href');
    const workshopPath = consoleHref!.replace(/\/console$/, '');

    const ana = await joinAs(browser, server.url, joinUrl, {
      name: 'Ana Gómez',
      organisation: 'Alcaldía de Bogotá',
      country: 'CO',
      timeZone: 'America/Bogota',
    });
    const tom = await joinAs(browser, server.url, joinUrl, {
      name: 'Tom Reid',
      organisation: 'Greater Manchester Combined Authority',
      country: 'GB',
      timeZone: 'Europe/London',
    });

    for (const p of [ana.page, tom.page]) watchCsp(p);

    await fac.goto(server.url + workshopPath + '/console');
    await fac.getByRole('heading', { name: 'Facilitator console' }).waitFor({ timeout: 30_000 });

    // Private drafting: each writes, nobody sees the other's drafts.
    await fac.getByLabel(/Private drafting/).check();
    for (const p of [ana.page, tom.page]) {
      await p.getByRole('heading', { name: 'Your drafts (private)' }).waitFor({ timeout: 15_000 });
    }
    // Each participant is told that not even the facilitator reads drafts before reveal.
    for (const p of [ana.page, tom.page]) {
      expect(await p.getByText(/Only you can read these notes/).count()).toBe(1);
    }
    await writeNote(ana.page, 'Pilot budgets assume the pilot will fail');
    await writeNote(ana.page, 'No shared data standards between cities');
    await writeNote(ana.page, 'Posted by mistake');
    await writeNote(tom.page, 'Pilot budgets are cut when the pilot will fail');
    await writeNote(tom.page, 'Data standards differ between cities and regions');
    await eventually(async () => {
      expect(await noteByText(ana.page, /Data standards differ/).count()).toBe(0);
      expect(await noteByText(tom.page, /No shared data standards/).count()).toBe(0);
      expect(await fac.getByText('Ana Gómez: 3 drafts').count()).toBe(1);
      expect(await fac.getByText('Tom Reid: 2 drafts').count()).toBe(1);
    });
    expect(await noteByText(tom.page, /No shared data standards/).count()).toBe(0);

    // Moderation without reading: the facilitator sees lengths, never words, and removes the
    // draft Ana asks to be removed (her third) through the API.
    await fac.getByRole('button', { name: 'Moderate Ana Gómez’s drafts' }).click();
    const moderation = fac.getByRole('region', { name: 'Drafts of Ana Gómez' });
    await moderation.getByText(`Draft 3: ${'Posted by mistake'.length} characters`).waitFor();
    expect(await moderation.getByRole('listitem').count()).toBe(3);
    for (const words of [/Pilot budgets/, /data standards/i, /Posted by mistake/]) expect(await fac.getByText(words).count()).toBe(0);
    await moderation.getByRole('button', { name: 'Remove draft 3 of Ana Gómez' }).click();
    await eventually(async () => {
      expect(await noteByText(ana.page, /Posted by mistake/).count()).toBe(0);
      expect(await fac.getByText('Ana Gómez: 2 drafts').count()).toBe(1);
    });
    expect(await noteByText(ana.page, /No shared data standards/).count()).toBe(1);

    // Reveal: every draft lands on everyone's board at once, credited to its author.
    await fac.getByRole('button', { name: 'Reveal all drafts' }).click();
    await eventually(async () => {
      for (const p of [ana.page, tom.page]) {
        expect(await noteByText(p, /Note by Ana Gómez: No shared data standards/).count()).toBe(1);
        expect(await noteByText(p, /Note by Tom Reid: Data standards differ/).count()).toBe(1);
        expect(await p.getByRole('heading', { name: 'Your drafts (private)' }).count()).toBe(0);
      }
    });

    // Cluster from a suggestion: both participants see the notes grouped.
    await fac.getByRole('button', { name: 'Suggest clusters' }).click();
    const accept = fac.getByRole('button', { name: /^Accept “/ }).first();
    await accept.waitFor();
    const title = /^Accept “(.*)”$/.exec((await accept.getAttribute('aria-label')) ?? (await accept.textContent()) ?? '')?.[1];
    expect(title).toBeTruthy();
    await accept.click();
    for (const p of [ana.page, tom.page]) {
      await p.getByRole('button', { name: 'Outline' }).click();
      await eventually(async () => {
        expect(await p.getByRole('heading', { name: new RegExp(title!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).count()).toBeGreaterThan(
          0,
        );
      });
      await p.getByRole('button', { name: 'Board' }).click();
    }

    // Dot voting: the server counts, nobody sees others' dots until the close.
    await fac.getByLabel('Dots per person').fill('2');
    await fac.getByRole('button', { name: 'Open voting' }).click();
    for (const p of [ana.page, tom.page]) {
      await p.getByText('You have 2 of 2 dots left.').waitFor({ timeout: 15_000 });
    }
    await ana.page
      .getByRole('region', { name: 'Dot voting' })
      .getByRole('button', { name: /Put a dot on “No shared data standards/ })
      .click();
    await ana.page.getByText('You have 1 of 2 dots left.').waitFor();
    await tom.page
      .getByRole('region', { name: 'Dot voting' })
      .getByRole('button', { name: /Put a dot on “No shared data standards/ })
      .click();
    await tom.page.getByText('You have 1 of 2 dots left.').waitFor();
    expect(await tom.page.getByText('2 votes').count()).toBe(0);
    await fac.getByRole('button', { name: 'Close voting and publish results' }).click();
    await eventually(async () => {
      for (const p of [ana.page, tom.page]) expect(await p.getByText('2 votes').count()).toBeGreaterThan(0);
    });

    // The timer: both participants show the same second.
    await fac.getByRole('button', { name: 'Start' }).click();
    await eventually(async () => {
      const [a, t] = await timerSeconds([ana.page, tom.page]);
      expect(a).toBeLessThan(30 * 60);
      expect(t).toBeLessThan(30 * 60);
    });
    const diffs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const [a, t] = await timerSeconds([ana.page, tom.page]);
      diffs.push(Math.abs(a! - t!));
      await new Promise((r) => setTimeout(r, 370));
    }
    // Two pages read in the same instant can straddle one tick; never more.
    expect(Math.max(...diffs)).toBeLessThanOrEqual(1);
    expect(diffs.filter((d) => d === 0).length).toBeGreaterThanOrEqual(3);

    // Next phase: everyone's view follows and it is announced.
    await fac.getByRole('button', { name: 'Next: Future visions' }).click();
    for (const p of [ana.page, tom.page]) {
      await p.getByRole('region', { name: 'Future visions board' }).waitFor({ timeout: 15_000 });
      await p.getByText('The facilitator moved everyone to Future visions.').waitFor();
    }

    expect(cspViolations).toEqual([]);
    await Promise.all([facContext.close(), ana.context.close(), tom.context.close()]);
  });
});
