/** This browser's IANA zone, e.g. "Europe/Paris". */
export function localTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

let cached: string[] | null = null;

/** Every zone the browser knows, with the local zone and UTC always present. */
export function timeZoneList(): string[] {
  if (!cached) {
    let zones: string[] = [];
    try {
      zones = Intl.supportedValuesOf('timeZone');
    } catch {
      zones = [];
    }
    cached = Array.from(new Set([...zones, 'UTC', localTimeZone()])).sort();
  }
  return cached;
}

export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

/** "14:05" in the given zone, in the reader's language. */
export function formatLocalTime(now: number, timeZone: string, language: string): string {
  try {
    return new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', timeZone }).format(now);
  } catch {
    return '';
  }
}
