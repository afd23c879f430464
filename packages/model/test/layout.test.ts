import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  arrangeRevealedNotes,
  boardNotes,
  CELL_HEIGHT,
  CELL_WIDTH,
  createNote,
  NOTE_GAP,
  readNote,
  countOverlaps,
  findFreeSpot,
  FIRST_NOTE_COLUMN,
  FIRST_NOTE_ROW,
  layoutRevealedDrafts,
  nextSpotFor,
  NOTE_HEIGHT,
  NOTE_WIDTH,
  noteRect,
  PERSON_BLOCK_COLUMNS,
  PERSON_BLOCK_ROWS,
  resolveNewOverlaps,
  slotForClusterMember,
  tidyPhase,
  type PlacedNote,
  type Point,
  type Rect,
} from '../src/index.ts';

/** mulberry32: the same "random" author ids on every run. */
function createSeededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Frames as the board draws them: 24 px around the notes and a 28 px title band. */
function frameOf(points: Point[]): Rect {
  const left = Math.min(...points.map((p) => p.x)) - 24;
  const top = Math.min(...points.map((p) => p.y)) - 24 - 28;
  const right = Math.max(...points.map((p) => p.x + NOTE_WIDTH)) + 24;
  const bottom = Math.max(...points.map((p) => p.y + NOTE_HEIGHT)) + 24;
  return { x: left, y: top, width: right - left, height: bottom - top };
}
const touches = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Places `count` notes one after another, as people see each other's notes. */
function placeInTurn(existing: Point[], near: Point, count: number, authorId = 'a'): Point[] {
  const placed = [...existing];
  let last = near;
  for (let i = 0; i < count; i++) {
    const p = findFreeSpot({ occupied: placed.map(noteRect), near: last, authorId, firstNote: i === 0 });
    placed.push(p);
    last = { x: p.x + NOTE_WIDTH / 2, y: p.y + NOTE_HEIGHT / 2 };
  }
  return placed;
}

describe('a new note goes to free space', () => {
  it.each([
    { board: 'empty', existing: [] as Point[], count: 1 },
    { board: 'one note at the centre', existing: [{ x: 400, y: 300 }], count: 1 },
    {
      board: 'a pile of 16 px steps (the old placement)',
      existing: [0, 1, 2, 3, 4, 5].map((i) => ({ x: 400 + 16 * i, y: 300 + 16 * i })),
      count: 12,
    },
    {
      board: 'a dense grid off the cell lines',
      existing: Array.from({ length: 25 }, (_, i) => ({ x: 13 + (i % 5) * 210, y: 7 + Math.floor(i / 5) * 160 })),
      count: 30,
    },
  ])('$board: $count more notes cover nothing', ({ existing, count }) => {
    const placed = placeInTurn(existing, { x: 500, y: 375 }, count);
    const before = countOverlaps(existing);
    expect(countOverlaps(placed)).toBe(before);
  });

  it('lands beside the author’s previous note, not far away', () => {
    const previous = { x: 2240, y: 1740 };
    const p = findFreeSpot({ occupied: [noteRect(previous)], near: { x: previous.x + 100, y: previous.y + 75 }, authorId: 'ana' });
    expect(Math.hypot(p.x - previous.x, p.y - previous.y)).toBeLessThanOrEqual(Math.hypot(CELL_WIDTH, CELL_WIDTH));
  });

  it('a first note starts the empty block nearest where the person is looking', () => {
    const blockWidth = PERSON_BLOCK_COLUMNS * CELL_WIDTH;
    const blockHeight = PERSON_BLOCK_ROWS * CELL_HEIGHT;
    // Looking at a block's first cell: the note goes exactly there.
    expect(findFreeSpot({ occupied: [], near: { x: blockWidth + 100, y: 75 }, firstNote: true })).toEqual({ x: blockWidth, y: 0 });
    // Looking anywhere else: the first cell of the block under that point (the board scrolls
    // to a new note that is out of view).
    const near = { x: 100 + 224 * 3, y: 75 + 174 * 2 };
    expect(findFreeSpot({ occupied: [], near, firstNote: true })).toEqual({ x: 0, y: 0 });
    // Not in a block someone has started, even with free cells in it.
    const taken = { x: 0, y: 0 };
    const q = findFreeSpot({ occupied: [noteRect(taken)], near: { x: 100, y: 75 }, firstNote: true });
    expect(q).not.toEqual(taken);
    expect(Math.abs(q.x) >= blockWidth || Math.abs(q.y) >= blockHeight).toBe(true);
  });
});

/** Which block a note is in, on a board whose first note is at (0, 0) (its block's FIRST_NOTE cell). */
const blockOfPoint = (p: Point) =>
  `${Math.floor((Math.round(p.x / CELL_WIDTH) + FIRST_NOTE_COLUMN) / PERSON_BLOCK_COLUMNS)},${Math.floor((Math.round(p.y / CELL_HEIGHT) + FIRST_NOTE_ROW) / PERSON_BLOCK_ROWS)}`;

/**
 * Each person writes `each` notes, round by round, placed as the client does (nextSpotFor);
 * `blind`: nobody sees the round's other notes until the sync repair.
 */
function busyBoard(people: number, each: number, blind: boolean): PlacedNote[] {
  const authors = Array.from({ length: people }, (_, i) => `participant-${i + 1}`);
  const notes: PlacedNote[] = [];
  const centre = { x: 720, y: 450 };
  for (let round = 0; round < each; round++) {
    const seen = [...notes];
    for (const author of authors) {
      const p = nextSpotFor(blind ? seen : notes, author, centre);
      notes.push({ id: `${author}-${round}`, authorId: author, createdAt: round, ...p });
    }
    if (blind) {
      const moves = authors.map((a) => resolveNewOverlaps(notes, a, round));
      for (const m of moves) for (const n of notes) if (m.has(n.id)) Object.assign(n, m.get(n.id));
    }
  }
  return notes;
}

function boundingBox(points: Point[]): { width: number; height: number } {
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  return { width: Math.max(...xs) - Math.min(...xs) + NOTE_WIDTH, height: Math.max(...ys) - Math.min(...ys) + NOTE_HEIGHT };
}

describe('a busy board grows in one compact block per person', () => {
  it('one person’s notes fill a block row by row, then start the next block beside it', () => {
    const placed = placeInTurn([], { x: 100, y: 75 }, PERSON_BLOCK_COLUMNS * PERSON_BLOCK_ROWS + 1);
    const cells = placed.map((p) => [p.x / CELL_WIDTH, p.y / CELL_HEIGHT]);
    // Reading order inside the block: across, then the next row.
    expect(cells.slice(0, PERSON_BLOCK_COLUMNS + 1)).toEqual([...Array.from({ length: PERSON_BLOCK_COLUMNS }, (_, c) => [c, 0]), [0, 1]]);
    expect(boundingBox(placed.slice(0, -1))).toEqual({
      width: PERSON_BLOCK_COLUMNS * CELL_WIDTH - NOTE_GAP,
      height: PERSON_BLOCK_ROWS * CELL_HEIGHT - NOTE_GAP,
    });
    // The block is full: the next note starts a new one, next to it rather than far away.
    const [x, y] = cells.at(-1)!;
    expect(x! % PERSON_BLOCK_COLUMNS).toBe(0);
    expect(y! % PERSON_BLOCK_ROWS).toBe(0);
    expect([Math.abs(x!), Math.abs(y!)]).toEqual([PERSON_BLOCK_COLUMNS, 0]);
  });

  it('two people who started one block in the same instant: the second goes on in a block of their own', () => {
    // Both first notes land on the block's first cell; Tom, blind to Ana's, already wrote a second beside his.
    const notes: PlacedNote[] = [
      { id: 'ana-1', authorId: 'ana', createdAt: 1, x: 0, y: 0 },
      { id: 'tom-1', authorId: 'tom', createdAt: 2, x: 0, y: 0 },
      { id: 'tom-2', authorId: 'tom', createdAt: 3, x: CELL_WIDTH, y: 0 },
    ];
    // Synced: Tom's client moves his first note, which came second, to a block of its own.
    const moved = resolveNewOverlaps(notes, 'tom', 0);
    Object.assign(notes[1]!, moved.get('tom-1'));
    expect(blockOfPoint(notes[1]!)).not.toBe('0,0');
    const centre = { x: 100, y: 75 };
    // Tom's next notes follow his own block, not Ana's; Ana goes on in hers.
    const tomNext = nextSpotFor(notes, 'tom', centre);
    expect(blockOfPoint(tomNext)).toBe(blockOfPoint(notes[1]!));
    expect(blockOfPoint(nextSpotFor(notes, 'ana', centre))).toBe('0,0');
    // The board's first note lands exactly where its author looks; blocks line up with it.
    expect(nextSpotFor([], 'li', { x: 100 + 224 * 3, y: 75 + 174 * 2 })).toEqual({ x: 224 * 3, y: 174 * 2 });
    // Someone with no notes yet starts an empty block near what they look at.
    const newcomer = nextSpotFor(notes, 'li', centre);
    expect([blockOfPoint(newcomer)]).not.toContain(blockOfPoint(tomNext));
    expect(blockOfPoint(newcomer)).not.toBe('0,0');
  });

  it('the sync repair keeps a person’s notes together in the block it moves them to', () => {
    // Ana and Tom each wrote two notes, blind to each other, into the same two cells.
    const notes: PlacedNote[] = [
      { id: 'ana-1', authorId: 'ana', createdAt: 1, x: 0, y: 0 },
      { id: 'tom-1', authorId: 'tom', createdAt: 2, x: 0, y: 0 },
      { id: 'ana-2', authorId: 'ana', createdAt: 3, x: CELL_WIDTH, y: 0 },
      { id: 'tom-2', authorId: 'tom', createdAt: 4, x: CELL_WIDTH, y: 0 },
    ];
    const moved = resolveNewOverlaps(notes, 'tom', 0);
    expect([...moved.keys()].sort()).toEqual(['tom-1', 'tom-2']);
    const [first, second] = [moved.get('tom-1')!, moved.get('tom-2')!];
    expect(blockOfPoint(first)).not.toBe('0,0');
    expect(blockOfPoint(second)).toBe(blockOfPoint(first));
    // Beside each other, in reading order.
    expect([second.x - first.x, second.y - first.y]).toEqual([CELL_WIDTH, 0]);
  });

  // Others' blocks go right of the board's first note's block, then in rows under it: never
  // above or left of it, where nobody looking at the board would find them (the breakout e2e
  // did). Their first notes sit in the cell nearest the first note: two by two around it.
  const right = (PERSON_BLOCK_COLUMNS - FIRST_NOTE_COLUMN) * CELL_WIDTH;
  const below = (PERSON_BLOCK_ROWS - FIRST_NOTE_ROW) * CELL_HEIGHT;
  it.each([
    { board: 'first note on the grid, newcomers look at it', first: { x: 560, y: 348 }, looks: { x: 660, y: 423 } },
    { board: 'first note off the grid', first: { x: 557, y: 311 }, looks: { x: 657, y: 386 } },
    { board: 'newcomers look far above and left', first: { x: 560, y: 348 }, looks: { x: -3000, y: -2000 } },
    { board: 'newcomers look far below and right', first: { x: 560, y: 348 }, looks: { x: 5000, y: 4000 } },
    { board: 'first note at negative coordinates', first: { x: -1344, y: -870 }, looks: { x: 0, y: 0 } },
  ])('$board: the second person’s block is right of the first’s, the third below it', ({ first, looks }) => {
    const notes: PlacedNote[] = [{ id: 'ana-1', authorId: 'ana', createdAt: 1, ...first }];
    const corner = { x: Math.round(first.x / CELL_WIDTH) * CELL_WIDTH, y: Math.round(first.y / CELL_HEIGHT) * CELL_HEIGHT };
    const second = nextSpotFor(notes, 'kenji', looks);
    expect(second).toEqual({ x: corner.x + right, y: corner.y });
    notes.push({ id: 'kenji-1', authorId: 'kenji', createdAt: 2, ...second });
    const third = nextSpotFor(notes, 'lea', looks);
    expect(third).toEqual({ x: corner.x, y: corner.y + below });
    notes.push({ id: 'lea-1', authorId: 'lea', createdAt: 3, ...third });
    expect(nextSpotFor(notes, 'jonas', looks)).toEqual({ x: corner.x + right, y: corner.y + below });
    // Each goes on in their own block, in reading order.
    notes.push({ id: 'kenji-2', authorId: 'kenji', createdAt: 4, ...nextSpotFor(notes, 'kenji', looks) });
    expect(notes.at(-1)).toMatchObject({ x: corner.x + right + CELL_WIDTH, y: corner.y });
  });

  it.each([
    { people: 2, blind: true },
    { people: 4, blind: false },
    { people: 4, blind: true },
    { people: 9, blind: true },
    { people: 15, blind: false },
  ])('$people people (blind: $blind): no note above or left of the board’s first note’s block', ({ people, blind }) => {
    const notes = busyBoard(people, 3, blind);
    const first = notes.reduce((a, n) => (n.createdAt < a.createdAt || (n.createdAt === a.createdAt && n.id < a.id) ? n : a));
    for (const n of notes) {
      expect(n.x, n.id).toBeGreaterThanOrEqual(first.x - FIRST_NOTE_COLUMN * CELL_WIDTH);
      expect(n.y, n.id).toBeGreaterThanOrEqual(first.y - FIRST_NOTE_ROW * CELL_HEIGHT);
    }
    // The second, third and fourth people start right of and under the first note, close by.
    for (const [k, [dx, dy]] of [
      [right, 0],
      [0, below],
      [right, below],
    ]
      .slice(0, people - 1)
      .entries()) {
      expect(notes.find((n) => n.id === `participant-${k + 2}-0`)).toMatchObject({ x: first.x + dx!, y: first.y + dy! });
    }
    expect(countOverlaps(notes)).toBe(0);
    // Rows of blocks wrap to keep the board wider than tall.
    const box = boundingBox(notes);
    if (people > 1) expect(box.width / box.height).toBeGreaterThanOrEqual(1);
  });

  // Before blocks, each person's notes grew into one long row: 15 × 15 was 7,368 × 1,368 px
  // (aspect 5.4), 4 × 15 was 6,920 × 498 (aspect 13.9).
  it.each([
    { people: 15, each: 15, blind: false },
    { people: 15, each: 15, blind: true },
    { people: 4, each: 15, blind: false },
    { people: 4, each: 15, blind: true },
  ])(
    '$people people × $each notes (blind: $blind): no overlap, one block each, the board about as wide as a screen',
    ({ people, each, blind }) => {
      const notes = busyBoard(people, each, blind);
      expect(countOverlaps(notes)).toBe(0);
      for (let i = 1; i <= people; i++) {
        const mine = boundingBox(notes.filter((n) => n.authorId === `participant-${i}`));
        expect(mine.width).toBeLessThanOrEqual(PERSON_BLOCK_COLUMNS * CELL_WIDTH);
        expect(mine.height).toBeLessThanOrEqual(PERSON_BLOCK_ROWS * CELL_HEIGHT);
      }
      const box = boundingBox(notes);
      expect(box.width / box.height).toBeGreaterThanOrEqual(0.75);
      expect(box.width / box.height).toBeLessThanOrEqual(2.5);
      // Most of the box is notes, not gaps between scattered rows.
      expect((notes.length * CELL_WIDTH * CELL_HEIGHT) / (box.width * box.height)).toBeGreaterThan(0.6);
    },
  );
});

describe('notes made at the same instant on screens that cannot see each other', () => {
  it('10 authors × 100 notes, each round placed blind to the others, end with no overlap once synced', () => {
    const random = createSeededRandom(14);
    const authors = Array.from({ length: 10 }, (_, i) => `person-${i}-${Math.floor(random() * 1e9)}`);
    const notes: PlacedNote[] = [];
    const last = new Map<string, Point>();
    for (let round = 0; round < 100; round++) {
      const seen = notes.map(noteRect);
      for (const author of authors) {
        const previous = last.get(author);
        const p = findFreeSpot({ occupied: seen, near: previous ?? { x: 600, y: 400 }, firstNote: !previous, authorId: author });
        notes.push({ id: `${author}-${round}`, authorId: author, createdAt: round, ...p });
      }
      // Sync: every author's client moves its own notes that came second.
      for (let pass = 0; pass < 5; pass++) {
        const moves = authors.map((a) => resolveNewOverlaps(notes, a, round));
        for (const m of moves) for (const n of notes) if (m.has(n.id)) Object.assign(n, m.get(n.id));
      }
      // As the client does: the next note goes beside this one where the repair left it.
      for (const n of notes.slice(-authors.length)) last.set(n.authorId!, { x: n.x + NOTE_WIDTH / 2, y: n.y + NOTE_HEIGHT / 2 });
    }
    expect(notes).toHaveLength(1000);
    expect(countOverlaps(notes)).toBe(0);
    // 5,000 repair passes over up to 1,000 notes: past the default 5 s on a shared, loaded machine.
  }, 30_000);

  it('the earlier note stays; only its author’s client moves the later one', () => {
    const notes: PlacedNote[] = [
      { id: 'b', authorId: 'tom', createdAt: 2, x: 0, y: 0 },
      { id: 'a', authorId: 'ana', createdAt: 1, x: 0, y: 0 },
    ];
    expect(resolveNewOverlaps(notes, 'ana', 0).size).toBe(0);
    const moved = resolveNewOverlaps(notes, 'tom', 0);
    expect([...moved.keys()]).toEqual(['b']);
    expect(countOverlaps([notes[1]!, moved.get('b')!])).toBe(0);
    // A note dragged onto another long ago is left where its author put it.
    expect(resolveNewOverlaps(notes, 'tom', 5).size).toBe(0);
  });
});

describe('tidy layouts', () => {
  it('reveal puts each person’s drafts in one block below the board, nothing overlapping', () => {
    const board = [
      { x: 0, y: 0 },
      { x: 300, y: 40 },
    ];
    const drafts = [
      { key: 'ana', items: ['a1', 'a2', 'a3', 'a4'] },
      { key: 'tom', items: ['t1', 't2'] },
      { key: 'li', items: ['l1', 'l2', 'l3', 'l4', 'l5', 'l6', 'l7'] },
      { key: 'ola', items: [] },
    ];
    const at = layoutRevealedDrafts(board.map(noteRect), drafts);
    expect(at.size).toBe(13);
    expect(countOverlaps([...board, ...at.values()])).toBe(0);
    for (const p of at.values()) expect(p.y).toBeGreaterThan(40 + NOTE_HEIGHT);
    // Ana's four: a row of three and one below it, in her order.
    expect([at.get('a1'), at.get('a2'), at.get('a4')].map((p) => [p!.x - at.get('a1')!.x, p!.y - at.get('a1')!.y])).toEqual([
      [0, 0],
      [224, 0],
      [0, 174],
    ]);
    const frames = drafts.filter((d) => d.items.length).map((d) => frameOf(d.items.map((id) => at.get(id)!)));
    for (let i = 0; i < frames.length; i++) for (let j = i + 1; j < frames.length; j++) expect(touches(frames[i]!, frames[j]!)).toBe(false);
  });

  it.each([
    { clusters: [1, 1, 1], unclustered: 0 },
    { clusters: [7, 2, 12, 1, 4, 9], unclustered: 5 },
    { clusters: [0, 3], unclustered: 1 },
  ])('tidy up with clusters of $clusters notes and $unclustered loose: no two notes or frames overlap', ({ clusters, unclustered }) => {
    const input = {
      clusters: clusters.map((n, c) => ({ id: `c${c}`, noteIds: Array.from({ length: n }, (_, i) => `c${c}-n${i}`) })),
      unclustered: Array.from({ length: unclustered }, (_, i) => `u${i}`),
      start: { x: -50, y: 80 },
    };
    const layout = tidyPhase(input);
    expect(countOverlaps([...layout.notes.values()])).toBe(0);
    const frames = input.clusters.filter((c) => c.noteIds.length).map((c) => frameOf(c.noteIds.map((id) => layout.notes.get(id)!)));
    for (let i = 0; i < frames.length; i++) for (let j = i + 1; j < frames.length; j++) expect(touches(frames[i]!, frames[j]!)).toBe(false);
  });

  it('a note joining a cluster takes the next slot of its block', () => {
    const members = [
      { x: 100, y: 100 },
      { x: 324, y: 100 },
    ];
    expect(slotForClusterMember(members, { x: 0, y: 0 })).toEqual({ x: 548, y: 100 });
    expect(slotForClusterMember([], { x: 40, y: 60 })).toEqual({ x: 40, y: 60 });
  });
});

describe('revealed drafts on the board', () => {
  it('arrive in one block per author, clear of the notes already there', () => {
    const doc = new Y.Doc();
    const notes = boardNotes(doc);
    const author = (id: string) => ({ id, name: id, organisation: 'Org' });
    const existing = [createNote(notes, { phase: 'painPoints', author: author('ana'), x: 400, y: 300 })];
    // Everyone drafted at the centre of their screen: one pile.
    const drafts = ['ana', 'tom', 'tom', 'li', 'li', 'li'].map((who) =>
      createNote(notes, { phase: 'painPoints', author: author(who), x: 400, y: 300 }),
    );
    arrangeRevealedNotes(doc, drafts);
    const all = [...existing, ...drafts].map((id) => readNote(notes.get(id)!)!);
    expect(countOverlaps(all)).toBe(0);
    const tom = drafts.slice(1, 3).map((id) => readNote(notes.get(id)!)!);
    expect(tom[1]!.y).toBe(tom[0]!.y);
    expect(tom[1]!.x - tom[0]!.x).toBe(CELL_WIDTH);
    expect(readNote(notes.get(existing[0]!)!)).toMatchObject({ x: 400, y: 300 });
  });
});
