import type { FastifyInstance } from 'fastify';
import { MAX_ANNOUNCEMENT_LENGTH, MAX_GROUPS_PER_WORKSHOP, MAX_MEMBERS_PER_GROUP } from '@crossboard/model';
import type { ServerContext } from '../context.ts';
import { requirePerson } from '../http/auth.ts';
import { idSchema as id } from '../http/id-schema.ts';
import { requireWorkshop } from '../http/workshop-path.ts';
import { copyGroupNotes } from './bring-back.ts';
import { broadcast, endBreakout, moveToGroup, splitIntoGroups, type SplitInput } from './groups-commands.ts';

/**
 * Breakout groups (docs/API.md "Breakout groups"): facilitators' commands. The state itself
 * is in the control room, which everyone already reads, so there is nothing to GET here.
 */

type W = { id: string };
const workshopParams = { type: 'object', required: ['id'], properties: { id } } as const;

const splitBody = {
  type: 'object',
  required: ['mode'],
  additionalProperties: false,
  properties: {
    mode: { type: 'string', enum: ['mixed', 'themes'] },
    groups: { type: 'integer', minimum: 1, maximum: MAX_GROUPS_PER_WORKSHOP },
    size: { type: 'integer', minimum: 1, maximum: MAX_MEMBERS_PER_GROUP },
    seed: { type: 'integer', minimum: 0, maximum: 2 ** 32 - 1 },
    minutes: { type: 'integer', minimum: 1, maximum: 240 },
  },
} as const;

export async function groupsRoutes(app: FastifyInstance, { ctx }: { ctx: ServerContext }) {
  const facilitator = async (request: Parameters<typeof requirePerson>[1], workshopId: string) => {
    const w = await requireWorkshop(ctx, workshopId);
    return { w, person: await requirePerson(ctx, request, w.id, ['facilitator']) };
  };

  app.post<{ Params: W; Body: SplitInput }>(
    '/api/workshops/:id/groups',
    { schema: { params: workshopParams, body: splitBody } },
    async (request, reply) => {
      const { w } = await facilitator(request, request.params.id);
      return reply.status(201).send({ breakout: await splitIntoGroups(ctx, w.id, request.body) });
    },
  );

  app.put<{ Params: W & { personId: string }; Body: { groupId: string } }>(
    '/api/workshops/:id/groups/members/:personId',
    {
      schema: {
        params: { type: 'object', required: ['id', 'personId'], properties: { id, personId: id } },
        body: { type: 'object', required: ['groupId'], additionalProperties: false, properties: { groupId: id } },
      },
    },
    async (request) => {
      const { w } = await facilitator(request, request.params.id);
      return { breakout: await moveToGroup(ctx, w.id, request.params.personId, request.body.groupId) };
    },
  );

  app.post<{ Params: W; Body: { text: string } }>(
    '/api/workshops/:id/groups/broadcast',
    {
      schema: {
        params: workshopParams,
        body: {
          type: 'object',
          required: ['text'],
          additionalProperties: false,
          properties: { text: { type: 'string', minLength: 1, maxLength: MAX_ANNOUNCEMENT_LENGTH, pattern: '\\S' } },
        },
      },
    },
    async (request) => {
      const { w } = await facilitator(request, request.params.id);
      await broadcast(ctx, w.id, request.body.text.trim());
      return { ok: true };
    },
  );

  app.post<{ Params: W; Body: { copyNotes: boolean } }>(
    '/api/workshops/:id/groups/end',
    {
      schema: {
        params: workshopParams,
        body: { type: 'object', required: ['copyNotes'], additionalProperties: false, properties: { copyNotes: { type: 'boolean' } } },
      },
    },
    async (request) => {
      const { w, person } = await facilitator(request, request.params.id);
      const ended = await endBreakout(ctx, w.id);
      const copied = request.body.copyNotes
        ? await copyGroupNotes(ctx, ctx.records, w.id, ended.groups, person.language)
        : { clusters: 0, notes: 0 };
      return { copied };
    },
  );
}
