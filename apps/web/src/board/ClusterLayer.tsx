import { useCallback, useRef, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { boardClusters, boardNotes, listClusters, listNotes, type Phase } from '@crossboard/model';
import { useWorkshop } from '../app/workshop-context.ts';
import { NOTE_HEIGHT, NOTE_WIDTH } from './geometry.ts';

const PAD = 24;
const LABEL = 28;
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

function computeFrames(doc: Y.Doc, phase: Phase): Frame[] {
  const notes = listNotes(doc, phase);
  return listClusters(doc, phase).flatMap((c) => {
    const members = notes.filter((n) => n.clusterId === c.id);
    if (members.length === 0) {
      return [{ id: c.id, title: c.title, count: 0, left: c.x, top: c.y, width: NOTE_WIDTH + 2 * PAD, height: NOTE_HEIGHT / 2 + LABEL }];
    }
    const left = Math.min(...members.map((n) => n.x)) - PAD;
    const top = Math.min(...members.map((n) => n.y)) - PAD - LABEL;
    const right = Math.max(...members.map((n) => n.x + NOTE_WIDTH)) + PAD;
    const bottom = Math.max(...members.map((n) => n.y + NOTE_HEIGHT)) + PAD;
    return [{ id: c.id, title: c.title, count: members.length, left, top, width: right - left, height: bottom - top }];
  });
}

/** Clusters drawn as labelled frames around their notes, recomputed only when positions or membership change. */
export function ClusterLayer({ phase }: { phase: Phase }) {
  const { t } = useTranslation();
  const { board } = useWorkshop();
  const cache = useRef<{ dirty: boolean; frames: Frame[] }>({ dirty: true, frames: [] });
  const subscribe = useCallback(
    (onChange: () => void) => {
      const notes = boardNotes(board);
      const clusters = boardClusters(board);
      const onNotes = (events: Y.YEvent<any>[]) => {
        const relevant = events.some(
          (e) => e.target === notes || (e.path.length === 1 && Array.from(e.changes.keys.keys()).some((k) => FRAME_KEYS.has(k))),
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
    if (cache.current.dirty) cache.current = { dirty: false, frames: computeFrames(board, phase) };
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
