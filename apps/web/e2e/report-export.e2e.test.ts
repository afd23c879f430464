import { readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { WORKSHOP_JSON_VERSION } from '@crossboard/model';
import { startServer, type RunningServer } from './harness/server.ts';
import { launchChromium } from '@crossboard/testkit';
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

const RECOMMENDATION = 'Budget pilots assuming success';
const STEP = 'Add a scale-up line to every pilot budget template';

async function download(page: Page, button: string): Promise<{ name: string; body: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), body: readFileSync(path) };
}

describe('an organiser turns the workshop into a report', () => {
  it('writes a recommendation, downloads every format, and prints a clean report', async () => {
    const w = await server.createWorkshop({
      title: 'Cross-border pilots',
      homeTimeZone: 'Europe/Paris',
      sessions: [{ label: 'Session 1', start: '2021-06-03T15:30', end: '2021-06-03T18:00' }],
    });
    const invite = await fetch(`${server.url}/api/workshops/${w.id}/invitations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${w.facilitatorToken}` },
      body: JSON.stringify({ role: 'organiser', name: 'Olga Organiser' }),
    });
    const organiser = (await invite.json()) as { token: string; personId: string };

    const context = await signedInContext(
      browser,
      w.id,
      { token: organiser.token, personId: organiser.personId, role: 'organiser', timeZone: 'Australia/Brisbane' },
      { timezoneId: 'Australia/Brisbane', acceptDownloads: true },
    );
    const page = await context.newPage();

    // The report room: a recommendation with a description and an action step.
    await page.goto(`${server.url}/w/${w.id}/report`);
    await page.getByRole('button', { name: 'New recommendation' }).click();
    const card = page.getByRole('article', { name: /Recommendation 1/ });
    await card.getByRole('textbox', { name: 'Title', exact: true }).fill(RECOMMENDATION);
    const description = card.getByRole('textbox', { name: `Description of “${RECOMMENDATION}”` });
    await description.click();
    await description.pressSequentially('Reserve scale-up funds from day one.');
    await card.getByRole('button', { name: 'Add an action step' }).click();
    await card.getByRole('textbox', { name: 'Action step 1' }).fill(STEP);
    await card.getByRole('combobox', { name: 'Owner of step 1 (person or organisation)' }).fill('OPSI');
    await card.getByRole('combobox', { name: 'Horizon of step 1' }).selectOption({ label: '1 year' });
    // The schedule is in the organiser's own zone (Brisbane), with the home zone beside it.
    await expect(page.getByRole('region', { name: 'Schedule' }).textContent()).resolves.toContain('11:30 PM');

    // Everything typed reached the server before we export.
    await eventually(async () => {
      const res = await fetch(`${server.url}/api/workshops/${w.id}/export?format=md`, {
        headers: { authorization: `Bearer ${organiser.token}` },
      });
      const md = await res.text();
      // Markdown escapes only what would change the rendering: plain prose stays as written.
      expect(md).toContain('Reserve scale-up funds from day one.');
      expect(md).toContain('owner: OPSI; 1 year');
    });

    // The export page: one download per format.
    await page.getByRole('link', { name: 'Export' }).click();
    await page.getByRole('heading', { name: 'Export the report' }).waitFor();
    const md = await download(page, 'Download Markdown');
    expect(md.name).toMatch(/^cross-border-pilots-report-\d{4}-\d{2}-\d{2}\.md$/);
    expect(md.body.toString()).toContain(`### 1\\. ${RECOMMENDATION}`);
    const docx = await download(page, 'Download Word (DOCX)');
    expect(docx.name).toMatch(/\.docx$/);
    expect(docx.body.subarray(0, 2).toString()).toBe('PK');
    const csv = await download(page, 'Download notes (CSV)');
    expect(csv.name).toMatch(/\.csv$/);
    expect(csv.body.toString().replace(/^\ufeff/, '')).toMatch(
      /^phase,cluster,text,author,organisation,votes,created_at_utc,created_at \(Europe\/Paris\),theme\r\n/,
    );
    const json = await download(page, 'Download the whole workshop (JSON)');
    expect(JSON.parse(json.body.toString())).toMatchObject({
      format: 'crossboard-workshop',
      version: WORKSHOP_JSON_VERSION,
      recommendations: [{ title: RECOMMENDATION }],
    });
    const template = await download(page, 'Save this workshop’s structure as a template');
    expect(JSON.parse(template.body.toString())).toMatchObject({ format: 'crossboard-template', homeTimeZone: 'Europe/Paris' });
    await expect(page.getByRole('status').textContent()).resolves.toMatch(/^Downloaded .*\.template\.json\.$/);

    // The printable page, as paper sees it.
    await page.getByRole('link', { name: 'Open the printable report' }).click();
    await page.getByRole('heading', { name: 'Recommendations and action steps' }).waitFor();
    await page.emulateMedia({ media: 'print' });
    const text = await page.locator('main').innerText();
    expect(text).toContain(`1. ${RECOMMENDATION}`);
    expect(text).toContain('Reserve scale-up funds from day one.');
    expect(text).toContain(STEP);
    expect(text).toContain('Olga Organiser');
    expect(await page.getByRole('button', { name: 'Print or save as PDF' }).isVisible()).toBe(false);
    const png = join(tmpdir(), `crossboard-printable-report-${w.id}.png`);
    await page.screenshot({ path: png, fullPage: true });
    expect(statSync(png).size).toBeGreaterThan(10_000);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    console.log(`printable report screenshot: ${png}`);
    await context.close();
  });

  it('tells a participant the export is not for them, and the server refuses them', async () => {
    const w = await server.createWorkshop({ title: 'Cross-border pilots' });
    const join = await fetch(`${server.url}/api/workshops/${w.id}/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Ana', organisation: 'Bogotá', country: 'CO', timeZone: 'America/Bogota', language: 'en' }),
    });
    const ana = (await join.json()) as { token: string; participantId: string };
    const res = await fetch(`${server.url}/api/workshops/${w.id}/export?format=docx`, {
      headers: { authorization: `Bearer ${ana.token}` },
    });
    expect(res.status).toBe(403);
    const context = await signedInContext(browser, w.id, { token: ana.token, personId: ana.participantId, role: 'participant' });
    const page = await context.newPage();
    await page.goto(`${server.url}/w/${w.id}/export`);
    await expect(page.getByRole('alert').textContent()).resolves.toBe('Only the facilitator and organisers can export the report.');
    await context.close();
  });
});
