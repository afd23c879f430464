import type { Session } from '../schema/control.ts';
import { formatInZone } from '../time/zoned-time.ts';

/** RFC 5545 §3.1: content lines are folded so that none is longer than this many octets. */
export const ICS_MAX_LINE_OCTETS = 75;

export interface IcsOptions {
  /** The workshop's title: the calendar's name and each event's summary prefix. */
  title: string;
  /** Stable per workshop, so a re-downloaded file updates the events instead of duplicating them. */
  uidPrefix: string;
  /** When the file is made (DTSTAMP); passed in to keep this function pure. */
  now: number;
  /** The organiser's zone: each event names the wall-clock time there too. */
  homeTimeZone: string;
  description?: string;
  /** The workshop's address, for a calendar app to link to. */
  url?: string;
}

/** TEXT values (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks are escaped. */
export function escapeIcsText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/**
 * Folds one content line at 75 octets (not characters: a line of accents or emoji must not
 * pass the limit), never inside a UTF-8 sequence; continuation lines start with one space.
 */
export function foldIcsLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    const limit = parts.length === 0 ? ICS_MAX_LINE_OCTETS : ICS_MAX_LINE_OCTETS - 1;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** An instant as a UTC DATE-TIME: 20210603T133000Z. */
export function icsUtc(instant: number): string {
  return new Date(instant)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

const uidSafe = (s: string) => s.replace(/[^A-Za-z0-9_.-]/g, '-');

/**
 * The sessions as an iCalendar file (one VEVENT each), times in UTC so every calendar shows
 * them in its owner's zone; the organiser's wall-clock time is written into the description.
 */
export function sessionsToIcs(sessions: readonly Session[], options: IcsOptions): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Crossboard//Workshop schedule//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeIcsText(options.title)}`,
  ];
  const seen = new Map<string, number>();
  for (const s of sessions) {
    let uid = `${uidSafe(options.uidPrefix)}-${icsUtc(s.start)}`;
    const n = seen.get(uid) ?? 0;
    seen.set(uid, n + 1);
    if (n > 0) uid += `-${n}`;
    const home = `${formatInZone(s.start, options.homeTimeZone, 'en-GB', { dateStyle: 'full', timeStyle: 'short' })}–${formatInZone(s.end, options.homeTimeZone, 'en-GB', { timeStyle: 'short' })} (${options.homeTimeZone})`;
    const description = [options.description?.trim(), `Organiser's time: ${home}`].filter(Boolean).join('\n\n');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${uid}@crossboard`,
      `DTSTAMP:${icsUtc(options.now)}`,
      `DTSTART:${icsUtc(s.start)}`,
      `DTEND:${icsUtc(s.end)}`,
      `SUMMARY:${escapeIcsText(`${options.title} — ${s.label}`)}`,
      `DESCRIPTION:${escapeIcsText(description)}`,
    );
    if (options.url) lines.push(`URL:${options.url.replace(/[\r\n]/g, '')}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldIcsLine).join('\r\n')}\r\n`;
}

/** A file name for the download: the title's letters and digits, then the session. */
export function icsFileName(title: string, sessionLabel?: string): string {
  const slug = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/[^\w\s-]/g, '')
      .trim()
      .replace(/[\s_]+/g, '-')
      .toLowerCase()
      .slice(0, 60);
  const base = slug(title) || 'workshop';
  return `${sessionLabel ? `${base}-${slug(sessionLabel) || 'session'}` : base}.ics`;
}
