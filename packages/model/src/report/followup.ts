import type { Session } from '../schema/control.ts';
import {
  isIsoDate,
  STEP_STATUS_TITLES,
  STEP_STATUSES,
  HORIZON_TITLES,
  type ActionStepView,
  type Horizon,
  type StepStatus,
} from '../schema/report.ts';
import { instantToZonedLocal } from '../time/zoned-time.ts';
import { escapeXml } from './charts.ts';
import { escapeIcsText, foldIcsLine, icsUtc } from './ics.ts';
import type { RecommendationView } from '../schema/report.ts';

/**
 * Following action steps up after the workshop: due dates from horizons, progress by status,
 * an accessible chart and a calendar of reminders per owner. Pure: the server stores owners,
 * links and progress notes, and passes `today` in.
 */

/** A progress note's length: a few sentences, not a report. */
export const MAX_PROGRESS_NOTE_LENGTH = 1_000;
/** An owner's name, as on a step. */
export const MAX_OWNER_NAME_LENGTH = 200;
/** The organiser's note of an owner's email address (RFC 5321's path limit). */
export const MAX_OWNER_EMAIL_LENGTH = 254;

/** How far past the workshop's last session each horizon falls, in calendar units. */
export const HORIZON_PERIODS: Record<Horizon, { days?: number; years?: number }> = {
  short: { days: 100 },
  medium: { years: 1 },
  long: { years: 3 },
};

/** The day an instant falls on in a zone, `YYYY-MM-DD`. */
export function localDateOf(instant: number, zone: string): string {
  return instantToZonedLocal(instant, zone).slice(0, 10);
}

/**
 * Calendar arithmetic on a day, never on instants: 100 days after 29 March is 7 July wherever
 * the clocks changed in between. A year after 29 February is 28 February.
 */
export function addToDate(date: string, period: { days?: number; years?: number }): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y + (period.years ?? 0);
  const lastOfMonth = new Date(Date.UTC(year, m, 0)).getUTCDate();
  const t = Date.UTC(year, m - 1, Math.min(d, lastOfMonth)) + (period.days ?? 0) * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** When the workshop's last session ends, or null when it has none. */
export function lastSessionEnd(sessions: readonly Session[]): number | null {
  return sessions.length ? Math.max(...sessions.map((s) => s.end)) : null;
}

/** A horizon's due date: its period after the day (in the home zone) the last session ends. */
export function dueDateFromHorizon(horizon: Horizon, lastEnd: number, homeTimeZone: string): string {
  return addToDate(localDateOf(lastEnd, homeTimeZone), HORIZON_PERIODS[horizon]);
}

export type DueSource = 'manual' | 'horizon';

/** A step's due date: set by hand, else from its horizon; null when neither is known. */
export function stepDueDate(
  step: Pick<ActionStepView, 'horizon' | 'due'>,
  workshop: { sessions: readonly Session[]; homeTimeZone: string },
): { date: string; source: DueSource } | null {
  if (isIsoDate(step.due)) return { date: step.due, source: 'manual' };
  const end = lastSessionEnd(workshop.sessions);
  return end === null ? null : { date: dueDateFromHorizon(step.horizon, end, workshop.homeTimeZone), source: 'horizon' };
}

/** Names match across steps whatever their case or spacing: "City council" is "city  Council". */
export function ownerKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
}

export interface FollowupStep {
  workshopId: string;
  workshopTitle: string;
  recommendationId: string;
  recommendationTitle: string;
  id: string;
  text: string;
  owner: string;
  horizon: Horizon;
  status: StepStatus;
  due: string | null;
  dueSource: DueSource | null;
}

/** Every action step of a workshop's recommendations, with its due date. */
export function followupSteps(
  workshop: { id: string; title: string; sessions: readonly Session[]; homeTimeZone: string },
  recommendations: readonly RecommendationView[],
): FollowupStep[] {
  return recommendations.flatMap((r) =>
    r.actionSteps.map((s) => {
      const due = stepDueDate(s, workshop);
      return {
        workshopId: workshop.id,
        workshopTitle: workshop.title,
        recommendationId: r.id,
        recommendationTitle: r.title,
        id: s.id,
        text: s.text,
        owner: s.owner,
        horizon: s.horizon,
        status: s.status,
        due: due?.date ?? null,
        dueSource: due?.source ?? null,
      };
    }),
  );
}

export interface FollowupSummary {
  total: number;
  byStatus: Record<StepStatus, number>;
  /** Not done and due before today. */
  overdue: number;
  /** The earliest due date, today or later, of the steps not done; null when none. */
  nextDue: { date: string; steps: number } | null;
}

/** `today` is a day in the workshop's home zone (localDateOf(now, zone)). */
export function isOverdue(step: Pick<FollowupStep, 'due' | 'status'>, today: string): boolean {
  return step.status !== 'done' && step.due !== null && step.due < today;
}

export function followupSummary(steps: readonly FollowupStep[], today: string): FollowupSummary {
  const byStatus = Object.fromEntries(STEP_STATUSES.map((s) => [s, 0])) as Record<StepStatus, number>;
  let overdue = 0;
  let next: string | null = null;
  for (const s of steps) {
    byStatus[s.status]++;
    if (isOverdue(s, today)) overdue++;
    else if (s.status !== 'done' && s.due !== null && (next === null || s.due < next)) next = s.due;
  }
  const nextDue = next === null ? null : { date: next, steps: steps.filter((s) => s.status !== 'done' && s.due === next).length };
  return { total: steps.length, byStatus, overdue, nextDue };
}

/** Steps in the order an organiser chases them: overdue first, then by due date, undated last. */
export function byDueDate<T extends Pick<FollowupStep, 'due'>>(steps: readonly T[]): T[] {
  return [...steps].sort((a, b) => {
    if (a.due === b.due) return 0;
    if (a.due === null) return 1;
    if (b.due === null) return -1;
    return a.due < b.due ? -1 : 1;
  });
}

const FONT = 'font-family="system-ui, -apple-system, Segoe UI, sans-serif"';
/** One colour per status, each with 4.5:1 contrast against white for the count beside it. */
export const STATUS_COLOURS: Record<StepStatus, string> = {
  proposed: '#6b7280',
  agreed: '#1d4ed8',
  inProgress: '#b45309',
  done: '#15803d',
};

/**
 * Steps by status (and overdue) as a bar chart: self-contained SVG with a title and a
 * description that reads out every number. `labels` translate the bars for the app.
 */
export function followupChartSvg(
  summary: FollowupSummary,
  labels: { title: string; status: Record<StepStatus, string>; overdue: string } = {
    title: 'Action steps by status',
    status: STEP_STATUS_TITLES,
    overdue: 'overdue',
  },
): string {
  const rows = [
    ...STEP_STATUSES.map((s) => ({ label: labels.status[s], value: summary.byStatus[s], colour: STATUS_COLOURS[s] })),
    { label: labels.overdue, value: summary.overdue, colour: '#b91c1c' },
  ];
  // Narrow on purpose: on a phone it is scaled to the screen, and its text must stay legible.
  const width = 360;
  const labelWidth = 100;
  const rowHeight = 28;
  const top = 34;
  const height = top + rows.length * rowHeight + 8;
  const max = Math.max(1, ...rows.map((r) => r.value));
  const desc = rows.map((r) => `${r.label}: ${r.value}`).join('; ');
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="followup-chart-title followup-chart-desc">`,
    `<title id="followup-chart-title">${escapeXml(labels.title)}</title>`,
    `<desc id="followup-chart-desc">${escapeXml(desc)}</desc>`,
    `<text x="0" y="22" ${FONT} font-size="16" font-weight="600" fill="#111827">${escapeXml(labels.title)}</text>`,
  ];
  rows.forEach((r, i) => {
    const y = top + i * rowHeight;
    const w = r.value === 0 ? 0 : Math.max(3, Math.round(((width - labelWidth - 36) * r.value) / max));
    out.push(
      `<text x="${labelWidth - 8}" y="${y + 19}" ${FONT} font-size="13" text-anchor="end" fill="#111827">${escapeXml(r.label)}</text>`,
      `<rect x="${labelWidth}" y="${y + 6}" width="${w}" height="${rowHeight - 12}" rx="3" fill="${r.colour}"/>`,
      `<text x="${labelWidth + w + 6}" y="${y + 19}" ${FONT} font-size="13" fill="#111827">${r.value}</text>`,
    );
  });
  out.push('</svg>');
  return out.join('\n');
}

export interface FollowupIcsOptions {
  /** The calendar's name, e.g. the workshop's title and the owner's name. */
  title: string;
  /** Stable per owner, so a re-downloaded file updates the events instead of duplicating them. */
  uidPrefix: string;
  now: number;
  /** The follow-up page, for the calendar app to link to. */
  url?: string;
}

/** Reminders fire on the due day at this local time (all-day events float in the owner's zone). */
export const REMINDER_TIME = 'PT9H';

/**
 * An owner's due dates as all-day events, each with a reminder (VALARM) on the day: a date,
 * not an instant, so it is the same day in whichever zone the owner opens their calendar.
 */
export function followupIcs(steps: readonly FollowupStep[], options: FollowupIcsOptions): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Crossboard//Action step follow-up//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeIcsText(options.title)}`,
  ];
  const uidSafe = (s: string) => s.replace(/[^A-Za-z0-9_.-]/g, '-');
  for (const s of steps) {
    if (s.due === null || s.status === 'done') continue;
    const day = s.due.replace(/-/g, '');
    const end = addToDate(s.due, { days: 1 }).replace(/-/g, '');
    const summary = `Due: ${s.text || s.recommendationTitle}`;
    const description = [
      `Recommendation: ${s.recommendationTitle}`,
      `Horizon: ${HORIZON_TITLES[s.horizon]}`,
      `Status: ${STEP_STATUS_TITLES[s.status]}`,
      options.url ? `Update it: ${options.url}` : '',
    ]
      .filter(Boolean)
      .join('\n');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${uidSafe(options.uidPrefix)}-${uidSafe(s.workshopId)}-${uidSafe(s.id)}@crossboard`,
      `DTSTAMP:${icsUtc(options.now)}`,
      `DTSTART;VALUE=DATE:${day}`,
      `DTEND;VALUE=DATE:${end}`,
      `SUMMARY:${escapeIcsText(summary)}`,
      `DESCRIPTION:${escapeIcsText(description)}`,
    );
    if (options.url) lines.push(`URL:${options.url.replace(/[\r\n]/g, '')}`);
    lines.push(
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `DESCRIPTION:${escapeIcsText(summary)}`,
      `TRIGGER;RELATED=START:${REMINDER_TIME}`,
      'END:VALARM',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldIcsLine).join('\r\n')}\r\n`;
}
