import { roomName, snapshotFromDocs, type PersonInput, type WorkshopSnapshot } from '@crossboard/model';
import type { ServerContext } from '../context.ts';
import { HttpError } from '../errors.ts';
import { RoomLoadError } from '../sync/load-document.ts';
import { readCredit } from './credits.ts';

/** Everyone still in the workshop, with their credit choice; removed people are not credited. */
export function peopleOf(ctx: ServerContext, workshopId: string): PersonInput[] {
  return ctx.storage
    .listPeople(workshopId)
    .filter((p) => !p.revoked)
    .map((p) => ({ id: p.id, name: p.name, organisation: p.organisation, country: p.country, role: p.role, credit: readCredit(ctx.storage, workshopId, p.id) }));
}

/**
 * Reads the workshop's board, control and report rooms as they are now (loading them if
 * nobody is connected) into the snapshot every export renders from.
 */
export function workshopSnapshot(ctx: ServerContext, workshopId: string): WorkshopSnapshot {
  const room = (kind: 'board' | 'control' | 'report') => roomName({ workshopId, kind });
  try {
    return ctx.rooms.use(room('board'), (board) =>
      ctx.rooms.use(room('control'), (control) =>
        ctx.rooms.use(room('report'), (report) =>
          snapshotFromDocs({ board: board.document, control: control.document, report: report.document }, peopleOf(ctx, workshopId)),
        ),
      ),
    );
  } catch (e) {
    if (e instanceof RoomLoadError) {
      ctx.log.error({ err: e, workshopId }, 'export: rooms could not be loaded');
      throw new HttpError('ROOM_UNAVAILABLE');
    }
    throw e;
  }
}
