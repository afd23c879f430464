/**
 * Where seeded notes go: each cluster a small grid of notes, clusters side by side in rows,
 * so a fresh board reads like a facilitator tidied it. Sizes follow the web app's notes and
 * frames (apps/web board/geometry.ts, ClusterLayer).
 */
export const NOTE_WIDTH = 200;
/** Notes grow with their text; a three-line note with its author and organisation fits here. */
export const NOTE_SLOT_HEIGHT = 170;
const NOTE_GAP = 20;
const FRAME_PAD = 24;
const FRAME_LABEL = 28;
const CLUSTER_GAP = 40;

export interface GridOptions {
  notesPerRow: number;
  clustersPerRow: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface ClusterPlacement {
  /** The frame's top-left: where the cluster sits while it has no notes. */
  frame: Point;
  notes: Point[];
}

export function clusterGrid(counts: readonly number[], { notesPerRow, clustersPerRow }: GridOptions): ClusterPlacement[] {
  const blockWidth = notesPerRow * NOTE_WIDTH + (notesPerRow - 1) * NOTE_GAP + 2 * FRAME_PAD;
  const blockHeight = (count: number) => {
    const rows = Math.max(1, Math.ceil(count / notesPerRow));
    return FRAME_LABEL + 2 * FRAME_PAD + rows * NOTE_SLOT_HEIGHT + (rows - 1) * NOTE_GAP;
  };
  const out: ClusterPlacement[] = [];
  let top = 0;
  for (let start = 0; start < counts.length; start += clustersPerRow) {
    const row = counts.slice(start, start + clustersPerRow);
    row.forEach((count, col) => {
      const frame = { x: col * (blockWidth + CLUSTER_GAP), y: top };
      const notes = Array.from({ length: count }, (_, i) => ({
        x: frame.x + FRAME_PAD + (i % notesPerRow) * (NOTE_WIDTH + NOTE_GAP),
        y: frame.y + FRAME_LABEL + FRAME_PAD + Math.floor(i / notesPerRow) * (NOTE_SLOT_HEIGHT + NOTE_GAP),
      }));
      out.push({ frame, notes });
    });
    top += Math.max(...row.map(blockHeight)) + CLUSTER_GAP;
  }
  return out;
}
