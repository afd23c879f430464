import type { Session } from '@crossboard/model';
import { dateLocale } from '../i18n/format.ts';

/** The session under way, or else the next one to start; null when all are over. */
export function nextSession(sessions: readonly Session[], now: number): Session | null {
  return [...sessions].sort((a, b) => a.start - b.start).find((s) => s.end > now) ?? null;
}

/** "Tue 17 Jun, 15:30–17:00" in a zone, in the reader's language. */
export function formatSession(s: Session, timeZone: string, language: string): string {
  try {
    const day = new Intl.DateTimeFormat(dateLocale(language), {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      timeZone,
    });
    const time = new Intl.DateTimeFormat(dateLocale(language), { hour: '2-digit', minute: '2-digit', timeZone });
    return `${day.format(s.start)}–${time.format(s.end)}`;
  } catch {
    return new Date(s.start).toISOString();
  }
}
