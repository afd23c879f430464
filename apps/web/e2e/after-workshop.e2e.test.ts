import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { startServer, type RunningServer } from './harness/server.ts';
import { launchChromium } from '@crossboard/testkit';
import { eventually } from './harness/people.ts';

/**
 * Issue 16 end to end: an organiser groups two workshops into a series, merges two
 * recommendations that say the same thing, hands a step owner a follow-up link; the owner,
 * in a browser of their own, marks the step done; the follow-up page shows it; the public page
 * credits the contributors. The workshops' notes and recommendations are set up through the
 * import API (the long UI path for them has tests of its own); everything after is the UI.
 */
let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await server?.stop();
});

const STEP = 'Open a shared quay office';
const OWNER = 'Port authority';

interface Seed {
  title: string;
  recommendation: string;
  step: string;
  participants: { name: string; organisation: string; country: string; credit: 'named' | 'organisation' | 'none' }[];
}

/** A finished workshop as an export file: people with their credit choice, notes, one recommendation with a step. */
function workshopFile(seed: Seed) {
  const people = [
    { id: 'fac', name: `${seed.title} facilitator`, organisation: 'OPSI', country: 'France', role: 'facilitator', credit: 'named' },
    ...seed.participants.map((p, i) => ({ id: `p${i}`, ...p, role: 'participant' })),
  ];
  return {
    format: 'crossboard-workshop',
    version: 2,
    workshop: {
      title: seed.title,
      purpose: 'Cross-border pilots that last',
      themes: [],
      homeTimeZone: 'Europe/Paris',
      sessions: [{ label: 'Session 1', start: '2026-06-03T13:30:00.000Z', end: '2026-06-03T16:00:00.000Z' }],
      anonymous: false,
    },
    people,
    clusters: [],
    notes: seed.participants.map((p, i) => ({
      id: `n${i}`,
      phase: 'painPoints',
      text: `Pilots are budgeted to fail (${seed.title}, note ${i + 1})`,
      authorId: `p${i}`,
      clusterId: null,
      theme: null,
      colour: 'yellow',
      createdAt: '2026-06-03T14:00:00.000Z',
      votes: 0,
    })),
    votingRounds: [],
    recommendations: [
      {
        id: 'r1',
        title: seed.recommendation,
        description: 'Plan for success from day one.',
        order: 1,
        sourceClusterId: null,
        painPointLinks: [],
        visionLinks: [],
        actionSteps: [{ id: 's1', text: seed.step, owner: OWNER, horizon: 'short', status: 'agreed' }],
      },
    ],
  };
}

async function post<T>(path: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Imports the workshop and invites the organiser into it: their credential for this browser. */
async function seedWorkshop(seed: Seed) {
  const w = await post<{ id: string; facilitatorToken: string }>('/api/workshops/import', workshopFile(seed));
  const organiser = await post<{ token: string; personId: string }>(
    `/api/workshops/${w.id}/invitations`,
    { role: 'organiser', name: 'Olga Organiser' },
    w.facilitatorToken,
  );
  return {
    id: w.id,
    credential: { token: organiser.token, personId: organiser.personId, role: 'organiser' as const, timeZone: 'Europe/Paris' },
  };
}

describe('after the workshop', () => {
  it('series, merge, follow-up link, the owner marks a step done, and the public page credits everyone', async () => {
    const lyon = await seedWorkshop({
      title: 'Lyon session',
      recommendation: 'Budget pilots assuming success',
      step: STEP,
      participants: [
        { name: 'Camille Durand', organisation: 'Métropole de Lyon', country: 'France', credit: 'named' },
        { name: 'Hidden Person', organisation: 'Quiet agency', country: 'Belgium', credit: 'none' },
      ],
    });
    const gdansk = await seedWorkshop({
      title: 'Gdańsk session',
      recommendation: 'Fund pilots as if they will work',
      step: 'Ring-fence scale-up funds',
      participants: [{ name: 'Dawid Nowak', organisation: 'Gdańsk Council', country: 'Poland', credit: 'named' }],
    });

    // The organiser's browser holds both workshops' credentials, as after accepting both invitations.
    const organiser = await browser.newContext({ timezoneId: 'Europe/Paris' });
    contexts.push(organiser);
    await organiser.addInitScript(
      (stored) => {
        for (const [id, credential] of stored) localStorage.setItem(`crossboard:workshop:${id}`, credential);
      },
      [lyon, gdansk].map((w) => [w.id, JSON.stringify(w.credential)] as const),
    );
    const page = await organiser.newPage();

    // The series: made from Lyon, then Gdańsk added from the workshops this browser runs.
    await page.goto(`${server.url}/w/${lyon.id}/series`);
    await page.getByLabel('Series title').fill('Cities that move');
    await page.getByRole('button', { name: 'Create the series' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cities that move' }).waitFor();
    await page.getByRole('button', { name: 'Add “Gdańsk session”' }).click();
    const workshops = page.getByRole('region', { name: 'Workshops', exact: true });
    await eventually(async () => expect(await workshops.textContent()).toContain('Gdańsk session'));

    // Merge Gdańsk's recommendation into Lyon's: one entry, both sources.
    const mergeInto = page.getByLabel('Merge “Fund pilots as if they will work” into');
    await mergeInto.selectOption({ label: 'Budget pilots assuming success (Lyon session)' });
    await page.locator('.series-merge').filter({ has: mergeInto }).getByRole('button', { name: 'Merge', exact: true }).click();
    const recommendations = page.getByRole('region', { name: 'Recommendations', exact: true });
    await eventually(async () =>
      expect(await recommendations.textContent()).toContain(
        'From Lyon session (Budget pilots assuming success); Gdańsk session (Fund pilots as if they will work)',
      ),
    );
    await expect(page.getByRole('heading', { name: /Fund pilots as if they will work/ }).count()).resolves.toBe(0);

    // A follow-up link for the Port authority, from Lyon's follow-up page.
    await page.goto(`${server.url}/w/${lyon.id}/followup`);
    await page.getByRole('button', { name: `Make a link for ${OWNER}` }).click();
    const linkBox = page.getByLabel(`Follow-up link for ${OWNER}`);
    await linkBox.waitFor();
    const link = await linkBox.inputValue();
    expect(link).toMatch(/\/f\/[A-Za-z0-9_-]{43}$/);

    // The owner, in a fresh browser with nothing stored, marks the step done.
    const owner = await browser.newContext({ timezoneId: 'Europe/Warsaw' });
    contexts.push(owner);
    const ownerPage = await owner.newPage();
    await ownerPage.goto(link);
    await ownerPage.getByLabel(`Status of “${STEP}”`).selectOption({ label: 'Done' });
    await ownerPage.getByLabel(`Progress note on “${STEP}”`, { exact: false }).fill('Office opened on the quay.');
    await ownerPage.getByRole('button', { name: 'Save update' }).click();
    await ownerPage.getByText(`Saved: “${STEP}”.`).waitFor();
    // The link reaches only this owner's steps: Gdańsk's step is not on it.
    expect(await ownerPage.getByText('Ring-fence scale-up funds').count()).toBe(0);

    // The organiser's follow-up page shows the step done, with the owner's note in its history.
    await page.reload();
    const step = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: STEP }) });
    await eventually(async () => expect(await step.locator('.followup-status').textContent()).toBe('Done'));
    await step.getByText(/History \(1\)/).click();
    await expect(step.getByText('Office opened on the quay.').isVisible()).resolves.toBe(true);

    // Publish the series; the public page, opened without any credential, credits contributors as they chose.
    await page.goto(`${server.url}/w/${lyon.id}/series`);
    await page.getByRole('link', { name: 'Open the series' }).click();
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const publicLink = page.getByLabel('Public link');
    await publicLink.waitFor();
    const publicUrl = await publicLink.inputValue();
    const reader = await browser.newContext();
    contexts.push(reader);
    const publicPage = await reader.newPage();
    await publicPage.goto(publicUrl);
    const text = (await publicPage.textContent('body')) ?? '';
    for (const name of ['Camille Durand', 'Dawid Nowak', 'Métropole de Lyon', 'Gdańsk Council']) expect(text).toContain(name);
    // Who chose not to be credited is neither named nor counted under their organisation.
    for (const hidden of ['Hidden Person', 'Quiet agency']) expect(text).not.toContain(hidden);
    expect(text).toContain('Budget pilots assuming success');
  });
});
