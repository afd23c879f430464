import { HORIZON_TITLES, planLines, STEP_STATUS_TITLES } from '../schema/report.ts';
import { formatInZone } from '../time/zoned-time.ts';
import { escapeXml } from './charts.ts';
import { csvRow, escapeMarkdownInline as inline, escapeMarkdownParagraphs } from './escape.ts';
import { feedbackCsvCells, feedbackMarkdown } from './feedback.ts';
import type { SeriesNote, SeriesReport } from './series.ts';

export const SERIES_JSON_FORMAT = 'crossboard-series';
export const SERIES_JSON_VERSION = 1;

const votes = (n: number) => (n > 0 ? ` · ${n} vote${n === 1 ? '' : 's'}` : '');
export const SERIES_PHASE_TITLES = {
  painPoints: 'Pain points',
  visions: 'Future visions',
  recommendations: 'Recommendations from the board',
} as const;

/** When a workshop met, in its home zone: "12 Jun 2025, 15:30 (Europe/Paris)". */
export function workshopDates(w: SeriesReport['workshops'][number], locale = 'en-GB', zone = w.homeTimeZone): string[] {
  return w.sessions.map(
    (s) =>
      `${formatInZone(s.start, zone, locale, { dateStyle: 'medium', timeStyle: 'short' })}–${formatInZone(s.end, zone, locale, { timeStyle: 'short' })} (${zone})`,
  );
}

const by = (n: Pick<SeriesNote, 'name' | 'organisation'>) => [n.name, n.organisation].filter(Boolean).join(', ');

/** The series report as Markdown; every user-written text escaped (see escape.ts). */
export function renderSeriesMarkdown(report: SeriesReport, options: { locale?: string } = {}): string {
  const locale = options.locale ?? 'en-GB';
  const out: string[] = [`# ${inline(report.title)}`];
  if (report.purpose.trim()) out.push(escapeMarkdownParagraphs(report.purpose));

  out.push('## Workshops');
  out.push(
    report.workshops
      .map((w) => {
        const dates = workshopDates(w, locale);
        return [
          `- **${inline(w.title)}** — ${w.participants} participant${w.participants === 1 ? '' : 's'}`,
          ...dates.map((d) => `  - ${inline(d)}`),
          ...(w.countries.length ? [`  - Countries: ${w.countries.map(inline).join(', ')}`] : []),
          ...(w.organisations.length ? [`  - Organisations: ${w.organisations.map(inline).join(', ')}`] : []),
        ].join('\n');
      })
      .join('\n'),
  );

  if (report.recommendations.length) {
    out.push('## Recommendations and action steps');
    report.recommendations.forEach((r, i) => {
      out.push(`### ${i + 1}\\. ${inline(r.title) || 'Untitled recommendation'}${votes(r.votes)}`);
      out.push(`*From:* ${r.sources.map((s) => `${inline(s.workshopTitle)} (${inline(s.title) || 'untitled'})`).join('; ')}`);
      if (r.description.trim()) out.push(escapeMarkdownParagraphs(r.description));
      const plan = planLines(r.plan);
      if (plan.length) out.push(plan.map(([label, value]) => `- **${label}:** ${inline(value)}`).join('\n'));
      if (r.actionSteps.length) {
        out.push('**Action steps**');
        out.push(
          r.actionSteps
            .map((s) => {
              const owner = s.owner.trim() ? `owner: ${inline(s.owner)}; ` : '';
              return `- ${inline(s.text)} — ${owner}${HORIZON_TITLES[s.horizon]}; ${STEP_STATUS_TITLES[s.status]}`;
            })
            .join('\n'),
        );
      }
    });
  }

  for (const phase of ['painPoints', 'visions'] as const) {
    const clusters = report.clusters.filter((c) => c.phase === phase);
    if (!clusters.length) continue;
    out.push(`## ${SERIES_PHASE_TITLES[phase]} across the workshops`);
    for (const c of clusters) {
      out.push(`### ${c.title ? inline(c.title) : 'Not clustered'}${votes(c.votes)}`);
      out.push(`*In:* ${c.workshops.map(inline).join(', ')}`);
      out.push(c.notes.map((n) => `- ${inline(n.text) || '*(empty note)*'}${by(n) ? ` — *${inline(by(n))}*` : ''}`).join('\n'));
    }
  }

  const p = report.participation;
  out.push('## Participation');
  out.push(`${p.people} ${p.people === 1 ? 'person' : 'people'} took part.`);
  if (p.countries.length) out.push(`### By country\n\n${p.countries.map((c) => `- ${inline(c.country)}: ${c.people}`).join('\n')}`);
  if (p.organisations.length)
    out.push(`### By organisation\n\n${p.organisations.map((o) => `- ${inline(o.organisation)}: ${o.people}`).join('\n')}`);

  if (report.feedback) out.push(...feedbackMarkdown(report.feedback));

  const credits = report.contributors;
  if (credits.named.length || credits.organisations.length) {
    out.push('## Contributors');
    if (credits.named.length)
      out.push(credits.named.map((x) => `- ${inline(x.name)}${x.organisation ? ` (${inline(x.organisation)})` : ''}`).join('\n'));
    if (credits.organisations.length)
      out.push(`### Organisations\n\n${credits.organisations.map((o) => `- ${inline(o.organisation)}`).join('\n')}`);
  }
  return `${out.join('\n\n')}\n`;
}

/**
 * One row per recommendation, action step and note, with the workshop it came from (RFC
 * 4180, formula-looking cells neutralised by csvRow).
 */
export function renderSeriesCsv(report: SeriesReport): string {
  const rows = [csvRow(['kind', 'workshop', 'group', 'text', 'author', 'organisation', 'votes', 'owner', 'horizon', 'status'])];
  report.recommendations.forEach((r) => {
    const from = r.sources.map((s) => s.workshopTitle).join('; ');
    rows.push(csvRow(['recommendation', from, '', r.title, '', '', r.votes, '', '', '']));
    // The plan's fields as rows of their own: the columns stay as they were for existing sheets.
    for (const [label, value] of planLines(r.plan)) rows.push(csvRow([label, from, r.title, value, '', '', '', '', '', '']));
    for (const s of r.actionSteps)
      rows.push(
        csvRow([
          'action step',
          s.workshopTitle,
          r.title,
          s.text,
          '',
          '',
          '',
          s.owner,
          HORIZON_TITLES[s.horizon],
          STEP_STATUS_TITLES[s.status],
        ]),
      );
  });
  for (const c of report.clusters) {
    for (const n of c.notes) rows.push(csvRow([c.phase, n.workshopTitle, c.title, n.text, n.name, n.organisation, n.votes, '', '', '']));
  }
  // The survey over every workshop: the question as the group, the count as the votes.
  if (report.feedback) {
    for (const c of feedbackCsvCells(report.feedback))
      rows.push(csvRow(['feedback', '', c.question, c.answer, '', '', c.count, '', '', '']));
  }
  return `${rows.join('\r\n')}\r\n`;
}

/** The series report as versioned JSON (instants as ISO strings). */
export function exportSeriesJson(report: SeriesReport): string {
  const iso = (t: number) => new Date(t).toISOString();
  const doc = {
    format: SERIES_JSON_FORMAT,
    version: SERIES_JSON_VERSION,
    ...report,
    workshops: report.workshops.map((w) => ({
      ...w,
      sessions: w.sessions.map((s) => ({ label: s.label, start: iso(s.start), end: iso(s.end) })),
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

const FONT = 'font-family="system-ui, -apple-system, Segoe UI, sans-serif"';
const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/**
 * Participation as a horizontal bar chart (self-contained SVG, no script): a title and a
 * description carry the numbers for screen readers.
 */
export function participationChartSvg(title: string, rows: readonly { label: string; value: number }[], maxBars = 15): string {
  const bars = rows.slice(0, maxBars);
  const width = 640;
  const labelWidth = 240;
  const rowHeight = 26;
  const top = 36;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const height = top + Math.max(1, bars.length) * rowHeight + 8;
  const id = `chart-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="100%" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-t ${id}-d" style="max-width:${width}px">`,
    `<title id="${id}-t">${escapeXml(title)}</title>`,
    `<desc id="${id}-d">${escapeXml(bars.map((b) => `${b.label}: ${b.value}`).join('; ') || 'Nobody yet.')}</desc>`,
    `<text x="0" y="22" ${FONT} font-size="15" font-weight="600" fill="#111827">${escapeXml(title)}</text>`,
  ];
  bars.forEach((b, i) => {
    const y = top + i * rowHeight;
    const w = Math.max(2, Math.round(((width - labelWidth - 50) * b.value) / max));
    out.push(
      `<text x="${labelWidth - 8}" y="${y + 17}" ${FONT} font-size="12" text-anchor="end" fill="#111827">${escapeXml(clip(b.label, 36))}</text>`,
      `<rect x="${labelWidth}" y="${y + 4}" width="${w}" height="${rowHeight - 8}" rx="3" fill="#1d4ed8"/>`,
      `<text x="${labelWidth + w + 6}" y="${y + 17}" ${FONT} font-size="12" fill="#111827">${b.value}</text>`,
    );
  });
  out.push('</svg>');
  return out.join('\n');
}
