import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
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

describe('inviting an organiser from the console', () => {
  it('the facilitator makes a link; the organiser opens it in another browser and lands on the report as themselves', async () => {
    const w = await server.createWorkshop({ title: 'Cross-border pilots' });
    const facContext = await signedInContext(browser, w.id, { token: w.facilitatorToken, personId: w.facilitatorId, role: 'facilitator' });
    const fac = await facContext.newPage();
    await fac.goto(`${server.url}/w/${w.id}/console`);
    await fac.getByRole('heading', { name: 'Facilitator console' }).waitFor({ timeout: 30_000 });

    const invite = fac.getByRole('region', { name: 'Invite' });
    await invite.getByRole('combobox', { name: 'Role' }).selectOption('organiser');
    await invite.getByRole('textbox', { name: 'Name', exact: true }).fill('Olga Berg');
    await invite.getByRole('textbox', { name: 'Organisation' }).fill('Region of Skåne');
    await invite.getByRole('button', { name: 'Create invitation link' }).click();
    const linkField = invite.getByRole('textbox', { name: 'Invitation link for Olga Berg' });
    await linkField.waitFor();
    const link = await linkField.inputValue();
    expect(link).toMatch(new RegExp(`^${server.url}/w/${w.id}/accept#token=.+`));
    const token = decodeURIComponent(new URL(link).hash.slice('#token='.length));
    const png = join(tmpdir(), 'crossboard-invite-panel.png');
    await invite.screenshot({ path: png });
    console.log(`invite panel screenshot: ${png}`);

    // The organiser, in a browser that has never seen this workshop.
    const orgContext = await browser.newContext();
    const org = await orgContext.newPage();
    const requested: string[] = [];
    org.on('request', (r) => requested.push(r.url()));
    await org.goto(link);
    await org.waitForURL(`${server.url}/w/${w.id}/report`, { timeout: 30_000 });
    await org.getByRole('heading', { name: /Report: Cross-border pilots/ }).waitFor({ timeout: 30_000 });
    // Staff links show only for a facilitator or an organiser.
    await org.getByRole('link', { name: 'Export' }).waitFor();
    expect(new URL(org.url()).hash).toBe('');
    const saved = JSON.parse((await org.evaluate((id) => localStorage.getItem(`crossboard:workshop:${id}`), w.id))!);
    expect(saved).toMatchObject({ token, role: 'organiser', name: 'Olga Berg', organisation: 'Region of Skåne' });
    // The token went to the server in a header, never in an address it could log.
    const sent = requested.map((u) => u.split('#')[0]!);
    expect(sent.filter((u) => u.includes(token) || u.includes(encodeURIComponent(token)))).toEqual([]);

    // Back in the console, the new organiser is among the people.
    await eventually(async () => {
      expect(await fac.getByRole('button', { name: 'Remove Olga Berg' }).count()).toBe(1);
    });

    await orgContext.close();
    await facContext.close();
  });
});
