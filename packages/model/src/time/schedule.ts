import type { Session } from '../schema/control.ts';
import { formatInZone, instantToZonedLocal, zonedLocalToInstant } from './zoned-time.ts';

/** A session as an organiser types it: wall-clock times in the workshop's home zone. */
export interface LocalSession {
  label: string;
  start: string;
  end: string;
}

/** Stores sessions as instants; refuses one that ends before it starts. */
export function sessionsFromLocal(sessions: readonly LocalSession[], homeZone: string): Session[] {
  return sessions.map((s) => {
    const start = zonedLocalToInstant(s.start, homeZone);
    const end = zonedLocalToInstant(s.end, homeZone);
    if (end <= start) throw new RangeError(`session "${s.label}" ends before it starts`);
    return { label: s.label, start, end };
  });
}

export interface SessionForViewer {
  label: string;
  /** Formatted in the viewer's zone and locale. */
  start: string;
  end: string;
  /** Calendar day of the start in the viewer's zone (`YYYY-MM-DD`); may differ from home. */
  day: string;
  durationMinutes: number;
}

/** A schedule as one viewer sees it: their zone, their language. */
export function scheduleForViewer(sessions: readonly Session[], viewerZone: string, locale: string): SessionForViewer[] {
  return sessions.map((s) => ({
    label: s.label,
    start: formatInZone(s.start, viewerZone, locale, { dateStyle: 'full', timeStyle: 'short' }),
    end: formatInZone(s.end, viewerZone, locale, { timeStyle: 'short' }),
    day: instantToZonedLocal(s.start, viewerZone).slice(0, 10),
    durationMinutes: Math.round((s.end - s.start) / 60_000),
  }));
}
