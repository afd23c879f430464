import type * as Y from 'yjs';
import {
  boardClusters,
  boardNotes,
  controlState,
  createCluster,
  deleteCluster,
  MAX_TITLE_LENGTH,
  ORIGIN,
  readNote,
  type Phase,
} from '@crossboard/model';
import type { LocalUser } from '../app/workshop-context.ts';
import { NOTE_HEIGHT, NOTE_WIDTH } from '../board/geometry.ts';
import { clusterAt } from './cluster-geometry.ts';

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

/** Who may cluster: the facilitator, and participants when the facilitator allows it. */
export function mayCluster(me: LocalUser, control: Y.Doc): boolean {
  return me.role === 'facilitator' || (me.role === 'participant' && controlState(control).get('participantsMayCluster') === true);
}

export function createClusterWith(doc: Y.Doc, undo: Y.UndoManager, phase: Phase, title: string, noteIds: string[] = []): string {
  let id = '';
  step(doc, undo, () => {
    const notes = noteIds.map((n) => boardNotes(doc).get(n)).flatMap((m) => (m ? [readNote(m)] : [])).flatMap((n) => (n ? [n] : []));
    // An empty cluster appears beside the notes rather than on top of them.
    const x = notes.length ? Math.min(...notes.map((n) => n.x)) : nextFreeX(doc, phase);
    const y = notes.length ? Math.min(...notes.map((n) => n.y)) : -NOTE_HEIGHT;
    id = createCluster(boardClusters(doc), { phase, title: cleanTitle(title), x, y });
    for (const n of notes) boardNotes(doc).get(n.id)?.set('clusterId', id);
  });
  return id;
}

function nextFreeX(doc: Y.Doc, phase: Phase): number {
  let right = 0;
  for (const m of boardNotes(doc).values()) {
    const n = readNote(m);
    if (n && n.phase === phase) right = Math.max(right, n.x + NOTE_WIDTH);
  }
  return right + 2 * NOTE_WIDTH;
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
  step(doc, undo, () => boardNotes(doc).get(noteId)?.set('clusterId', clusterId));
}

/**
 * After a note is dragged: if its centre now lies in another cluster's frame, it joins that
 * cluster. Runs inside the drag's undo step (no stopCapturing), so one Ctrl+Z undoes both.
 */
export function assignOnDrop(doc: Y.Doc, noteId: string): string | null {
  const map = boardNotes(doc).get(noteId);
  const note = map ? readNote(map) : null;
  if (!note) return null;
  const target = clusterAt(doc, note.phase, note.x + NOTE_WIDTH / 2, note.y + NOTE_HEIGHT / 2, note.clusterId);
  if (target) doc.transact(() => map!.set('clusterId', target), ORIGIN.local);
  return target;
}
