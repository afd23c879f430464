/** The board's view: zoom limits, keyboard steps, culling. A note's size is layout/note-geometry.ts's. */
import { NOTE_HEIGHT, NOTE_WIDTH } from '../layout/note-geometry.ts';

export const MIN_ZOOM = 0.25;
export const MAX_ZOOM = 2.5;
export const ZOOM_STEP = 1.2;
/** Arrow keys move a focused note by this much; with Shift by the larger step. */
export const KEY_STEP = 10;
export const KEY_STEP_LARGE = 50;
/** Render notes this far outside the viewport too, so panning never shows pop-in. */
export const CULL_MARGIN = 300;

export interface Viewport {
  panX: number;
  panY: number;
  zoom: number;
  /** Size of the board surface on screen; 0 until measured (then a typical screen is assumed). */
  width: number;
  height: number;
}

export function clampZoom(z: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, z));
}

export function screenToBoard(v: Viewport, sx: number, sy: number): { x: number; y: number } {
  return { x: (sx - v.panX) / v.zoom, y: (sy - v.panY) / v.zoom };
}

/** Whether a note at (x, y) overlaps the viewport (plus a margin; 0 asks "is any of it on screen"). */
export function isNoteVisible(v: Viewport, x: number, y: number, margin = CULL_MARGIN): boolean {
  // Before the surface is measured, assume a large screen rather than mounting every note once.
  const width = v.width || 1920;
  const height = v.height || 1200;
  const left = -v.panX / v.zoom - margin;
  const top = -v.panY / v.zoom - margin;
  const right = (width - v.panX) / v.zoom + margin;
  const bottom = (height - v.panY) / v.zoom + margin;
  return x + NOTE_WIDTH >= left && x <= right && y + NOTE_HEIGHT >= top && y <= bottom;
}

/** Zooms by `factor` keeping the board point under (sx, sy) where it is on screen. */
export function zoomAround(v: Viewport, factor: number, sx: number, sy: number): Viewport {
  const zoom = clampZoom(v.zoom * factor);
  const k = zoom / v.zoom;
  return { ...v, zoom, panX: sx - (sx - v.panX) * k, panY: sy - (sy - v.panY) * k };
}

/** Space kept round content fitted to the view, in screen pixels. */
export const FIT_MARGIN = 32;

/**
 * The viewport showing all of the board rectangle `r`, centred: zoomed out as far as needed
 * (not below MIN_ZOOM, so a huge board shows its middle), never zoomed in past 100 %.
 */
export function fitRect(v: Viewport, r: { x: number; y: number; width: number; height: number }): Viewport {
  const width = v.width || 800;
  const height = v.height || 600;
  const zoom = clampZoom(Math.min(1, (width - 2 * FIT_MARGIN) / Math.max(1, r.width), (height - 2 * FIT_MARGIN) / Math.max(1, r.height)));
  return { ...v, zoom, panX: width / 2 - (r.x + r.width / 2) * zoom, panY: height / 2 - (r.y + r.height / 2) * zoom };
}
