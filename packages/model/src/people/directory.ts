/**
 * The people directory: what each person chose to show, and the one function that turns a
 * profile into what others may see. The server applies it to every response; nothing a
 * person did not choose leaves through any other path.
 */

/** Fields a person may show besides their name; organisation and country come from joining. */
export const DIRECTORY_FIELDS = ['organisation', 'country', 'role', 'themes', 'canHelp', 'lookingFor', 'contact'] as const;
export type DirectoryField = (typeof DIRECTORY_FIELDS)[number];

/** A job title, e.g. "Head of digital services". */
export const MAX_DIRECTORY_ROLE_LENGTH = 80;
/** "I can help with" and "I am looking for": a sentence or two, not a CV. */
export const MAX_DIRECTORY_TEXT_LENGTH = 280;
export const MAX_DIRECTORY_CONTACT_LENGTH = 200;
export const MAX_DIRECTORY_THEMES = 20;

export interface DirectoryProfile {
  /** Listed at all; false hides every field, whatever `show` says. */
  listed: boolean;
  show: DirectoryField[];
  role: string;
  themes: string[];
  canHelp: string;
  lookingFor: string;
  /** An email address or an http(s) profile link. */
  contact: string;
}

export const EMPTY_PROFILE: DirectoryProfile = { listed: false, show: [], role: '', themes: [], canHelp: '', lookingFor: '', contact: '' };

/** What one person shows others: their name, and only the fields they chose that hold something. */
export interface DirectoryEntry {
  personId: string;
  name: string;
  organisation?: string;
  country?: string;
  role?: string;
  themes?: string[];
  canHelp?: string;
  lookingFor?: string;
  contact?: string;
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]+$/;
export function isDirectoryContact(value: string): boolean {
  if (value === '') return true;
  if (EMAIL.test(value)) return true;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

export const isDirectoryField = (v: unknown): v is DirectoryField =>
  typeof v === 'string' && (DIRECTORY_FIELDS as readonly string[]).includes(v);

/** A stored profile read back; anything malformed falls back to "not listed". */
export function readProfile(value: unknown): DirectoryProfile {
  if (typeof value !== 'object' || value === null) return { ...EMPTY_PROFILE };
  const v = value as Record<string, unknown>;
  const str = (x: unknown, max: number) => (typeof x === 'string' ? x.slice(0, max) : '');
  return {
    listed: v.listed === true,
    show: Array.isArray(v.show) ? [...new Set(v.show.filter(isDirectoryField))] : [],
    role: str(v.role, MAX_DIRECTORY_ROLE_LENGTH),
    themes: Array.isArray(v.themes) ? v.themes.filter((t): t is string => typeof t === 'string').slice(0, MAX_DIRECTORY_THEMES) : [],
    canHelp: str(v.canHelp, MAX_DIRECTORY_TEXT_LENGTH),
    lookingFor: str(v.lookingFor, MAX_DIRECTORY_TEXT_LENGTH),
    contact: str(v.contact, MAX_DIRECTORY_CONTACT_LENGTH),
  };
}

/**
 * What others see of a person, or null when they are not listed. Built field by field from
 * `show` (never by copying the profile and deleting), so a field added later stays private.
 */
export function directoryEntry(
  person: { id: string; name: string; organisation: string; country: string },
  profile: DirectoryProfile,
): DirectoryEntry | null {
  if (!profile.listed) return null;
  const shown = new Set(profile.show);
  const entry: DirectoryEntry = { personId: person.id, name: person.name };
  const text = (field: DirectoryField, value: string) => {
    if (shown.has(field) && value.trim() !== '') (entry as unknown as Record<string, unknown>)[field] = value;
  };
  text('organisation', person.organisation);
  text('country', person.country);
  text('role', profile.role);
  if (shown.has('themes') && profile.themes.length > 0) entry.themes = [...profile.themes];
  text('canHelp', profile.canHelp);
  text('lookingFor', profile.lookingFor);
  text('contact', profile.contact);
  return entry;
}
