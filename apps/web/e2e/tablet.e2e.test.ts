import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, CDPSession, Page } from 'playwright-core';
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

type Point = { x: number; y: number };

/** Real touch input through the DevTools protocol: each finger keeps its id from start to end. */
async function touch(cdp: CDPSession, type: 'touchStart' | 'touchMove' | 'touchEnd', points: Point[]): Promise<void> {
  await cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map((p, id) => ({ x: p.x, y: p.y, id })) });
}
async function gesture(cdp: CDPSession, from: Point[], to: Point[], steps = 8): Promise<void> {
  await touch(cdp, 'touchStart', from);
  for (let i = 1; i <= steps; i++) {
    await touch(
      cdp,
      'touchMove',
      from.map((f, k) => ({ x: f.x + ((to[k]!.x - f.x) * i) / steps, y: f.y + ((to[k]!.y - f.y) * i) / steps })),
    );
  }
  await touch(cdp, 'touchEnd', []);
}

const zoomLevel = async (page: Page) => Number((await page.getByRole('button', { name: 'Reset zoom' }).textContent())!.replace('%', ''));
/** The note's place on the board (its Y.Map x, y), as its transform says. */
const boardSpot = (page: Page) =>
  page
    .locator('.note')
    .first()
    .evaluate((el) => {
      const m = /translate\((-?[\d.]+)px, (-?[\d.]+)px\)/.exec((el as HTMLElement).style.transform)!;
      return { x: Number(m[1]), y: Number(m[2]) };
    });
/** The middle of the note's text: a finger there is on the note, not on one of its tools. */
const textMiddle = async (page: Page) => {
  const b = (await page.locator('.note .note__text').first().boundingBox())!;
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
};
const screenSpot = async (page: Page) => {
  const b = (await page.locator('.note').first().boundingBox())!;
  return { x: b.x, y: b.y };
};

describe('a tablet', () => {
  it('pans with a finger, pinches to zoom around the fingers, and long-press drags a note', async () => {
    const w = await server.createWorkshop({ title: 'Tablet workshop' });
    const joined = await fetch(`${server.url}/api/workshops/${w.id}/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Tala Tablet', organisation: 'Apia City', country: 'WS', timeZone: 'Pacific/Apia', language: 'en' }),
    }).then((r) => r.json() as Promise<{ participantId: string; token: string }>);
    const context = await signedInContext(
      browser,
      w.id,
      { token: joined.token, personId: joined.participantId, role: 'participant' },
      { viewport: { width: 1024, height: 768 }, hasTouch: true },
    );
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto(`${server.url}/w/${w.id}`);
    await page.getByRole('region', { name: 'Pain points board' }).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'New note' }).first().click();
    await page.getByRole('textbox', { name: 'Note text' }).waitFor();
    await page.keyboard.type('Ferry timetables do not match');
    await page.keyboard.press('Escape');
    await page.locator('.note .note__text').first().waitFor();

    const surface = (await page.locator('.board__surface').boundingBox())!;
    // An empty spot to the right of the note, well inside the surface.
    const empty = { x: surface.x + surface.width - 200, y: surface.y + surface.height - 150 };

    // One finger on the empty canvas pans it: the note moves on screen, not on the board.
    const board0 = await boardSpot(page);
    const screen0 = await screenSpot(page);
    await gesture(cdp, [empty], [{ x: empty.x - 60, y: empty.y - 40 }]);
    await eventually(async () => {
      const s = await screenSpot(page);
      expect(Math.round(s.x - screen0.x)).toBe(-60);
      expect(Math.round(s.y - screen0.y)).toBe(-40);
    });
    expect(await boardSpot(page)).toEqual(board0);

    // A quick swipe that starts on the note pans too: the note stays where it is on the board.
    const onNote = await screenSpot(page);
    const t0 = await textMiddle(page);
    await gesture(cdp, [t0], [{ x: t0.x + 60, y: t0.y + 40 }], 4);
    await eventually(async () => expect(Math.round((await screenSpot(page)).x - onNote.x)).toBe(60));
    expect(await boardSpot(page)).toEqual(board0);

    // Two fingers spreading apart zoom in around their midpoint, which stays over the same spot.
    expect(await zoomLevel(page)).toBe(100);
    const beforePinch = await screenSpot(page);
    const mid = { x: empty.x - 100, y: empty.y - 100 };
    await gesture(
      cdp,
      [
        { x: mid.x - 50, y: mid.y },
        { x: mid.x + 50, y: mid.y },
      ],
      [
        { x: mid.x - 100, y: mid.y },
        { x: mid.x + 100, y: mid.y },
      ],
    );
    await eventually(async () => expect(await zoomLevel(page)).toBe(200));
    const afterPinch = await screenSpot(page);
    // Zoom by 2 around `mid`: a point p goes to mid + 2 (p − mid).
    expect(afterPinch.x).toBeCloseTo(mid.x + 2 * (beforePinch.x - mid.x), -1);
    expect(afterPinch.y).toBeCloseTo(mid.y + 2 * (beforePinch.y - mid.y), -1);
    expect(await boardSpot(page)).toEqual(board0);

    // A long press picks the note up; the finger then moves it (by screen px ÷ zoom on the board).
    const finger = await textMiddle(page);
    await touch(cdp, 'touchStart', [finger]);
    await page.waitForTimeout(700);
    for (let i = 1; i <= 8; i++) await touch(cdp, 'touchMove', [{ x: finger.x + i * 20, y: finger.y + i * 10 }]);
    await touch(cdp, 'touchEnd', []);
    await eventually(async () => expect(await boardSpot(page)).toEqual({ x: board0.x + 80, y: board0.y + 40 }));
    expect(await zoomLevel(page)).toBe(200);

    await context.close();
  });
});
