import { describe, expect, it } from 'vitest';
import {
  alternateSessions,
  candidatesAcrossDay,
  groupZones,
  insideWorkingHours,
  rankStartTimes,
  scoreStart,
} from '../src/time/fair-times.ts';

const utc = (iso: string) => Date.parse(`${iso}Z`);
const hhmm = (t: number) => new Date(t).toISOString().slice(11, 16);

describe('insideWorkingHours', () => {
  // Paris moves to CEST on 30 March 2025 and back on 26 October 2025; Bogotá and Fiji keep one offset.
  it.each([
    // start (UTC), minutes, zone, inside
    ['2025-03-27T16:00', 150, 'Europe/Paris', true], // 17:00–19:30 CET
    ['2025-04-03T16:00', 150, 'Europe/Paris', false], // 18:00–20:30 CEST: past 20:00
    ['2025-10-23T17:00', 150, 'Europe/Paris', false], // 19:00–21:30 CEST
    ['2025-10-30T17:00', 150, 'Europe/Paris', false], // 18:00–20:30 CET
    ['2025-10-30T16:00', 150, 'Europe/Paris', true], // 17:00–19:30 CET (18:00–20:30 a week earlier)
    ['2025-10-30T16:30', 150, 'Europe/Paris', true], // 17:30–20:00 CET: ends exactly at 20:00
    ['2025-03-27T13:00', 150, 'America/Bogota', true], // 08:00–10:30
    ['2025-03-27T12:59', 150, 'America/Bogota', false], // 07:59
    ['2025-03-27T20:00', 150, 'Pacific/Fiji', true], // 08:00–10:30 next day
    ['2025-03-27T07:00', 150, 'Pacific/Fiji', false], // 19:00–21:30
    ['2025-03-27T22:00', 150, 'Europe/Paris', false], // 23:00–01:30 crosses midnight
  ] as const)('%s for %i min in %s → %s', (start, minutes, zone, inside) => {
    expect(insideWorkingHours(utc(start), minutes, zone)).toBe(inside);
  });
});

describe('rankStartTimes across a DST change', () => {
  const groups = groupZones(['Europe/Paris', 'Europe/Paris', 'America/Bogota']);

  it('counts people, not zones', () => {
    expect(groups).toEqual([
      { zone: 'Europe/Paris', people: 2 },
      { zone: 'America/Bogota', people: 1 },
    ]);
    expect(scoreStart(utc('2025-03-27T10:00'), 150, groups)).toEqual({
      start: utc('2025-03-27T10:00'),
      outside: 1,
      outsideZones: ['America/Bogota'],
    });
  });

  it('a start that suits Paris and Bogotá in late March no longer does a week later', () => {
    const before = rankStartTimes(utc('2025-03-27T00:00'), 150, groups)
      .filter((c) => c.outside === 0)
      .map((c) => hhmm(c.start));
    const after = rankStartTimes(utc('2025-04-03T00:00'), 150, groups)
      .filter((c) => c.outside === 0)
      .map((c) => hhmm(c.start));
    // Bogotá from 08:00 (13:00 UTC); Paris until 20:00, i.e. 19:00 UTC in CET, 18:00 UTC in CEST.
    expect(before).toEqual(['13:00', '13:30', '14:00', '14:30', '15:00', '15:30', '16:00', '16:30']);
    expect(after).toEqual(['13:00', '13:30', '14:00', '14:30', '15:00', '15:30']);
  });

  it('gains the hour back in late October', () => {
    const before = rankStartTimes(utc('2025-10-23T00:00'), 150, groups).filter((c) => c.outside === 0).length;
    const after = rankStartTimes(utc('2025-10-30T00:00'), 150, groups).filter((c) => c.outside === 0).length;
    expect([before, after]).toEqual([6, 8]);
  });

  it('ranks fewest outside first and charts 48 half-hour starts across the day', () => {
    const day = candidatesAcrossDay(utc('2025-03-27T09:17'), 150, groups);
    expect(day).toHaveLength(48);
    expect(hhmm(day[0]!.start)).toBe('00:00');
    const ranked = rankStartTimes(utc('2025-03-27T00:00'), 150, groups);
    expect(ranked.map((c) => c.outside)).toEqual([...ranked.map((c) => c.outside)].sort((a, b) => a - b));
    expect(ranked.at(-1)!.outside).toBe(3);
  });
});

describe('alternateSessions', () => {
  const groups = groupZones(['Europe/Paris', 'America/Bogota', 'Pacific/Fiji']);
  const days = ['2025-03-25', '2025-03-27', '2025-04-01', '2025-04-03'].map((d) => utc(`${d}T00:00`));

  it('finds no time that suits Paris, Bogotá and Fiji at once', () => {
    expect(Math.min(...candidatesAcrossDay(days[0]!, 150, groups).map((c) => c.outside))).toBe(1);
  });

  it('rotates the night slot so no region takes it every time, across the change to CEST', () => {
    const picked = alternateSessions(days, 150, groups);
    expect(picked.map((c) => c.outside)).toEqual([1, 1, 1, 1]);
    const outsides = picked.map((c) => c.outsideZones[0]);
    // Each zone outside at most twice in four sessions, and never in two sessions running.
    for (const g of groups) expect(outsides.filter((z) => z === g.zone).length).toBeLessThanOrEqual(2);
    for (let i = 1; i < outsides.length; i++) expect(outsides[i]).not.toBe(outsides[i - 1]);
  });

  it('keeps everyone inside when a time suits all, instead of rotating for nothing', () => {
    const pair = groupZones(['Europe/Paris', 'America/Bogota']);
    expect(alternateSessions(days, 150, pair).map((c) => c.outside)).toEqual([0, 0, 0, 0]);
  });
});
