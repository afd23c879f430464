import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ServerContext } from '../context.ts';
import { HttpError } from '../errors.ts';
import { attachment, fileSlug } from '../export/attachment.ts';
import { requirePerson } from '../http/auth.ts';
import { idSchema } from '../http/id-schema.ts';
import { requireWorkshop, workshopParams } from '../http/workshop-path.ts';
import { peopleRecords, type RegistrationStatus } from '../storage/people-records.ts';
import {
  REGISTRATION_READS_PER_ADDRESS_PER_MINUTE,
  REGISTRATIONS_PER_ADDRESS_PER_MINUTE,
  registrationBody,
  registrationFormBody,
  secretParams,
  type RegistrationFormInput,
  type RegistrationInput,
} from './people-schemas.ts';
import {
  bySecret,
  formUrl,
  joinRegistered,
  ownView,
  publicForm,
  register,
  registrationCounts,
  registrationIcs,
  registrationsCsv,
  setForm,
  workshopSettings,
} from './registration.ts';

type IdParams = { id: string };
type CodeParams = { code: string };
const STAFF = ['facilitator', 'organiser'] as const;

/** Per address, with @fastify/rate-limit's per-route config; refused in the API's error format. */
const perAddress = (max: number) => ({
  rateLimit: {
    max,
    timeWindow: 60_000,
    keyGenerator: (request: FastifyRequest) => request.ip,
    errorResponseBuilder: (_request: FastifyRequest, context: { after: string }) =>
      new HttpError('RATE_LIMITED', `Too many registration requests from this address; try again in ${context.after}.`),
  },
});

/**
 * Registration: staff open a public form; strangers register through it (rate-limited,
 * bounded per workshop); each registrant holds a personal link to their own registration
 * only; staff see all registrations, admit or decline, and download them as CSV.
 */
export async function registrationRoutes(app: FastifyInstance, { ctx }: { ctx: ServerContext }) {
  app.put<{ Params: IdParams; Body: RegistrationFormInput }>(
    '/api/workshops/:id/registration',
    { schema: { params: workshopParams, body: registrationFormBody } },
    async (request) => {
      const w = await requireWorkshop(ctx, request.params.id);
      await requirePerson(ctx, request, w.id, STAFF);
      const form = await setForm(ctx, w.id, request.body);
      return { form, url: formUrl(form.code) };
    },
  );

  app.get<{ Params: IdParams }>('/api/workshops/:id/registrations', { schema: { params: workshopParams } }, async (request, reply) => {
    const w = await requireWorkshop(ctx, request.params.id);
    await requirePerson(ctx, request, w.id, STAFF);
    reply.header('cache-control', 'no-store');
    const records = peopleRecords(ctx);
    const [form, list, settings] = await Promise.all([records.form(w.id), records.registrations(w.id), workshopSettings(ctx, w.id)]);
    return {
      form,
      url: form ? formUrl(form.code) : null,
      sessions: settings.sessions,
      themes: settings.themes,
      homeTimeZone: settings.homeTimeZone,
      counts: registrationCounts(list),
      registrations: list.map((r) => ({ id: r.id, status: r.status, joined: r.personId !== null, createdAt: r.createdAt, ...r.details })),
    };
  });

  app.get<{ Params: IdParams }>('/api/workshops/:id/registrations.csv', { schema: { params: workshopParams } }, async (request, reply) => {
    const w = await requireWorkshop(ctx, request.params.id);
    await requirePerson(ctx, request, w.id, STAFF);
    const [list, settings] = await Promise.all([peopleRecords(ctx).registrations(w.id), workshopSettings(ctx, w.id)]);
    reply.header('cache-control', 'no-store');
    reply.header('content-disposition', attachment(`${fileSlug(w.title)}-registrations.csv`));
    return reply.type('text/csv; charset=utf-8').send(registrationsCsv(list, settings));
  });

  app.post<{ Params: IdParams & { registrationId: string }; Body: { status: RegistrationStatus } }>(
    '/api/workshops/:id/registrations/:registrationId/status',
    {
      schema: {
        params: { type: 'object', required: ['id', 'registrationId'], properties: { id: idSchema, registrationId: idSchema } },
        body: {
          type: 'object',
          required: ['status'],
          additionalProperties: false,
          properties: { status: { type: 'string', enum: ['pending', 'admitted', 'declined'] } },
        },
      },
    },
    async (request) => {
      const w = await requireWorkshop(ctx, request.params.id);
      await requirePerson(ctx, request, w.id, STAFF);
      if (!(await peopleRecords(ctx).setStatus(w.id, request.params.registrationId, request.body.status))) {
        throw new HttpError('NOT_FOUND', 'There is no such registration in this workshop.');
      }
      return { ok: true };
    },
  );

  app.get<{ Params: CodeParams }>(
    '/api/registration/:code',
    { schema: { params: secretParams }, config: perAddress(REGISTRATION_READS_PER_ADDRESS_PER_MINUTE) },
    async (request) => publicForm(ctx, request.params.code),
  );

  app.post<{ Params: CodeParams; Body: RegistrationInput }>(
    '/api/registration/:code',
    { schema: { params: secretParams, body: registrationBody }, config: perAddress(REGISTRATIONS_PER_ADDRESS_PER_MINUTE) },
    async (request, reply) => reply.status(201).send(await register(ctx, request.params.code, request.body)),
  );

  app.get<{ Params: CodeParams }>(
    '/api/registered/:code',
    { schema: { params: secretParams }, config: perAddress(REGISTRATION_READS_PER_ADDRESS_PER_MINUTE) },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return ownView(ctx, await bySecret(ctx, request.params.code));
    },
  );

  app.get<{ Params: CodeParams }>(
    '/api/registered/:code/calendar.ics',
    { schema: { params: secretParams }, config: perAddress(REGISTRATION_READS_PER_ADDRESS_PER_MINUTE) },
    async (request, reply) => {
      const r = await bySecret(ctx, request.params.code);
      const w = await requireWorkshop(ctx, r.workshopId);
      reply.header('content-disposition', attachment(`${fileSlug(w.title)}.ics`));
      return reply.type('text/calendar; charset=utf-8').send(registrationIcs(w, await workshopSettings(ctx, w.id), r));
    },
  );

  app.post<{ Params: CodeParams }>(
    '/api/registered/:code/join',
    { schema: { params: secretParams }, config: perAddress(REGISTRATIONS_PER_ADDRESS_PER_MINUTE) },
    async (request, reply) => reply.status(201).send(await joinRegistered(ctx, request.params.code)),
  );
}
