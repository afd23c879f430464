import type { Page } from 'playwright-core';

export interface MadeWorkshop {
  /** `/w/<id>`, the main board's path. */
  path: string;
  workshopId: string;
  /** The participant link's path and query, as the facilitator would share it. */
  joinUrl: string;
}

/**
 * Creates a workshop the way a facilitator does: the set-up wizard from the landing page, the
 * cross-border template (its eight themes), a title, their name, optionally one session next
 * week. Leaves `page` on the "workshop ready" screen, signed in as the facilitator.
 */
export async function createWorkshopInWizard(
  page: Page,
  baseUrl: string,
  { title, facilitator = 'Fatima Facilitator', session = false }: { title: string; facilitator?: string; session?: boolean },
): Promise<MadeWorkshop> {
  await page.goto(`${baseUrl}/`);
  await page.getByRole('radio', { name: /Cross-border, three phases/ }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Title').fill(title);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('heading', { name: /Step 3 of 5/ }).waitFor();
  await page.getByLabel('Your name').fill(facilitator);
  if (session) await page.getByRole('button', { name: 'Add a session' }).click();
  for (const step of [4, 5]) {
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('heading', { name: new RegExp(`Step ${step} of 5`) }).waitFor();
  }
  await page.getByRole('button', { name: 'Create workshop' }).click();
  const link = page.getByRole('textbox', { name: 'Participant link' });
  await link.waitFor({ timeout: 30_000 });
  const url = new URL(await link.inputValue());
  const consoleHref = (await page.getByRole('link', { name: 'Open the console' }).getAttribute('href')) ?? '';
  const path = consoleHref.replace(/\/console$/, '');
  return { path, workshopId: decodeURIComponent(path.replace(/^\/w\//, '')), joinUrl: url.pathname + url.search };
}
