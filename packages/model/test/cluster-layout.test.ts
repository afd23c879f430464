import { describe, expect, it } from 'vitest';
import {
  CELL_WIDTH,
  countOverlaps,
  FRAME_PADDING,
  FRAME_TITLE_BAND,
  frameSize,
  NOTE_HEIGHT,
  NOTE_WIDTH,
  overlapArea,
  placeFrame,
  type Point,
  type Rect,
  stackInColumns,
  tidyPhase,
} from '../src/index.ts';

/** A fixed pseudo-random sequence, so the table is the same on every run. */
function numbers(seed: number): () => number {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 32;
  };
}

/** The frame drawn around notes (what the board's ClusterLayer draws). */
function frameOf(notes: Point[], heightOf: (p: Point) => number = () => NOTE_HEIGHT): Rect {
  const left = Math.min(...notes.map((n) => n.x)) - FRAME_PADDING;
  const top = Math.min(...notes.map((n) => n.y)) - FRAME_PADDING - FRAME_TITLE_BAND;
  const right = Math.max(...notes.map((n) => n.x + NOTE_WIDTH)) + FRAME_PADDING;
  const bottom = Math.max(...notes.map((n) => n.y + heightOf(n))) + FRAME_PADDING;
  return { x: left, y: top, width: right - left, height: bottom - top };
}

function boundsOf(rects: Rect[]): Rect {
  const x = Math.min(...rects.map((r) => r.x));
  const y = Math.min(...rects.map((r) => r.y));
  return {
    x,
    y,
    width: Math.max(...rects.map((r) => r.x + r.width)) - x,
    height: Math.max(...rects.map((r) => r.y + r.height)) - y,
  };
}

const pairsOverlapping = (rects: Rect[]) => {
  let n = 0;
  for (let i = 0; i < rects.length; i++) for (let j = i + 1; j < rects.length; j++) if (overlapArea(rects[i]!, rects[j]!) > 0) n++;
  return n;
};

describe('tidy up', () => {
  it.each([3, 7, 14])('%i clusters of 2–8 notes, some long: a landscape shape, no overlaps, every note in its frame', (count) => {
    const next = numbers(count);
    const clusters = Array.from({ length: count }, (_, c) => ({
      id: `c${c}`,
      noteIds: Array.from({ length: 2 + Math.floor(next() * 7) }, (_, i) => `c${c}-n${i}`),
    }));
    const heights = new Map<string, number>();
    for (const c of clusters) for (const id of c.noteIds) heights.set(id, next() < 0.2 ? 260 : NOTE_HEIGHT);
    const layout = tidyPhase({ clusters, unclustered: ['u0', 'u1'], start: { x: 40, y: -60 }, heights });
    const height = (id: string) => heights.get(id) ?? NOTE_HEIGHT;
    const noteRects = [...layout.notes].map(([id, p]) => ({ ...p, width: NOTE_WIDTH, height: height(id) }));
    const frames = clusters.map((c) => {
      const members = c.noteIds.map((id) => ({ ...layout.notes.get(id)!, id }));
      return frameOf(members, (p) => height((p as Point & { id: string }).id));
    });
    const all = boundsOf([...frames, ...noteRects]);
    const aspect = all.width / all.height;
    expect(aspect).toBeGreaterThanOrEqual(1.0);
    expect(aspect).toBeLessThanOrEqual(2.5);
    expect(pairsOverlapping(noteRects)).toBe(0);
    expect(pairsOverlapping(frames)).toBe(0);
    // Every note inside its own frame and no other.
    for (const [c, cluster] of clusters.entries()) {
      for (const id of cluster.noteIds) {
        const r = noteRects.find((n) => n.x === layout.notes.get(id)!.x && n.y === layout.notes.get(id)!.y)!;
        frames.forEach((f, k) => {
          const inside = r.x >= f.x && r.y >= f.y && r.x + r.width <= f.x + f.width && r.y + r.height <= f.y + f.height;
          expect(inside).toBe(k === c);
        });
      }
    }
    // Loose notes stay out of every frame.
    for (const id of ['u0', 'u1']) {
      const r = { ...layout.notes.get(id)!, width: NOTE_WIDTH, height: NOTE_HEIGHT };
      expect(frames.filter((f) => overlapArea(f, r) > 0)).toEqual([]);
    }
  });

  it('wraps three full clusters into two rows rather than one long one', () => {
    const clusters = ['a', 'b', 'c'].map((id) => ({ id, noteIds: Array.from({ length: 8 }, (_, i) => `${id}${i}`) }));
    const layout = tidyPhase({ clusters, unclustered: [], start: { x: 0, y: 0 } });
    const rows = new Set([...layout.clusters.values()].map((p) => p.y));
    expect(rows.size).toBe(2);
  });

  it('lays loose notes alone in a landscape block', () => {
    const ids = Array.from({ length: 40 }, (_, i) => `u${i}`);
    const layout = tidyPhase({ clusters: [], unclustered: ids, start: { x: 0, y: 0 } });
    const b = boundsOf([...layout.notes.values()].map((p) => ({ ...p, width: NOTE_WIDTH, height: NOTE_HEIGHT })));
    expect(b.width / b.height).toBeGreaterThan(1.2);
    expect(b.width / b.height).toBeLessThan(2);
    expect(countOverlaps([...layout.notes.values()])).toBe(0);
  });
});

describe('frames for accepted suggestions', () => {
  it.each([3, 7, 14])('%i accepted one after another stay on a landscape screen and clear of notes and frames', (count) => {
    const next = numbers(100 + count);
    // Ten unclustered notes in one person's block, as the outline places them.
    const loose: Rect[] = Array.from({ length: 10 }, (_, i) => ({
      x: (i % 4) * CELL_WIDTH,
      y: Math.floor(i / 4) * 174,
      width: NOTE_WIDTH,
      height: NOTE_HEIGHT,
    }));
    const frames: Rect[] = [];
    for (let c = 0; c < count; c++) {
      const size = frameSize(stackInColumns(Array.from({ length: 2 + Math.floor(next() * 7) }, () => NOTE_HEIGHT)));
      const obstacles = [...loose, ...frames];
      const all = boundsOf(obstacles);
      const p = placeFrame({ obstacles, size, near: { x: all.x + all.width / 2, y: all.y + all.height / 2 } });
      frames.push({ ...p, ...size });
    }
    expect(pairsOverlapping([...loose, ...frames])).toBe(0);
    const all = boundsOf([...loose, ...frames]);
    expect(all.width / all.height).toBeGreaterThanOrEqual(1.0);
    expect(all.width / all.height).toBeLessThanOrEqual(2.5);
  });

  it('goes beside the notes when there is room, not after the last frame in a row', () => {
    const obstacles: Rect[] = [
      { x: 0, y: 0, width: 700, height: 400 },
      { x: 800, y: 0, width: 700, height: 400 },
    ];
    const p = placeFrame({ obstacles, size: { width: 700, height: 400 }, near: { x: 750, y: 200 } });
    // A second row (above or below), within the width the two frames already take.
    expect(p.y >= 400 || p.y + 400 <= 0).toBe(true);
    expect(p.x + 700).toBeLessThanOrEqual(1500);
  });
});
