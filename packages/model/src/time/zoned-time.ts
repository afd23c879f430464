/**
 * Wall-clock times in IANA zones with nothing but Intl: the zone database the runtime
 * ships is the one the participant's browser also uses, so both sides agree on DST.
 */
const MINUTE = 60_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    // Throws RangeError for an unknown zone, which is what callers should see.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      era: 'short',
    });
    formatters.set(zone, f);
  }
  return f;
}

export function isValidTimeZone(zone: string): boolean {
  try {
    partsFormatter(zone);
    return true;
  } catch {
    return false;
  }
}

/** Minutes the zone is ahead of UTC at that instant (Paris in June: 120; Bogotá: −300). */
export function zoneOffsetMinutes(instant: number, zone: string): number {
  const p: Record<string, string> = {};
  for (const { type, value } of partsFormatter(zone).formatToParts(instant)) p[type] = value;
  const year = p.era === 'BC' ? 1 - Number(p.year) : Number(p.year);
  const wall = Date.UTC(year, Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  const whole = instant - (((instant % 1000) + 1000) % 1000);
  return Math.round((wall - whole) / MINUTE);
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** `YYYY-MM-DDTHH:mm[:ss]` read as if in UTC, or null when it is not a real calendar time. */
export function parseLocalDateTime(local: string): number | null {
  const m = LOCAL.exec(local);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as [number, number, number, number, number, number];
  const t = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(t);
  // Date.UTC rolls 31 April over into May; a calendar field out of range is refused instead.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  return t;
}

/**
 * The instant a wall-clock time in `zone` names. Candidate offsets are the zone's offsets a
 * day either side; the ones that map back to the same wall time are the answers. As in
 * Temporal's `compatible` mode, a time that happens twice (autumn) is the earlier one, and a
 * time that never happens (spring gap) is moved forward by the gap: 02:30 becomes 03:30.
 */
export function zonedLocalToInstant(local: string, zone: string): number {
  const wall = parseLocalDateTime(local);
  if (wall === null) throw new RangeError(`not a local date-time (YYYY-MM-DDTHH:mm): ${JSON.stringify(local)}`);
  const before = zoneOffsetMinutes(wall - 86_400_000, zone);
  const after = zoneOffsetMinutes(wall + 86_400_000, zone);
  const fits = [before, after].map((offset) => wall - offset * MINUTE).filter((t) => zoneOffsetMinutes(t, zone) * MINUTE === wall - t);
  if (fits.length > 0) return Math.min(...fits);
  return wall - before * MINUTE;
}

/** The wall-clock time of an instant in a zone, as `YYYY-MM-DDTHH:mm`. */
export function instantToZonedLocal(instant: number, zone: string): string {
  return new Date(instant + zoneOffsetMinutes(instant, zone) * MINUTE).toISOString().slice(0, 16);
}

export function formatInZone(
  instant: number,
  zone: string,
  locale: string,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' },
): string {
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: zone }).format(instant);
}
