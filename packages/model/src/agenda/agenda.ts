import { isPhase, type Phase } from '../phases.ts';

/**
 * A session's run of show: what happens in which order and for how long. Pure maths over
 * instants (ms since the epoch) so every viewer lays the same plan over their own clock.
 */

export const AGENDA_KINDS = ['welcome', 'phase', 'break', 'plenary', 'wrapUp', 'other'] as const;
export type AgendaKind = (typeof AGENDA_KINDS)[number];

export interface AgendaItem {
  kind: AgendaKind;
  minutes: number;
  /** Which board a `phase` item works on. */
  phase?: Phase;
  /** The facilitator's own words; the kind's name is shown when empty. */
  label?: string;
}

export const MAX_AGENDA_ITEMS = 30;
export const MAX_AGENDA_ITEM_MINUTES = 600;
export const MAX_AGENDA_LABEL_LENGTH = 120;

const MINUTE = 60_000;

function isAgendaKind(v: unknown): v is AgendaKind {
  return typeof v === 'string' && (AGENDA_KINDS as readonly string[]).includes(v);
}

/** An untrusted list (a control room field, a template file) as items; anything malformed is dropped. */
export function readAgenda(value: unknown): AgendaItem[] {
  if (!Array.isArray(value)) return [];
  const out: AgendaItem[] = [];
  for (const raw of value.slice(0, MAX_AGENDA_ITEMS)) {
    if (typeof raw !== 'object' || raw === null) continue;
    const v = raw as Record<string, unknown>;
    if (!isAgendaKind(v.kind) || !Number.isInteger(v.minutes)) continue;
    const minutes = v.minutes as number;
    if (minutes < 1 || minutes > MAX_AGENDA_ITEM_MINUTES) continue;
    const item: AgendaItem = { kind: v.kind, minutes };
    if (v.kind === 'phase' && isPhase(v.phase)) item.phase = v.phase;
    if (typeof v.label === 'string' && v.label.trim()) item.label = v.label.slice(0, MAX_AGENDA_LABEL_LENGTH);
    out.push(item);
  }
  return out;
}

export function agendaMinutes(items: readonly AgendaItem[]): number {
  return items.reduce((n, item) => n + item.minutes, 0);
}

export interface TimedAgendaItem extends AgendaItem {
  index: number;
  start: number;
  end: number;
}

/** Each item's planned instants, back to back from `start`. */
export function timeAgenda(items: readonly AgendaItem[], start: number): TimedAgendaItem[] {
  let at = start;
  return items.map((item, index) => {
    const timed = { ...item, index, start: at, end: at + item.minutes * MINUTE };
    at = timed.end;
    return timed;
  });
}

/** Minutes the plan runs past the session's end (0 when it fits, negative never). */
export function plannedOverrunMinutes(items: readonly AgendaItem[], session: { start: number; end: number }): number {
  return Math.max(0, agendaMinutes(items) - Math.round((session.end - session.start) / MINUTE));
}

/** Which item the facilitator started, and when: the plan from there on shifts with it. */
export interface AgendaProgress {
  /** The session's start instant: progress belongs to one session. */
  session: number;
  item: number;
  startedAt: number;
}

export function readAgendaProgress(value: unknown): AgendaProgress | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const ok = [v.session, v.item, v.startedAt].every((n) => typeof n === 'number' && Number.isFinite(n));
  return ok ? { session: v.session as number, item: v.item as number, startedAt: v.startedAt as number } : null;
}

export interface AgendaPosition {
  /** The item under way, or null before the session starts and after the plan ends. */
  now: TimedAgendaItem | null;
  next: TimedAgendaItem | null;
  /** When the last item will end at this pace. */
  projectedEnd: number;
  /** Minutes past the session's end at this pace (0 when on time). */
  overrunMinutes: number;
  timed: TimedAgendaItem[];
}

/**
 * Where a session stands at `now`. Without progress the plan is read off the clock from the
 * session's start; once the facilitator starts an item, that item and the ones after it
 * count from when it was started (late starts push the rest back, early ones pull it in).
 */
export function agendaPosition(
  items: readonly AgendaItem[],
  session: { start: number; end: number },
  progress: AgendaProgress | null,
  now: number,
): AgendaPosition {
  const mine = progress && progress.session === session.start && progress.item >= 0 && progress.item < items.length ? progress : null;
  let timed = timeAgenda(items, session.start);
  if (mine) {
    const from = timeAgenda(items.slice(mine.item), mine.startedAt).map((t) => ({ ...t, index: t.index + mine.item }));
    timed = [...timed.slice(0, mine.item), ...from];
  }
  const projectedEnd = timed.length ? timed[timed.length - 1]!.end : session.start;
  const overrunMinutes = Math.max(0, Math.ceil((projectedEnd - session.end) / MINUTE));
  // Once an item is started, the ones before it are done: only it and later ones can be "now".
  const candidates = mine ? timed.slice(mine.item) : timed;
  const current = candidates.find((t) => now >= t.start && now < t.end) ?? null;
  const next = current ? (timed[current.index + 1] ?? null) : (candidates.find((t) => t.start > now) ?? null);
  return { now: current, next, projectedEnd, overrunMinutes, timed };
}
