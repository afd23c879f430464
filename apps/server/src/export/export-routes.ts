import type { FastifyInstance, FastifyReply } from 'fastify';
import {
  exportWorkshopJson,
  importWorkshop,
  renderCsv,
  renderMarkdown,
  roomName,
  templateFromControl,
  WorkshopImportError,
  type Credit,
} from '@crossboard/model';
import type { ServerContext } from '../context.ts';
import { HttpError } from '../errors.ts';
import { requirePerson } from '../http/auth.ts';
import { requireWorkshop, workshopParams } from '../http/workshop-path.ts';
import { attachment, exportFileName } from './attachment.ts';
import { isCredit, readCredit, writeCredit } from './credits.ts';
import { importWorkshopSnapshot } from './import-workshop.ts';
import { EXPORT_FORMATS, MAX_IMPORT_BYTES, type ExportFormat } from './limits.ts';
import { workshopSnapshot } from './workshop-snapshot.ts';
import { withFeedback } from '../feedback/feedback-routes.ts';

type IdParams = { id: string };
const STAFF = ['facilitator', 'organiser'] as const;

const CONTENT_TYPES: Record<ExportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
  json: 'application/json; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

function isFormat(v: unknown): v is ExportFormat {
  return typeof v === 'string' && (EXPORT_FORMATS as readonly string[]).includes(v);
}

/** Report export, JSON import, templates saved from a workshop, and each person's credit choice. */
export async function exportRoutes(app: FastifyInstance, { ctx }: { ctx: ServerContext }) {
  const requireStaff = async (request: Parameters<typeof requirePerson>[1], workshopId: string, what: string) => {
    const person = await requirePerson(ctx, request, workshopId);
    if (!(STAFF as readonly string[]).includes(person.role)) {
      throw new HttpError('FORBIDDEN', `Only facilitators and organisers can ${what}; ask one of them for the report.`);
    }
    return person;
  };

  app.get<{ Params: IdParams; Querystring: { format?: string } }>(
    '/api/workshops/:id/export',
    { schema: { params: workshopParams } },
    async (request, reply: FastifyReply) => {
      const w = await requireWorkshop(ctx, request.params.id);
      await requireStaff(request, w.id, 'export the report');
      const format = request.query.format ?? 'md';
      if (!isFormat(format)) {
        throw new HttpError(
          'INVALID_BODY',
          `Unknown export format "${String(format).slice(0, 20)}": use one of ${EXPORT_FORMATS.join(', ')}.`,
        );
      }
      const snapshot = await withFeedback(ctx, w.id, await workshopSnapshot(ctx, w.id));
      const now = Date.now();
      reply.header('content-type', CONTENT_TYPES[format]);
      reply.header('content-disposition', attachment(exportFileName(snapshot.workshop.title || w.title, format, now)));
      reply.header('cache-control', 'no-store');
      request.log.info({ workshopId: w.id, format }, 'report exported');
      switch (format) {
        case 'md':
          return renderMarkdown(snapshot);
        case 'csv':
          // A byte-order mark, so Excel reads the accents in Bogotá and Québec as UTF-8.
          return `\ufeff${renderCsv(snapshot)}`;
        case 'json':
          return exportWorkshopJson(snapshot);
        case 'docx':
          // docx (~12 MB resident) is loaded on the first Word export, not at start.
          return (await import('./docx-report.ts')).renderDocx(snapshot);
      }
    },
  );

  app.post<{ Body: unknown }>('/api/workshops/import', { bodyLimit: MAX_IMPORT_BYTES }, async (request, reply) => {
    let snapshot;
    try {
      snapshot = importWorkshop(request.body);
    } catch (e) {
      if (e instanceof WorkshopImportError)
        throw new HttpError('INVALID_BODY', `This is not a workshop export Crossboard can read: ${e.message}`);
      throw e;
    }
    const created = await importWorkshopSnapshot(ctx, snapshot);
    request.log.info({ workshopId: created.id, notes: snapshot.notes.length }, 'workshop imported');
    return reply.status(201).send(created);
  });

  app.get<{ Params: IdParams }>('/api/workshops/:id/template', { schema: { params: workshopParams } }, async (request, reply) => {
    const w = await requireWorkshop(ctx, request.params.id);
    await requireStaff(request, w.id, 'save the workshop as a template');
    const template = await ctx.rooms.use(roomName({ workshopId: w.id, kind: 'control' }), (room) => templateFromControl(room.document));
    reply.header(
      'content-disposition',
      attachment(exportFileName(template.name || w.title, 'template.json', Date.now()).replace('-report-', '-')),
    );
    return template;
  });

  app.get<{ Params: IdParams }>('/api/workshops/:id/credit', { schema: { params: workshopParams } }, async (request) => {
    const w = await requireWorkshop(ctx, request.params.id);
    const you = await requirePerson(ctx, request, w.id);
    return { credit: await readCredit(ctx.storage, w.id, you.id) };
  });

  app.put<{ Params: IdParams; Body: { credit: Credit } }>(
    '/api/workshops/:id/credit',
    {
      schema: {
        params: workshopParams,
        body: {
          type: 'object',
          required: ['credit'],
          additionalProperties: false,
          properties: { credit: { type: 'string', enum: ['named', 'organisation', 'none'] } },
        },
      },
    },
    async (request) => {
      const w = await requireWorkshop(ctx, request.params.id);
      const you = await requirePerson(ctx, request, w.id);
      if (!isCredit(request.body.credit)) throw new HttpError('INVALID_BODY', 'credit must be named, organisation or none.');
      await writeCredit(ctx.storage, w.id, you.id, request.body.credit);
      return { credit: request.body.credit };
    },
  );
}
