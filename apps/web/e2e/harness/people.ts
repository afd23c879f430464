import { eventually as polled } from '@crossboard/testkit';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';

export interface Participant {
  name: string;
  organisation: string;
  country: string;
  timeZone?: string;
}

/** Polls until `check` stops throwing: browsers and sync are asynchronous, timings are not asserted. */
export async function eventually(check: () => Promise<void> | void, timeoutMs = 15_000): Promise<void> {
  await polled(
    async () => {
      await check();
      return true;
    },
    { what: 'the check to pass', timeoutMs, intervalMs: 150 },
  );
}

/** Opens the participant link in a fresh browser context and fills in the join form. */
export async function joinAs(
  browser: Browser,
  baseUrl: string,
  joinUrl: string,
  who: Participant,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ timezoneId: who.timeZone ?? 'Europe/Paris' });
  const page = await context.newPage();
  await page.goto(baseUrl + joinUrl);
  await page.getByLabel('Your name').fill(who.name);
  await page.getByLabel('Organisation').fill(who.organisation);
  await page.getByLabel('Country').fill(who.country);
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await page.getByRole('region', { name: 'Pain points board' }).waitFor({ timeout: 30_000 });
  return { context, page };
}

export function noteByText(page: Page, text: string | RegExp) {
  return page.getByRole('article', { name: text });
}

/** What the app keeps in localStorage for a workshop (apps/web/src/api/credentials.ts). */
export interface StoredCredential {
  token: string;
  personId: string;
  role: 'facilitator' | 'organiser' | 'participant';
  timeZone?: string;
}

/** A browser context already signed in to a workshop, as after joining or accepting an invitation. */
export async function signedInContext(
  browser: Browser,
  workshopId: string,
  credential: StoredCredential,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  await context.addInitScript(([id, stored]) => localStorage.setItem(`crossboard:workshop:${id}`, stored), [
    workshopId,
    JSON.stringify(credential),
  ] as const);
  return context;
}

/** The facilitator's own browser (1440×900) on the workshop's board, once the board is drawn. */
export async function facilitatorOnBoard(
  browser: Browser,
  url: string,
  w: { id: string; facilitatorToken: string; facilitatorId: string },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await signedInContext(
    browser,
    w.id,
    { token: w.facilitatorToken, personId: w.facilitatorId, role: 'facilitator' },
    { viewport: { width: 1440, height: 900 } },
  );
  const page = await context.newPage();
  await page.goto(`${url}/w/${w.id}`);
  await page.getByRole('region', { name: 'Pain points board' }).waitFor({ timeout: 30_000 });
  return { context, page };
}

/** Writes pain points through the outline's composer (Enter adds each) and waits for all of them; stays on the outline. */
export async function writeInOutline(page: Page, notes: readonly string[]): Promise<void> {
  await page.getByRole('button', { name: 'Outline' }).click();
  const composer = page.getByRole('textbox', { name: 'New note for Pain points' });
  for (const text of notes) {
    await composer.fill(text);
    await composer.press('Enter');
  }
  await eventually(async () => {
    const count = await page.locator('.outline-note').count();
    if (count !== notes.length) throw new Error(`${count} of ${notes.length} notes in the outline`);
  });
}
