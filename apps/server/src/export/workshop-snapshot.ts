import { roomName, snapshotFromDocs, type PersonInput, type WorkshopSnapshot } from '@crossboard/model';
import type { ServerContext } from '../context.ts';
import { HttpError } from '../errors.ts';
import { RoomLoadError } from '../sync/load-document.ts';
import { readCredit } from './credits.ts';

/** Everyone still in the workshop, with their credit choice; removed people are not credited. */
export async function peopleOf(ctx: ServerContext, workshopId: string): Promise<PersonInput[]> {
  const people = (await ctx.storage.listPeople(workshopId)).filter((p) => !p.revoked);
  return Promise.all(
    people.map(async (p) => ({
      id: p.id,
      name: p.name,
      organisation: p.organisation,
      country: p.country,
      role: p.role,
      credit: await readCredit(ctx.storage, workshopId, p.id),
    })),
  );
}

/**
 * Reads the workshop's board, control and report rooms as they are now (loading them if
 * nobody is connected) into the snapshot every export renders from.
 */
export async function workshopSnapshot(ctx: ServerContext, workshopId: string): Promise<WorkshopSnapshot> {
  const room = (kind: 'board' | 'control' | 'report') => roomName({ workshopId, kind });
  try {
    const people = await peopleOf(ctx, workshopId);
    return await ctx.rooms.use(room('board'), (board) =>
      ctx.rooms.use(room('control'), (control) =>
        ctx.rooms.use(room('report'), async (report) => {
          // Every step queued before this read (stored updates) is in the documents read.
          await Promise.all([board.settled(), control.settled(), report.settled()]);
          return snapshotFromDocs({ board: board.document, control: control.document, report: report.document }, people);
        }),
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
