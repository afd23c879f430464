import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  followupIcs,
  followupSteps,
  followupSummary,
  listRecommendations,
  localDateOf,
  MAX_OWNER_EMAIL_LENGTH,
  MAX_OWNER_NAME_LENGTH,
  MAX_PROGRESS_NOTE_LENGTH,
  ORIGIN,
  ownerKey,
  readSettings,
  roomName,
  STEP_STATUSES,
  updateActionStep,
  type FollowupStep,
  type StepStatus,
} from '@crossboard/model';
import type { ServerContext } from '../context.ts';
import { HttpError } from '../errors.ts';
import { attachment, fileSlug } from '../export/attachment.ts';
import { requirePerson } from '../http/auth.ts';
import { idSchema } from '../http/id-schema.ts';
import { requireSeriesStaff } from '../series/series-routes.ts';
import { seriesRecords } from '../series/series-store.ts';
import { RoomLoadError } from '../sync/load-document.ts';
import { requireWorkshop } from '../http/workshop-path.ts';
import { randomId } from '../auth/random-id.ts';
import { followupRecords, type AsyncFollowupRecords, type FollowupOwner, type ProgressEntry } from './followup-store.ts';

/** Requests per address per minute on a follow-up link: an owner updates a few steps, not thousands. */
export const FOLLOWUP_LINK_REQUESTS_PER_MINUTE = 120;
/** 32 random bytes, base64url: the link is the only key, so it must not be guessable. */
const TOKEN_PATTERN = '^[A-Za-z0-9_-]{43}$';
const STAFF = ['facilitator', 'organiser'] as const;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const workshopParams = { type: 'object', required: ['id'], properties: { id: idSchema } } as const;
const ownerParams = { type: 'object', required: ['id', 'ownerId'], properties: { id: idSchema, ownerId: idSchema } } as const;
const tokenParams = { type: 'object', required: ['token'], properties: { token: { type: 'string', pattern: TOKEN_PATTERN } } } as const;
const stepParams = {
  type: 'object',
  required: ['token', 'stepId'],
  properties: { token: { type: 'string', pattern: TOKEN_PATTERN }, stepId: idSchema },
} as const;
// An address, loosely: the organiser writes it for themselves; nothing is ever sent to it.
const email = { type: 'string', maxLength: MAX_OWNER_EMAIL_LENGTH, pattern: '^$|^[^\\s@]+@[^\\s@]+$' } as const;

const perAddress = {
  rateLimit: {
    max: FOLLOWUP_LINK_REQUESTS_PER_MINUTE,
    timeWindow: 60_000,
    keyGenerator: (request: FastifyRequest) => request.ip,
    errorResponseBuilder: (_request: FastifyRequest, context: { after: string }) =>
      new HttpError('RATE_LIMITED', `Too many follow-up requests from this address; try again in ${context.after}.`),
  },
};

export interface StepWithHistory extends FollowupStep {
  history: { at: number; status: StepStatus | null; note: string }[];
}

/** A workshop's steps with their due dates and each one's progress notes, read from its rooms. */
async function workshopFollowup(ctx: ServerContext, records: AsyncFollowupRecords, workshopId: string) {
  try {
    const [{ settings, recommendations }, progress] = await Promise.all([
      ctx.rooms.use(roomName({ workshopId, kind: 'control' }), (control) =>
        ctx.rooms.use(roomName({ workshopId, kind: 'report' }), async (report) => {
          await Promise.all([control.settled(), report.settled()]);
          return { settings: readSettings(control.document), recommendations: listRecommendations(report.document) };
        }),
      ),
      records.progress(workshopId),
    ]);
    const byStep = new Map<string, ProgressEntry[]>();
    for (const p of progress) byStep.set(p.stepId, [...(byStep.get(p.stepId) ?? []), p]);
    const steps: StepWithHistory[] = followupSteps(
      { id: workshopId, title: settings.title, sessions: settings.sessions, homeTimeZone: settings.homeTimeZone },
      recommendations,
    ).map((s) => ({ ...s, history: (byStep.get(s.id) ?? []).map((p) => ({ at: p.at, status: p.status, note: p.note })) }));
    const today = localDateOf(Date.now(), settings.homeTimeZone);
    return { title: settings.title, homeTimeZone: settings.homeTimeZone, today, steps };
  } catch (e) {
    if (e instanceof RoomLoadError) throw new HttpError('ROOM_UNAVAILABLE');
    throw e;
  }
}

const ownsStep = (owner: FollowupOwner) => (s: FollowupStep) => ownerKey(s.owner) === owner.nameKey;

/** The owner a link names; 404 when the link was never issued, 410 once revoked. */
async function ownerOfLink(records: AsyncFollowupRecords, token: string): Promise<FollowupOwner> {
  const link = await records.link(hashToken(token));
  if (!link) throw new HttpError('FOLLOWUP_LINK_NOT_FOUND');
  if (link.revokedAt !== null) throw new HttpError('FOLLOWUP_LINK_REVOKED');
  const owner = await records.owner(link.workshopId, link.ownerId);
  if (!owner) throw new HttpError('FOLLOWUP_LINK_NOT_FOUND');
  return owner;
}

/**
 * Action steps followed up after the workshop (docs/API.md, "Follow-up"). Staff see every
 * step, name owners and hand each a link; only organisers read or write owners' emails. An
 * owner's link, without any account, reads and updates that owner's steps of that workshop.
 */
export async function followupRoutes(app: FastifyInstance, { ctx }: { ctx: ServerContext }) {
  const records = followupRecords(ctx);
  const series = seriesRecords(ctx);

  const staff = async (request: FastifyRequest, id: string) => {
    const w = await requireWorkshop(ctx, id);
    const person = await requirePerson(ctx, request, w.id, STAFF);
    return { w, organiser: person.role === 'organiser' };
  };
  const ownerView = async (o: FollowupOwner, organiser: boolean) => ({
    id: o.id,
    name: o.name,
    link: await records.activeLinkSince(o.workshopId, o.id).then((since) => (since === null ? null : { createdAt: since })),
    // The email is the organisers' note alone: not even facilitators are sent it.
    ...(organiser ? { email: o.email } : {}),
  });
  const requireOwner = async (workshopId: string, ownerId: string) => {
    const o = await records.owner(workshopId, ownerId);
    if (!o) throw new HttpError('OWNER_NOT_FOUND');
    return o;
  };

  app.get<{ Params: { id: string } }>('/api/workshops/:id/followup', { schema: { params: workshopParams } }, async (request, reply) => {
    const { w, organiser } = await staff(request, request.params.id);
    const f = await workshopFollowup(ctx, records, w.id);
    const owners = await records.owners(w.id);
    reply.header('cache-control', 'no-store');
    return {
      workshop: { id: w.id, title: f.title, homeTimeZone: f.homeTimeZone },
      today: f.today,
      summary: followupSummary(f.steps, f.today),
      steps: f.steps,
      owners: await Promise.all(owners.map((o) => ownerView(o, organiser))),
    };
  });

  app.post<{ Params: { id: string }; Body: { name: string; email?: string } }>(
    '/api/workshops/:id/followup/owners',
    {
      schema: {
        params: workshopParams,
        body: {
          type: 'object',
          required: ['name'],
          additionalProperties: false,
          properties: { name: { type: 'string', minLength: 1, maxLength: MAX_OWNER_NAME_LENGTH }, email },
        },
      },
    },
    async (request, reply) => {
      const { w, organiser } = await staff(request, request.params.id);
      if (request.body.email !== undefined && !organiser) throw new HttpError('FORBIDDEN', "Only an organiser may note an owner's email.");
      const name = request.body.name.trim().replace(/\s+/g, ' ');
      if (!name) throw new HttpError('INVALID_BODY', 'body/name must not be blank');
      const owner = await records.ensureOwner({
        workshopId: w.id,
        id: randomId(),
        name,
        nameKey: ownerKey(name),
        email: request.body.email?.trim() ?? '',
        createdAt: Date.now(),
      });
      if (request.body.email !== undefined) {
        await records.setEmail(w.id, owner.id, request.body.email.trim());
        owner.email = request.body.email.trim();
      }
      return reply.status(201).send(await ownerView(owner, organiser));
    },
  );

  app.patch<{ Params: { id: string; ownerId: string }; Body: { email: string } }>(
    '/api/workshops/:id/followup/owners/:ownerId',
    {
      schema: {
        params: ownerParams,
        body: { type: 'object', required: ['email'], additionalProperties: false, properties: { email } },
      },
    },
    async (request) => {
      const w = await requireWorkshop(ctx, request.params.id);
      await requirePerson(ctx, request, w.id, ['organiser']);
      const o = await requireOwner(w.id, request.params.ownerId);
      await records.setEmail(w.id, o.id, request.body.email.trim());
      return ownerView({ ...o, email: request.body.email.trim() }, true);
    },
  );

  app.post<{ Params: { id: string; ownerId: string } }>(
    '/api/workshops/:id/followup/owners/:ownerId/link',
    { schema: { params: ownerParams } },
    async (request, reply) => {
      const { w } = await staff(request, request.params.id);
      const o = await requireOwner(w.id, request.params.ownerId);
      const token = randomBytes(32).toString('base64url');
      // Only the hash is kept: the link is shown this once, and a new one replaces it.
      await records.issueLink(w.id, o.id, hashToken(token), Date.now());
      request.log.info({ workshopId: w.id, ownerId: o.id }, 'follow-up link issued');
      reply.header('cache-control', 'no-store');
      return reply.status(201).send({ url: `/f/${token}` });
    },
  );

  app.delete<{ Params: { id: string; ownerId: string } }>(
    '/api/workshops/:id/followup/owners/:ownerId/link',
    { schema: { params: ownerParams } },
    async (request) => {
      const { w } = await staff(request, request.params.id);
      const o = await requireOwner(w.id, request.params.ownerId);
      const revoked = await records.revokeLinks(w.id, o.id, Date.now());
      request.log.info({ workshopId: w.id, ownerId: o.id }, 'follow-up link revoked');
      return { revoked };
    },
  );

  app.get<{ Params: { id: string; ownerId: string } }>(
    '/api/workshops/:id/followup/owners/:ownerId/calendar.ics',
    { schema: { params: ownerParams } },
    async (request, reply) => {
      const { w } = await staff(request, request.params.id);
      const o = await requireOwner(w.id, request.params.ownerId);
      const f = await workshopFollowup(ctx, records, w.id);
      const ics = followupIcs(f.steps.filter(ownsStep(o)), { title: `${f.title} — ${o.name}`, uidPrefix: o.id, now: Date.now() });
      reply.header('content-disposition', attachment(`${fileSlug(`${f.title} ${o.name}`)}.ics`));
      return reply.type('text/calendar; charset=utf-8').send(ics);
    },
  );

  app.get<{ Params: { id: string } }>('/api/series/:id/followup', { schema: { params: workshopParams } }, async (request, reply) => {
    const { series: s } = await requireSeriesStaff(ctx, series, request, request.params.id);
    const workshops = [];
    // One at a time, as for the series report: a series may hold twenty workshops.
    for (const id of await series.seriesWorkshops(s.id)) {
      const f = await workshopFollowup(ctx, records, id);
      workshops.push({ id, title: f.title, today: f.today, steps: f.steps });
    }
    const steps = workshops.flatMap((x) => x.steps);
    // Each workshop's overdue is counted on its own home day; the series adds them up.
    const summaries = workshops.map((x) => followupSummary(x.steps, x.today));
    const today = workshops[0]?.today ?? localDateOf(Date.now(), 'UTC');
    const summary = followupSummary(steps, today);
    summary.overdue = summaries.reduce((n, x) => n + x.overdue, 0);
    reply.header('cache-control', 'no-store');
    return { series: { id: s.id, title: s.title }, today, summary, steps, workshops: workshops.map((x) => ({ id: x.id, title: x.title })) };
  });

  // The owner's own page: no account, the link is the key. A malformed link is answered as
  // an unknown one, in the API's error format, rather than as a validation error.
  const linkRoute = { config: perAddress, attachValidation: true } as const;
  const checkShape = (request: FastifyRequest) => {
    if (request.validationError) {
      if ((request.validationError as { validationContext?: string }).validationContext === 'params')
        throw new HttpError('FOLLOWUP_LINK_NOT_FOUND');
      throw new HttpError('INVALID_BODY', request.validationError.message);
    }
  };

  app.get<{ Params: { token: string } }>(
    '/api/followup/:token',
    { schema: { params: tokenParams }, ...linkRoute },
    async (request, reply) => {
      checkShape(request);
      const owner = await ownerOfLink(records, request.params.token);
      const f = await workshopFollowup(ctx, records, owner.workshopId);
      const steps = f.steps.filter(ownsStep(owner));
      reply.header('cache-control', 'no-store');
      return {
        workshop: { title: f.title, homeTimeZone: f.homeTimeZone },
        owner: { name: owner.name },
        today: f.today,
        summary: followupSummary(steps, f.today),
        steps,
      };
    },
  );

  app.post<{ Params: { token: string; stepId: string }; Body: { status?: StepStatus; note?: string } }>(
    '/api/followup/:token/steps/:stepId',
    {
      schema: {
        params: stepParams,
        body: {
          type: 'object',
          additionalProperties: false,
          minProperties: 1,
          properties: {
            status: { type: 'string', enum: [...STEP_STATUSES] },
            note: { type: 'string', maxLength: MAX_PROGRESS_NOTE_LENGTH },
          },
        },
      },
      ...linkRoute,
    },
    async (request, reply) => {
      checkShape(request);
      const owner = await ownerOfLink(records, request.params.token);
      const f = await workshopFollowup(ctx, records, owner.workshopId);
      // Another owner's step is answered as a missing one: a link reveals nothing beyond its steps.
      const step = f.steps.filter(ownsStep(owner)).find((s) => s.id === request.params.stepId);
      if (!step) throw new HttpError('STEP_NOT_FOUND');
      const note = request.body.note?.trim() ?? '';
      const status = request.body.status ?? null;
      if (!note && status === null) throw new HttpError('INVALID_BODY', 'Send a status, a note, or both.');
      if (status !== null && status !== step.status) {
        await ctx.rooms.use(roomName({ workshopId: owner.workshopId, kind: 'report' }), (room) =>
          room.change((doc) => void updateActionStep(doc, step.recommendationId, step.id, { status }), ORIGIN.serverCommand),
        );
      }
      const entry: ProgressEntry = {
        workshopId: owner.workshopId,
        id: randomId(),
        stepId: step.id,
        ownerId: owner.id,
        at: Date.now(),
        status,
        note,
      };
      await records.addProgress(entry);
      return reply.status(201).send({ step: { id: step.id, status: status ?? step.status }, entry: { at: entry.at, status, note } });
    },
  );

  app.get<{ Params: { token: string } }>(
    '/api/followup/:token/calendar.ics',
    { schema: { params: tokenParams }, ...linkRoute },
    async (request, reply) => {
      checkShape(request);
      const owner = await ownerOfLink(records, request.params.token);
      const f = await workshopFollowup(ctx, records, owner.workshopId);
      const ics = followupIcs(f.steps.filter(ownsStep(owner)), {
        title: `${f.title} — ${owner.name}`,
        uidPrefix: owner.id,
        now: Date.now(),
        url: `${request.protocol}://${request.host}/f/${request.params.token}`,
      });
      reply.header('content-disposition', attachment(`${fileSlug(`${f.title} ${owner.name}`)}.ics`));
      reply.header('cache-control', 'no-store');
      return reply.type('text/calendar; charset=utf-8').send(ics);
    },
  );
}
