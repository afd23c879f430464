import { describe, expect, it } from 'vitest';
import {
  formatInZone,
  instantToZonedLocal,
  isValidTimeZone,
  parseLocalDateTime,
  scheduleForViewer,
  sessionsFromLocal,
  zonedLocalToInstant,
  zoneOffsetMinutes,
} from '../src/time/index.ts';
import fixture from './fixtures/cross-border-workshop.json' with { type: 'json' };

const utc = (iso: string) => Date.parse(`${iso}Z`);

describe('zonedLocalToInstant', () => {
  it.each([
    // The fixture's first session: 15:30 in Paris in June is CEST (UTC+2).
    ['2021-06-03T15:30', 'Europe/Paris', '2021-06-03T13:30'],
    ['2021-01-14T15:30', 'Europe/Paris', '2021-01-14T14:30'],
    ['2021-06-03T15:30', 'UTC', '2021-06-03T15:30'],
    ['2021-06-03T08:30', 'America/Bogota', '2021-06-03T13:30'],
    ['2021-06-03T23:30', 'Australia/Brisbane', '2021-06-03T13:30'],
    ['2021-06-04T01:30', 'Pacific/Fiji', '2021-06-03T13:30'],
    ['2021-06-03T09:30', 'America/Toronto', '2021-06-03T13:30'],
    ['2021-06-03T19:00', 'Asia/Kolkata', '2021-06-03T13:30'],
    ['2021-06-03T15:30:45', 'Europe/Paris', '2021-06-03T13:30:45'],
    // Spring forward in Paris (28 March 2021, 02:00 → 03:00): 02:30 never happens and is
    // read as 03:30 CEST; 01:59 and 03:00 are on either side.
    ['2021-03-28T01:59', 'Europe/Paris', '2021-03-28T00:59'],
    ['2021-03-28T02:30', 'Europe/Paris', '2021-03-28T01:30'],
    ['2021-03-28T03:00', 'Europe/Paris', '2021-03-28T01:00'],
    // Fall back (31 October 2021, 03:00 → 02:00): 02:30 happens twice; the earlier is taken.
    ['2021-10-31T02:30', 'Europe/Paris', '2021-10-31T00:30'],
    ['2021-10-31T03:30', 'Europe/Paris', '2021-10-31T02:30'],
    ['2021-03-14T02:30', 'America/Toronto', '2021-03-14T07:30'],
  ])('%s in %s is %s UTC', (local, zone, expected) => {
    expect(zonedLocalToInstant(local, zone)).toBe(utc(expected));
  });

  it.each([['2021-02-30T10:00'], ['2021-06-03T24:00'], ['2021-06-03 15:30'], ['15:30'], ['2021-06-03T15:60']])('refuses %j', (local) => {
    expect(parseLocalDateTime(local)).toBeNull();
    expect(() => zonedLocalToInstant(local, 'Europe/Paris')).toThrow(RangeError);
  });

  it('refuses an unknown zone', () => {
    expect(isValidTimeZone('Europe/Atlantis')).toBe(false);
    expect(isValidTimeZone('Australia/Brisbane')).toBe(true);
    expect(() => zonedLocalToInstant('2021-06-03T15:30', 'Europe/Atlantis')).toThrow(RangeError);
  });
});

describe('zone offsets and formatting', () => {
  it.each([
    ['2021-06-03T13:30', 'Europe/Paris', 120],
    ['2021-12-03T13:30', 'Europe/Paris', 60],
    ['2021-06-03T13:30', 'America/Bogota', -300],
    ['2021-06-03T13:30', 'Australia/Brisbane', 600],
    ['2021-06-03T13:30', 'Asia/Kolkata', 330],
    ['2021-06-03T13:30', 'Asia/Kathmandu', 345],
    ['2021-03-28T00:59', 'Europe/Paris', 60],
    ['2021-03-28T01:00', 'Europe/Paris', 120],
  ])('at %s UTC %s is %d minutes ahead', (iso, zone, minutes) => {
    expect(zoneOffsetMinutes(utc(iso), zone)).toBe(minutes);
  });

  it('shows one instant as each participant’s wall clock', () => {
    const start = zonedLocalToInstant('2021-06-03T15:30', 'Europe/Paris');
    expect(instantToZonedLocal(start, 'UTC')).toBe('2021-06-03T13:30');
    expect(instantToZonedLocal(start, 'Australia/Brisbane')).toBe('2021-06-03T23:30');
    expect(instantToZonedLocal(start, 'Pacific/Fiji')).toBe('2021-06-04T01:30');
    expect(formatInZone(start, 'Australia/Brisbane', 'en-GB', { timeStyle: 'short' })).toBe('23:30');
    expect(formatInZone(start, 'America/Bogota', 'es-CO', { hour: 'numeric', minute: '2-digit', hourCycle: 'h23' })).toBe('8:30');
    expect(formatInZone(start, 'Europe/Paris', 'fr-FR', { dateStyle: 'long' })).toBe('3 juin 2021');
  });
});

describe('schedule', () => {
  const sessions = sessionsFromLocal(fixture.workshop.sessions, fixture.workshop.homeTimeZone);

  it('stores the fixture’s sessions as instants', () => {
    expect(sessions.map((s) => new Date(s.start).toISOString())).toEqual([
      '2021-06-03T13:30:00.000Z',
      '2021-06-07T07:00:00.000Z',
      '2021-06-10T08:00:00.000Z',
    ]);
  });

  it('gives each viewer the day and time in their zone', () => {
    const suva = scheduleForViewer(sessions, 'Pacific/Fiji', 'en-GB');
    expect(suva.map((s) => s.day)).toEqual(['2021-06-04', '2021-06-07', '2021-06-10']);
    expect(suva[0]).toMatchObject({ label: 'Session 1', end: '04:00', durationMinutes: 150 });
    expect(suva[0]!.start).toContain('Friday');
  });

  it('counts a session across the spring DST change by the clock on the wall, not by 24 h', () => {
    const [s] = sessionsFromLocal([{ label: 'overnight', start: '2021-03-27T12:00', end: '2021-03-28T12:00' }], 'Europe/Paris');
    expect((s!.end - s!.start) / 3_600_000).toBe(23);
  });

  it('refuses a session that ends before it starts', () => {
    expect(() => sessionsFromLocal([{ label: 'x', start: '2021-06-03T15:30', end: '2021-06-03T15:00' }], 'Europe/Paris')).toThrow(
      /ends before/,
    );
  });
});
