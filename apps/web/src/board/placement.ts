import { useEffect } from 'react';
import type * as Y from 'yjs';
import {
  boardClusters,
  boardNotes,
  findFreeSpot,
  ORIGIN,
  slotForClusterMember,
  tidyPhase,
  NOTE_HEIGHT,
  NOTE_WIDTH,
  noteRect,
  readNote,
  resolveNewOverlaps,
  type NoteView,
  type Phase,
  type Point,
} from '@crossboard/model';

/**
 * Moves the board makes for the user (sync repair) rather than by their hand: sent like any
 * local change, but not an undo step (undoing would put the note back on top of another).
 */
export const LAYOUT_ORIGIN = 'board-layout';
/** Notes this young may still be moved off another one that was made at the same instant. */
const REPAIR_WINDOW_MS = 15_000;
/** An empty cluster's frame starts at its anchor; its first note goes inside the padding, below the title. */
const CLUSTER_PADDING = 24;
const CLUSTER_TITLE_BAND = 28;

function phaseNotes(doc: Y.Doc, phase: Phase): NoteView[] {
  const out: NoteView[] = [];
  for (const m of boardNotes(doc).values()) {
    const n = readNote(m);
    if (n && n.phase === phase) out.push(n);
  }
  return out;
}

const centre = (n: Point): Point => ({ x: n.x + NOTE_WIDTH / 2, y: n.y + NOTE_HEIGHT / 2 });

/**
 * Where `authorId`'s next note in `phase` goes: free space next to their latest note, or
 * around `fallback` (the centre of what they look at) for their first.
 */
export function nextNoteSpot(doc: Y.Doc, phase: Phase, authorId: string, fallback: Point): Point {
  const notes = phaseNotes(doc, phase);
  let latest: NoteView | null = null;
  for (const n of notes) if (n.author?.id === authorId && (!latest || n.createdAt > latest.createdAt)) latest = n;
  return findFreeSpot({ occupied: notes.map(noteRect), near: latest ? centre(latest) : fallback, authorId });
}

/**
 * A note joining a cluster moves into the next free slot of the cluster's block, in the same
 * transaction (one undo step), so the frame grows around it instead of stretching across the board.
 */
export function moveIntoCluster(doc: Y.Doc, noteId: string, clusterId: string | null): void {
  doc.transact(() => {
    const map = boardNotes(doc).get(noteId);
    if (!map) return;
    map.set('clusterId', clusterId);
    const cluster = clusterId ? boardClusters(doc).get(clusterId) : undefined;
    if (!cluster) return;
    const members: Point[] = [];
    for (const [id, m] of boardNotes(doc)) {
      if (id !== noteId && m.get('clusterId') === clusterId) members.push({ x: Number(m.get('x')) || 0, y: Number(m.get('y')) || 0 });
    }
    const p = slotForClusterMember(members, {
      x: (Number(cluster.get('x')) || 0) + CLUSTER_PADDING,
      y: (Number(cluster.get('y')) || 0) + CLUSTER_PADDING + CLUSTER_TITLE_BAND,
    });
    map.set('x', p.x);
    map.set('y', p.y);
  }, ORIGIN.local);
}

/** Moves this author's new notes that landed on a note someone else made at the same instant. */
export function repairOverlaps(doc: Y.Doc, phase: Phase, authorId: string, now = Date.now()): number {
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
      const placed = events.some((e) => e.target === notes || (e.path.length === 1 && (e.changes.keys.has('x') || e.changes.keys.has('y'))));
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
 * "Tidy up": the phase's clusters side by side, each a block of its notes inside its frame, the
 * unclustered notes after them. One local transaction, so one Ctrl+Z, and synced to everyone.
 */
export function tidyUpPhase(doc: Y.Doc, undo: Y.UndoManager, phase: Phase, moveClusters: boolean): void {
  const notes = phaseNotes(doc, phase).sort((a, b) => a.order - b.order || a.createdAt - b.createdAt);
  if (notes.length === 0) return;
  const clusters = [...boardClusters(doc)].filter(([, c]) => c.get('phase') === phase).sort(([, a], [, b]) => (Number(a.get('order')) || 0) - (Number(b.get('order')) || 0));
  const known = new Set(clusters.map(([id]) => id));
  const layout = tidyPhase({
    clusters: clusters.map(([id]) => ({ id, noteIds: notes.filter((n) => n.clusterId === id).map((n) => n.id) })),
    unclustered: notes.filter((n) => !n.clusterId || !known.has(n.clusterId)).map((n) => n.id),
    start: { x: Math.min(...notes.map((n) => n.x)), y: Math.min(...notes.map((n) => n.y)) },
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
