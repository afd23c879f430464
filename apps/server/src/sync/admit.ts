import { controlState, findGroup, readBreakout, roomAccess, roomName, type RoomRef } from '@crossboard/model';
import type { CloseKind } from '../errors.ts';
import type { PersonRecord } from '../storage/storage.ts';
import type { Rooms } from './rooms.ts';

export type Admission = { ok: true; access: 'read' | 'write' } | { ok: false; refuse: CloseKind };

/**
 * Whether an authenticated person may open a room, and how: DESIGN.md's table (`roomAccess`)
 * plus the one setting it depends on, read from the workshop's control room.
 */
export async function admit(rooms: Rooms, person: PersonRecord, ref: RoomRef): Promise<Admission> {
  const participantsMayEditReport =
    ref.kind === 'report' && person.role === 'participant'
      ? await rooms.use(
          roomName({ workshopId: ref.workshopId, kind: 'control' }),
          (control) => controlState(control.document).get('participantsMayEditReport') === true,
        )
      : false;
  // A group room exists only for a group on record; its members write while the breakout runs.
  let groupMember = false;
  if (ref.kind === 'group') {
    const group = await rooms.use(roomName({ workshopId: ref.workshopId, kind: 'control' }), (control) => {
      const breakout = readBreakout(control.document);
      const g = findGroup(breakout, ref.groupId);
      return g && { member: breakout.active && g.members.includes(person.id) };
    });
    if (!group) return { ok: false, refuse: 'BAD_ROOM' };
    groupMember = group.member;
  }
  const access = roomAccess({ workshopId: person.workshopId, personId: person.id, role: person.role }, ref, {
    participantsMayEditReport,
    groupMember,
  });
  return access === 'none' ? { ok: false, refuse: 'FORBIDDEN' } : { ok: true, access };
}
