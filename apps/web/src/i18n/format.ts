/**
 * Dates and times in each person's own conventions. The app speaks en, es or fr, but a
 * British reader of the English app expects 15:30, not 3:30 PM: the browser's own locale is
 * used whenever it is a variant of the app's language, the bare language otherwise.
 */
export function dateLocale(language: string, preferred: readonly string[] = browserLocales()): string {
  const base = language.slice(0, 2).toLowerCase();
  const variant = preferred.find((tag) => tag.slice(0, 2).toLowerCase() === base && tag.length > 2);
  // en without a region would be read as en-US; the rest of the world writes 24-hour times.
  return variant ?? (base === 'en' ? 'en-GB' : base);
}

function browserLocales(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

export function formatDateTime(
  at: number,
  language: string,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' },
  timeZone?: string,
  preferred?: readonly string[],
): string {
  return new Intl.DateTimeFormat(dateLocale(language, preferred), { ...options, ...(timeZone ? { timeZone } : {}) }).format(new Date(at));
}
