import { describe, expect, it } from 'vitest';
import { parseRoomName, roomName, type RoomRef } from '../src/rooms.ts';

describe('room names', () => {
  const valid: [string, RoomRef][] = [
    ['w1/board', { workshopId: 'w1', kind: 'board' }],
    ['w1/control', { workshopId: 'w1', kind: 'control' }],
    ['w1/report', { workshopId: 'w1', kind: 'report' }],
    ['AbC_-9/drafts/p-7_x', { workshopId: 'AbC_-9', kind: 'drafts', participantId: 'p-7_x' }],
    [`${'a'.repeat(64)}/board`, { workshopId: 'a'.repeat(64), kind: 'board' }],
  ];
  it.each(valid)('%s parses and formats back to itself', (name, ref) => {
    expect(parseRoomName(name)).toEqual(ref);
    expect(roomName(ref)).toBe(name);
  });

  const invalid = [
    '',
    'w1',
    'w1/',
    '/board',
    'w1/boards',
    'w1/board/extra',
    'w1/drafts',
    'w1/drafts/',
    'w1/drafts/p1/x',
    'w1/control/p1',
    'w 1/board',
    'w1/drafts/p.1',
    '../board',
    'w1%2Fboard',
    `${'a'.repeat(65)}/board`,
    `w1/drafts/${'p'.repeat(65)}`,
    'wé/board',
  ];
  it.each(invalid)('rejects %j', (name) => {
    expect(parseRoomName(name)).toBeNull();
  });
});
