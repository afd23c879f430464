import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  exportSeriesJson,
  renderSeriesCsv,
  renderSeriesMarkdown,
  roomName,
  listRecommendations,
  type SeriesReport,
} from '@crossboard/model';
import { authenticate } from '../auth/authenticate.ts';
import type { ServerContext } from '../context.ts';
import { HttpError } from '../errors.ts';
import { attachment, exportFileName } from '../export/attachment.ts';
import { EXPORT_FORMATS, type ExportFormat } from '../export/limits.ts';
import { idSchema } from '../http/id-schema.ts';
import { MAX_PURPOSE_LENGTH, MAX_WORKSHOP_TITLE_LENGTH } from '../limits.ts';
import type { PersonRecord } from '../storage/storage.ts';
import { randomId } from '../auth/random-id.ts';
import { buildSeriesReport } from './series-report.ts';
import { mergeFromStored, seriesRecords, type AsyncSeriesRecords } from './series-store.ts';

/** Workshops one series may hold: its report loads every one of them. */
export const MAX_SERIES_WORKSHOPS = 20;
const STAFF: readonly string[] = ['facilitator', 'organiser'];
const BEARER = /^Bearer\s+(\S+)$/i;
const MAX_TOKEN_IN_BODY = 2_048;

const CONTENT_TYPES: Record<ExportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
  json: 'application/json; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

const seriesParams = { type: 'object', required: ['id'], properties: { id: idSchema } } as const;
const ref = {
  type: 'object',
  required: ['workshopId', 'recommendationId'],
  additionalProperties: false,
  properties: { workshopId: idSchema, recommendationId: idSchema },
} as const;
const text = (max: number, min = 0) => ({ type: 'string', minLength: min, maxLength: max }) as const;

type Ref = { workshopId: string; recommendationId: string };

/** The caller's workshop staff record, from the Authorization header. */
async function staffCaller(ctx: ServerContext, request: FastifyRequest, token?: string): Promise<PersonRecord> {
  const header = request.headers.authorization;
  const bearer = token ?? (header ? BEARER.exec(header)?.[1] : undefined);
  if (header && !bearer && token === undefined) throw new HttpError('INVALID_TOKEN', 'Use the header as: Authorization: Bearer <token>.');
  const auth = await authenticate(ctx.storage, ctx.secret, bearer);
  if (!auth.ok) throw new HttpError(auth.problem);
  if (!STAFF.includes(auth.person.role)) throw new HttpError('FORBIDDEN', 'Only facilitators and organisers can manage a series.');
  return auth.person;
}

/**
 * A series has no token of its own: the facilitators and organisers of any workshop in it
 * manage it, with their workshop's token (docs/API.md, "Series").
 */
export async function requireSeriesStaff(ctx: ServerContext, records: AsyncSeriesRecords, request: FastifyRequest, seriesId: string) {
  const person = await staffCaller(ctx, request);
  const series = await records.getSeries(seriesId);
  // The same answer whether the series exists or the caller is not of it: ids are not probed.
  if (!series || (await records.seriesOf(person.workshopId)) !== seriesId) throw new HttpError('SERIES_NOT_FOUND');
  return { person, series };
}

/** Series: create, read (with the combined report), rename, add and remove workshops, merge, export. */
export async function seriesRoutes(app: FastifyInstance, { ctx }: { ctx: ServerContext }) {
  const records = seriesRecords(ctx);

  app.post<{ Body: { title: string; purpose?: string } }>(
    '/api/series',
    {
      schema: {
        body: {
          type: 'object',
          required: ['title'],
          additionalProperties: false,
          properties: { title: text(MAX_WORKSHOP_TITLE_LENGTH, 1), purpose: text(MAX_PURPOSE_LENGTH) },
        },
      },
    },
    async (request, reply) => {
      const you = await staffCaller(ctx, request);
      const title = request.body.title.trim();
      if (!title) throw new HttpError('INVALID_BODY', 'body/title must not be blank');
      const series = { id: randomId(), title, purpose: request.body.purpose?.trim() ?? '', createdAt: Date.now() };
      if (!(await records.createSeries(series, you.workshopId))) throw new HttpError('WORKSHOP_IN_SERIES');
      request.log.info({ seriesId: series.id, workshopId: you.workshopId }, 'series created');
      return reply.status(201).send({ id: series.id, title: series.title, purpose: series.purpose });
    },
  );

  app.get<{ Params: { id: string } }>('/api/workshops/:id/series', { schema: { params: seriesParams } }, async (request) => {
    const you = await staffCaller(ctx, request);
    if (you.workshopId !== request.params.id) throw new HttpError('WRONG_WORKSHOP');
    const id = await records.seriesOf(you.workshopId);
    const series = id === null ? null : await records.getSeries(id);
    return { series: series && { id: series.id, title: series.title } };
  });

  app.get<{ Params: { id: string } }>('/api/series/:id', { schema: { params: seriesParams } }, async (request) => {
    const { series } = await requireSeriesStaff(ctx, records, request, request.params.id);
    const report = await buildSeriesReport(ctx, records, series, { feedback: true });
    return {
      id: series.id,
      title: series.title,
      purpose: series.purpose,
      report,
      merges: (await records.merges(series.id)).map(mergeFromStored),
      publication: await publicationOf(records, series.id),
    };
  });

  app.patch<{ Params: { id: string }; Body: { title?: string; purpose?: string } }>(
    '/api/series/:id',
    {
      schema: {
        params: seriesParams,
        body: {
          type: 'object',
          additionalProperties: false,
          properties: { title: text(MAX_WORKSHOP_TITLE_LENGTH, 1), purpose: text(MAX_PURPOSE_LENGTH) },
        },
      },
    },
    async (request) => {
      const { series } = await requireSeriesStaff(ctx, records, request, request.params.id);
      const title = request.body.title?.trim() ?? series.title;
      if (!title) throw new HttpError('INVALID_BODY', 'body/title must not be blank');
      const purpose = request.body.purpose?.trim() ?? series.purpose;
      await records.updateSeries(series.id, { title, purpose });
      return { id: series.id, title, purpose };
    },
  );

  app.post<{ Params: { id: string }; Body: { token: string } }>(
    '/api/series/:id/workshops',
    {
      schema: {
        params: seriesParams,
        body: { type: 'object', required: ['token'], additionalProperties: false, properties: { token: text(MAX_TOKEN_IN_BODY, 1) } },
      },
    },
    async (request, reply) => {
      const { series } = await requireSeriesStaff(ctx, records, request, request.params.id);
      // The workshop joins on its own staff's say: the body carries their token, not just an id.
      const adding = await staffCaller(ctx, request, request.body.token);
      if ((await records.seriesWorkshops(series.id)).length >= MAX_SERIES_WORKSHOPS) {
        throw new HttpError('INVALID_BODY', `A series holds at most ${MAX_SERIES_WORKSHOPS} workshops.`);
      }
      if (!(await records.addWorkshop(series.id, adding.workshopId, Date.now()))) throw new HttpError('WORKSHOP_IN_SERIES');
      request.log.info({ seriesId: series.id, workshopId: adding.workshopId }, 'workshop added to series');
      return reply.status(201).send({ workshopId: adding.workshopId });
    },
  );

  app.delete<{ Params: { id: string; workshopId: string } }>(
    '/api/series/:id/workshops/:workshopId',
    { schema: { params: { type: 'object', required: ['id', 'workshopId'], properties: { id: idSchema, workshopId: idSchema } } } },
    async (request) => {
      const { series } = await requireSeriesStaff(ctx, records, request, request.params.id);
      const workshops = await records.seriesWorkshops(series.id);
      if (!workshops.includes(request.params.workshopId)) throw new HttpError('WORKSHOP_NOT_FOUND', 'This workshop is not in the series.');
      if (workshops.length === 1) throw new HttpError('LAST_SERIES_WORKSHOP');
      await records.removeWorkshop(series.id, request.params.workshopId);
      return { ok: true };
    },
  );

  app.post<{ Params: { id: string }; Body: { kept: Ref; merged: Ref } }>(
    '/api/series/:id/merges',
    {
      schema: {
        params: seriesParams,
        body: { type: 'object', required: ['kept', 'merged'], additionalProperties: false, properties: { kept: ref, merged: ref } },
      },
    },
    async (request, reply) => {
      const { series } = await requireSeriesStaff(ctx, records, request, request.params.id);
      const { kept, merged } = request.body;
      if (kept.workshopId === merged.workshopId && kept.recommendationId === merged.recommendationId) {
        throw new HttpError('INVALID_BODY', 'A recommendation cannot be merged into itself.');
      }
      const workshops = await records.seriesWorkshops(series.id);
      for (const r of [kept, merged]) {
        if (!workshops.includes(r.workshopId) || !(await recommendationExists(ctx, r))) throw new HttpError('RECOMMENDATION_NOT_FOUND');
      }
      await records.setMerge(series.id, { kept: toStored(kept), merged: toStored(merged) });
      return reply.status(201).send({ kept, merged });
    },
  );

  app.delete<{ Params: { id: string; workshopId: string; recommendationId: string } }>(
    '/api/series/:id/merges/:workshopId/:recommendationId',
    {
      schema: {
        params: {
          type: 'object',
          required: ['id', 'workshopId', 'recommendationId'],
          properties: { id: idSchema, workshopId: idSchema, recommendationId: idSchema },
        },
      },
    },
    async (request) => {
      const { series } = await requireSeriesStaff(ctx, records, request, request.params.id);
      if (!(await records.deleteMerge(series.id, toStored(request.params))))
        throw new HttpError('RECOMMENDATION_NOT_FOUND', 'This recommendation is not merged.');
      return { ok: true };
    },
  );

  app.get<{ Params: { id: string }; Querystring: { format?: string } }>(
    '/api/series/:id/export',
    { schema: { params: seriesParams } },
    async (request, reply) => {
      const { series } = await requireSeriesStaff(ctx, records, request, request.params.id);
      const format = request.query.format ?? 'md';
      if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
        throw new HttpError(
          'INVALID_BODY',
          `Unknown export format "${String(format).slice(0, 20)}": use one of ${EXPORT_FORMATS.join(', ')}.`,
        );
      }
      const report = await buildSeriesReport(ctx, records, series, { feedback: true });
      reply.header('content-type', CONTENT_TYPES[format as ExportFormat]);
      reply.header('content-disposition', attachment(exportFileName(series.title, format, Date.now())));
      reply.header('cache-control', 'no-store');
      return renderSeries(report, format as ExportFormat);
    },
  );
}

export async function renderSeries(report: SeriesReport, format: ExportFormat): Promise<string | Buffer> {
  switch (format) {
    case 'md':
      return renderSeriesMarkdown(report);
    case 'csv':
      // A byte-order mark, as for a workshop: Excel reads accents as UTF-8 only with it.
      return `\ufeff${renderSeriesCsv(report)}`;
    case 'json':
      return exportSeriesJson(report);
    case 'docx':
      return (await import('./series-docx.ts')).renderSeriesDocx(report);
  }
}

const toStored = (r: Ref) => `${r.workshopId}/${r.recommendationId}`;

async function recommendationExists(ctx: ServerContext, r: Ref): Promise<boolean> {
  return ctx.rooms.use(roomName({ workshopId: r.workshopId, kind: 'report' }), (room) =>
    listRecommendations(room.document).some((x) => x.id === r.recommendationId),
  );
}

async function publicationOf(records: AsyncSeriesRecords, seriesId: string) {
  const code = await records.publication('series', seriesId);
  return code === null ? null : { url: `/p/${code}` };
}
