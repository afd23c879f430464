import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  arrangeRevealedNotes,
  boardNotes,
  CELL_WIDTH,
  createNote,
  readNote,
  countOverlaps,
  findFreeSpot,
  layoutRevealedDrafts,
  NOTE_HEIGHT,
  NOTE_WIDTH,
  noteRect,
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
    const p = findFreeSpot({ occupied: placed.map(noteRect), near: last, authorId });
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

  it('a free centre is used as is (first note goes where the person is looking)', () => {
    expect(findFreeSpot({ occupied: [], near: { x: 100 + 224 * 3, y: 75 + 174 * 2 } })).toEqual({ x: 224 * 3, y: 174 * 2 });
  });
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
        const near = last.get(author) ?? { x: 600, y: 400 };
        const p = findFreeSpot({ occupied: seen, near, authorId: author });
        notes.push({ id: `${author}-${round}`, authorId: author, createdAt: round, ...p });
        last.set(author, { x: p.x + NOTE_WIDTH / 2, y: p.y + NOTE_HEIGHT / 2 });
      }
      // Sync: every author's client moves its own notes that came second.
      for (let pass = 0; pass < 5; pass++) {
        const moves = authors.map((a) => resolveNewOverlaps(notes, a, round));
        for (const m of moves) for (const n of notes) if (m.has(n.id)) Object.assign(n, m.get(n.id));
      }
    }
    expect(notes).toHaveLength(1000);
    expect(countOverlaps(notes)).toBe(0);
  });

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
