import { useCallback, useRef, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { boardClusters, boardNotes, listClusters, type NoteMap, type Phase } from '@crossboard/model';
import { useWorkshop } from '../shared/workshop-context.ts';
import { FRAME_PADDING as PAD, FRAME_TITLE_BAND as LABEL, NOTE_HEIGHT, NOTE_WIDTH, noteHeightOf } from '../layout/note-geometry.ts';
/** Note fields that move a cluster's frame; typing in a note does not. */
const FRAME_KEYS = new Set(['x', 'y', 'clusterId']);

interface Frame {
  id: string;
  title: string;
  count: number;
  left: number;
  top: number;
  width: number;
  height: number;
}

interface Bounds {
  count: number;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * One pass over the notes, then one per cluster: a drag recomputes this on every move, and
 * filtering all notes once per cluster (260 clusters × 5,000 notes) made dragging stutter.
 */
function computeFrames(doc: Y.Doc, phase: Phase, heightOf: (note: NoteMap) => number): Frame[] {
  const bounds = new Map<string, Bounds>();
  for (const note of boardNotes(doc).values()) {
    const clusterId = note.get('clusterId');
    if (typeof clusterId !== 'string' || note.get('phase') !== phase) continue;
    const x = Number(note.get('x')) || 0;
    const y = Number(note.get('y')) || 0;
    // Long notes are taller than the card's minimum: the frame grows with them.
    const h = heightOf(note);
    const b = bounds.get(clusterId);
    if (!b) {
      bounds.set(clusterId, { count: 1, left: x, top: y, right: x + NOTE_WIDTH, bottom: y + h });
      continue;
    }
    b.count++;
    b.left = Math.min(b.left, x);
    b.top = Math.min(b.top, y);
    b.right = Math.max(b.right, x + NOTE_WIDTH);
    b.bottom = Math.max(b.bottom, y + h);
  }
  return listClusters(doc, phase).map((c) => {
    const b = bounds.get(c.id);
    if (!b)
      return { id: c.id, title: c.title, count: 0, left: c.x, top: c.y, width: NOTE_WIDTH + 2 * PAD, height: NOTE_HEIGHT / 2 + LABEL };
    const left = b.left - PAD;
    const top = b.top - PAD - LABEL;
    return { id: c.id, title: c.title, count: b.count, left, top, width: b.right + PAD - left, height: b.bottom + PAD - top };
  });
}

/** Clusters drawn as labelled frames around their notes, recomputed only when positions or membership change. */
export function ClusterLayer({ phase }: { phase: Phase }) {
  const { t } = useTranslation();
  const { board } = useWorkshop();
  const cache = useRef<{ dirty: boolean; frames: Frame[] }>({ dirty: true, frames: [] });
  // Each clustered note's height, read from its text once: a drag recomputes every frame on
  // each pointer move, and reading 5,000 notes' text each time made the drag stutter. A note's
  // entry goes when its text changes; a note undone back is a new map, so it is read afresh.
  const heights = useRef(new WeakMap<NoteMap, number>());
  const heightOf = useCallback((note: NoteMap) => {
    let h = heights.current.get(note);
    if (h === undefined) heights.current.set(note, (h = noteHeightOf(note)));
    return h;
  }, []);
  const subscribe = useCallback(
    (onChange: () => void) => {
      const notes = boardNotes(board);
      const clusters = boardClusters(board);
      const onNotes = (events: Y.YEvent<any>[]) => {
        for (const e of events) {
          // Typed inside the note's text, or the text replaced whole.
          if ((e.path.length > 1 && e.path[1] === 'content') || (e.path.length === 1 && e.changes.keys.has('content'))) {
            const note = notes.get(String(e.path[0]));
            if (note) heights.current.delete(note);
          }
        }
        const relevant = events.some(
          (e) =>
            e.target === notes ||
            (e.path.length === 1 && Array.from(e.changes.keys.keys()).some((k) => FRAME_KEYS.has(k))) ||
            // Text typed in a clustered note may make it taller than its frame.
            (e.path.length > 1 && e.path[1] === 'content' && typeof notes.get(String(e.path[0]))?.get('clusterId') === 'string'),
        );
        if (relevant) {
          cache.current.dirty = true;
          onChange();
        }
      };
      const onClusters = () => {
        cache.current.dirty = true;
        onChange();
      };
      notes.observeDeep(onNotes);
      clusters.observeDeep(onClusters);
      cache.current.dirty = true;
      return () => {
        notes.unobserveDeep(onNotes);
        clusters.unobserveDeep(onClusters);
      };
    },
    [board],
  );
  const getFrames = () => {
    if (cache.current.dirty) cache.current = { dirty: false, frames: computeFrames(board, phase, heightOf) };
    return cache.current.frames;
  };
  const frames = useSyncExternalStore(subscribe, getFrames, getFrames);
  return (
    <div className="cluster-layer" aria-hidden="true">
      {frames.map((f) => (
        <div key={f.id} className="cluster" style={{ transform: `translate(${f.left}px, ${f.top}px)`, width: f.width, height: f.height }}>
          <span className="cluster__label">
            {f.title || t('board.untitledCluster')} <span className="cluster__count">{t('board.notesCount', { count: f.count })}</span>
          </span>
        </div>
      ))}
    </div>
  );
}
