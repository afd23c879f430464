import { describe, expect, it } from 'vitest';
import { formatInZone, instantToZonedLocal, zonedLocalToInstant } from '../src/time/zoned-time.ts';
import { scheduleForViewer, sessionsFromLocal } from '../src/time/schedule.ts';
import fixture from './fixtures/cross-border-workshop.json' with { type: 'json' };

const sessions = sessionsFromLocal(fixture.workshop.sessions, fixture.workshop.homeTimeZone);

describe('the fixture schedule across time zones', () => {
  it('Session 1, 15:30 in Europe/Paris in June, is 13:30 UTC and 23:30 in Australia/Brisbane', () => {
    const s1 = sessions[0]!;
    expect(new Date(s1.start).toISOString()).toBe('2021-06-03T13:30:00.000Z');
    expect(instantToZonedLocal(s1.start, 'Australia/Brisbane')).toBe('2021-06-03T23:30');
    const brisbane = scheduleForViewer(sessions, 'Australia/Brisbane', 'en-GB')[0]!;
    expect(brisbane.start).toBe('Thursday, 3 June 2021 at 23:30');
    expect(brisbane.end).toBe('02:00');
    // Ends the next day there: the viewer's calendar day is the start's.
    expect(brisbane.day).toBe('2021-06-03');
    expect(instantToZonedLocal(s1.end, 'Australia/Brisbane')).toBe('2021-06-04T02:00');
  });

  it('shows Fiji the same instant on its own clock', () => {
    expect(formatInZone(sessions[0]!.start, 'Pacific/Fiji', 'en-GB', { timeStyle: 'short' })).toBe('01:30');
  });

  it('keeps the wall clock when a session falls after the clocks change', () => {
    const [winter] = sessionsFromLocal([{ label: 'Winter', start: '2021-11-04T15:30', end: '2021-11-04T17:00' }], 'Europe/Paris');
    expect(new Date(winter!.start).toISOString()).toBe('2021-11-04T14:30:00.000Z');
  });

  it('round-trips a spring-gap local time forward, as calendars do', () => {
    expect(instantToZonedLocal(zonedLocalToInstant('2021-03-28T02:30', 'Europe/Paris'), 'Europe/Paris')).toBe('2021-03-28T03:30');
  });
});
