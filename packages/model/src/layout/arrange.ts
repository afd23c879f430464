import { CELL_HEIGHT, CELL_WIDTH, FRAME_PADDING, FRAME_TITLE_BAND, NOTE_GAP, type Point, type Rect } from './placement.ts';

/** Notes per row inside one person's block or one cluster's frame. */
export const BLOCK_COLUMNS = 3;
/** Space between blocks: far enough apart that the cluster frames drawn around them never touch. */
export const BLOCK_GAP = 2 * FRAME_PADDING + FRAME_TITLE_BAND + 2 * NOTE_GAP;
/** Blocks per row before the arrangement wraps, so a board grows down as well as across. */
export const BLOCKS_PER_ROW = 4;

export interface Block<T> {
  key: string;
  items: T[];
}

export interface ArrangedBlock<T> {
  key: string;
  /** Where the block's first note goes; the block's notes fill rows of BLOCK_COLUMNS from here. */
  origin: Point;
  positions: Map<T, Point>;
}

function blockSize(count: number): { width: number; height: number } {
  const columns = Math.max(1, Math.min(BLOCK_COLUMNS, count));
  const rows = Math.max(1, Math.ceil(count / BLOCK_COLUMNS));
  return { width: columns * CELL_WIDTH - NOTE_GAP, height: rows * CELL_HEIGHT - NOTE_GAP };
}

/** The spot of the `index`-th note in a block that starts at `origin`. */
export function slotInBlock(origin: Point, index: number): Point {
  return { x: origin.x + (index % BLOCK_COLUMNS) * CELL_WIDTH, y: origin.y + Math.floor(index / BLOCK_COLUMNS) * CELL_HEIGHT };
}

/**
 * Lays blocks (one person's drafts, one cluster's notes) out in rows from `start`, each block a
 * grid of notes, blocks BLOCK_GAP apart: nothing in the result overlaps anything else in it.
 */
export function arrangeBlocks<T>(blocks: Block<T>[], start: Point): ArrangedBlock<T>[] {
  const out: ArrangedBlock<T>[] = [];
  let x = start.x;
  let y = start.y;
  let rowHeight = 0;
  blocks.forEach((block, i) => {
    if (i > 0 && i % BLOCKS_PER_ROW === 0) {
      x = start.x;
      y += rowHeight + BLOCK_GAP;
      rowHeight = 0;
    }
    const size = blockSize(block.items.length);
    const origin = { x, y };
    out.push({ key: block.key, origin, positions: new Map(block.items.map((item, k) => [item, slotInBlock(origin, k)] as const)) });
    x += size.width + BLOCK_GAP;
    rowHeight = Math.max(rowHeight, size.height);
  });
  return out;
}

/** Where new blocks start so they clear everything already on the board: below it, left-aligned. */
export function belowEverything(occupied: Iterable<Rect>): Point {
  let left = Infinity;
  let bottom = -Infinity;
  for (const r of occupied) {
    left = Math.min(left, r.x);
    bottom = Math.max(bottom, r.y + r.height);
  }
  if (left === Infinity) return { x: 0, y: 0 };
  return { x: left, y: bottom + BLOCK_GAP };
}

/**
 * Revealed drafts: each person's in one tidy block, the blocks below the notes already on the
 * board. Returns a position per note id.
 */
export function layoutRevealedDrafts(occupied: Iterable<Rect>, byAuthor: Block<string>[]): Map<string, Point> {
  const positions = new Map<string, Point>();
  for (const block of arrangeBlocks(
    byAuthor.filter((b) => b.items.length > 0),
    belowEverything(occupied),
  )) {
    for (const [id, p] of block.positions) positions.set(id, p);
  }
  return positions;
}

/** A note joining a cluster goes to the first free slot of the cluster's block. */
export function slotForClusterMember(members: Point[], clusterAnchor: Point): Point {
  const origin = members.length ? { x: Math.min(...members.map((m) => m.x)), y: Math.min(...members.map((m) => m.y)) } : clusterAnchor;
  const taken = new Set(members.map((m) => `${Math.round((m.x - origin.x) / CELL_WIDTH)},${Math.round((m.y - origin.y) / CELL_HEIGHT)}`));
  for (let i = 0; ; i++) {
    const p = slotInBlock(origin, i);
    if (!taken.has(`${Math.round((p.x - origin.x) / CELL_WIDTH)},${Math.round((p.y - origin.y) / CELL_HEIGHT)}`)) return p;
  }
}
