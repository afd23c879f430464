import { ORIGIN, isJoiningClosed, roomName, setJoiningClosed } from '@crossboard/model';
import type { ServerContext } from '../context.ts';
import { HttpError } from '../errors.ts';

/**
 * "No new participants". Kept in the control room, so every facilitator's console shows it
 * live; enforced here, on the one way in for a newcomer (POST /join). People already in keep
 * their tokens; a removed person's token stays revoked whatever this says.
 */
const controlOf = (workshopId: string) => roomName({ workshopId, kind: 'control' });

export async function joiningOpen(ctx: ServerContext, workshopId: string): Promise<boolean> {
  return ctx.rooms.use(controlOf(workshopId), (room) => !isJoiningClosed(room.document));
}

export async function requireJoiningOpen(ctx: ServerContext, workshopId: string): Promise<void> {
  if (!(await joiningOpen(ctx, workshopId))) throw new HttpError('JOINING_CLOSED');
}

export async function setJoiningOpen(ctx: ServerContext, workshopId: string, open: boolean): Promise<{ joiningOpen: boolean }> {
  await ctx.rooms.use(controlOf(workshopId), (room) => room.change((doc) => setJoiningClosed(doc, !open), ORIGIN.serverCommand));
  return { joiningOpen: open };
}
