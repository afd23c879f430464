import { describe, expect, it } from 'vitest';
import {
  agendaMinutes,
  agendaPosition,
  CROSS_BORDER_AGENDA,
  plannedOverrunMinutes,
  readAgenda,
  timeAgenda,
  zonedLocalToInstant,
  type AgendaItem,
  type AgendaProgress,
} from '../src/index.ts';

const MIN = 60_000;
// Thursday 3 June 2021, 15:30–18:00 in Paris (CEST): the first cross-border session.
const start = zonedLocalToInstant('2021-06-03T15:30', 'Europe/Paris');
const session = { start, end: start + 150 * MIN };
const at = (minutes: number) => start + minutes * MIN;
const short: AgendaItem[] = [
  { kind: 'welcome', minutes: 10 },
  { kind: 'phase', phase: 'painPoints', minutes: 20 },
  { kind: 'break', minutes: 5 },
];

describe('the cross-border run of show', () => {
  it('fills the 150-minute session exactly', () => {
    expect(agendaMinutes(CROSS_BORDER_AGENDA)).toBe(150);
    expect(plannedOverrunMinutes(CROSS_BORDER_AGENDA, session)).toBe(0);
  });

  it('starts the pain points at 15:45 Paris, 17:45 in Dubai', () => {
    const pain = timeAgenda(CROSS_BORDER_AGENDA, start)[1]!;
    expect(pain.phase).toBe('painPoints');
    expect(new Date(pain.start).toISOString()).toBe('2021-06-03T13:45:00.000Z');
  });
});

describe('timeAgenda lays items back to back', () => {
  it.each([
    // index, start minute, end minute
    [0, 0, 10],
    [1, 10, 30],
    [2, 30, 35],
  ])('item %i runs from +%i to +%i min', (index, from, to) => {
    const t = timeAgenda(short, start)[index]!;
    expect([t.start, t.end]).toEqual([at(from), at(to)]);
  });
});

describe('agendaPosition: now, next and overrun', () => {
  const progress = (item: number, startedMinute: number): AgendaProgress => ({ session: start, item, startedAt: at(startedMinute) });
  it.each<[string, number, AgendaProgress | null, number | null, number | null, number]>([
    // case, clock minute, progress, now index, next index, overrun minutes
    ['before the session', -5, null, null, 0, 0],
    ['by the clock, in the welcome', 3, null, 0, 1, 0],
    ['by the clock, in the phase work', 12, null, 1, 2, 0],
    ['after the plan', 40, null, null, null, 0],
    ['phase work started 5 min late', 16, progress(1, 15), 1, 2, 0],
    ['long session: the last item started late', 30, progress(2, 148), null, 2, 3],
    ['started late: the later items move back', 33, progress(1, 14), 1, 2, 0],
  ])('%s', (_case, minute, p, now, next, overrun) => {
    const items = _case.startsWith('long') ? [...short.slice(0, 2), { kind: 'wrapUp', minutes: 5 } as AgendaItem] : short;
    const s = _case.startsWith('long') ? session : { start, end: at(40) };
    const pos = agendaPosition(items, s, p, at(minute));
    expect(pos.now?.index ?? null).toBe(now);
    expect(pos.next?.index ?? null).toBe(next);
    expect(pos.overrunMinutes).toBe(overrun);
  });

  it('says how far a late start pushes the end past the session', () => {
    // The 150 minutes begun 20 minutes late end at 18:20 Paris: 20 minutes over.
    const pos = agendaPosition(CROSS_BORDER_AGENDA, session, { session: start, item: 0, startedAt: at(20) }, at(21));
    expect(pos.overrunMinutes).toBe(20);
    expect(pos.now?.kind).toBe('welcome');
  });

  it('ignores progress kept from another session', () => {
    const pos = agendaPosition(short, { start, end: at(40) }, { session: start - 86_400_000, item: 2, startedAt: at(0) }, at(3));
    expect(pos.now?.index).toBe(0);
  });

  it('a plan longer than its session overruns before it starts', () => {
    expect(plannedOverrunMinutes([{ kind: 'phase', phase: 'visions', minutes: 170 }], session)).toBe(20);
  });
});

describe('readAgenda keeps only well-formed items', () => {
  it.each<[string, unknown, number]>([
    ['not a list', { kind: 'welcome' }, 0],
    ['unknown kind', [{ kind: 'party', minutes: 5 }], 0],
    ['zero minutes', [{ kind: 'break', minutes: 0 }], 0],
    ['fractional minutes', [{ kind: 'break', minutes: 2.5 }], 0],
    ['a good one and a bad one', [{ kind: 'break', minutes: 5 }, null], 1],
  ])('%s', (_case, value, length) => {
    expect(readAgenda(value)).toHaveLength(length);
  });

  it('keeps a phase only on phase work', () => {
    expect(readAgenda([{ kind: 'break', minutes: 5, phase: 'visions' }])[0]).toEqual({ kind: 'break', minutes: 5 });
  });
});
