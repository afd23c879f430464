import { describe, expect, it } from 'vitest';
import { isRole, mayCluster, roomAccess, type Access, type Role } from '../src/permissions.ts';
import { parseRoomName } from '../src/rooms.ts';

// docs/DESIGN.md's table, one row per (role, room): `me` is the person asking.
//   role           room              access   (participantsMayEditReport)
const table: [Role, string, Access, boolean?][] = [
  ['participant', 'w/board', 'write'],
  ['facilitator', 'w/board', 'write'],
  ['organiser', 'w/board', 'read'],
  ['participant', 'w/control', 'read'],
  ['organiser', 'w/control', 'read'],
  ['facilitator', 'w/control', 'write'],
  ['participant', 'w/drafts/me', 'write'],
  ['participant', 'w/drafts/other', 'none'],
  ['facilitator', 'w/drafts/other', 'none'],
  ['facilitator', 'w/drafts/me', 'write'],
  ['organiser', 'w/drafts/other', 'none'],
  ['participant', 'w/report', 'read'],
  ['participant', 'w/report', 'write', true],
  ['organiser', 'w/report', 'write'],
  ['facilitator', 'w/report', 'write'],
  ['facilitator', 'other-workshop/board', 'none'],
  ['participant', 'other-workshop/control', 'none'],
  ['organiser', 'other-workshop/report', 'none'],
];

describe('roomAccess', () => {
  it.each(table)('%s in %s → %s (participants may edit report: %s)', (role, name, access, mayEdit) => {
    const room = parseRoomName(name);
    expect(room).not.toBeNull();
    const person = { workshopId: 'w', personId: 'me', role };
    expect(roomAccess(person, room!, { participantsMayEditReport: mayEdit ?? false })).toBe(access);
  });

  it('knows the three roles and nothing else', () => {
    expect(['facilitator', 'organiser', 'participant'].every(isRole)).toBe(true);
    expect([undefined, '', 'admin', 'Facilitator', 1].some(isRole)).toBe(false);
  });
});

describe('who may cluster', () => {
  it.each([
    ['facilitator', false, true],
    ['facilitator', true, true],
    ['participant', false, false],
    ['participant', true, true],
    ['organiser', true, false],
  ] as const)('%s, participants allowed: %s → %s', (role, allowed, expected) => {
    expect(mayCluster(role, allowed)).toBe(expected);
  });
});
