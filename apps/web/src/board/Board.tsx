import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { boardNotes, CELL_HEIGHT, type Phase } from '@crossboard/model';
import { useWorkshop } from '../shared/workshop-context.ts';
import { CursorLayer } from './CursorLayer.tsx';
import { SpotlightRing } from './Spotlight.tsx';
import { useBoardUi } from './board-ui-store.ts';
import { ClusterLayer } from './ClusterLayer.tsx';
import { isNoteVisible, ZOOM_STEP, screenToBoard } from './geometry.ts';
import { NOTE_HEIGHT, NOTE_WIDTH } from '../layout/note-geometry.ts';
import { nextNoteSpot, tidyUpPhase, useOverlapRepair } from '../layout/placement.ts';
import { fitPhase, useFitOnNewFrames } from './use-fit-on-new-frames.ts';
import { mayCluster } from '../facilitation/cluster-actions.ts';
import { stopBufferingKeys, whenFinishedBeforeEditor } from './key-buffer.ts';
import { addNote, appendTyped } from './note-actions.ts';
import { NoteLayer } from './NoteLayer.tsx';
import { usePhaseNoteIds } from '../shared/yjs-hooks.ts';
import { ThemeFilter, useThemeFiltered } from './theme-filter.tsx';
import { notePointers } from './use-note-drag.ts';

/** Pointer positions are shared at most this often, to keep awareness traffic small. */
const CURSOR_INTERVAL_MS = 50;

/** Where a note comes in reading order: its row of one grid cell's height, then across. */
function readingPlace(notes: ReturnType<typeof boardNotes>, id: string): { row: number; x: number } {
  return { row: Math.round((Number(notes.get(id)?.get('y')) || 0) / CELL_HEIGHT), x: Number(notes.get(id)?.get('x')) || 0 };
}

/** The first of `ids` in reading order, in one pass: sorting 5,000 notes took ~30 ms a render. */
function firstInReadingOrder(board: Y.Doc, ids: string[]): string | null {
  const notes = boardNotes(board);
  let first: string | null = null;
  let best = { row: Number.POSITIVE_INFINITY, x: Number.POSITIVE_INFINITY };
  for (const id of ids) {
    const at = readingPlace(notes, id);
    if (at.row < best.row || (at.row === best.row && at.x < best.x)) {
      first = id;
      best = at;
    }
  }
  return first;
}

/** Notes top to bottom in rows of one grid cell's height, left to right within a row. */
function readingOrder(board: Y.Doc, ids: string[]): string[] {
  const notes = boardNotes(board);
  return ids
    .map((id) => ({ id, ...readingPlace(notes, id) }))
    .sort((a, b) => a.row - b.row || a.x - b.x)
    .map((n) => n.id);
}

export function isTypingTarget(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName) || !!el.closest?.('[contenteditable="true"]'));
}

interface Props {
  phase: Phase;
  themes: string[];
  readOnly: boolean;
}

/** One phase's board: pan/zoom surface, cluster frames, notes, other people's pointers. */
export function Board({ phase, themes, readOnly }: Props) {
  const { t } = useTranslation();
  const { board, me, undo, awareness, control } = useWorkshop();
  const notes = boardNotes(board);
  const ids = useThemeFiltered(board, usePhaseNoteIds(notes, phase));
  const zoom = useBoardUi((s) => s.viewport.zoom);
  const pan = useBoardUi((s) => `translate(${s.viewport.panX}px, ${s.viewport.panY}px) scale(${s.viewport.zoom})`);
  const surface = useRef<HTMLDivElement>(null);
  const panning = useRef<{ pointerId: number; x: number; y: number } | null>(null);
  /** Fingers on the surface (or on a note they have not picked up): one pans, two pinch. */
  const touches = useRef(new Map<number, { x: number; y: number }>());
  const lastCursor = useRef(0);
  const ui = useBoardUi.getState;

  /**
   * Creates a note and opens it for writing: at a screen point of the surface (double-click),
   * else in free space beside this person's previous note or, for their first, the centre of view.
   */
  const createAt = useCallback(
    (sx?: number, sy?: number) => {
      if (readOnly) return;
      const v = ui().viewport;
      const w = v.width || 800;
      const h = v.height || 600;
      const spot =
        sx === undefined || sy === undefined
          ? nextNoteSpot(board, phase, me.id, screenToBoard(v, w / 2, h / 2))
          : (({ x, y }) => ({ x: Math.round(x - NOTE_WIDTH / 2), y: Math.round(y - NOTE_HEIGHT / 2) }))(screenToBoard(v, sx, sy));
      const id = addNote(board, undo, me, { phase, ...spot });
      if (!isNoteVisible({ ...v, width: w, height: h }, spot.x, spot.y, 0))
        ui().centreOn(spot.x + NOTE_WIDTH / 2, spot.y + NOTE_HEIGHT / 2);
      ui().startEditing(id);
    },
    [board, undo, me, phase, readOnly, ui],
  );
  useOverlapRepair(board, phase, me.id, !readOnly);
  useFitOnNewFrames(board, phase, me.role === 'facilitator');

  // Roving focus: one tab stop for the whole board, the last note focused or the first in reading order.
  const activeNoteId = useBoardUi((s) => s.activeNoteId);
  // Not again on every pan or zoom step (each renders the board): only when the notes change.
  const firstNote = useMemo(() => firstInReadingOrder(board, ids), [board, ids]);
  const tabStop = activeNoteId && ids.includes(activeNoteId) ? activeNoteId : firstNote;
  const focusSibling = useCallback(
    (from: string, step: 1 | -1 | 'first' | 'last') => {
      const order = readingOrder(board, ids);
      const at = order.indexOf(from);
      const next =
        step === 'first' ? order[0] : step === 'last' ? order[order.length - 1] : order[Math.min(order.length - 1, Math.max(0, at + step))];
      if (!next || next === from) return;
      const n = boardNotes(board).get(next);
      const x = Number(n?.get('x')) || 0;
      const y = Number(n?.get('y')) || 0;
      const v = ui().viewport;
      if (!isNoteVisible(v, x, y, 0)) ui().centreOn(x + NOTE_WIDTH / 2, y + NOTE_HEIGHT / 2);
      ui().setActiveNote(next);
      ui().requestFocus(next);
    },
    [board, ids, ui],
  );

  // Surface size for culling, measured before the first paint.
  useLayoutEffect(() => {
    const el = surface.current;
    if (!el) return;
    const measure = () => ui().setViewport({ width: el.clientWidth, height: el.clientHeight });
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [ui]);

  // Wheel: scroll pans, ctrl/cmd + wheel (and trackpad pinch) zooms. Needs a non-passive listener.
  useEffect(() => {
    const el = surface.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const rect = el.getBoundingClientRect();
      if (e.ctrlKey || e.metaKey) ui().zoomAt(Math.exp(-e.deltaY * 0.0015), e.clientX - rect.left, e.clientY - rect.top);
      else ui().panBy(-e.deltaX, -e.deltaY);
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [ui]);

  // "N" writes a new note; Ctrl/Cmd+Z undoes, Ctrl+Shift+Z / Ctrl+Y redoes (the editor keeps its own history).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTypingTarget(e.target)) return;
      const mod = e.ctrlKey || e.metaKey;
      if (mod && e.key.toLowerCase() === 'z') {
        e.preventDefault();
        if (e.shiftKey) undo.redo();
        else undo.undo();
      } else if (mod && e.key.toLowerCase() === 'y') {
        e.preventDefault();
        undo.redo();
      } else if (!mod && !e.altKey && e.key.toLowerCase() === 'n') {
        e.preventDefault();
        createAt();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, createAt]);

  const local = (e: { clientX: number; clientY: number }) => {
    const rect = surface.current!.getBoundingClientRect();
    return { sx: e.clientX - rect.left, sy: e.clientY - rect.top };
  };

  /**
   * Touch: a finger anywhere on the canvas pans it, notes included (a long press on a note
   * picks the note up instead: use-note-drag.ts); two fingers zoom around their midpoint and
   * pan with it. The browser's own touch gestures are off on the surface (touch-action: none).
   */
  const onTouchDown = (e: PointerEvent<HTMLDivElement>) => {
    if ((e.target as HTMLElement).closest('button, select, input, a, .note-editor')) return;
    touches.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
  };
  const onTouchMove = (e: PointerEvent<HTMLDivElement>) => {
    const all = touches.current;
    const before = all.get(e.pointerId);
    if (!before) return;
    for (const id of all.keys()) if (notePointers.has(id)) all.delete(id);
    if (!all.has(e.pointerId)) return;
    const after = { x: e.clientX, y: e.clientY };
    const other = [...all].find(([id]) => id !== e.pointerId)?.[1];
    all.set(e.pointerId, after);
    if (!other) {
      ui().panBy(after.x - before.x, after.y - before.y);
      return;
    }
    // Pinch: scale by how much the fingers spread, around where they were, then follow their midpoint.
    const rect = surface.current!.getBoundingClientRect();
    const spread = (a: { x: number; y: number }) => Math.hypot(a.x - other.x, a.y - other.y);
    const mid = (a: { x: number; y: number }) => ({ x: (a.x + other.x) / 2 - rect.left, y: (a.y + other.y) / 2 - rect.top });
    const m0 = mid(before);
    const m1 = mid(after);
    if (spread(before) > 0) ui().zoomAt(spread(after) / spread(before), m0.x, m0.y);
    ui().panBy(m1.x - m0.x, m1.y - m0.y);
  };

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.pointerType === 'touch') return onTouchDown(e);
    if (e.button !== 0 || e.target !== e.currentTarget) return;
    panning.current = { pointerId: e.pointerId, x: e.clientX, y: e.clientY };
    e.currentTarget.setPointerCapture?.(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (e.pointerType === 'touch') return onTouchMove(e);
    const p = panning.current;
    if (p && p.pointerId === e.pointerId) {
      ui().panBy(e.clientX - p.x, e.clientY - p.y);
      p.x = e.clientX;
      p.y = e.clientY;
    }
    const now = performance.now();
    if (now - lastCursor.current > CURSOR_INTERVAL_MS) {
      lastCursor.current = now;
      const { sx, sy } = local(e);
      const b = screenToBoard(ui().viewport, sx, sy);
      awareness.setLocalStateField('cursor', { x: Math.round(b.x), y: Math.round(b.y), phase });
    }
  };
  const endPan = (e: PointerEvent<HTMLDivElement>) => {
    touches.current.delete(e.pointerId);
    if (panning.current?.pointerId === e.pointerId) panning.current = null;
  };

  useEffect(() => () => awareness.setLocalStateField('cursor', null), [awareness]);
  // A note opened just before the board closed never takes its kept keys: stop keeping them.
  useEffect(() => () => stopBufferingKeys(), []);
  // Escape before the editor arrived ends the note as the editor would: text in, focus back.
  useEffect(() => {
    whenFinishedBeforeEditor((id, text) => {
      appendTyped(board, id, text);
      ui().startEditing(null);
      ui().requestFocus(id);
    });
    return () => whenFinishedBeforeEditor(null);
  }, [board]);

  return (
    <section className="board" aria-label={t('board.label', { phase: t(`phases.${phase}`) })}>
      <div className="board__toolbar" role="toolbar" aria-label={t('board.toolbar')}>
        <button
          type="button"
          className="button button--primary"
          onClick={() => createAt()}
          disabled={readOnly}
          title={t('board.newNoteShortcut')}
          aria-keyshortcuts="N"
        >
          <span aria-hidden="true">+ </span>
          {t('board.newNote')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            tidyUpPhase(board, undo, phase, mayCluster(me, control));
            fitPhase(board, phase);
            ui().showToast(t('board.tidied'), true);
          }}
          disabled={readOnly || ids.length === 0}
        >
          {t('board.tidyUp')}
        </button>
        <ThemeFilter />
        <span className="toolbar__spacer" />
        <button
          type="button"
          className="icon-button"
          onClick={() => undo.undo()}
          aria-label={t('board.undo')}
          title={`${t('board.undo')} (Ctrl+Z)`}
          aria-keyshortcuts="Control+Z Meta+Z"
        >
          ↶
        </button>
        <button
          type="button"
          className="icon-button"
          onClick={() => undo.redo()}
          aria-label={t('board.redo')}
          title={`${t('board.redo')} (Ctrl+Shift+Z)`}
          aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z"
        >
          ↷
        </button>
        <span className="toolbar__divider" aria-hidden="true" />
        <button
          type="button"
          className="icon-button"
          onClick={() => zoomCentre(1 / ZOOM_STEP)}
          aria-label={t('board.zoomOut')}
          title={t('board.zoomOut')}
        >
          −
        </button>
        <button
          type="button"
          className="zoom-level"
          onClick={() => ui().resetZoom()}
          aria-label={t('board.zoomReset')}
          title={t('board.zoomReset')}
        >
          {Math.round(zoom * 100)}%
        </button>
        <button
          type="button"
          className="icon-button"
          onClick={() => zoomCentre(ZOOM_STEP)}
          aria-label={t('board.zoomIn')}
          title={t('board.zoomIn')}
        >
          +
        </button>
      </div>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the pointer surface pans and places notes; the keyboard reaches every note through the board's roving focus and the New note button. */}
      <div
        ref={surface}
        className="board__surface"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endPan}
        onPointerCancel={endPan}
        onPointerLeave={() => awareness.setLocalStateField('cursor', null)}
        onDoubleClick={(e) => {
          if (e.target !== e.currentTarget) return;
          const { sx, sy } = local(e);
          createAt(sx, sy);
        }}
        style={{ backgroundSize: `${24 * zoom}px ${24 * zoom}px` }}
      >
        <div className="board__layer" style={{ transform: pan }}>
          <ClusterLayer phase={phase} />
          <SpotlightRing phase={phase} />
          <NoteLayer ids={ids} themes={themes} readOnly={readOnly} tabStop={tabStop} focusSibling={focusSibling} />
        </div>
        <CursorLayer awareness={awareness} phase={phase} />
        {ids.length === 0 && <p className="board__empty">{t('board.empty')}</p>}
      </div>
      <p className="board__help">{t('board.help')}</p>
    </section>
  );

  function zoomCentre(factor: number) {
    // The surface itself, not the last measurement: a click can come before the first resize
    // callback, and zooming about a guessed centre drifts the notes out of view.
    const rect = surface.current?.getBoundingClientRect();
    const v = ui().viewport;
    ui().zoomAt(factor, (rect?.width || v.width || 800) / 2, (rect?.height || v.height || 600) / 2);
  }
}
