import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.ts';
import {
  createWorkshopBody,
  invitationBody,
  joinBody,
  personParams,
  type CreateWorkshopInput,
  type InvitationInput,
  type JoinInput,
} from './schemas.ts';
import { joinUrl, requireWorkshop, workshopParams } from '../http/workshop-path.ts';
import { createWorkshop, invite, joinWorkshop, publicPerson, removePerson, rotateJoinLink } from './workshops.ts';
import { directoryRoutes } from '../people/directory-routes.ts';
import { registrationRoutes } from '../people/registration-routes.ts';
import { requirePerson } from '../http/auth.ts';
import { joiningOpen, setJoiningOpen } from './joining.ts';
import { removeNotesOf } from '../facilitation/remove-notes.ts';

type IdParams = { id: string };

const removalQuery = {
  type: 'object',
  properties: { notes: { type: 'string', enum: ['keep', 'remove'] } },
  additionalProperties: false,
} as const;
const joiningBody = {
  type: 'object',
  required: ['open'],
  properties: { open: { type: 'boolean' } },
  additionalProperties: false,
} as const;

export async function workshopRoutes(app: FastifyInstance, { ctx }: { ctx: ServerContext }) {
  app.post<{ Body: CreateWorkshopInput }>('/api/workshops', { schema: { body: createWorkshopBody } }, async (request, reply) => {
    const created = await createWorkshop(ctx, request.body);
    request.log.info({ workshopId: created.id }, 'workshop created');
    return reply.status(201).send(created);
  });

  app.get<{ Params: IdParams }>('/api/workshops/:id/public', { schema: { params: workshopParams } }, async (request) => {
    const w = await requireWorkshop(ctx, request.params.id);
    return { id: w.id, title: w.title, purpose: w.purpose, codeRequired: w.joinCode !== null, joiningOpen: await joiningOpen(ctx, w.id) };
  });

  app.post<{ Params: IdParams; Body: JoinInput }>(
    '/api/workshops/:id/join',
    { schema: { params: workshopParams, body: joinBody } },
    async (request, reply) => reply.status(201).send(await joinWorkshop(ctx, request.params.id, request.body)),
  );

  app.get<{ Params: IdParams }>('/api/workshops/:id', { schema: { params: workshopParams } }, async (request) => {
    const w = await requireWorkshop(ctx, request.params.id);
    const you = await requirePerson(ctx, request, w.id);
    // Every facilitator, not only the creator, can hand out (and rotate) the participant link.
    const link = you.role === 'facilitator' ? { joinUrl: joinUrl(w) } : {};
    return { id: w.id, title: w.title, you: publicPerson(you), ...link };
  });

  app.post<{ Params: IdParams; Body: InvitationInput }>(
    '/api/workshops/:id/invitations',
    { schema: { params: workshopParams, body: invitationBody } },
    async (request, reply) => {
      const w = await requireWorkshop(ctx, request.params.id);
      await requirePerson(ctx, request, w.id, ['facilitator']);
      return reply.status(201).send(await invite(ctx, w.id, request.body));
    },
  );

  app.post<{ Params: IdParams }>('/api/workshops/:id/join-link/rotate', { schema: { params: workshopParams } }, async (request) => {
    const w = await requireWorkshop(ctx, request.params.id);
    await requirePerson(ctx, request, w.id, ['facilitator']);
    return await rotateJoinLink(ctx, w);
  });

  app.get<{ Params: IdParams }>('/api/workshops/:id/people', { schema: { params: workshopParams } }, async (request) => {
    const w = await requireWorkshop(ctx, request.params.id);
    await requirePerson(ctx, request, w.id, ['facilitator', 'organiser']);
    return { people: (await ctx.storage.listPeople(w.id)).map(publicPerson) };
  });

  // `?notes=remove` also deletes everything they wrote on the board, after saving a version.
  app.delete<{ Params: IdParams & { personId: string }; Querystring: { notes?: 'keep' | 'remove' } }>(
    '/api/workshops/:id/people/:personId',
    { schema: { params: personParams, querystring: removalQuery } },
    async (request) => {
      const w = await requireWorkshop(ctx, request.params.id);
      const you = await requirePerson(ctx, request, w.id, ['facilitator']);
      await removePerson(ctx, w.id, request.params.personId, you);
      if (request.query.notes !== 'remove') return { ok: true };
      return { ok: true, ...(await removeNotesOf(ctx, ctx.records, w.id, request.params.personId)) };
    },
  );

  app.put<{ Params: IdParams; Body: { open: boolean } }>(
    '/api/workshops/:id/joining',
    { schema: { params: workshopParams, body: joiningBody } },
    async (request) => {
      const w = await requireWorkshop(ctx, request.params.id);
      await requirePerson(ctx, request, w.id, ['facilitator']);
      return await setJoiningOpen(ctx, w.id, request.body.open);
    },
  );

  // The workshop's people as each chose to be seen, and the registrations of those coming.
  await app.register(directoryRoutes, { ctx });
  await app.register(registrationRoutes, { ctx });
}
