import type * as Y from 'yjs';
import { boardNotes, listClusters, listNotes, type Phase } from '@crossboard/model';
import { FRAME_PADDING as PAD, FRAME_TITLE_BAND as LABEL, NOTE_HEIGHT, NOTE_WIDTH, noteHeightOf } from './note-geometry.ts';

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The frame around a cluster's notes (or its own spot while empty): what ClusterLayer draws, so a drop lands where the frame is seen. */
export function clusterRect(doc: Y.Doc, phase: Phase, clusterId: string): Rect | null {
  const cluster = listClusters(doc, phase).find((c) => c.id === clusterId);
  if (!cluster) return null;
  const members = listNotes(doc, phase).filter((n) => n.clusterId === clusterId);
  if (members.length === 0) return { left: cluster.x, top: cluster.y, width: NOTE_WIDTH + 2 * PAD, height: NOTE_HEIGHT / 2 + LABEL };
  const left = Math.min(...members.map((n) => n.x)) - PAD;
  const top = Math.min(...members.map((n) => n.y)) - PAD - LABEL;
  const right = Math.max(...members.map((n) => n.x + NOTE_WIDTH)) + PAD;
  const height = (id: string) => {
    const m = boardNotes(doc).get(id);
    return m ? noteHeightOf(m) : NOTE_HEIGHT;
  };
  const bottom = Math.max(...members.map((n) => n.y + height(n.id))) + PAD;
  return { left, top, width: right - left, height: bottom - top };
}

/** The cluster whose frame holds the point, ignoring one (the note's own cluster). */
export function clusterAt(doc: Y.Doc, phase: Phase, x: number, y: number, except: string | null): string | null {
  for (const c of listClusters(doc, phase)) {
    if (c.id === except) continue;
    const r = clusterRect(doc, phase, c.id);
    if (r && x >= r.left && x <= r.left + r.width && y >= r.top && y <= r.top + r.height) return c.id;
  }
  return null;
}
