import { describe, expect, it } from 'vitest';
import { readiness } from './readiness.ts';

const people = [
  { id: 'fac', role: 'facilitator' as const, removed: false },
  { id: 'org', role: 'organiser' as const, removed: false },
  { id: 'ana', role: 'participant' as const, removed: false },
  { id: 'bob', role: 'participant' as const, removed: false },
  { id: 'cy', role: 'participant' as const, removed: true },
];

describe('readiness', () => {
  it('counts participants only: the facilitator and organisers are neither ready nor waited for', () => {
    expect(readiness(people, ['fac', 'org', 'ana'])).toEqual({ ready: 1, total: 2 });
  });

  it('leaves removed participants out of both numbers', () => {
    expect(readiness(people, ['cy', 'bob'])).toEqual({ ready: 1, total: 2 });
  });

  it('counts someone who joined after the list was read, never "3 of 2"', () => {
    expect(readiness(people, ['ana', 'bob', 'newcomer', 'bob'])).toEqual({ ready: 3, total: 3 });
  });
});
