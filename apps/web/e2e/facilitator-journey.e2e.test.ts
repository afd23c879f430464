import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer, type RunningServer } from './harness/server.ts';
import { launchChromium } from '@crossboard/testkit';
import { eventually, noteByText } from './harness/people.ts';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

// Screenshots for the note, only when asked: JOURNEY_SHOTS=/tmp/shots/journey
const SHOTS = process.env.JOURNEY_SHOTS;
async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: false });
}

// June of next year, so the sessions are always ahead of the clock.
const YEAR = new Date().getUTCFullYear() + 1;
const JUNE_DAYS = ['03', '07', '10'];

/** The wizard as a first-time facilitator goes through it: template, about, sessions, run of show, review. */
async function createCrossBorderWorkshop(page: Page, title: string, shots = '', { sessions = true } = {}) {
  await page.goto(server.url + '/');
  await page.getByRole('heading', { name: /Step 1 of 5/ }).waitFor();
  await expect(page.getByRole('radio', { name: /Cross-border, three phases/ }).isChecked()).resolves.toBe(true);
  await shot(page, `${shots}wizard-1-start`);
  await page.getByRole('button', { name: 'Next' }).click();

  await page.getByRole('heading', { name: /Step 2 of 5/ }).waitFor();
  await page.getByLabel('Title').fill(title);
  await expect(page.getByLabel('Question for Pain points').inputValue()).resolves.toMatch(/hard/);
  await shot(page, `${shots}wizard-2-about`);
  await page.getByRole('button', { name: 'Next' }).click();

  await page.getByRole('heading', { name: /Step 3 of 5/ }).waitFor();
  await page.getByLabel('Your name').fill('Ana Ruiz');
  await page.getByLabel('Your organisation').fill('OPSI');
  await page.getByLabel('Home time zone').selectOption('Europe/Paris');
  // Without sessions the boards stay open for writing, which a run-through of voting needs today.
  for (const [i, day] of (sessions ? JUNE_DAYS : []).entries()) {
    await page.getByRole('button', { name: 'Add a session' }).click();
    const session = page.getByRole('group', { name: `Session ${i + 1}` });
    await session.getByLabel('Date').fill(`${YEAR}-06-${day}`);
    await session.getByLabel('Starts').fill('15:30');
    await session.getByLabel('Ends').fill('18:00');
  }
  // The live preview: the same session as someone in Dubai will see it.
  if (sessions)
    await expect(page.getByRole('list', { name: 'Session 1 in other time zones' }).textContent()).resolves.toMatch(/Dubai.*17:30–20:00/);
  await shot(page, `${shots}wizard-3-sessions`);
  await page.getByRole('button', { name: 'Next' }).click();

  await page.getByRole('heading', { name: /Step 4 of 5/ }).waitFor();
  if (sessions) await expect(page.getByText('150 minutes of a 150-minute session').isVisible()).resolves.toBe(true);
  await shot(page, `${shots}wizard-4-agenda`);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('heading', { name: /Step 5 of 5/ }).waitFor();
  await page.getByRole('button', { name: 'Create workshop' }).click();
  await page.getByRole('heading', { name: `“${title}” is ready` }).waitFor({ timeout: 30_000 });
  await shot(page, `${shots}wizard-5-ready`);
  const facilitatorLink = await page.getByLabel('Your private facilitator link').inputValue();
  const participantLink = await page.getByRole('textbox', { name: 'Participant link' }).inputValue();
  return { facilitatorLink, participantLink };
}

async function fillJoinForm(page: Page, participantLink: string) {
  await page.goto(participantLink);
  await page.getByLabel('Your name').fill('Noor Haddad');
  await page.getByLabel('Organisation').fill('Mohammed Bin Rashid Centre for Government Innovation');
  await page.getByLabel('Country').fill('AE');
  await page.getByRole('button', { name: 'Join', exact: true }).click();
}

async function joinFromDubai(context: BrowserContext, participantLink: string): Promise<Page> {
  const page = await context.newPage();
  await fillJoinForm(page, participantLink);
  await page.getByRole('region', { name: 'Pain points board' }).waitFor({ timeout: 30_000 });
  return page;
}

/** What Chromium reports against the server's Content-Security-Policy, for the whole run. */
const cspViolations: string[] = [];
function watchCsp(page: Page): Page {
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
  });
  return page;
}

async function writeNote(page: Page, text: string) {
  await page.getByRole('button', { name: 'New note' }).first().click();
  const editor = page.getByRole('textbox', { name: 'Note text' });
  await editor.waitFor();
  await editor.pressSequentially(text);
  await editor.press('Escape');
}

/** One dot-voting round from the console: open it on a phase's notes, the participant votes, close it. */
async function runVotingRound(fac: Page, participant: Page, phase: string, note: RegExp) {
  const voting = fac.getByRole('region', { name: 'Dot voting' });
  await voting.getByRole('combobox', { name: /^Phase/ }).selectOption({ label: phase });
  await voting.getByRole('radio', { name: 'Notes' }).check();
  await voting.getByLabel('Dots per person').fill('2');
  await voting.getByRole('button', { name: 'Open voting' }).click();
  await participant.getByText('You have 2 of 2 dots left.').waitFor({ timeout: 15_000 });
  await participant.getByRole('region', { name: 'Dot voting' }).getByRole('button', { name: note }).click();
  await participant.getByText('You have 1 of 2 dots left.').waitFor();
  await voting.getByRole('button', { name: 'Close voting and publish results' }).click();
  await voting.getByRole('button', { name: 'Open voting' }).waitFor();
}

async function download(page: Page, button: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return readFileSync(await file.path());
}

/** The words of a .docx: its main part unzipped, tags dropped. */
function docxText(body: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'journey-docx-'));
  const file = join(dir, 'report.docx');
  writeFileSync(file, body);
  const xml = execFileSync('unzip', ['-p', file, 'word/document.xml']).toString('utf8');
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&');
}

describe('a facilitator sets up, runs and recovers a workshop from the app alone', () => {
  it('creates the cross-border workshop, a participant in Dubai sees it in Dubai time, the facilitator link brings the console back', async () => {
    const first = await browser.newContext({ timezoneId: 'Europe/Paris', locale: 'en-GB', viewport: { width: 1440, height: 900 } });
    const fac = await first.newPage();
    const { facilitatorLink, participantLink } = await createCrossBorderWorkshop(fac, 'Cross-border collaboration, June');

    // The participant's browser is in Dubai: the session and its agenda are in their time.
    const dubai = await browser.newContext({ timezoneId: 'Asia/Dubai', locale: 'en-GB' });
    const noor = await joinFromDubai(dubai, participantLink);
    await noor.getByText(/What makes collaborating across borders and jurisdictions hard\?/).waitFor();
    const agenda = noor.locator('details.agenda-view');
    await expect(agenda.locator('summary').textContent()).resolves.toMatch(/3 June, 17:30–20:00 \(Asia\/Dubai\)/);
    await agenda.locator('summary').click();
    const items = noor.getByRole('list', { name: 'Agenda, times in Asia/Dubai' }).getByRole('listitem');
    await expect(items.first().textContent()).resolves.toMatch(/^17:30–17:45Welcome and check-in/);
    await expect(items.last().textContent()).resolves.toMatch(/^19:50–20:00Wrap-up/);
    await shot(noor, 'participant-agenda-dubai');

    // The facilitator's console: the live strip, then this browser's landing page lists the workshop.
    await fac.getByRole('link', { name: 'Open the console' }).click();
    await fac.getByRole('heading', { name: /Facilitator console/ }).waitFor({ timeout: 30_000 });
    await fac.getByRole('heading', { name: 'Agenda' }).waitFor();
    await eventually(async () => expect(await fac.getByText('1 participant', { exact: true }).count()).toBe(1));
    await shot(fac, 'console-1440x900');
    await fac.goto(server.url + '/');
    const mine = fac.getByRole('region', { name: 'My workshops' });
    await expect(mine.getByRole('listitem').textContent()).resolves.toMatch(
      /Cross-border collaboration, June.*Facilitator.*Next: Thu 3 Jun, 15:30–18:00/,
    );
    await first.close();

    // A fresh browser with only the saved link lands in the console, and remembers the workshop.
    const second = await browser.newContext({ timezoneId: 'Europe/Paris', locale: 'en-GB', viewport: { width: 390, height: 844 } });
    const again = await second.newPage();
    await again.goto(facilitatorLink);
    await again.getByRole('heading', { name: /Facilitator console/ }).waitFor({ timeout: 30_000 });
    expect(new URL(again.url()).pathname).toMatch(/\/console$/);
    expect(again.url()).not.toContain('token=');
    await shot(again, 'console-390x844');
    // The console keeps the title and sessions for "My workshops" once its control room has
    // synced; a facilitator who leaves sooner sees the workshop listed without them.
    await eventually(async () =>
      expect(
        await again.evaluate(() =>
          Object.keys(localStorage)
            .filter((k) => k.startsWith('crossboard:workshop:'))
            .map((k) => JSON.parse(localStorage.getItem(k) ?? '{}').title),
        ),
      ).toContain('Cross-border collaboration, June'),
    );
    await again.goto(server.url + '/');
    await eventually(async () =>
      expect(await again.getByRole('region', { name: 'My workshops' }).textContent()).toMatch(
        /Cross-border collaboration, June.*Next: Thu 3 Jun, 15:30–18:00/,
      ),
    );

    await second.close();
    await dubai.close();
  });

  it('keeps both voting rounds in the Markdown and DOCX, and a removed participant cannot get back in while joining is closed', async () => {
    const facContext = await browser.newContext({
      timezoneId: 'Europe/Paris',
      locale: 'en-GB',
      viewport: { width: 1440, height: 900 },
      acceptDownloads: true,
    });
    const fac = watchCsp(await facContext.newPage());
    const { participantLink } = await createCrossBorderWorkshop(fac, 'Two rounds and a removal', 'rounds-', { sessions: false });
    const dubai = await browser.newContext({ timezoneId: 'Asia/Dubai', locale: 'en-GB' });
    const noor = watchCsp(await joinFromDubai(dubai, participantLink));

    await fac.getByRole('link', { name: 'Open the console' }).click();
    await fac.getByRole('heading', { name: /Facilitator console/ }).waitFor({ timeout: 30_000 });
    await eventually(async () => expect(await fac.getByText('1 participant', { exact: true }).count()).toBe(1));
    // The participant link's QR code is there for the room, under the CSP.
    await fac.getByRole('img', { name: 'QR code for the participant link' }).waitFor();
    await shot(fac, 'console-access-qr');

    // Round 1: pain points.
    await writeNote(noor, 'Customs forms differ on each side');
    await noteByText(noor, /Customs forms differ/)
      .first()
      .waitFor();
    await runVotingRound(fac, noor, 'Pain points', /Put a dot on “Customs forms differ/);

    // Everyone moves to Future visions; round 2 there. Round 1's results must survive it.
    await fac.getByRole('button', { name: 'Next: Future visions' }).click();
    await noor.getByRole('region', { name: 'Future visions board' }).waitFor({ timeout: 15_000 });
    await writeNote(noor, 'One shared permit for both regions');
    await noteByText(noor, /One shared permit/)
      .first()
      .waitFor();
    await runVotingRound(fac, noor, 'Future visions', /Put a dot on “One shared permit/);

    // The downloads, from the export page as the facilitator reaches it.
    await fac.getByRole('link', { name: 'Export' }).first().click();
    await fac.getByRole('heading', { name: 'Export the report' }).waitFor();
    const markdown = (await download(fac, 'Download Markdown')).toString('utf8');
    const word = docxText(await download(fac, 'Download Word (DOCX)'));
    for (const text of [markdown, word]) {
      expect(text).toMatch(/Round 1: Pain points, notes[\s\S]*Customs forms differ on each side/);
      expect(text).toMatch(/Round 2: Future visions, notes[\s\S]*One shared permit for both regions/);
    }

    // Removal with joining closed in the same step: Noor is told, with no way to join again.
    await fac.goBack();
    await fac.getByRole('heading', { name: /Facilitator console/ }).waitFor({ timeout: 30_000 });
    await fac.getByRole('button', { name: 'Remove Noor Haddad' }).click();
    const confirm = fac.getByRole('alertdialog', { name: 'Remove Noor Haddad from the workshop?' });
    await confirm.getByRole('checkbox', { name: /Also close joining/ }).check();
    await confirm.getByRole('button', { name: 'Remove', exact: true }).click();
    await fac.getByText('Joining is closed: no new participants.').waitFor();
    await noor.getByText('The facilitator has removed you from this workshop.').waitFor({ timeout: 15_000 });
    expect(await noor.getByRole('button', { name: 'Join again' }).count()).toBe(0);

    // The same person, the same participant link, a fresh browser and a new name: refused.
    const elsewhere = await browser.newContext({ timezoneId: 'Asia/Dubai', locale: 'en-GB' });
    const back = watchCsp(await elsewhere.newPage());
    await fillJoinForm(back, participantLink);
    await back.getByText('This workshop is not taking new participants; ask the facilitator to reopen joining.').waitFor();
    expect(await back.getByRole('region', { name: /board$/ }).count()).toBe(0);
    // And the removed browser, reloaded, stays out.
    await noor.reload();
    await noor.getByText('The facilitator has removed you from this workshop.').waitFor({ timeout: 15_000 });
    expect(await noor.getByRole('region', { name: 'Future visions board' }).count()).toBe(0);

    expect(cspViolations).toEqual([]);
    await Promise.all([facContext.close(), dubai.close(), elsewhere.close()]);
  });
});
