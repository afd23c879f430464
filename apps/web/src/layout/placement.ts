import { useEffect } from 'react';
import type * as Y from 'yjs';
import {
  boardClusters,
  boardNotes,
  ORIGIN,
  tidyPhase,
  frameSize,
  placeFrame,
  stackInColumns,
  BLOCK_COLUMNS,
  CELL_WIDTH,
  NOTE_GAP,
  readNote,
  nextSpotFor,
  resolveNewOverlaps,
  type NoteView,
  type Phase,
  type Point,
  type Rect,
} from '@crossboard/model';
import { clusterRect } from './cluster-geometry.ts';
import { FRAME_PADDING as CLUSTER_PADDING, FRAME_TITLE_BAND as CLUSTER_TITLE_BAND, NOTE_WIDTH, noteHeightOf } from './note-geometry.ts';

/**
 * Moves the board makes for the user (sync repair) rather than by their hand: sent like any
 * local change, but not an undo step (undoing would put the note back on top of another).
 */
export const LAYOUT_ORIGIN = 'board-layout';
/** Notes this young may still be moved off another one that was made at the same instant. */
export const REPAIR_WINDOW_MS = 15_000;

function phaseNotes(doc: Y.Doc, phase: Phase): NoteView[] {
  const out: NoteView[] = [];
  for (const m of boardNotes(doc).values()) {
    const n = readNote(m);
    if (n && n.phase === phase) out.push(n);
  }
  return out;
}

/**
 * Where `authorId`'s next note in `phase` goes: the next free cell of their block, or a block
 * of their own near `fallback` (the centre of what they look at) for their first.
 */
export function nextNoteSpot(doc: Y.Doc, phase: Phase, authorId: string, fallback: Point): Point {
  const notes = phaseNotes(doc, phase).map((n) => ({ id: n.id, x: n.x, y: n.y, createdAt: n.createdAt, authorId: n.author?.id ?? null }));
  return nextSpotFor(notes, authorId, fallback);
}

const intersects = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Frames of the phase's other clusters, as board rectangles. */
function otherFrames(doc: Y.Doc, phase: Phase, except: string | null): Rect[] {
  const out: Rect[] = [];
  for (const [id, c] of boardClusters(doc)) {
    if (id === except || c.get('phase') !== phase) continue;
    const r = clusterRect(doc, phase, id);
    if (r) out.push({ x: r.left, y: r.top, width: r.width, height: r.height });
  }
  return out;
}

/** The phase's notes (as tall as they show) and frames, as board rectangles. */
function phaseRects(doc: Y.Doc, phase: Phase, leaving: ReadonlySet<string> = new Set()): Rect[] {
  const rects: Rect[] = [];
  for (const [id, m] of boardNotes(doc)) {
    if (m.get('phase') !== phase || leaving.has(id)) continue;
    rects.push({ x: Number(m.get('x')) || 0, y: Number(m.get('y')) || 0, width: NOTE_WIDTH, height: noteHeightOf(m) });
  }
  rects.push(...otherFrames(doc, phase, null));
  return rects;
}

/** Everything on the phase's board, or null when it is empty: what "fit to content" shows. */
export function phaseContentRect(doc: Y.Doc, phase: Phase): Rect | null {
  const rects = phaseRects(doc, phase);
  if (rects.length === 0) return null;
  const x = Math.min(...rects.map((r) => r.x));
  const y = Math.min(...rects.map((r) => r.y));
  return { x, y, width: Math.max(...rects.map((r) => r.x + r.width)) - x, height: Math.max(...rects.map((r) => r.y + r.height)) - y };
}

/**
 * A new cluster of `noteIds`: its frame in free space the size of the block its notes will make,
 * chosen so the phase keeps a landscape shape (placeFrame), and each note's spot in the block.
 * The notes leaving their places free them for the frame.
 */
export function placeNewCluster(doc: Y.Doc, phase: Phase, noteIds: string[]): { anchor: Point; notes: Map<string, Point> } {
  const members = noteIds.flatMap((id) => {
    const m = boardNotes(doc).get(id);
    return m ? [{ id, height: noteHeightOf(m) }] : [];
  });
  const block = stackInColumns(members.map((m) => m.height));
  const obstacles = phaseRects(doc, phase, new Set(noteIds));
  const everything = phaseContentRect(doc, phase);
  const near = everything ? { x: everything.x + everything.width / 2, y: everything.y + everything.height / 2 } : { x: 0, y: 0 };
  const anchor = placeFrame({ obstacles, size: frameSize(block), near });
  const inside = { x: anchor.x + CLUSTER_PADDING, y: anchor.y + CLUSTER_PADDING + CLUSTER_TITLE_BAND };
  const notes = new Map(
    members.map((m, k) => [m.id, { x: inside.x + block.positions[k]!.x, y: inside.y + block.positions[k]!.y }] as const),
  );
  return { anchor, notes };
}

/**
 * A note joining a cluster moves into its cluster's block, in the same transaction (one undo
 * step), so the frame grows around it instead of stretching across the board. The block is
 * BLOCK_COLUMNS wide; the note goes under the shortest column (long notes make a column
 * taller), and further down past any other note or frame it would cover.
 */
export function moveIntoCluster(doc: Y.Doc, noteId: string, clusterId: string | null): void {
  doc.transact(() => {
    const map = boardNotes(doc).get(noteId);
    if (!map) return;
    map.set('clusterId', clusterId);
    const cluster = clusterId ? boardClusters(doc).get(clusterId) : undefined;
    if (!cluster) return;
    const phase = map.get('phase') as Phase;
    const origin = {
      x: (Number(cluster.get('x')) || 0) + CLUSTER_PADDING,
      y: (Number(cluster.get('y')) || 0) + CLUSTER_PADDING + CLUSTER_TITLE_BAND,
    };
    const bottoms: number[] = Array.from({ length: BLOCK_COLUMNS }, () => origin.y);
    const obstacles: Rect[] = [];
    for (const [id, m] of boardNotes(doc)) {
      if (id === noteId || m.get('phase') !== phase) continue;
      const x = Number(m.get('x')) || 0;
      const y = Number(m.get('y')) || 0;
      const h = noteHeightOf(m);
      if (m.get('clusterId') === clusterId) {
        const col = Math.min(BLOCK_COLUMNS - 1, Math.max(0, Math.round((x - origin.x) / CELL_WIDTH)));
        bottoms[col] = Math.max(bottoms[col]!, y + h + NOTE_GAP);
      } else {
        obstacles.push({ x, y, width: NOTE_WIDTH, height: h });
      }
    }
    // Another frame is kept a frame's padding away, so the two frames do not touch either.
    for (const f of otherFrames(doc, phase, clusterId)) {
      obstacles.push({
        x: f.x - CLUSTER_PADDING,
        y: f.y - CLUSTER_PADDING - CLUSTER_TITLE_BAND,
        width: f.width + 2 * CLUSTER_PADDING,
        height: f.height + 2 * CLUSTER_PADDING + CLUSTER_TITLE_BAND,
      });
    }
    const col = bottoms.indexOf(Math.min(...bottoms));
    const height = noteHeightOf(map);
    const spot: Rect = { x: origin.x + col * CELL_WIDTH, y: bottoms[col]!, width: NOTE_WIDTH, height };
    for (let guard = 0; guard < 500; guard++) {
      const hit = obstacles.find((o) => intersects(spot, o));
      if (!hit) break;
      spot.y = hit.y + hit.height + NOTE_GAP;
    }
    map.set('x', spot.x);
    map.set('y', spot.y);
  }, ORIGIN.local);
}

/** Whether `authorId` made a note in `phase` since `since`: one that the repair may still move. */
function hasYoungNote(doc: Y.Doc, phase: Phase, authorId: string, since: number): boolean {
  for (const m of boardNotes(doc).values()) {
    // The creation time first: on a board that has settled, no note passes it.
    if (!(Number(m.get('createdAt')) >= since)) continue;
    const n = readNote(m);
    if (n && n.phase === phase && n.author?.id === authorId) return true;
  }
  return false;
}

/** Moves this author's new notes that landed on a note someone else made at the same instant. */
export function repairOverlaps(doc: Y.Doc, phase: Phase, authorId: string, now = Date.now()): number {
  // Only this author's young notes ever move: without one there is nothing to plan (planning
  // read every note of a 5,000-note board, ~100 ms, right as it first drew).
  if (!hasYoungNote(doc, phase, authorId, now - REPAIR_WINDOW_MS)) return 0;
  const notes = phaseNotes(doc, phase).map((n) => ({ id: n.id, x: n.x, y: n.y, createdAt: n.createdAt, authorId: n.author?.id ?? null }));
  const moves = resolveNewOverlaps(notes, authorId, now - REPAIR_WINDOW_MS);
  if (moves.size === 0) return 0;
  doc.transact(() => {
    for (const [id, p] of moves) {
      const m = boardNotes(doc).get(id);
      m?.set('x', p.x);
      m?.set('y', p.y);
    }
  }, LAYOUT_ORIGIN);
  return moves.size;
}

/** Runs the repair whenever someone else's notes arrive or move, while this person has a young note. */
export function useOverlapRepair(doc: Y.Doc, phase: Phase, authorId: string, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const notes = boardNotes(doc);
    let scheduled = false;
    const onChange = (events: Y.YEvent<any>[], tr: Y.Transaction) => {
      if (tr.local || scheduled) return;
      // Others typing in their notes changes nothing here; new notes and moves do.
      const placed = events.some(
        (e) => e.target === notes || (e.path.length === 1 && (e.changes.keys.has('x') || e.changes.keys.has('y'))),
      );
      if (!placed) return;
      scheduled = true;
      // After the whole remote update has been applied (several notes may arrive together).
      setTimeout(() => {
        scheduled = false;
        repairOverlaps(doc, phase, authorId);
      }, 0);
    };
    notes.observeDeep(onChange);
    return () => notes.unobserveDeep(onChange);
  }, [doc, phase, authorId, enabled]);
}

/**
 * "Tidy up": the phase's clusters in rows that keep a 16:10 shape, each a block of its notes inside its frame, the
 * unclustered notes after them. One local transaction, so one Ctrl+Z, and synced to everyone.
 */
export function tidyUpPhase(doc: Y.Doc, undo: Y.UndoManager, phase: Phase, moveClusters: boolean): void {
  const notes = phaseNotes(doc, phase).sort((a, b) => a.order - b.order || a.createdAt - b.createdAt);
  if (notes.length === 0) return;
  const clusters = [...boardClusters(doc)]
    .filter(([, c]) => c.get('phase') === phase)
    .sort(([, a], [, b]) => (Number(a.get('order')) || 0) - (Number(b.get('order')) || 0));
  const known = new Set(clusters.map(([id]) => id));
  const layout = tidyPhase({
    clusters: clusters.map(([id]) => ({ id, noteIds: notes.filter((n) => n.clusterId === id).map((n) => n.id) })),
    unclustered: notes.filter((n) => !n.clusterId || !known.has(n.clusterId)).map((n) => n.id),
    start: { x: Math.min(...notes.map((n) => n.x)), y: Math.min(...notes.map((n) => n.y)) },
    heights: new Map(notes.map((n) => [n.id, noteHeightOf(boardNotes(doc).get(n.id)!)] as const)),
  });
  undo.stopCapturing();
  doc.transact(() => {
    for (const [id, p] of layout.notes) {
      const m = boardNotes(doc).get(id);
      m?.set('x', p.x);
      m?.set('y', p.y);
    }
    if (!moveClusters) return;
    for (const [id, p] of layout.clusters) {
      const c = boardClusters(doc).get(id);
      c?.set('x', p.x - CLUSTER_PADDING);
      c?.set('y', p.y - CLUSTER_PADDING - CLUSTER_TITLE_BAND);
    }
  }, ORIGIN.local);
  undo.stopCapturing();
}
