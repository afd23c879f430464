import type { FastifyInstance, FastifyReply } from 'fastify';
import type { SeriesReport } from '@crossboard/model';
import type { ServerContext } from '../context.ts';
import { requirePerson } from '../http/auth.ts';
import { idSchema } from '../http/id-schema.ts';
import { buildSeriesReport, workshopAsSeries } from '../series/series-report.ts';
import { requireSeriesStaff } from '../series/series-routes.ts';
import { seriesRecords, type PublicationKind } from '../series/series-store.ts';
import { requireWorkshop } from '../http/workshop-path.ts';
import { randomId } from '../auth/random-id.ts';
import { escapeHtml, renderPublicPage } from './public-page.ts';

const params = { type: 'object', required: ['id'], properties: { id: idSchema } } as const;
const codeParams = { type: 'object', required: ['code'], properties: { code: idSchema } } as const;

/**
 * Requests per address per minute to public pages. Passed as the route's `rateLimit` config,
 * which @fastify/rate-limit enforces once it is registered (http/rate-limits.ts).
 */
export const PUBLIC_PAGE_REQUESTS_PER_MINUTE = 120;

const urlOf = (code: string | null) => (code === null ? null : { url: `/p/${code}` });

function notFoundPage(reply: FastifyReply) {
  return reply
    .status(404)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Not published · Crossboard</title></head><body><main><h1>This page is not published</h1><p>${escapeHtml('The organisers may have unpublished it, or the link is mistyped.')}</p></main></body></html>`,
    );
}

/** Publishing a workshop's or a series' report as a read-only page anyone with the link can open. */
export async function publishRoutes(app: FastifyInstance, { ctx }: { ctx: ServerContext }) {
  const records = seriesRecords(ctx);

  const publish = async (kind: PublicationKind, target: string) => ({
    publication: urlOf(await records.publish(kind, target, randomId(), Date.now())),
  });
  const unpublish = async (kind: PublicationKind, target: string) => {
    await records.unpublish(kind, target);
    return { publication: null };
  };
  const workshopStaff = async (request: Parameters<typeof requirePerson>[1], id: string) => {
    const w = await requireWorkshop(ctx, id);
    await requirePerson(ctx, request, w.id, ['facilitator', 'organiser']);
    return w;
  };

  app.get<{ Params: { id: string } }>('/api/workshops/:id/publication', { schema: { params } }, async (request) => {
    const w = await workshopStaff(request, request.params.id);
    return { publication: urlOf(await records.publication('workshop', w.id)) };
  });
  app.put<{ Params: { id: string } }>('/api/workshops/:id/publication', { schema: { params } }, async (request) => {
    const w = await workshopStaff(request, request.params.id);
    request.log.info({ workshopId: w.id }, 'workshop published');
    return publish('workshop', w.id);
  });
  app.delete<{ Params: { id: string } }>('/api/workshops/:id/publication', { schema: { params } }, async (request) => {
    const w = await workshopStaff(request, request.params.id);
    request.log.info({ workshopId: w.id }, 'workshop unpublished');
    return unpublish('workshop', w.id);
  });

  app.get<{ Params: { id: string } }>('/api/series/:id/publication', { schema: { params } }, async (request) => {
    const { series } = await requireSeriesStaff(ctx, records, request, request.params.id);
    return { publication: urlOf(await records.publication('series', series.id)) };
  });
  app.put<{ Params: { id: string } }>('/api/series/:id/publication', { schema: { params } }, async (request) => {
    const { series } = await requireSeriesStaff(ctx, records, request, request.params.id);
    request.log.info({ seriesId: series.id }, 'series published');
    return publish('series', series.id);
  });
  app.delete<{ Params: { id: string } }>('/api/series/:id/publication', { schema: { params } }, async (request) => {
    const { series } = await requireSeriesStaff(ctx, records, request, request.params.id);
    request.log.info({ seriesId: series.id }, 'series unpublished');
    return unpublish('series', series.id);
  });

  // No token: the unguessable code is the only key, and unpublishing deletes it.
  app.get<{ Params: { code: string } }>(
    '/p/:code',
    {
      schema: { params: codeParams },
      config: { rateLimit: { max: PUBLIC_PAGE_REQUESTS_PER_MINUTE, timeWindow: 60_000 } },
      // A mistyped link gets the page's own 404, not a JSON validation error.
      attachValidation: true,
    },
    async (request, reply) => {
      if (request.validationError) return notFoundPage(reply);
      const target = await records.published(request.params.code);
      if (!target) return notFoundPage(reply);
      let report: SeriesReport;
      if (target.kind === 'series') {
        const series = await records.getSeries(target.target);
        if (!series) return notFoundPage(reply);
        report = await buildSeriesReport(ctx, records, series);
      } else {
        if (!(await ctx.storage.getWorkshop(target.target))) return notFoundPage(reply);
        report = await workshopAsSeries(ctx, target.target);
      }
      return (
        reply
          .header('content-type', 'text/html; charset=utf-8')
          // Unpublishing must take effect at once: no copy kept by the browser or a proxy.
          .header('cache-control', 'no-store')
          .send(renderPublicPage(report, target.kind))
      );
    },
  );
}
