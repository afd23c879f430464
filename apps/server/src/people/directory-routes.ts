import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.ts';
import { requirePerson } from '../http/auth.ts';
import { workshopParams } from '../workshops/schemas.ts';
import { requireWorkshop } from '../workshops/workshops.ts';
import { listDirectory, toProfile, workshopThemes } from './directory.ts';
import { peopleRecords } from './people-records.ts';
import { directoryProfileBody, type DirectoryProfileInput } from './people-schemas.ts';
import { EMPTY_PROFILE } from '@crossboard/model';
import { checkinRoutes } from './checkin-routes.ts';

type IdParams = { id: string };

/**
 * The people directory: anyone in the workshop reads it; each person reads and sets only
 * their own profile. No route returns another person's profile as stored.
 */
export async function directoryRoutes(app: FastifyInstance, { ctx }: { ctx: ServerContext }) {
  app.get<{ Params: IdParams }>('/api/workshops/:id/directory', { schema: { params: workshopParams } }, async (request, reply) => {
    const w = await requireWorkshop(ctx, request.params.id);
    await requirePerson(ctx, request, w.id);
    // A withdrawn consent must not linger in a cache between the server and the reader.
    reply.header('cache-control', 'no-store');
    return { people: await listDirectory(ctx, w.id) };
  });

  app.get<{ Params: IdParams }>('/api/workshops/:id/directory/me', { schema: { params: workshopParams } }, async (request, reply) => {
    const w = await requireWorkshop(ctx, request.params.id);
    const you = await requirePerson(ctx, request, w.id);
    reply.header('cache-control', 'no-store');
    const profile = (await peopleRecords(ctx).profile(w.id, you.id)) ?? EMPTY_PROFILE;
    return { profile, organisation: you.organisation, country: you.country, themes: await workshopThemes(ctx, w.id) };
  });

  app.put<{ Params: IdParams; Body: DirectoryProfileInput }>(
    '/api/workshops/:id/directory/me',
    { schema: { params: workshopParams, body: directoryProfileBody } },
    async (request) => {
      const w = await requireWorkshop(ctx, request.params.id);
      const you = await requirePerson(ctx, request, w.id);
      const profile = toProfile(request.body, await workshopThemes(ctx, w.id));
      await peopleRecords(ctx).setProfile(w.id, you.id, profile, Date.now());
      return { profile };
    },
  );

  // The check-in wall is the other thing people see of each other at the start.
  await app.register(checkinRoutes, { ctx });
}
