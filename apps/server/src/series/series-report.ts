import { seriesReport, type SeriesReport, type WorkshopSnapshot } from '@crossboard/model';
import type { ServerContext } from '../context.ts';
import { workshopSnapshot } from '../export/workshop-snapshot.ts';
import { withFeedback } from '../feedback/feedback-routes.ts';
import { mergeFromStored, type AsyncSeriesRecords, type SeriesRecord } from './series-store.ts';

/**
 * The series report over its workshops as they are now, with the organisers' merges. The
 * survey's results are for staff: only their report and exports ask for `feedback`.
 */
export async function buildSeriesReport(
  ctx: ServerContext,
  records: AsyncSeriesRecords,
  series: SeriesRecord,
  options: { feedback?: boolean } = {},
): Promise<SeriesReport> {
  const ids = await records.seriesWorkshops(series.id);
  // One at a time: each loads three rooms, and a series may hold twenty workshops.
  const workshops: { id: string; snapshot: WorkshopSnapshot }[] = [];
  for (const id of ids) {
    const snapshot = await workshopSnapshot(ctx, id);
    workshops.push({ id, snapshot: options.feedback ? await withFeedback(ctx, id, snapshot) : snapshot });
  }
  const merges = (await records.merges(series.id)).map(mergeFromStored);
  return seriesReport({ title: series.title, purpose: series.purpose, workshops, merges });
}

/** A single workshop as a series of one: its public page is drawn by the same renderer. */
export async function workshopAsSeries(ctx: ServerContext, workshopId: string): Promise<SeriesReport> {
  const snapshot = await workshopSnapshot(ctx, workshopId);
  return seriesReport({
    title: snapshot.workshop.title,
    purpose: snapshot.workshop.purpose,
    workshops: [{ id: workshopId, snapshot }],
    merges: [],
  });
}
