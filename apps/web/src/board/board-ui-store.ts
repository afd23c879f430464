import { create } from 'zustand';
import { clampZoom, fitRect, zoomAround, type Viewport } from './geometry.ts';
import { bufferKeysUntilEditorReady, stopBufferingKeys } from './key-buffer.ts';

/** Local, per-screen board state: where we look, what is being edited, the undo toast. */
interface BoardUi {
  viewport: Viewport;
  editingId: string | null;
  /** A note to focus once it renders (after create, undo, or closing its editor). */
  focusRequest: string | null;
  toast: { id: number; message: string; undo: boolean } | null;
  /** The board's one tab stop (roving focus): the note last focused here. */
  activeNoteId: string | null;
  setActiveNote(id: string | null): void;
  setViewport(patch: Partial<Viewport>): void;
  panBy(dx: number, dy: number): void;
  zoomAt(factor: number, sx: number, sy: number): void;
  resetZoom(): void;
  /** Pans so the board point (x, y) is at the middle of the surface. */
  centreOn(x: number, y: number): void;
  /** Zooms and pans so the board rectangle is all in view (never past 100 %, never below the minimum zoom). */
  fitTo(r: { x: number; y: number; width: number; height: number }): void;
  startEditing(id: string | null): void;
  requestFocus(id: string | null): void;
  showToast(message: string, undo: boolean): void;
  hideToast(): void;
}

let toastSeq = 0;

export const useBoardUi = create<BoardUi>((set) => ({
  viewport: { panX: 40, panY: 40, zoom: 1, width: 0, height: 0 },
  editingId: null,
  focusRequest: null,
  toast: null,
  activeNoteId: null,
  setActiveNote: (activeNoteId) => set({ activeNoteId }),
  setViewport: (patch) => set((s) => ({ viewport: { ...s.viewport, ...patch } })),
  panBy: (dx, dy) => set((s) => ({ viewport: { ...s.viewport, panX: s.viewport.panX + dx, panY: s.viewport.panY + dy } })),
  zoomAt: (factor, sx, sy) => set((s) => ({ viewport: zoomAround(s.viewport, factor, sx, sy) })),
  resetZoom: () =>
    set((s) => {
      const { width, height } = s.viewport;
      return { viewport: zoomAround(s.viewport, clampZoom(1) / s.viewport.zoom, width / 2, height / 2) };
    }),
  centreOn: (x, y) =>
    set((s) => {
      const v = s.viewport;
      return { viewport: { ...v, panX: (v.width || 800) / 2 - x * v.zoom, panY: (v.height || 600) / 2 - y * v.zoom } };
    }),
  fitTo: (r) => set((s) => ({ viewport: fitRect(s.viewport, r) })),
  startEditing: (editingId) =>
    set((s) => {
      // A new editor is about to mount: keep what is typed until it can take it.
      if (editingId !== null && editingId !== s.editingId) bufferKeysUntilEditorReady(editingId);
      // Editing ended before the editor took the keys: they belong to the page again.
      else if (editingId === null) stopBufferingKeys();
      return { editingId };
    }),
  requestFocus: (focusRequest) => set({ focusRequest }),
  showToast: (message, undo) => set({ toast: { id: ++toastSeq, message, undo } }),
  hideToast: () => set({ toast: null }),
}));
