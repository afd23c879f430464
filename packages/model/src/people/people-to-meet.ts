import { insideWorkingHours } from '../time/fair-times.ts';
import { zoneOffsetMinutes } from '../time/zoned-time.ts';
import type { DirectoryEntry } from './directory.ts';

/**
 * Who is worth meeting after a session, among people who chose to be listed: shared themes,
 * one's "I can help with" meeting the other's "I am looking for", and a different country;
 * with the hours of the coming week inside both persons' working hours. Works only from what
 * each person chose to show, plus the zone of listed people (to find common hours).
 */

export const MAX_PEOPLE_TO_MEET = 5;
const HOUR = 3_600_000;

export interface MeetCandidate {
  entry: DirectoryEntry;
  timeZone: string;
}

export type MeetReason = 'themes' | 'canHelpYou' | 'youCanHelp' | 'otherCountry';

export interface MeetSuggestion {
  entry: DirectoryEntry;
  reasons: MeetReason[];
  sharedThemes: string[];
  /** Starts of the hours, in the 7 days from `now`, inside 08:00–20:00 on a weekday for both. */
  sharedHours: number[];
  score: number;
}

// Words too common to say two texts are about the same thing.
const STOP = new Set([
  'with',
  'from',
  'that',
  'this',
  'about',
  'have',
  'their',
  'other',
  'others',
  'people',
  'some',
  'into',
  'between',
  'across',
  'what',
  'where',
  'which',
  'peers',
  'like',
]);
function words(text: string | undefined): Set<string> {
  const out = new Set<string>();
  for (const w of (text ?? '').toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (w.length >= 4 && !STOP.has(w)) out.add(w);
  return out;
}
const overlaps = (a: Set<string>, b: Set<string>) => [...a].some((w) => b.has(w));

function weekday(instant: number, zone: string): boolean {
  const day = new Date(instant + zoneOffsetMinutes(instant, zone) * 60_000).getUTCDay();
  return day !== 0 && day !== 6;
}

/** Whole hours from the next full hour after `now`, for a week, inside both zones' working weekdays. */
export function sharedWorkingHours(zoneA: string, zoneB: string, now: number): number[] {
  const first = Math.ceil(now / HOUR) * HOUR;
  const out: number[] = [];
  for (let t = first; t < first + 7 * 24 * HOUR; t += HOUR) {
    if (weekday(t, zoneA) && weekday(t, zoneB) && insideWorkingHours(t, 60, zoneA) && insideWorkingHours(t, 60, zoneB)) out.push(t);
  }
  return out;
}

/** Up to MAX_PEOPLE_TO_MEET others for `me`, best first; someone with nothing in common is not suggested. */
export function peopleToMeet(me: MeetCandidate, others: readonly MeetCandidate[], now: number): MeetSuggestion[] {
  const myThemes = new Set(me.entry.themes ?? []);
  const myHelp = words(me.entry.canHelp);
  const myNeed = words(me.entry.lookingFor);
  const out: MeetSuggestion[] = [];
  for (const other of others) {
    if (other.entry.personId === me.entry.personId) continue;
    const sharedThemes = (other.entry.themes ?? []).filter((t) => myThemes.has(t));
    const reasons: MeetReason[] = [];
    if (sharedThemes.length > 0) reasons.push('themes');
    if (overlaps(words(other.entry.canHelp), myNeed)) reasons.push('canHelpYou');
    if (overlaps(myHelp, words(other.entry.lookingFor))) reasons.push('youCanHelp');
    if (reasons.length === 0) continue;
    const otherCountry =
      !!me.entry.country && !!other.entry.country && me.entry.country.trim().toLowerCase() !== other.entry.country.trim().toLowerCase();
    if (otherCountry) reasons.push('otherCountry');
    const score =
      sharedThemes.length * 2 +
      (reasons.includes('canHelpYou') ? 3 : 0) +
      (reasons.includes('youCanHelp') ? 3 : 0) +
      (otherCountry ? 1 : 0);
    out.push({ entry: other.entry, reasons, sharedThemes, sharedHours: sharedWorkingHours(me.timeZone, other.timeZone, now), score });
  }
  return out.sort((a, b) => b.score - a.score || a.entry.name.localeCompare(b.entry.name)).slice(0, MAX_PEOPLE_TO_MEET);
}
