import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { call, joinAsParticipant, launchChromium } from '@crossboard/testkit';
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

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const SHOTS = '/tmp/shots/people3';
mkdirSync(SHOTS, { recursive: true });

const LOCALES = { en: 'en-GB', es: 'es-ES', fr: 'fr-FR' } as const;

/** How many lines an inline element's text takes: one client rect per line box. */
const lines = (page: Page, selector: string) => page.locator(selector).evaluateAll((els) => els.map((el) => el.getClientRects().length));

describe('the check-in, as a participant with the board open', () => {
  it('appears live, counts participants only, and keeps each local time on one line', async () => {
    const w = await server.createWorkshop({ title: 'Border towns meet-up' });
    const ana = await joinAsParticipant(server.url, w.id, 'Ana Gómez', { country: 'Colombia', timeZone: 'America/Bogota' });
    const kenji = await joinAsParticipant(server.url, w.id, 'Kenji Sato', { country: 'Japan', timeZone: 'Asia/Tokyo' });
    await joinAsParticipant(server.url, w.id, 'Léa Martin', { country: 'France', timeZone: 'Europe/Paris' });

    const context = await signedInContext(
      browser,
      w.id,
      { token: ana.token, personId: ana.participantId, role: 'participant' },
      { viewport: DESKTOP },
    );
    const page = await context.newPage();
    await page.goto(`${server.url}/w/${w.id}`);
    await page.getByRole('region', { name: 'Pain points board' }).waitFor({ timeout: 30_000 });
    const nav = page.getByRole('navigation', { name: 'Workshop pages' });
    await nav.getByRole('link', { name: 'Directory' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Check-in' }).count()).toBe(0);

    const started = Date.now();
    expect(
      (await call(server.url, 'POST', `/api/workshops/${w.id}/checkin`, w.facilitatorToken, { prompt: 'Where are you joining from?' }))
        .status,
    ).toBe(201);
    // Live through the control room: well inside the old 30 s poll.
    await eventually(async () => expect(await nav.getByRole('link', { name: 'Check-in' }).count()).toBe(1), 5_000);
    expect(Date.now() - started).toBeLessThan(5_000);

    for (const [token, answer] of [
      [w.facilitatorToken, 'Running it from Lisbon'],
      [ana.token, 'Bogotá, to learn how Lille runs its tram across the border.'],
      [kenji.token, 'Fukuoka: we share a ferry with Busan.'],
    ] as const) {
      expect((await call(server.url, 'PUT', `/api/workshops/${w.id}/checkin/me`, token, { answer })).status).toBe(200);
    }
    await nav.getByRole('link', { name: 'Check-in' }).click();
    // Three cards, but the facilitator's is not one of the participants' "ready": the console's 2 of 3.
    await eventually(async () => expect(await page.locator('.checkin__card').count()).toBe(3));
    expect(await page.locator('.checkin__ready').textContent()).toBe('2 of 3 ready');

    for (const size of [DESKTOP, PHONE]) {
      await page.setViewportSize(size);
      expect(await lines(page, '.checkin__time')).toEqual([1, 1, 1]);
      await page.screenshot({ path: `${SHOTS}/checkin-wall-en-${size.width}.png`, fullPage: true });
    }
    await context.close();
  });
});

describe.each(Object.keys(LOCALES) as (keyof typeof LOCALES)[])('a group board, in %s', (language) => {
  it('says no one else from the group is here, and has the phone header of the main board', async () => {
    const w = await server.createWorkshop({ title: 'Cross-border innovation pilots' });
    const ana = await joinAsParticipant(server.url, w.id, 'Ana Tuilagi', { language });
    const res = await call(server.url, 'POST', `/api/workshops/${w.id}/groups`, w.facilitatorToken, { mode: 'mixed', groups: 1, seed: 1 });
    expect(res.status).toBe(201);
    const { breakout } = (await res.json()) as { breakout: { groups: { id: string }[] } };
    const groupId = breakout.groups[0]!.id;

    const context = await signedInContext(
      browser,
      w.id,
      { token: ana.token, personId: ana.participantId, role: 'participant' },
      { viewport: DESKTOP, locale: LOCALES[language] },
    );
    const page = await context.newPage();
    await page.goto(`${server.url}/w/${w.id}/group/${groupId}`);
    const alone = page.locator('.presence__alone');
    await alone.waitFor({ timeout: 30_000 });
    expect(await alone.textContent()).toBe(
      {
        en: 'No one else from your group is here yet.',
        es: 'Todavía no ha llegado nadie más de tu grupo.',
        fr: 'Personne d’autre de votre groupe n’est encore là.',
      }[language],
    );
    await page.screenshot({ path: `${SHOTS}/group-board-${language}-1440.png` });

    await page.setViewportSize(PHONE);
    await page.locator('.page--phone').waitFor();
    const back = { en: 'Back to the main board', es: 'Volver al tablero principal', fr: 'Retour au tableau principal' }[language];
    // As on the main board: title and status beside the logo, the way back in the row of page links below.
    const backLink = page.getByRole('navigation').getByRole('link', { name: back });
    await backLink.waitFor();
    const boxes = await page.evaluate(() => {
      const box = (s: string) => document.querySelector(s)!.getBoundingClientRect();
      return { header: box('.site-header'), nav: box('.workshop-nav'), scroll: document.documentElement.scrollWidth };
    });
    expect(await page.locator('.site-header').getByRole('link', { name: back }).count()).toBe(0);
    expect(boxes.nav.top).toBeGreaterThanOrEqual(boxes.header.bottom - 1);
    expect(boxes.header.height).toBeLessThanOrEqual(100);
    expect(boxes.scroll).toBe(PHONE.width);
    await page.screenshot({ path: `${SHOTS}/group-board-${language}-390.png` });
    await backLink.click();
    await page.getByRole('region', { name: /./ }).first().waitFor();
    expect(new URL(page.url()).pathname).toBe(`/w/${w.id}`);
    await context.close();
  });
});

describe.each(Object.keys(LOCALES) as (keyof typeof LOCALES)[])('the console’s Groups panel, in %s', (language) => {
  it('has styled number boxes and selects, fits a phone, and names the radio apart from its box', async () => {
    const w = await server.createWorkshop({ title: 'Cross-border innovation pilots' });
    for (const name of ['Ana Tuilagi', 'Kenji Sato', 'Léa Martin', 'Tomás Ruiz']) await joinAsParticipant(server.url, w.id, name);
    expect(
      (await call(server.url, 'POST', `/api/workshops/${w.id}/groups`, w.facilitatorToken, { mode: 'mixed', groups: 2, seed: 1 })).status,
    ).toBe(201);
    const context = await signedInContext(
      browser,
      w.id,
      { token: w.facilitatorToken, personId: w.facilitatorId, role: 'facilitator' },
      { viewport: DESKTOP, locale: LOCALES[language] },
    );
    const page = await context.newPage();
    await page.goto(`${server.url}/w/${w.id}/console`);
    const panel = page.locator('.groups-panel');
    await panel.locator('.groups-panel__move').first().waitFor({ timeout: 30_000 });
    const count = { en: 'Number of groups', es: 'Número de grupos', fr: 'Nombre de groupes' }[language];
    expect(await panel.getByRole('spinbutton', { name: count, exact: true }).count()).toBe(1);
    expect(await panel.getByRole('radio', { name: count, exact: true }).count()).toBe(0);
    // The app's form controls: a full-height box with a border, not the browser's bare widget.
    const looks = await panel.locator('.groups-panel__number, .groups-panel__move').evaluateAll((els) =>
      els.map((el) => {
        const s = getComputedStyle(el);
        return { radius: s.borderTopLeftRadius, tall: el.getBoundingClientRect().height >= 34 };
      }),
    );
    expect(looks.length).toBeGreaterThan(2);
    for (const l of looks) expect(l).toEqual({ radius: '8px', tall: true });
    await panel.scrollIntoViewIfNeeded();
    await panel.screenshot({ path: `${SHOTS}/groups-panel-${language}-1440.png` });
    await page.setViewportSize(PHONE);
    await panel.locator('.groups-panel__move').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(PHONE.width);
    await panel.screenshot({ path: `${SHOTS}/groups-panel-${language}-390.png` });
    await context.close();
  });
});
