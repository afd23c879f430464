import { controlState, roomAccess, roomName, type RoomRef } from '@crossboard/model';
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
      ? await rooms.use(roomName({ workshopId: ref.workshopId, kind: 'control' }), (control) =>
          controlState(control.document).get('participantsMayEditReport') === true,
        )
      : false;
  const access = roomAccess({ workshopId: person.workshopId, personId: person.id, role: person.role }, ref, { participantsMayEditReport });
  return access === 'none' ? { ok: false, refuse: 'FORBIDDEN' } : { ok: true, access };
}
