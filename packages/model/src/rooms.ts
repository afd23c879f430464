import { isSafeId } from './ids.ts';

/**
 * A workshop is several Yjs documents (rooms) so that the server can decide who reads
 * and writes each one. Room names are `WORKSHOP/board`, `WORKSHOP/control`,
 * `WORKSHOP/report` and `WORKSHOP/drafts/PARTICIPANT`.
 */
export type RoomRef =
  | { workshopId: string; kind: 'board' }
  | { workshopId: string; kind: 'control' }
  | { workshopId: string; kind: 'report' }
  | { workshopId: string; kind: 'drafts'; participantId: string };
export type RoomKind = RoomRef['kind'];


export function roomName(ref: RoomRef): string {
  return ref.kind === 'drafts'
    ? `${ref.workshopId}/drafts/${ref.participantId}`
    : `${ref.workshopId}/${ref.kind}`;
}

export function parseRoomName(name: string): RoomRef | null {
  const parts = name.split('/');
  const [workshopId, kind, participantId] = parts;
  if (workshopId === undefined || !isSafeId(workshopId)) return null;
  if (parts.length === 2 && (kind === 'board' || kind === 'control' || kind === 'report')) {
    return { workshopId, kind };
  }
  if (parts.length === 3 && kind === 'drafts' && participantId !== undefined && isSafeId(participantId)) {
    return { workshopId, kind, participantId };
  }
  return null;
}
