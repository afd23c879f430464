import { useEffect, useRef, type PointerEvent } from 'react';
import { mayCluster, assignOnDrop } from '../facilitation/cluster-actions.ts';
import { useWorkshop } from '../shared/workshop-context.ts';
import { useBoardUi } from './board-ui-store.ts';
import { patchNote } from './note-actions.ts';

/** A press that moves less than this (in board pixels) is a click, not a drag. */
const DRAG_THRESHOLD = 3;
/** A finger held this long on a note picks it up; a shorter touch that moves pans the board. */
export const LONG_PRESS_MS = 450;
/** How far (screen px) a finger may wander while it is being held and still pick the note up. */
const LONG_PRESS_SLOP = 8;

/**
 * Touch pointers a note has picked up with a long press: the board (Board.tsx) leaves them out
 * of its pan and pinch, so the finger moves the note and not the canvas under it.
 */
export const notePointers = new Set<number>();

interface Drag {
  pointerId: number;
  /** Where the pointer went down, on screen. */
  sx: number;
  sy: number;
  /** Where the note was then, on the board. */
  x: number;
  y: number;
  moved: boolean;
  /** A touch waiting out its long press: it pans the board until the note is picked up. */
  pending?: ReturnType<typeof setTimeout>;
}

/**
 * Dragging a note with the pointer: each move is written to the note's Y.Map (so others see
 * it travel), and the whole drag is one undo step. Dropped on a cluster's frame, the note
 * joins it in that same step. Presses on the note's tools or editor are theirs, not a drag.
 * With a finger, a note is picked up by a long press (LONG_PRESS_MS): a touch that moves
 * before then is the board's, to pan (and, with a second finger, pinch).
 */
export function useNoteDrag(id: string, at: { x: number; y: number } | null, enabled: boolean) {
  const { board, undo, control, me } = useWorkshop();
  const drag = useRef<Drag | null>(null);

  const release = () => {
    const d = drag.current;
    if (!d) return;
    clearTimeout(d.pending);
    notePointers.delete(d.pointerId);
    drag.current = null;
  };
  useEffect(() => release, []);

  const onPointerDown = (e: PointerEvent<HTMLElement>) => {
    if (!enabled || !at || e.button !== 0) return;
    if ((e.target as HTMLElement).closest('button, select, input, .note-editor')) return;
    if (e.pointerType === 'touch') {
      // Not ours yet: the board pans with this finger unless it stays put long enough.
      if (drag.current) return;
      const el = e.currentTarget;
      const pointerId = e.pointerId;
      const d: Drag = { pointerId, sx: e.clientX, sy: e.clientY, x: at.x, y: at.y, moved: false };
      d.pending = setTimeout(() => {
        d.pending = undefined;
        notePointers.add(pointerId);
        try {
          el.setPointerCapture(pointerId);
        } catch {
          // The finger has already lifted.
        }
        el.dataset.lifted = 'true';
      }, LONG_PRESS_MS);
      drag.current = d;
      return;
    }
    e.stopPropagation();
    drag.current = { pointerId: e.pointerId, sx: e.clientX, sy: e.clientY, x: at.x, y: at.y, moved: false };
    e.currentTarget.setPointerCapture?.(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent<HTMLElement>) => {
    const d = drag.current;
    if (!d || d.pointerId !== e.pointerId) return;
    if (d.pending !== undefined) {
      // Moved before the long press: a pan of the board, not a drag of this note.
      if (Math.hypot(e.clientX - d.sx, e.clientY - d.sy) > LONG_PRESS_SLOP) release();
      return;
    }
    if (e.pointerType === 'touch') e.stopPropagation();
    const zoom = useBoardUi.getState().viewport.zoom;
    const dx = (e.clientX - d.sx) / zoom;
    const dy = (e.clientY - d.sy) / zoom;
    if (!d.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
    d.moved = true;
    patchNote(board, id, { x: Math.round(d.x + dx), y: Math.round(d.y + dy) });
  };
  const onPointerUp = (e: PointerEvent<HTMLElement>) => {
    const d = drag.current;
    if (d?.pointerId !== e.pointerId) return;
    delete e.currentTarget.dataset.lifted;
    const wasDrag = d.pending === undefined;
    release();
    if (!wasDrag) return;
    // Dropped on a cluster's frame: join it, in the same undo step as the drag.
    if (d.moved && mayCluster(me, control)) assignOnDrop(board, id);
    undo.stopCapturing();
  };

  return { onPointerDown, onPointerMove, onPointerUp, onPointerCancel: onPointerUp };
}
