import { PHASES, type Phase } from '../phases.ts';
import type { WorkshopSnapshot } from './snapshot.ts';

/** Bars in the vote chart: the rest are summarised in a line under it, so it stays legible. */
export const MAX_CHART_BARS = 15;
/** Characters of a label or note shown in a picture; the full text is in the report itself. */
export const MAX_PICTURE_TEXT = 60;

/** Text and attribute values for SVG (XML): everything markup-like becomes an entity. */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const clip = (s: string, max = MAX_PICTURE_TEXT) => {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
};

export interface VoteBar {
  id: string;
  phase: Phase;
  label: string;
  votes: number;
}

/** Every note and cluster that got votes, most first (phase order, then board order, on ties). */
export function voteResults(snapshot: WorkshopSnapshot): VoteBar[] {
  const items: VoteBar[] = [
    ...snapshot.clusters.map((c) => ({ id: c.id, phase: c.phase, label: c.title || 'Untitled cluster', votes: c.votes })),
    ...snapshot.notes.map((n) => ({ id: n.id, phase: n.phase, label: n.text || '(empty note)', votes: n.votes })),
  ].filter((x) => x.votes > 0);
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => b.item.votes - a.item.votes || PHASES.indexOf(a.item.phase) - PHASES.indexOf(b.item.phase) || a.i - b.i)
    .map((x) => x.item);
}

// Not markdown.ts's PHASE_TITLES: markdown.ts lists these results, and imports must not go in a circle.
const PHASE_TITLES: Record<Phase, string> = { painPoints: 'Pain points', visions: 'Future visions', recommendations: 'Recommendations' };
const FONT = 'font-family="system-ui, -apple-system, Segoe UI, sans-serif"';
const PHASE_COLOURS: Record<Phase, string> = { painPoints: '#c2410c', visions: '#1d4ed8', recommendations: '#15803d' };

/**
 * The vote results as a horizontal bar chart. Self-contained SVG (no script, no external
 * reference), with a title and a description so screen readers get the numbers too.
 */
export function voteChartSvg(snapshot: WorkshopSnapshot): string {
  const all = voteResults(snapshot);
  const bars = all.slice(0, MAX_CHART_BARS);
  const width = 720;
  const labelWidth = 340;
  const rowHeight = 28;
  const top = 40;
  const max = Math.max(1, ...bars.map((b) => b.votes));
  const rest = all.length - bars.length;
  const height = top + Math.max(1, bars.length) * rowHeight + (rest > 0 ? 30 : 10);
  const desc = bars.length ? bars.map((b) => `${clip(b.label)}: ${b.votes}`).join('; ') : 'No votes were cast.';
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="vote-chart-title vote-chart-desc">`,
    `<title id="vote-chart-title">Vote results</title>`,
    `<desc id="vote-chart-desc">${escapeXml(desc)}</desc>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="0" y="24" ${FONT} font-size="16" font-weight="600" fill="#111827">Vote results</text>`,
  ];
  if (!bars.length) out.push(`<text x="0" y="${top + 18}" ${FONT} font-size="13" fill="#4b5563">No votes were cast.</text>`);
  bars.forEach((b, i) => {
    const y = top + i * rowHeight;
    const w = Math.max(2, Math.round(((width - labelWidth - 50) * b.votes) / max));
    out.push(
      `<text x="${labelWidth - 8}" y="${y + 18}" ${FONT} font-size="12" text-anchor="end" fill="#111827">${escapeXml(clip(b.label, 48))}</text>`,
      `<rect x="${labelWidth}" y="${y + 5}" width="${w}" height="${rowHeight - 10}" rx="3" fill="${PHASE_COLOURS[b.phase]}"><title>${escapeXml(`${PHASE_TITLES[b.phase]}: ${clip(b.label)}`)}</title></rect>`,
      `<text x="${labelWidth + w + 6}" y="${y + 18}" ${FONT} font-size="12" fill="#111827">${b.votes}</text>`,
    );
  });
  if (rest > 0) out.push(`<text x="0" y="${height - 10}" ${FONT} font-size="12" fill="#4b5563">and ${rest} more with fewer votes</text>`);
  out.push('</svg>');
  return out.join('\n');
}

/** Note colours as printed: the board's palette, light enough for black text. */
const NOTE_FILL: Record<string, string> = {
  yellow: '#fef08a',
  pink: '#fbcfe8',
  blue: '#bfdbfe',
  green: '#bbf7d0',
  orange: '#fed7aa',
  purple: '#e9d5ff',
};
/** Notes drawn per cluster column; a count stands in for the rest. */
export const MAX_NOTES_PER_PICTURE_COLUMN = 8;

/**
 * A phase's clustered board as a picture: one column per cluster (title, votes, its notes as
 * stickies), unclustered notes last. Positions are not part of a snapshot, and a tidy grid
 * prints better than the board's free layout anyway.
 */
export function clusteredBoardSvg(snapshot: WorkshopSnapshot, phase: Phase): string {
  const notes = snapshot.notes.filter((n) => n.phase === phase);
  const clusters = snapshot.clusters.filter((c) => c.phase === phase);
  const known = new Set(clusters.map((c) => c.id));
  const columns = [
    ...clusters.map((c) => ({ title: c.title || 'Untitled cluster', votes: c.votes, notes: notes.filter((n) => n.clusterId === c.id) })),
    { title: 'Not clustered', votes: 0, notes: notes.filter((n) => n.clusterId === null || !known.has(n.clusterId)) },
  ].filter((col, i, arr) => col.notes.length > 0 || i < arr.length - 1);
  const colWidth = 180;
  const gap = 16;
  const noteHeight = 54;
  const perRow = 4;
  const rowsOfColumns = Math.max(1, Math.ceil(columns.length / perRow));
  const tallest = Math.max(
    1,
    ...columns.map((c) => Math.min(c.notes.length, MAX_NOTES_PER_PICTURE_COLUMN) + (c.notes.length > MAX_NOTES_PER_PICTURE_COLUMN ? 1 : 0)),
  );
  const blockHeight = 44 + tallest * (noteHeight + 8);
  const width = perRow * colWidth + (perRow - 1) * gap;
  const height = 36 + rowsOfColumns * (blockHeight + gap);
  const title = `${PHASE_TITLES[phase]}: clustered board`;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(`${title}, ${clusters.length} clusters, ${notes.length} notes`)}">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="0" y="22" ${FONT} font-size="16" font-weight="600" fill="#111827">${escapeXml(title)}</text>`,
  ];
  columns.forEach((col, i) => {
    const x = (i % perRow) * (colWidth + gap);
    const y = 36 + Math.floor(i / perRow) * (blockHeight + gap);
    out.push(
      `<rect x="${x}" y="${y}" width="${colWidth}" height="${blockHeight}" rx="8" fill="#f3f4f6" stroke="#d1d5db"/>`,
      `<text x="${x + 8}" y="${y + 20}" ${FONT} font-size="13" font-weight="600" fill="#111827">${escapeXml(clip(col.title, 22))}</text>`,
    );
    if (col.votes > 0)
      out.push(`<text x="${x + colWidth - 8}" y="${y + 20}" ${FONT} font-size="12" text-anchor="end" fill="#374151">${col.votes} ●</text>`);
    col.notes.slice(0, MAX_NOTES_PER_PICTURE_COLUMN).forEach((n, k) => {
      const ny = y + 32 + k * (noteHeight + 8);
      const lines = wrap(clip(n.text || '(empty note)', 75), 26).slice(0, 3);
      out.push(
        `<rect x="${x + 8}" y="${ny}" width="${colWidth - 16}" height="${noteHeight}" rx="3" fill="${NOTE_FILL[n.colour] ?? NOTE_FILL.yellow}"/>`,
      );
      lines.forEach((line, l) =>
        out.push(`<text x="${x + 14}" y="${ny + 16 + l * 14}" ${FONT} font-size="11" fill="#111827">${escapeXml(line)}</text>`),
      );
    });
    if (col.notes.length > MAX_NOTES_PER_PICTURE_COLUMN) {
      const ny = y + 32 + MAX_NOTES_PER_PICTURE_COLUMN * (noteHeight + 8);
      out.push(
        `<text x="${x + 8}" y="${ny + 16}" ${FONT} font-size="11" fill="#4b5563">+ ${col.notes.length - MAX_NOTES_PER_PICTURE_COLUMN} more</text>`,
      );
    }
  });
  out.push('</svg>');
  return out.join('\n');
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
