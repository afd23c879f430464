import { describe, expect, it } from 'vitest';
import { assignGroups, groupCount, groupForLateJoiner, spreadOf, type GroupPerson } from './assign.ts';
import { parseRoomName, roomName } from '../rooms.ts';
import { roomAccess } from '../permissions.ts';

const COUNTRIES: [string, string][] = [
  ['France', 'Europe/Paris'],
  ['Estonia', 'Europe/Tallinn'],
  ['Portugal', 'Europe/Lisbon'],
  ['Finland', 'Europe/Helsinki'],
  ['Canada', 'America/Toronto'],
  ['Chile', 'America/Santiago'],
  ['Kenya', 'Africa/Nairobi'],
  ['India', 'Asia/Kolkata'],
  ['Japan', 'Asia/Tokyo'],
];

/** `n` people from `orgs` organisations and the first `countries` countries, dealt round-robin. */
function crowd(n: number, orgs: number, countries = COUNTRIES.length): GroupPerson[] {
  return Array.from({ length: n }, (_, i) => {
    const [country, timeZone] = COUNTRIES[(i * 7) % countries]!;
    return { id: `p${String(i).padStart(2, '0')}`, organisation: `Org ${i % orgs}`, country, timeZone };
  });
}

const byId = (people: GroupPerson[]) => new Map(people.map((p) => [p.id, p]));
const groupsOf = (people: GroupPerson[], members: string[][]) => members.map((ids) => ids.map((id) => byId(people).get(id)!));
const sizes = (members: string[][]) => members.map((m) => m.length);

describe('assignGroups: mixed', () => {
  // people, organisations, groups → the fewest organisations a group may show
  const table: [n: number, orgs: number, groups: number][] = [
    [40, 12, 5],
    [10, 5, 2],
    [7, 7, 3],
    [23, 4, 6],
    [5, 1, 2],
  ];
  it.each(table)('%i people of %i organisations in %i groups: sizes within one, everyone once', (n, orgs, g) => {
    const people = crowd(n, orgs);
    const { members } = assignGroups(people, { groups: g, seed: 7 });
    expect(members).toHaveLength(g);
    expect(Math.max(...sizes(members)) - Math.min(...sizes(members))).toBeLessThanOrEqual(1);
    expect(members.flat().sort()).toEqual(people.map((p) => p.id).sort());
  });

  it.each(table)('%i people of %i organisations in %i groups: no organisation twice in a group where avoidable', (n, orgs, g) => {
    const people = crowd(n, orgs);
    const { members } = assignGroups(people, { groups: g, seed: 7 });
    for (const group of groupsOf(people, members)) {
      // With k people of one organisation and g groups, ceil(k / g) in a group is unavoidable.
      const counts = new Map<string, number>();
      for (const p of group) counts.set(p.organisation, (counts.get(p.organisation) ?? 0) + 1);
      for (const [org, c] of counts) {
        const total = people.filter((p) => p.organisation === org).length;
        expect(c, `${org} in one group`).toBeLessThanOrEqual(Math.ceil(total / g));
      }
    }
  });

  it('40 people, 12 organisations, 9 countries, 5 groups: each group spans ≥ 3 time zones and ≥ 6 countries', () => {
    const people = crowd(40, 12);
    const { members } = assignGroups(people, { groups: 5, seed: 3 });
    for (const group of groupsOf(people, members)) {
      const s = spreadOf(group);
      expect(s.size).toBe(8);
      expect(s.organisations).toBe(8);
      expect(s.timeZones).toBeGreaterThanOrEqual(3);
      expect(s.countries).toBeGreaterThanOrEqual(6);
    }
  });

  it('mixes better than dealing people out in the order they joined', () => {
    // Joined in organisation blocks: dealing in order would put colleagues together.
    const people = crowd(12, 3).sort((a, b) => a.organisation.localeCompare(b.organisation));
    const { members } = assignGroups(people, { groups: 4, seed: 1 });
    for (const group of groupsOf(people, members)) expect(spreadOf(group).organisations).toBe(3);
  });

  it('is deterministic for a seed, whatever order people are listed in, and a new seed can reshuffle', () => {
    const people = crowd(20, 6);
    const a = assignGroups(people, { groups: 4, seed: 11 });
    const b = assignGroups([...people].reverse(), { groups: 4, seed: 11 });
    expect(b).toEqual(a);
    const others = [12, 13, 14, 15].map((seed) => assignGroups(people, { groups: 4, seed }).members);
    expect(others.some((m) => JSON.stringify(m) !== JSON.stringify(a.members))).toBe(true);
  });

  it('groups of k make ceil(n / k) groups, sizes still within one', () => {
    expect(groupCount(10, { size: 4 })).toBe(3);
    expect(groupCount(10, { groups: 20 })).toBe(10);
    expect(groupCount(0, { groups: 3 })).toBe(3);
    expect(sizes(assignGroups(crowd(10, 3), { size: 4 }).members).sort()).toEqual([3, 3, 4]);
  });
});

describe('assignGroups: by themes', () => {
  it('gathers people around the themes they chose, the most chosen first', () => {
    const people: GroupPerson[] = [
      ...['a', 'b', 'c'].map((id, i) => ({ id, organisation: `O${i}`, country: 'FR', timeZone: 'Europe/Paris', themes: ['Health'] })),
      ...['d', 'e', 'f'].map((id, i) => ({
        id,
        organisation: `O${i}`,
        country: 'EE',
        timeZone: 'Europe/Tallinn',
        themes: ['Mobility', 'Energy'],
      })),
    ];
    const { members, themes } = assignGroups(people, { groups: 2, mode: 'themes', seed: 5 });
    const health = themes.indexOf('Health');
    const mobility = Math.max(themes.indexOf('Mobility'), themes.indexOf('Energy'));
    expect(health).toBeGreaterThanOrEqual(0);
    expect(mobility).toBeGreaterThanOrEqual(0);
    expect([...members[health]!].sort()).toEqual(['a', 'b', 'c']);
    expect([...members[mobility]!].sort()).toEqual(['d', 'e', 'f']);
  });

  it('without any themes falls back to a mixed split', () => {
    const people = crowd(8, 2);
    const { members, themes } = assignGroups(people, { groups: 2, mode: 'themes', seed: 5 });
    expect(themes).toEqual([null, null]);
    for (const group of groupsOf(people, members)) expect(spreadOf(group).organisations).toBe(2);
  });
});

describe('groupForLateJoiner', () => {
  const [p0, p1, p2, p3, late] = crowd(5, 5);
  it.each([
    ['the smallest group', [[p0!, p1!], [p2!], [p3!, p0!]], 1],
    ['among equally small, the one they add least sameness to', [[p0!], [{ ...p1!, organisation: late!.organisation }]], 0],
    ['the first of equals', [[p0!], [p1!]], 0],
    ['none when there are no groups', [], -1],
  ] as const)('%s', (_, groups, expected) => {
    expect(groupForLateJoiner(groups as unknown as GroupPerson[][], late!)).toBe(expected);
  });
});

describe('group rooms', () => {
  it('round-trip their name and refuse unsafe group ids', () => {
    expect(parseRoomName('w1/group/g-1')).toEqual({ workshopId: 'w1', kind: 'group', groupId: 'g-1' });
    expect(roomName({ workshopId: 'w1', kind: 'group', groupId: 'g-1' })).toBe('w1/group/g-1');
    expect(parseRoomName('w1/group/__proto__')).toBeNull();
    expect(parseRoomName('w1/group/a b')).toBeNull();
    expect(parseRoomName('w1/group')).toBeNull();
  });

  const room = { workshopId: 'w', kind: 'group', groupId: 'g' } as const;
  it.each([
    ['facilitator', false, 'write'],
    ['organiser', false, 'read'],
    ['participant', true, 'write'],
    ['participant', false, 'read'],
  ] as const)('%s (member: %s) → %s', (role, groupMember, access) => {
    expect(roomAccess({ workshopId: 'w', personId: 'p', role }, room, { groupMember })).toBe(access);
  });
  it('nobody from another workshop', () => {
    expect(roomAccess({ workshopId: 'other', personId: 'p', role: 'facilitator' }, room)).toBe('none');
  });
});
