import { useRef, type PointerEvent } from 'react';
import { mayCluster, assignOnDrop } from '../facilitation/cluster-actions.ts';
import { useWorkshop } from '../shared/workshop-context.ts';
import { useBoardUi } from './board-ui-store.ts';
import { patchNote } from './note-actions.ts';

/** A press that moves less than this (in board pixels) is a click, not a drag. */
const DRAG_THRESHOLD = 3;

interface Drag {
  pointerId: number;
  /** Where the pointer went down, on screen. */
  sx: number;
  sy: number;
  /** Where the note was then, on the board. */
  x: number;
  y: number;
  moved: boolean;
}

/**
 * Dragging a note with the pointer: each move is written to the note's Y.Map (so others see
 * it travel), and the whole drag is one undo step. Dropped on a cluster's frame, the note
 * joins it in that same step. Presses on the note's tools or editor are theirs, not a drag.
 */
export function useNoteDrag(id: string, at: { x: number; y: number } | null, enabled: boolean) {
  const { board, undo, control, me } = useWorkshop();
  const drag = useRef<Drag | null>(null);

  const onPointerDown = (e: PointerEvent<HTMLElement>) => {
    if (!enabled || !at || e.button !== 0) return;
    if ((e.target as HTMLElement).closest('button, select, input, .note-editor')) return;
    e.stopPropagation();
    drag.current = { pointerId: e.pointerId, sx: e.clientX, sy: e.clientY, x: at.x, y: at.y, moved: false };
    e.currentTarget.setPointerCapture?.(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent<HTMLElement>) => {
    const d = drag.current;
    if (!d || d.pointerId !== e.pointerId) return;
    const zoom = useBoardUi.getState().viewport.zoom;
    const dx = (e.clientX - d.sx) / zoom;
    const dy = (e.clientY - d.sy) / zoom;
    if (!d.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
    d.moved = true;
    patchNote(board, id, { x: Math.round(d.x + dx), y: Math.round(d.y + dy) });
  };
  const onPointerUp = (e: PointerEvent<HTMLElement>) => {
    if (drag.current?.pointerId !== e.pointerId) return;
    // Dropped on a cluster's frame: join it, in the same undo step as the drag.
    if (drag.current.moved && mayCluster(me, control)) assignOnDrop(board, id);
    drag.current = null;
    undo.stopCapturing();
  };

  return { onPointerDown, onPointerMove, onPointerUp, onPointerCancel: onPointerUp };
}
