import type { FastifyInstance } from 'fastify';
import { MAX_VOTES_PER_PERSON, ORIGIN, PHASES, controlState, currentPhase, parseRoomName, roomName } from '@crossboard/model';
import type { ServerContext } from '../context.ts';
import { requirePerson } from '../http/auth.ts';
import { requireWorkshop } from '../http/workshop-path.ts';
import { restoreVersion, takeVersion } from './board-versions.ts';
import { versionsWithContents } from './version-contents.ts';
import { deleteDraft, draftsSummary, reveal } from './drafts-commands.ts';
import { idSchema } from '../http/id-schema.ts';
import { cast, closeVoting, myVotes, openVoting, votingProgress, withdraw, type OpenVotingInput } from './voting-commands.ts';

/** docs/API.md "Facilitation": the commands that need validation or touch several rooms. */

const id = idSchema;
const params = (...names: string[]) =>
  ({ type: 'object', required: names, properties: Object.fromEntries(names.map((n) => [n, id])) }) as const;
const count = { type: 'integer', minimum: 1, maximum: MAX_VOTES_PER_PERSON } as const;

const openVotingBody = {
  type: 'object',
  required: ['phase', 'target', 'votesPerPerson'],
  additionalProperties: false,
  properties: {
    phase: { type: 'string', enum: [...PHASES] },
    target: { type: 'string', enum: ['notes', 'clusters'] },
    votesPerPerson: count,
    maxPerItem: count,
  },
} as const;

type W = { id: string };

export async function facilitationRoutes(app: FastifyInstance, { ctx }: { ctx: ServerContext }) {
  const store = ctx.records;

  const caller = async (request: Parameters<typeof requirePerson>[1], workshopId: string, roles?: Parameters<typeof requirePerson>[3]) => {
    const w = await requireWorkshop(ctx, workshopId);
    return { w, person: await requirePerson(ctx, request, w.id, roles) };
  };
  const control = (workshopId: string) => roomName({ workshopId, kind: 'control' });

  app.post<{ Params: W; Body: { ready: boolean } }>(
    '/api/workshops/:id/ready',
    {
      schema: {
        params: params('id'),
        body: { type: 'object', required: ['ready'], additionalProperties: false, properties: { ready: { type: 'boolean' } } },
      },
    },
    async (request) => {
      const { w, person } = await caller(request, request.params.id, ['participant']);
      await ctx.rooms.use(control(w.id), (room) =>
        room.change((doc) => {
          const state = controlState(doc);
          const ready = { ...((state.get('ready') as Record<string, string> | undefined) ?? {}) };
          if (request.body.ready) ready[person.id] = currentPhase(doc);
          else delete ready[person.id];
          state.set('ready', ready);
        }, ORIGIN.serverCommand),
      );
      return { ok: true };
    },
  );

  app.post<{ Params: W; Body: OpenVotingInput }>(
    '/api/workshops/:id/voting/open',
    { schema: { params: params('id'), body: openVotingBody } },
    async (request) => {
      const { w } = await caller(request, request.params.id, ['facilitator']);
      return { voting: await openVoting(ctx, store, w.id, request.body) };
    },
  );

  app.post<{ Params: W }>('/api/workshops/:id/voting/close', { schema: { params: params('id') } }, async (request) => {
    const { w } = await caller(request, request.params.id, ['facilitator']);
    return { tallies: await closeVoting(ctx, store, w.id) };
  });

  app.get<{ Params: W }>('/api/workshops/:id/voting/progress', { schema: { params: params('id') } }, async (request) => {
    const { w } = await caller(request, request.params.id, ['facilitator']);
    return await votingProgress(ctx, store, w.id);
  });

  app.get<{ Params: W }>('/api/workshops/:id/votes/mine', { schema: { params: params('id') } }, async (request) => {
    const { w, person } = await caller(request, request.params.id);
    return await myVotes(ctx, store, w.id, person.id);
  });

  app.post<{ Params: W; Body: { itemId: string } }>(
    '/api/workshops/:id/votes',
    {
      schema: {
        params: params('id'),
        body: { type: 'object', required: ['itemId'], additionalProperties: false, properties: { itemId: id } },
      },
    },
    async (request, reply) => {
      const { w, person } = await caller(request, request.params.id);
      return reply.status(201).send(await cast(ctx, store, w.id, person.id, request.body.itemId));
    },
  );

  app.delete<{ Params: W & { itemId: string } }>(
    '/api/workshops/:id/votes/:itemId',
    { schema: { params: { type: 'object', required: ['id', 'itemId'], properties: { id, itemId: id } } } },
    async (request) => {
      const { w, person } = await caller(request, request.params.id);
      return await withdraw(ctx, store, w.id, person.id, request.params.itemId);
    },
  );

  app.get<{ Params: W }>('/api/workshops/:id/drafts', { schema: { params: params('id') } }, async (request) => {
    const { w } = await caller(request, request.params.id, ['facilitator']);
    return { drafts: await draftsSummary(ctx, w.id) };
  });

  app.delete<{ Params: W & { personId: string; noteId: string } }>(
    '/api/workshops/:id/drafts/:personId/:noteId',
    { schema: { params: params('id', 'personId', 'noteId') } },
    async (request) => {
      const { w } = await caller(request, request.params.id, ['facilitator']);
      await deleteDraft(ctx, w.id, request.params.personId, request.params.noteId);
      return { ok: true };
    },
  );

  app.post<{ Params: W }>('/api/workshops/:id/drafts/reveal', { schema: { params: params('id') } }, async (request) => {
    const { w } = await caller(request, request.params.id, ['facilitator']);
    return { moved: await reveal(ctx, store, w.id) };
  });

  app.get<{ Params: W }>('/api/workshops/:id/versions', { schema: { params: params('id') } }, async (request) => {
    const { w } = await caller(request, request.params.id, ['facilitator']);
    return { versions: await versionsWithContents(store, w.id, await store.listVersions(w.id)) };
  });

  app.post<{ Params: W }>('/api/workshops/:id/versions', { schema: { params: params('id') } }, async (request, reply) => {
    const { w } = await caller(request, request.params.id, ['facilitator']);
    return reply.status(201).send({ versionId: await takeVersion(ctx, store, w.id, 'manual') });
  });

  app.post<{ Params: W & { versionId: string } }>(
    '/api/workshops/:id/versions/:versionId/restore',
    { schema: { params: params('id', 'versionId') } },
    async (request) => {
      const { w } = await caller(request, request.params.id, ['facilitator']);
      return { versionId: await restoreVersion(ctx, store, w.id, request.params.versionId) };
    },
  );
}
