import { zonedLocalToInstant, type Session } from '@crossboard/model';
import { HttpError } from '../errors.ts';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO instant, or a wall-clock "YYYY-MM-DDTHH:mm" read in the workshop's home zone. */
function toInstant(value: string, zone: string): number {
  if (INSTANT.test(value)) {
    const t = Date.parse(value);
    if (!Number.isNaN(t)) return t;
  } else {
    try {
      return zonedLocalToInstant(value, zone);
    } catch {
      // falls through to the error below
    }
  }
  throw new HttpError('INVALID_SESSION', `"${value}" is not a time like 2025-06-12T15:30 or 2025-06-12T13:30:00Z.`);
}

export function toSessions(input: { label: string; start: string; end: string }[], zone: string): Session[] {
  return input.map(({ label, start, end }) => {
    const session = { label, start: toInstant(start, zone), end: toInstant(end, zone) };
    if (session.end <= session.start) throw new HttpError('INVALID_SESSION');
    return session;
  });
}
