import { zoneOffsetMinutes } from './zoned-time.ts';

/**
 * Fair session times: for the zones people join from, which start times keep the most of
 * them inside working hours, and how to rotate sessions so no region always takes the night.
 * Every instant is real (UTC milliseconds), every local time is read through the zone at that
 * instant, so a daylight-saving change between two sessions moves who is inside.
 */

const MINUTE = 60_000;
const DAY_MINUTES = 24 * 60;
/** Working hours, local: a person is inside when the whole session falls between these. */
export const WORKING_DAY_START_MINUTES = 8 * 60;
export const WORKING_DAY_END_MINUTES = 20 * 60;
/** Candidates are this far apart across a day: 48 starts. */
export const FAIR_TIME_STEP_MINUTES = 30;

export interface ZoneGroup {
  zone: string;
  people: number;
}

export interface CandidateTime {
  start: number;
  /** People outside working hours for some part of the session. */
  outside: number;
  /** The zones outside, in the order given. */
  outsideZones: string[];
}

const localMinuteOfDay = (instant: number, zone: string) =>
  (((Math.floor(instant / MINUTE) + zoneOffsetMinutes(instant, zone)) % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;

/** Whether a session from `start` lasting `minutes` falls inside 08:00–20:00 in `zone`. */
export function insideWorkingHours(start: number, minutes: number, zone: string): boolean {
  const from = localMinuteOfDay(start, zone);
  // Read at the end too: a DST change during the session moves the local end by an hour.
  const to = localMinuteOfDay(start + minutes * MINUTE, zone);
  return from >= WORKING_DAY_START_MINUTES && to <= WORKING_DAY_END_MINUTES && to > from;
}

/** Counts people per zone (the registrants' zones, in first-seen order). */
export function groupZones(zones: readonly string[]): ZoneGroup[] {
  const counts = new Map<string, number>();
  for (const z of zones) counts.set(z, (counts.get(z) ?? 0) + 1);
  return [...counts].map(([zone, people]) => ({ zone, people }));
}

export function scoreStart(start: number, minutes: number, groups: readonly ZoneGroup[]): CandidateTime {
  const outsideZones = groups.filter((g) => !insideWorkingHours(start, minutes, g.zone)).map((g) => g.zone);
  const outside = groups.reduce((n, g) => n + (outsideZones.includes(g.zone) ? g.people : 0), 0);
  return { start, outside, outsideZones };
}

/**
 * Every start on `dayStartUtc`'s UTC day, FAIR_TIME_STEP_MINUTES apart, in time order (the
 * chart across the day). `dayStartUtc` is any instant of that day.
 */
export function candidatesAcrossDay(dayStartUtc: number, minutes: number, groups: readonly ZoneGroup[]): CandidateTime[] {
  const midnight = dayStartUtc - (((dayStartUtc % (DAY_MINUTES * MINUTE)) + DAY_MINUTES * MINUTE) % (DAY_MINUTES * MINUTE));
  const out: CandidateTime[] = [];
  for (let m = 0; m < DAY_MINUTES; m += FAIR_TIME_STEP_MINUTES) out.push(scoreStart(midnight + m * MINUTE, minutes, groups));
  return out;
}

/** The same candidates, fewest people outside first; ties keep time order. */
export function rankStartTimes(dayStartUtc: number, minutes: number, groups: readonly ZoneGroup[]): CandidateTime[] {
  return candidatesAcrossDay(dayStartUtc, minutes, groups).sort((a, b) => a.outside - b.outside || a.start - b.start);
}

/**
 * One start per session day, rotating the burden: each zone's people cost more the more
 * sessions they have already been outside for, so when no time suits everyone the night slot
 * moves from region to region instead of landing on the smallest one every time.
 */
export function alternateSessions(days: readonly number[], minutes: number, groups: readonly ZoneGroup[]): CandidateTime[] {
  const nights = new Map<string, number>(groups.map((g) => [g.zone, 0]));
  const picked: CandidateTime[] = [];
  for (const day of days) {
    const cost = (c: CandidateTime) =>
      groups.reduce((sum, g) => sum + (c.outsideZones.includes(g.zone) ? g.people * (1 + nights.get(g.zone)!) ** 2 : 0), 0);
    let best: CandidateTime | null = null;
    let bestCost = Infinity;
    for (const c of candidatesAcrossDay(day, minutes, groups)) {
      const k = cost(c);
      if (k < bestCost) [best, bestCost] = [c, k];
    }
    picked.push(best!);
    for (const z of best!.outsideZones) nights.set(z, nights.get(z)! + 1);
  }
  return picked;
}
