/**
 * Where cluster frames go: "Tidy up" and accepted suggestions. Both keep the clusters area the
 * shape of a landscape screen, so a facilitator sees every cluster at once instead of a row
 * that runs off the right edge. Pure geometry on the shared grid: every client agrees.
 */
import { BLOCK_COLUMNS, BLOCK_GAP } from './arrange.ts';
import {
  CELL_HEIGHT,
  CELL_WIDTH,
  FRAME_PADDING,
  FRAME_TITLE_BAND,
  NOTE_GAP,
  NOTE_HEIGHT,
  type Point,
  type Rect,
  SpatialIndex,
} from './placement.ts';

/** The shape the clusters area aims for: a 16:10 screen. */
export const TARGET_ASPECT = 1.6;
/** Space kept between a new frame and any note or frame already on the board. */
export const FRAME_CLEARANCE = 2 * NOTE_GAP;

export interface StackedBlock {
  /** Each note's top-left, relative to the block's first note. */
  positions: Point[];
  width: number;
  height: number;
}

/**
 * A cluster's notes in BLOCK_COLUMNS columns, each note under the shortest column (as a note
 * joining later goes), so long notes make their column taller rather than covering the next.
 */
export function stackInColumns(heights: number[]): StackedBlock {
  const columns = Math.max(1, Math.min(BLOCK_COLUMNS, heights.length));
  const bottoms = Array.from({ length: columns }, () => 0);
  const positions = heights.map((h) => {
    const col = bottoms.indexOf(Math.min(...bottoms));
    const p = { x: col * CELL_WIDTH, y: bottoms[col]! };
    bottoms[col]! += h + NOTE_GAP;
    return p;
  });
  const height = heights.length ? Math.max(...bottoms) - NOTE_GAP : NOTE_HEIGHT;
  return { positions, width: columns * CELL_WIDTH - NOTE_GAP, height };
}

/** A frame's size around a block of notes: padding all round, the title band on top. */
export function frameSize(block: { width: number; height: number }): { width: number; height: number } {
  return { width: block.width + 2 * FRAME_PADDING, height: block.height + 2 * FRAME_PADDING + FRAME_TITLE_BAND };
}

function bounds(rects: Iterable<Rect>): Rect | null {
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const r of rects) {
    left = Math.min(left, r.x);
    top = Math.min(top, r.y);
    right = Math.max(right, r.x + r.width);
    bottom = Math.max(bottom, r.y + r.height);
  }
  return left === Infinity ? null : { x: left, y: top, width: right - left, height: bottom - top };
}

/** The side of the smallest 16:10 screen that shows the whole rectangle: what a fit-to-view zooms to. */
const screenNeeded = (r: Rect) => Math.max(r.width / TARGET_ASPECT, r.height);

export interface FramePlacement {
  /** Notes that stay where they are and the phase's other frames, in board coordinates. */
  obstacles: Rect[];
  /** The new frame's size (frameSize of its block). */
  size: { width: number; height: number };
  /** Where the facilitator looks (the middle of the phase's notes and frames). */
  near: Point;
}

/**
 * The top-left of a new frame: a free grid cell, clear of every obstacle, chosen so the whole
 * phase (obstacles and frame) needs the smallest 16:10 screen, nearest `near` among equals.
 * So frames fill gaps and wrap into rows instead of queueing to the right.
 */
export function placeFrame({ obstacles, size, near }: FramePlacement): Point {
  const all = bounds(obstacles);
  const snap = (p: Point) => ({ x: Math.round(p.x / CELL_WIDTH) * CELL_WIDTH, y: Math.round(p.y / CELL_HEIGHT) * CELL_HEIGHT });
  if (!all) return snap({ x: near.x - size.width / 2, y: near.y - size.height / 2 });
  const index = new SpatialIndex(obstacles);
  const cx0 = Math.floor((all.x - size.width - FRAME_CLEARANCE) / CELL_WIDTH) - 1;
  const cx1 = Math.ceil((all.x + all.width + FRAME_CLEARANCE) / CELL_WIDTH) + 1;
  const cy0 = Math.floor((all.y - size.height - FRAME_CLEARANCE) / CELL_HEIGHT) - 1;
  const cy1 = Math.ceil((all.y + all.height + FRAME_CLEARANCE) / CELL_HEIGHT) + 1;
  let best: { p: Point; cost: number; d: number } | null = null;
  for (let cy = cy0; cy <= cy1; cy++) {
    for (let cx = cx0; cx <= cx1; cx++) {
      const p = { x: cx * CELL_WIDTH, y: cy * CELL_HEIGHT };
      const frame = { ...p, ...size };
      if (!index.isFree(frame, FRAME_CLEARANCE)) continue;
      const cost = Math.round(screenNeeded(bounds([all, frame])!));
      const d = Math.hypot(p.x + size.width / 2 - near.x, 1.5 * (p.y + size.height / 2 - near.y));
      if (!best || cost < best.cost || (cost === best.cost && d < best.d)) best = { p, cost, d };
    }
  }
  // The ring around everything is always free, so this is a guard only.
  return best?.p ?? { x: (cx1 + 1) * CELL_WIDTH, y: all.y };
}

export interface TidyInput {
  clusters: { id: string; noteIds: string[] }[];
  unclustered: string[];
  /** Where the arrangement starts (the board's current top-left, so nobody loses their place). */
  start: Point;
  /** Each note's height on screen (long notes are taller); NOTE_HEIGHT when not given. */
  heights?: Map<string, number>;
}

export interface TidyLayout {
  notes: Map<string, Point>;
  /** A cluster's anchor, its first note's spot (its frame is drawn around its notes; an empty one sits here). */
  clusters: Map<string, Point>;
}

/** Loose notes in rows of `columns`, each row as tall as its tallest note. */
function rowsOf(heights: number[], columns: number): StackedBlock {
  const positions: Point[] = [];
  let y = 0;
  for (let i = 0; i < heights.length; i += columns) {
    const row = heights.slice(i, i + columns);
    row.forEach((_, k) => positions.push({ x: k * CELL_WIDTH, y }));
    y += Math.max(...row) + NOTE_GAP;
  }
  return { positions, width: Math.min(columns, heights.length) * CELL_WIDTH - NOTE_GAP, height: y - NOTE_GAP };
}

interface Trial {
  origins: Point[];
  loose: StackedBlock | null;
  looseAt: Point;
  aspect: number;
}

/**
 * "Tidy up": every cluster a block in its frame, the blocks in rows that wrap at the width
 * giving the whole phase the shape nearest 16:10; the unclustered notes in rows as wide as the
 * clusters area, below it.
 */
export function tidyPhase({ clusters, unclustered, start, heights }: TidyInput): TidyLayout {
  const heightOf = (id: string) => heights?.get(id) ?? NOTE_HEIGHT;
  const blocks = clusters.map((c) => stackInColumns(c.noteIds.map(heightOf)));
  const looseHeights = unclustered.map(heightOf);
  const trial = (perRow: number): Trial => {
    const origins: Point[] = [];
    let x = 0;
    let y = 0;
    let rowHeight = 0;
    let width = 0;
    blocks.forEach((b, i) => {
      if (i > 0 && i % perRow === 0) {
        x = 0;
        y += rowHeight + BLOCK_GAP;
        rowHeight = 0;
      }
      origins.push({ x, y });
      width = Math.max(width, x + b.width);
      x += b.width + BLOCK_GAP;
      rowHeight = Math.max(rowHeight, b.height);
    });
    let height = blocks.length ? y + rowHeight : 0;
    let loose: StackedBlock | null = null;
    const looseAt = { x: 0, y: blocks.length ? height + BLOCK_GAP : 0 };
    if (looseHeights.length) {
      // Alone, loose notes take a 16:10 shape of their own; after clusters, their width.
      const columns = blocks.length
        ? Math.max(BLOCK_COLUMNS, Math.floor((width + NOTE_GAP) / CELL_WIDTH))
        : Math.max(1, Math.round(Math.sqrt((looseHeights.length * TARGET_ASPECT * CELL_HEIGHT) / CELL_WIDTH)));
      loose = rowsOf(looseHeights, columns);
      width = Math.max(width, loose.width);
      height = looseAt.y + loose.height;
    }
    return { origins, loose, looseAt, aspect: width / Math.max(1, height) };
  };
  let best = trial(Math.max(1, blocks.length));
  for (let perRow = 1; perRow < blocks.length; perRow++) {
    const t = trial(perRow);
    if (Math.abs(Math.log(t.aspect / TARGET_ASPECT)) < Math.abs(Math.log(best.aspect / TARGET_ASPECT))) best = t;
  }
  const notes = new Map<string, Point>();
  const anchors = new Map<string, Point>();
  const at = (o: Point, p: Point) => ({ x: start.x + o.x + p.x, y: start.y + o.y + p.y });
  clusters.forEach((c, i) => {
    const o = best.origins[i]!;
    anchors.set(c.id, at(o, { x: 0, y: 0 }));
    c.noteIds.forEach((id, k) => notes.set(id, at(o, blocks[i]!.positions[k]!)));
  });
  if (best.loose) unclustered.forEach((id, k) => notes.set(id, at(best.looseAt, best.loose!.positions[k]!)));
  return { notes, clusters: anchors };
}
