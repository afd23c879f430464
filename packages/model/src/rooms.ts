import { isSafeId } from './ids.ts';

/**
 * A workshop is several Yjs documents (rooms) so that the server can decide who reads
 * and writes each one. Room names are `WORKSHOP/board`, `WORKSHOP/control`,
 * `WORKSHOP/report`, `WORKSHOP/drafts/PARTICIPANT` and a breakout group's board `WORKSHOP/group/GROUP`.
 */
export type RoomRef =
  | { workshopId: string; kind: 'board' }
  | { workshopId: string; kind: 'control' }
  | { workshopId: string; kind: 'report' }
  | { workshopId: string; kind: 'drafts'; participantId: string }
  | { workshopId: string; kind: 'group'; groupId: string };
export type RoomKind = RoomRef['kind'];

export function roomName(ref: RoomRef): string {
  if (ref.kind === 'drafts') return `${ref.workshopId}/drafts/${ref.participantId}`;
  if (ref.kind === 'group') return `${ref.workshopId}/group/${ref.groupId}`;
  return `${ref.workshopId}/${ref.kind}`;
}

export function parseRoomName(name: string): RoomRef | null {
  const parts = name.split('/');
  const [workshopId, kind, third] = parts;
  if (workshopId === undefined || !isSafeId(workshopId)) return null;
  if (parts.length === 2 && (kind === 'board' || kind === 'control' || kind === 'report')) {
    return { workshopId, kind };
  }
  if (parts.length === 3 && kind === 'drafts' && isSafeId(third)) {
    return { workshopId, kind, participantId: third };
  }
  if (parts.length === 3 && kind === 'group' && isSafeId(third)) {
    return { workshopId, kind, groupId: third };
  }
  return null;
}
