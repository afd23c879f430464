import type { RoomRef } from './rooms.ts';

export const ROLES = ['facilitator', 'organiser', 'participant'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** What a connection may do in a room. `none` is refused at connect time. */
export type Access = 'write' | 'read' | 'none';

export interface Person {
  workshopId: string;
  personId: string;
  role: Role;
}

export interface AccessOptions {
  /** The facilitator lets participants co-write the report. */
  participantsMayEditReport?: boolean;
  /** For a group room: the person is one of that group's members (control room's `breakout`). */
  groupMember?: boolean;
}

/**
 * Who may cluster notes: the facilitator, and participants while the facilitator allows it
 * (the control room's `participantsMayCluster`). Organisers only read the board.
 */
export function mayCluster(role: Role, participantsMayCluster: boolean): boolean {
  return role === 'facilitator' || (role === 'participant' && participantsMayCluster);
}

/** docs/DESIGN.md's table of rooms and who may read and write them, as one pure function. */
export function roomAccess(person: Person, room: RoomRef, options: AccessOptions = {}): Access {
  if (person.workshopId !== room.workshopId) return 'none';
  const staff = person.role === 'facilitator' || person.role === 'organiser';
  switch (room.kind) {
    case 'board':
      // Organisers read the board; they shape the report, not the workshop's notes.
      return person.role === 'organiser' ? 'read' : 'write';
    case 'control':
      return person.role === 'facilitator' ? 'write' : 'read';
    case 'drafts':
      // Drafts reach nobody but their owner until reveal; facilitators get counts over HTTP
      // and remove a draft through the API without reading it.
      return room.participantId === person.personId ? 'write' : 'none';
    case 'report':
      if (staff) return 'write';
      return options.participantsMayEditReport ? 'write' : 'read';
    case 'group':
      // Everyone may look into any group (the facilitator visits, others see what groups do).
      if (person.role === 'facilitator') return 'write';
      if (person.role === 'organiser') return 'read';
      return options.groupMember ? 'write' : 'read';
  }
}
