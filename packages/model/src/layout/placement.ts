/**
 * Where notes go on a board: free space near a point, found on a grid every client shares.
 * Pure geometry: callers pass the notes they can see, in board coordinates.
 */

/** A note's footprint on the board. Long notes grow taller on screen; placement plans for this. */
export const NOTE_WIDTH = 200;
export const NOTE_HEIGHT = 150;
/** Space kept between notes that are placed for someone. */
export const NOTE_GAP = 24;
/** Placement cells: one note and its gap. */
export const CELL_WIDTH = NOTE_WIDTH + NOTE_GAP;
export const CELL_HEIGHT = NOTE_HEIGHT + NOTE_GAP;
/** A cluster's frame: padding around its notes, and a band above them for its title. */
export const FRAME_PADDING = 24;
export const FRAME_TITLE_BAND = 28;
/** Two notes overlap "for real" past this share of a note's area (the board's acceptance rule). */
export const OVERLAP_TOLERANCE = 0.05;

export interface Point {
  x: number;
  y: number;
}

export interface Rect extends Point {
  width: number;
  height: number;
}

export function noteRect(p: Point): Rect {
  return { x: p.x, y: p.y, width: NOTE_WIDTH, height: NOTE_HEIGHT };
}

export function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** Pairs of notes that cover each other by more than the tolerance. */
export function countOverlaps(notes: Point[], tolerance = OVERLAP_TOLERANCE): number {
  const limit = tolerance * NOTE_WIDTH * NOTE_HEIGHT;
  const index = new SpatialIndex();
  let count = 0;
  for (const p of notes) {
    const r = noteRect(p);
    for (const other of index.near(r)) if (overlapArea(r, other) > limit) count++;
    index.add(r);
  }
  return count;
}

/** Rects bucketed by placement cell, so a search over 1,000 notes looks at a handful. */
export class SpatialIndex {
  private readonly buckets = new Map<string, Rect[]>();
  private readonly items = new Set<Rect>();

  constructor(rects: Iterable<Rect> = []) {
    for (const r of rects) this.add(r);
  }

  /** Everything indexed, in the order it was added. */
  all(): Iterable<Rect> {
    return this.items;
  }

  add(r: Rect): void {
    this.items.add(r);
    for (const key of cellKeys(r)) {
      const list = this.buckets.get(key);
      if (list) list.push(r);
      else this.buckets.set(key, [r]);
    }
  }

  remove(r: Rect): void {
    this.items.delete(r);
    for (const key of cellKeys(r)) {
      const list = this.buckets.get(key);
      const at = list?.indexOf(r) ?? -1;
      if (at >= 0) list!.splice(at, 1);
    }
  }

  near(r: Rect): Set<Rect> {
    const found = new Set<Rect>();
    for (const key of cellKeys(r)) for (const other of this.buckets.get(key) ?? []) found.add(other);
    return found;
  }

  /** Whether `r`, with the gap around it, touches anything indexed. */
  isFree(r: Rect, gap = NOTE_GAP / 2): boolean {
    const padded = { x: r.x - gap, y: r.y - gap, width: r.width + 2 * gap, height: r.height + 2 * gap };
    // Straight through the buckets, stopping at the first hit: asked for every candidate cell.
    for (const key of cellKeys(padded)) for (const other of this.buckets.get(key) ?? []) if (overlapArea(padded, other) > 0) return false;
    return true;
  }
}

function cellKeys(r: Rect): string[] {
  const keys: string[] = [];
  const x0 = Math.floor(r.x / CELL_WIDTH);
  const x1 = Math.floor((r.x + r.width) / CELL_WIDTH);
  const y0 = Math.floor(r.y / CELL_HEIGHT);
  const y1 = Math.floor((r.y + r.height) / CELL_HEIGHT);
  for (let cx = x0; cx <= x1; cx++) for (let cy = y0; cy <= y1; cy++) keys.push(`${cx},${cy}`);
  return keys;
}

/** A small stable number from an author's id (FNV-1a), for per-author choices. */
export function authorHash(authorId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < authorId.length; i++) {
    h ^= authorId.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * When no block is free nearby: rows read better than columns or diagonals, so a step down
 * counts this much more than a step across.
 */
const ROW_PREFERENCE = 1.5;
/** Cells within this many cells of the start are searched (≈ 20,000 cells). */
const SEARCH_RADIUS = 80;

let searchOrder: [number, number][][] | null = null;
/** Cells around (0, 0) in groups of equal distance, nearest first; each group ordered by angle. */
function candidateGroups(): [number, number][][] {
  if (searchOrder) return searchOrder;
  const byDistance = new Map<number, [number, number][]>();
  for (let dx = -SEARCH_RADIUS; dx <= SEARCH_RADIUS; dx++) {
    for (let dy = -SEARCH_RADIUS; dy <= SEARCH_RADIUS; dy++) {
      const d = Math.round((dx * dx + (ROW_PREFERENCE * dy) ** 2) * 100);
      const group = byDistance.get(d) ?? [];
      group.push([dx, dy]);
      byDistance.set(d, group);
    }
  }
  searchOrder = [...byDistance.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, cells]) => cells.sort((a, b) => Math.atan2(a[1], a[0]) - Math.atan2(b[1], b[0])));
  return searchOrder;
}

/**
 * A person's notes fill a block of this many cells, row by row, before they start another, so
 * a busy board is a set of compact blocks (one per person) around the middle rather than one
 * long row each. Four by four holds the fifteen notes a person typically writes in a phase.
 */
export const PERSON_BLOCK_COLUMNS = 4;
export const PERSON_BLOCK_ROWS = 4;
const BLOCK_WIDTH = PERSON_BLOCK_COLUMNS * CELL_WIDTH;
const BLOCK_HEIGHT = PERSON_BLOCK_ROWS * CELL_HEIGHT;
/** Screens are wider than tall: a block below counts this much further than one beside. */
const BLOCK_ROW_PREFERENCE = 1.5;
/** Blocks within this many blocks of the start are searched for an empty one (1,681 blocks). */
const BLOCK_SEARCH_RADIUS = 20;
/** A board's blocks keep at least this width-to-height shape as rows of them fill (a screen is 1.6). */
export const BLOCKS_LANDSCAPE = 1.2;
/**
 * The board's first note sits at this cell of its block, not its corner: the blocks beside and
 * under it then start 2 cells (448 px) right and 2 rows (348 px) down from it, where the people
 * who look at the first note see a newcomer's first note, instead of a whole block away.
 */
export const FIRST_NOTE_COLUMN = 2;
export const FIRST_NOTE_ROW = 2;
/** Rows of blocks searched for an empty one before falling back to the nearest free cell. */
const MAX_BLOCK_ROWS = 200;

/**
 * How many blocks a row holds on a board of `blocks` blocks: the fewest that keep the board
 * landscape (1 block: 1; 2: side by side; 3 and 4: two by two; 5 to 9: three across).
 */
export function blockColumnsFor(blocks: number): number {
  for (let c = 1; c < blocks; c++) {
    if (c * BLOCK_WIDTH >= BLOCKS_LANDSCAPE * Math.ceil(blocks / c) * BLOCK_HEIGHT) return c;
  }
  return Math.max(1, blocks);
}

/**
 * Blocks tile the board from the phase's earliest note (at cell FIRST_NOTE_COLUMN,
 * FIRST_NOTE_ROW of its block): the board's first note lands exactly where its author looks,
 * and everyone's blocks line up with it. Without a first note, from (0, 0).
 */
class BlockGrid {
  /** The corner, in cells. */
  private readonly ox: number;
  private readonly oy: number;
  /** The board's first note's cell, when blocks are laid from it. */
  readonly first: Point | null;

  constructor(origin?: Point) {
    const fx = Math.round((origin?.x ?? 0) / CELL_WIDTH);
    const fy = Math.round((origin?.y ?? 0) / CELL_HEIGHT);
    this.first = origin ? { x: fx * CELL_WIDTH, y: fy * CELL_HEIGHT } : null;
    this.ox = origin ? fx - FIRST_NOTE_COLUMN : fx;
    this.oy = origin ? fy - FIRST_NOTE_ROW : fy;
  }

  blockOfCell(cx: number, cy: number): { bx: number; by: number } {
    return { bx: Math.floor((cx - this.ox) / PERSON_BLOCK_COLUMNS), by: Math.floor((cy - this.oy) / PERSON_BLOCK_ROWS) };
  }

  /** Which block a note (top-left corner) is in, as a key. */
  keyOf(p: Point): string {
    const { bx, by } = this.blockOfCell(Math.round(p.x / CELL_WIDTH), Math.round(p.y / CELL_HEIGHT));
    return `${bx},${by}`;
  }

  /** The board point of a block's cell. */
  cell(bx: number, by: number, col = 0, row = 0): Point {
    return {
      x: (this.ox + bx * PERSON_BLOCK_COLUMNS + col) * CELL_WIDTH,
      y: (this.oy + by * PERSON_BLOCK_ROWS + row) * CELL_HEIGHT,
    };
  }

  /**
   * The block's next free cell in reading order after (cx, cy) (the previous note's cell),
   * coming round to the block's first cell for gaps left earlier; null when the block is full.
   */
  nextFreeCell(index: SpatialIndex, cx: number, cy: number): Point | null {
    const { bx, by } = this.blockOfCell(cx, cy);
    const size = PERSON_BLOCK_COLUMNS * PERSON_BLOCK_ROWS;
    const corner = this.cell(bx, by);
    const start = (cy - Math.round(corner.y / CELL_HEIGHT)) * PERSON_BLOCK_COLUMNS + (cx - Math.round(corner.x / CELL_WIDTH));
    for (let k = 1; k <= size; k++) {
      const at = (start + k) % size;
      const p = this.cell(bx, by, at % PERSON_BLOCK_COLUMNS, Math.floor(at / PERSON_BLOCK_COLUMNS));
      if (index.isFree(noteRect(p))) return p;
    }
    return null;
  }

  /**
   * The first cell of the first empty block (nobody's notes in it) in reading order from the
   * grid's corner block: to the right, then the next row down, rows as long as keeps the board
   * landscape with one more block. Never above or left of the corner (the board's first note),
   * so a newcomer's block lands beside or under what everyone already looks at, and every
   * client, seeing the same notes, picks the same block.
   */
  firstEmptyBlockInReadingOrder(index: SpatialIndex): Point | null {
    const used = new Set<string>();
    for (const r of index.all()) {
      const { bx, by } = this.blockOfCell(Math.round(r.x / CELL_WIDTH), Math.round(r.y / CELL_HEIGHT));
      if (bx >= 0 && by >= 0) used.add(`${bx},${by}`);
    }
    const columns = blockColumnsFor(used.size + 1);
    for (let by = 0; by < MAX_BLOCK_ROWS; by++) {
      for (let bx = 0; bx < columns; bx++) {
        const { x, y } = this.cell(bx, by);
        if (index.isFree({ x, y, width: BLOCK_WIDTH - NOTE_GAP, height: BLOCK_HEIGHT - NOTE_GAP })) return this.cellNearestFirst(bx, by);
      }
    }
    return null;
  }

  /**
   * The block's cell nearest the board's first note (the first in reading order among equals):
   * where a newcomer starts, so the first notes of the first four people sit two by two around
   * the spot everyone looked at. Their later notes go on in reading order round the block.
   */
  private cellNearestFirst(bx: number, by: number): Point {
    const first = this.first;
    if (!first) return this.cell(bx, by);
    let best = this.cell(bx, by);
    let bestD = Number.POSITIVE_INFINITY;
    for (let row = 0; row < PERSON_BLOCK_ROWS; row++) {
      for (let col = 0; col < PERSON_BLOCK_COLUMNS; col++) {
        const p = this.cell(bx, by, col, row);
        const d = Math.hypot(p.x - first.x, p.y - first.y);
        if (d < bestD) [best, bestD] = [p, d];
      }
    }
    return best;
  }

  /**
   * On an empty board: the first cell of the block whose middle is nearest `near`, or null when
   * there is none within the search radius.
   */
  firstCellOfEmptyBlock(index: SpatialIndex, near: Point, turn: number): Point | null {
    const corner = this.cell(0, 0);
    const bx = Math.floor((near.x - corner.x) / BLOCK_WIDTH);
    const by = Math.floor((near.y - corner.y) / BLOCK_HEIGHT);
    // Rings outwards: a block found in the square of radius r is the nearest once it is nearer
    // than anything outside that square can be.
    for (const radius of [2, 6, BLOCK_SEARCH_RADIUS]) {
      const candidates: { x: number; y: number; d: number; k: number }[] = [];
      for (let dx = -radius; dx <= radius; dx++) {
        for (let dy = -radius; dy <= radius; dy++) {
          const { x, y } = this.cell(bx + dx, by + dy);
          const d = Math.round(Math.hypot(x + BLOCK_WIDTH / 2 - near.x, BLOCK_ROW_PREFERENCE * (y + BLOCK_HEIGHT / 2 - near.y)));
          // Equally near blocks are taken in an order of each author's own, so two people
          // starting at one spot in the same instant seldom pick the same block.
          candidates.push({ x, y, d, k: (Math.imul(dx + 64, 0x9e3779b1) ^ Math.imul(dy + 64, 0x85ebca6b) ^ turn) >>> 0 });
        }
      }
      candidates.sort((a, b) => a.d - b.d || a.k - b.k);
      const outside = (radius - 0.5) * Math.min(BLOCK_WIDTH, BLOCK_ROW_PREFERENCE * BLOCK_HEIGHT);
      for (const { x, y, d } of candidates) {
        if (d > outside && radius < BLOCK_SEARCH_RADIUS) break;
        if (index.isFree({ x, y, width: BLOCK_WIDTH - NOTE_GAP, height: BLOCK_HEIGHT - NOTE_GAP })) return { x, y };
      }
    }
    return null;
  }
}

export interface PlacementRequest {
  /** Notes already on the board (as this client sees them). */
  occupied: Iterable<Rect> | SpatialIndex;
  /** The author's previous note, or the centre of what they are looking at. */
  near: Point;
  /**
   * True when `near` is not one of the author's notes (their first note, looking at the centre
   * of the view): the note starts a block of its own. Otherwise it goes on in the block of the
   * previous note, and starts the next empty block once that one is full.
   */
  firstNote?: boolean;
  /** The corner cell blocks are laid from (the phase's earliest note); (0, 0) when not given. */
  origin?: Point;
  /**
   * Who places. Two people who start from the same point take equally near cells in different
   * orders (one goes right, the other left), so notes created in the same instant on two screens,
   * before either sees the other's, rarely pick the same cell; the sync repair does the rest.
   */
  authorId?: string;
}

/**
 * Where a new note goes: the next free cell of its author's block in reading order, else the
 * first cell of the first empty block in reading order from `origin` (on an empty board, the
 * block under `near`), else (a board packed all around) the free grid cell
 * nearest to `near`, rows preferred. Returned as the note's top-left corner.
 */
export function findFreeSpot({ occupied, near, authorId, firstNote = false, origin }: PlacementRequest): Point {
  const index = occupied instanceof SpatialIndex ? occupied : new SpatialIndex(occupied);
  const cx = Math.round((near.x - NOTE_WIDTH / 2) / CELL_WIDTH);
  const cy = Math.round((near.y - NOTE_HEIGHT / 2) / CELL_HEIGHT);
  const turn = authorId === undefined ? 0 : authorHash(authorId);
  const grid = new BlockGrid(origin);
  if (!firstNote) {
    const inBlock = grid.nextFreeCell(index, cx, cy);
    if (inBlock) return inBlock;
  }
  const empty = index.all()[Symbol.iterator]().next().done === true;
  // On an empty board laid from a first note (nextSpotFor), that note goes where it was asked.
  if (empty && grid.first) return grid.first;
  const fresh = empty ? grid.firstCellOfEmptyBlock(index, near, turn) : grid.firstEmptyBlockInReadingOrder(index);
  if (fresh) return fresh;
  return nearestFreeCell(index, cx, cy, turn);
}

function nearestFreeCell(index: SpatialIndex, cx: number, cy: number, turn: number): Point {
  for (const cells of candidateGroups()) {
    for (let k = 0; k < cells.length; k++) {
      const [dx, dy] = cells[(k + turn) % cells.length]!;
      const p = { x: (cx + dx) * CELL_WIDTH, y: (cy + dy) * CELL_HEIGHT };
      if (index.isFree(noteRect(p))) return p;
    }
  }
  return { x: (cx + SEARCH_RADIUS + 1) * CELL_WIDTH, y: cy * CELL_HEIGHT };
}

export interface PlacedNote extends Point {
  id: string;
  authorId: string | null;
  createdAt: number;
}

const byCreation = (a: PlacedNote, b: PlacedNote) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
/**
 * Where `authorId`'s next note goes on a board of `notes`: on in the block of their latest note
 * when that block is theirs (its earliest note is theirs), else in the next empty block in
 * reading order from the board's first note, or on an empty board where they look (`fallback`,
 * the centre of their view). Two people who
 * started the same block in the same instant learn who came first once synced; the second
 * then goes on in a block of their own rather than filling the other's.
 */
export function nextSpotFor(notes: PlacedNote[], authorId: string, fallback: Point): Point {
  const earliest = notes.reduce<PlacedNote | null>((a, n) => (!a || byCreation(n, a) < 0 ? n : a), null);
  // On an empty board the grid starts where this person looks, so their first note lands there.
  const origin = earliest ?? { x: fallback.x - NOTE_WIDTH / 2, y: fallback.y - NOTE_HEIGHT / 2 };
  const grid = new BlockGrid(origin);
  const owners = new Map<string, PlacedNote>();
  const mine: PlacedNote[] = [];
  for (const n of notes) {
    const key = grid.keyOf(n);
    const owner = owners.get(key);
    if (!owner || byCreation(n, owner) < 0) owners.set(key, n);
    if (n.authorId === authorId) mine.push(n);
  }
  const occupied = new SpatialIndex(notes.map(noteRect));
  const centre = (n: PlacedNote) => ({ x: n.x + NOTE_WIDTH / 2, y: n.y + NOTE_HEIGHT / 2 });
  mine.sort(byCreation);
  // Their latest note that is in a block of theirs: go on there.
  for (let i = mine.length - 1; i >= 0; i--) {
    if (owners.get(grid.keyOf(mine[i]!))?.authorId === authorId)
      return findFreeSpot({ occupied, near: centre(mine[i]!), origin, authorId });
  }
  const latest = mine.at(-1);
  return findFreeSpot({ occupied, near: latest ? centre(latest) : fallback, firstNote: true, origin, authorId });
}

/**
 * After sync, notes made at the same instant on two screens may cover each other. Every client
 * sees the same notes and decides the same way: the later note (by creation time, then id)
 * moves to free space near where it was. Returns the moves for `authorId`'s notes only, so each
 * author's own client moves its notes and nobody fights over one. Only notes created since
 * `since` are moved: a note someone dragged onto another on purpose stays.
 */
export function resolveNewOverlaps(notes: PlacedNote[], authorId: string, since: number): Map<string, Point> {
  const moves = new Map<string, Point>();
  const ordered = [...notes].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const limit = OVERLAP_TOLERANCE * NOTE_WIDTH * NOTE_HEIGHT;
  const settled = new SpatialIndex();
  // Free space is judged against every note, later ones too, so a moved note lands clear of all.
  const rects = new Map(ordered.map((n) => [n.id, noteRect(n)] as const));
  const everyone = new SpatialIndex(rects.values());
  // The same grid as nextSpotFor: from the earliest note, which every client agrees on.
  const origin = ordered[0];
  const grid = new BlockGrid(origin);
  // Each block's owner (its earliest settled note's author), and each author's latest settled
  // note in a block of their own: a moved note goes on there, as their next note would.
  const owners = new Map<string, string | null>();
  const home = new Map<string | null, Rect>();
  for (const note of ordered) {
    let rect = rects.get(note.id)!;
    const covered = [...settled.near(rect)].some((other) => overlapArea(rect, other) > limit);
    // Every client plans everyone's moves the same way, so two repairs never pick one cell;
    // each then carries out its own author's share.
    if (covered && note.createdAt >= since) {
      everyone.remove(rect);
      const own = home.get(note.authorId);
      const p = findFreeSpot({
        occupied: everyone,
        near: own ? { x: own.x + NOTE_WIDTH / 2, y: own.y + NOTE_HEIGHT / 2 } : { x: note.x + NOTE_WIDTH / 2, y: note.y + NOTE_HEIGHT / 2 },
        authorId: note.authorId ?? '',
        origin,
        // Without a block of their own yet (both people started the same empty block), the
        // note that came second starts one elsewhere.
        firstNote: !own,
      });
      if (note.authorId === authorId) moves.set(note.id, p);
      rect = noteRect(p);
      rects.set(note.id, rect);
      everyone.add(rect);
    }
    settled.add(rect);
    const key = grid.keyOf(rect);
    if (!owners.has(key)) owners.set(key, note.authorId);
    if (owners.get(key) === note.authorId) home.set(note.authorId, rect);
  }
  return moves;
}
