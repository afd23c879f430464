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
