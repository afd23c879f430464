import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderHook } from '@testing-library/react';
import * as Y from 'yjs';
import { boardClusters, createCluster, createNote, boardNotes } from '@crossboard/model';
import { fitRect, MIN_ZOOM } from '../src/board/geometry.ts';
import { useBoardUi } from '../src/board/board-ui-store.ts';
import { NEW_FRAME_MS, useFitOnNewFrames } from '../src/board/use-fit-on-new-frames.ts';

const screen = { panX: 40, panY: 40, zoom: 1, width: 1000, height: 600 };
/** The board rectangle the viewport shows. */
const shown = (v: typeof screen) => ({
  left: -v.panX / v.zoom,
  top: -v.panY / v.zoom,
  right: (v.width - v.panX) / v.zoom,
  bottom: (v.height - v.panY) / v.zoom,
});

afterEach(() => vi.useRealTimers());

describe('fitting the view to the board', () => {
  it('zooms out until a wide board is all in view, centred', () => {
    const v = fitRect(screen, { x: 2000, y: -300, width: 3000, height: 1200 });
    const s = shown(v);
    expect(s.left).toBeLessThanOrEqual(2000);
    expect(s.right).toBeGreaterThanOrEqual(5000);
    expect(s.top).toBeLessThanOrEqual(-300);
    expect(s.bottom).toBeGreaterThanOrEqual(900);
    expect((s.left + s.right) / 2).toBeCloseTo(3500);
  });

  it('never zooms in past 100 % nor out past the minimum zoom', () => {
    expect(fitRect(screen, { x: 0, y: 0, width: 200, height: 150 }).zoom).toBe(1);
    expect(fitRect(screen, { x: 0, y: 0, width: 40_000, height: 30_000 }).zoom).toBe(MIN_ZOOM);
  });
});

describe("a facilitator's board when frames arrive", () => {
  function boardWithFrameFarRight(createdAt: number) {
    const doc = new Y.Doc();
    createNote(boardNotes(doc), { phase: 'painPoints', text: 'Here', x: 0, y: 0 });
    useBoardUi.getState().setViewport(screen);
    renderHook(() => useFitOnNewFrames(doc, 'painPoints', true));
    createCluster(boardClusters(doc), { phase: 'painPoints', title: 'Far', x: 3000, y: 200, now: createdAt });
    return doc;
  }

  it('fits the view to a new frame far off to the right', async () => {
    boardWithFrameFarRight(Date.now());
    await vi.waitFor(() => expect(shown(useBoardUi.getState().viewport).right).toBeGreaterThanOrEqual(3000 + 248));
  });

  it('leaves the view alone for frames that are not new (a board being opened)', async () => {
    boardWithFrameFarRight(Date.now() - NEW_FRAME_MS - 1000);
    await new Promise((r) => setTimeout(r, 150));
    expect(useBoardUi.getState().viewport).toMatchObject({ panX: 40, panY: 40, zoom: 1 });
  });
});
