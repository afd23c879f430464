import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.ts';
import { requirePerson } from '../http/auth.ts';
import { requireWorkshop, workshopParams } from '../http/workshop-path.ts';
import { listDirectory, listSeriesDirectory, toProfile, workshopThemes } from './directory.ts';
import { peopleRecords } from '../storage/people-records.ts';
import { directoryProfileBody, type DirectoryProfileInput } from './people-schemas.ts';
import { EMPTY_PROFILE, directoryEntry, peopleToMeet, sessionsToIcs } from '@crossboard/model';
import { checkinRoutes } from './checkin-routes.ts';
import { restampPresence } from './presence-consent.ts';

type IdParams = { id: string };
/** The proposed call's length in a suggestion's .ics. */
const CALL_MINUTES = 30;

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

  // The listed people of the series' other workshops, to anyone in this one.
  app.get<{ Params: IdParams }>('/api/workshops/:id/directory/series', { schema: { params: workshopParams } }, async (request, reply) => {
    const w = await requireWorkshop(ctx, request.params.id);
    await requirePerson(ctx, request, w.id);
    reply.header('cache-control', 'no-store');
    return { series: await listSeriesDirectory(ctx, w.id) };
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
      await restampPresence(ctx, w.id, you.id);
      return { profile };
    },
  );

  app.get<{ Params: IdParams }>(
    '/api/workshops/:id/directory/suggestions',
    { schema: { params: workshopParams } },
    async (request, reply) => {
      const w = await requireWorkshop(ctx, request.params.id);
      const you = await requirePerson(ctx, request, w.id);
      reply.header('cache-control', 'no-store');
      const records = peopleRecords(ctx);
      const mine = directoryEntry(you, (await records.profile(w.id, you.id)) ?? EMPTY_PROFILE);
      // Suggestions go both ways: only someone listed sees them, and only listed people are suggested.
      if (!mine) return { listed: false, suggestions: [] };
      const people = new Map((await ctx.storage.listPeople(w.id)).map((p) => [p.id, p]));
      const others = (await listDirectory(ctx, w.id)).flatMap((entry) => {
        const p = people.get(entry.personId);
        return p ? [{ entry, timeZone: p.timeZone }] : [];
      });
      const now = Date.now();
      const suggestions = peopleToMeet({ entry: mine, timeZone: you.timeZone }, others, now).map((s) => {
        const first = s.sharedHours[0];
        const call =
          first === undefined ? null : { label: `${you.name} / ${s.entry.name}`, start: first, end: first + CALL_MINUTES * 60_000 };
        return {
          entry: s.entry,
          reasons: s.reasons,
          sharedThemes: s.sharedThemes,
          sharedHours: s.sharedHours,
          ics: call
            ? sessionsToIcs([call], {
                title: `${w.title}: ${call.label}`,
                uidPrefix: `crossboard-meet-${you.id}-${s.entry.personId}`,
                now,
                homeTimeZone: you.timeZone,
              })
            : null,
        };
      });
      return { listed: true, suggestions };
    },
  );

  // The check-in wall is the other thing people see of each other at the start.
  await app.register(checkinRoutes, { ctx });
}
