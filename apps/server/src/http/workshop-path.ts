import type { ServerContext } from '../context.ts';
import { HttpError } from '../errors.ts';
import type { WorkshopRecord } from '../storage/storage.ts';
import { idSchema } from './id-schema.ts';

// The workshop a route names in its path (`/api/workshops/:id/…`), for every feature's routes.
// Here, below the feature folders, rather than in workshops/: workshops/ calls into features
// (voting, groups, people) to create, join and remove, so features cannot import it back.

export const workshopParams = {
  type: 'object',
  required: ['id'],
  properties: { id: idSchema },
} as const;

export async function requireWorkshop(ctx: ServerContext, id: string): Promise<WorkshopRecord> {
  const workshop = await ctx.storage.getWorkshop(id);
  if (!workshop) throw new HttpError('WORKSHOP_NOT_FOUND');
  return workshop;
}

/** The participant's link into the workshop, with its join code when it has one. */
export function joinUrl(workshop: WorkshopRecord): string {
  const path = `/w/${workshop.id}/join`;
  return workshop.joinCode ? `${path}?code=${workshop.joinCode}` : path;
}
