import { describe, expect, it } from 'vitest';
import { MAX_PEOPLE_TO_MEET, peopleToMeet, sharedWorkingHours, type MeetCandidate } from '../src/people/people-to-meet.ts';

const utc = (iso: string) => Date.parse(`${iso}Z`);
const person = (id: string, timeZone: string, over: Partial<MeetCandidate['entry']> = {}): MeetCandidate => ({
  entry: { personId: id, name: id, ...over },
  timeZone,
});

describe('sharedWorkingHours', () => {
  // Monday 2 June 2025, 00:00 UTC. Paris is UTC+2, Bogotá UTC−5, Fiji UTC+12.
  const monday = utc('2025-06-02T00:00');

  it('Paris and Bogotá share 13:00–17:00 UTC on each weekday', () => {
    const hours = sharedWorkingHours('Europe/Paris', 'America/Bogota', monday);
    expect(hours.length).toBe(5 * 5);
    expect(hours.slice(0, 5).map((h) => new Date(h).toISOString().slice(11, 16))).toEqual(['13:00', '14:00', '15:00', '16:00', '17:00']);
  });

  it('Paris and Fiji share only an hour a day, and none across the Fijian weekend', () => {
    const hours = sharedWorkingHours('Europe/Paris', 'Pacific/Fiji', monday);
    // 07:00 UTC is 09:00 Paris and 19:00 Fiji; Friday's 07:00 UTC is Saturday nowhere yet: Fiji is still Friday.
    expect(hours.map((h) => new Date(h).toISOString().slice(0, 16))).toEqual([
      '2025-06-02T06:00',
      '2025-06-02T07:00',
      '2025-06-03T06:00',
      '2025-06-03T07:00',
      '2025-06-04T06:00',
      '2025-06-04T07:00',
      '2025-06-05T06:00',
      '2025-06-05T07:00',
      '2025-06-06T06:00',
      '2025-06-06T07:00',
    ]);
  });
});

describe('peopleToMeet', () => {
  const me = person('me', 'Europe/Paris', {
    country: 'France',
    themes: ['mobility', 'data sharing'],
    lookingFor: 'Funding for regional pilots',
    canHelp: 'Tram procurement',
  });
  const now = utc('2025-06-02T00:00');

  it('suggests people with shared themes or matching help, best first, never someone with nothing in common', () => {
    const suggestions = peopleToMeet(
      me,
      [
        person('a', 'America/Bogota', { country: 'Colombia', themes: ['mobility'] }),
        person('b', 'Europe/Berlin', { country: 'France', canHelp: 'EU funding calls for regional pilots' }),
        person('c', 'Asia/Tokyo', {
          country: 'Japan',
          lookingFor: 'Experience with tram procurement',
          themes: ['mobility', 'data sharing'],
        }),
        person('d', 'Europe/Paris', { country: 'France', themes: ['health'] }),
        person('me', 'Europe/Paris', { themes: ['mobility'] }),
      ],
      now,
    );
    expect(suggestions.map((s) => [s.entry.personId, s.reasons])).toEqual([
      ['c', ['themes', 'youCanHelp', 'otherCountry']],
      // A help match weighs as much as a shared theme from another country; equals go by name.
      ['a', ['themes', 'otherCountry']],
      ['b', ['canHelpYou']],
    ]);
    expect(suggestions[0]!.sharedThemes).toEqual(['mobility', 'data sharing']);
  });

  it('gives at most five', () => {
    const many = Array.from({ length: 9 }, (_, i) => person(`p${i}`, 'Europe/Madrid', { country: 'Spain', themes: ['mobility'] }));
    expect(peopleToMeet(me, many, now)).toHaveLength(MAX_PEOPLE_TO_MEET);
  });
});
