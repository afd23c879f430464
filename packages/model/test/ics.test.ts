import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { escapeIcsText, foldIcsLine, icsFileName, ICS_MAX_LINE_OCTETS, sessionsToIcs } from '../src/report/ics.ts';
import { sessionsFromLocal } from '../src/time/schedule.ts';
import fixture from './fixtures/cross-border-workshop.json' with { type: 'json' };

const sessions = sessionsFromLocal(fixture.workshop.sessions, fixture.workshop.homeTimeZone);
const NOW = Date.UTC(2021, 4, 20, 8, 0, 0);
const options = {
  title: fixture.workshop.title,
  uidPrefix: 'w123',
  now: NOW,
  homeTimeZone: 'Europe/Paris',
  description: fixture.workshop.purpose,
};

function events(ics: string) {
  const cal = new ICAL.Component(ICAL.parse(ics));
  return cal.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
}

describe('sessionsToIcs', () => {
  it('parses back with ical.js: one event per fixture session, in UTC, with stable UIDs and a DTSTAMP', () => {
    const ics = sessionsToIcs(sessions, options);
    const evs = events(ics);
    expect(evs).toHaveLength(3);
    expect(evs[0]!.startDate.toJSDate().toISOString()).toBe('2021-06-03T13:30:00.000Z');
    expect(evs[0]!.endDate.toJSDate().toISOString()).toBe('2021-06-03T16:00:00.000Z');
    expect(evs[0]!.startDate.zone.tzid).toBe('UTC');
    expect(evs[0]!.summary).toBe('Innovation through cross-border collaboration — Session 1');
    expect(evs[0]!.description).toContain("Organiser's time: Thursday, 3 June 2021 at 15:30–18:00 (Europe/Paris)");
    expect(new Set(evs.map((e) => e.uid)).size).toBe(3);
    expect(evs[0]!.component.getFirstPropertyValue('dtstamp')!.toString()).toBe('2021-05-20T08:00:00Z');
    // The same sessions downloaded again are the same events (a calendar updates, not duplicates).
    expect(events(sessionsToIcs(sessions, { ...options, now: NOW + 1000 })).map((e) => e.uid)).toEqual(evs.map((e) => e.uid));
  });

  it('writes CRLF line ends only, and no line longer than 75 octets', () => {
    const ics = sessionsToIcs(sessions, { ...options, title: `Ünïcödé ${'é'.repeat(80)} 🌍🌍🌍🌍🌍🌍🌍🌍🌍🌍🌍🌍🌍🌍🌍🌍🌍🌍🌍🌍🌍🌍🌍` });
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(ICS_MAX_LINE_OCTETS);
    // Folding never splits a character: unfolded, the title is intact.
    expect(events(ics)[0]!.summary).toContain('🌍🌍🌍🌍🌍🌍🌍🌍🌍🌍🌍🌍🌍🌍🌍🌍🌍🌍🌍🌍🌍🌍🌍 — Session 1');
  });

  it('escapes what people typed, so a title cannot add properties or events', () => {
    const hostile = 'Kick-off; with, commas\\ and\nEND:VEVENT\r\nBEGIN:VEVENT\nSUMMARY:pwned';
    const ics = sessionsToIcs([sessions[0]!], { ...options, title: hostile, description: 'line 1\nline 2' });
    const evs = events(ics);
    expect(evs).toHaveLength(1);
    expect(evs[0]!.summary).toBe(`${hostile.replace(/\r\n/g, '\n')} — Session 1`);
    expect(evs[0]!.description.startsWith('line 1\nline 2\n\n')).toBe(true);
  });

  it.each([
    ['a;b', 'a\\;b'],
    ['a,b', 'a\\,b'],
    ['a\\b', 'a\\\\b'],
    ['a\nb', 'a\\nb'],
    ['a\r\nb', 'a\\nb'],
    ['bell\u0007', 'bell'],
  ])('escapes %j as %j', (text, escaped) => {
    expect(escapeIcsText(text)).toBe(escaped);
  });

  it('folds at exactly 75 octets, and not before', () => {
    expect(foldIcsLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldIcsLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
  });

  it('names the file after the workshop and the session', () => {
    expect(icsFileName('Innovation through cross-border collaboration', 'Session 1')).toBe(
      'innovation-through-cross-border-collaboration-session-1.ics',
    );
    expect(icsFileName('../../etc/passwd')).toBe('etcpasswd.ics');
    expect(icsFileName('🌍')).toBe('workshop.ics');
  });
});
