import type * as Y from 'yjs';
import {
  boardClusters,
  boardNotes,
  createCluster,
  deleteCluster,
  MAX_TITLE_LENGTH,
  mayCluster as mayClusterAs,
  ORIGIN,
  readParticipantsMayCluster,
  readNote,
  type Phase,
} from '@crossboard/model';
import type { LocalUser } from '../shared/workshop-context.ts';
import { clusterAt } from '../layout/cluster-geometry.ts';
import { noteCentre } from '../layout/note-geometry.ts';
import { moveIntoCluster, placeNewCluster } from '../layout/placement.ts';

/**
 * Clustering writes. Each is one local transaction and one undo step, so the board's
 * Ctrl+Z (the WorkshopProvider's UndoManager, which tracks notes and clusters) reverses it.
 */
function step(doc: Y.Doc, undo: Y.UndoManager, fn: () => void): void {
  undo.stopCapturing();
  doc.transact(fn, ORIGIN.local);
  undo.stopCapturing();
}

const cleanTitle = (title: string) => title.trim().slice(0, MAX_TITLE_LENGTH);

/** Whether this person may cluster now: the model's rule, read from the control room. */
export function mayCluster(me: LocalUser, control: Y.Doc): boolean {
  return mayClusterAs(me.role, readParticipantsMayCluster(control));
}

export function createClusterWith(doc: Y.Doc, undo: Y.UndoManager, phase: Phase, title: string, noteIds: string[] = []): string {
  let id = '';
  step(doc, undo, () => {
    // A frame drawn around notes wherever they lie overlapped its neighbours: the cluster gets
    // free space of its own near the middle of the phase, and its notes move into it as a block.
    const { anchor, notes } = placeNewCluster(doc, phase, noteIds);
    id = createCluster(boardClusters(doc), { phase, title: cleanTitle(title), x: anchor.x, y: anchor.y });
    for (const [noteId, p] of notes) {
      const m = boardNotes(doc).get(noteId);
      m?.set('clusterId', id);
      m?.set('x', p.x);
      m?.set('y', p.y);
    }
  });
  return id;
}

export function renameCluster(doc: Y.Doc, undo: Y.UndoManager, clusterId: string, title: string): void {
  step(doc, undo, () => boardClusters(doc).get(clusterId)?.set('title', cleanTitle(title)));
}

/** Moves every note of `fromId` into `intoId` and removes `fromId`. */
export function mergeClusters(doc: Y.Doc, undo: Y.UndoManager, fromId: string, intoId: string): void {
  if (fromId === intoId) return;
  step(doc, undo, () => {
    for (const note of boardNotes(doc).values()) if (note.get('clusterId') === fromId) note.set('clusterId', intoId);
    boardClusters(doc).delete(fromId);
  });
}

/** Splitting: the chosen notes leave their cluster and become unclustered. */
export function removeFromCluster(doc: Y.Doc, undo: Y.UndoManager, noteIds: string[]): void {
  step(doc, undo, () => {
    for (const id of noteIds) boardNotes(doc).get(id)?.set('clusterId', null);
  });
}

export function removeCluster(doc: Y.Doc, undo: Y.UndoManager, clusterId: string): void {
  step(doc, undo, () => deleteCluster(doc, clusterId));
}

export function assignToCluster(doc: Y.Doc, undo: Y.UndoManager, noteId: string, clusterId: string | null): void {
  step(doc, undo, () => moveIntoCluster(doc, noteId, clusterId));
}

/**
 * After a note is dragged: if its centre now lies in another cluster's frame, it joins that
 * cluster. Runs inside the drag's undo step (no stopCapturing), so one Ctrl+Z undoes both.
 */
export function assignOnDrop(doc: Y.Doc, noteId: string): string | null {
  const map = boardNotes(doc).get(noteId);
  const note = map ? readNote(map) : null;
  if (!note) return null;
  const centre = noteCentre(note);
  const target = clusterAt(doc, note.phase, centre.x, centre.y, note.clusterId);
  // Dropped on a frame, the note takes its place in the cluster's block.
  if (target) moveIntoCluster(doc, noteId, target);
  return target;
}
