import type { SeriesReport } from '@crossboard/model';
import { request } from './client.ts';

/** The series calls of docs/API.md ("Series and public pages"), with a workshop staff token. */
export interface RecommendationRef {
  workshopId: string;
  recommendationId: string;
}
export interface SeriesView {
  id: string;
  title: string;
  purpose: string;
  report: SeriesReport;
  merges: { kept: RecommendationRef; merged: RecommendationRef }[];
  publication: { url: string } | null;
}
export type Publication = { publication: { url: string } | null };

const enc = encodeURIComponent;

export const seriesApi = {
  create: (token: string, body: { title: string; purpose: string }) =>
    request<{ id: string; title: string }>('POST', '/api/series', body, token),
  ofWorkshop: (workshopId: string, token: string) =>
    request<{ series: { id: string; title: string } | null }>('GET', `/api/workshops/${enc(workshopId)}/series`, undefined, token),
  get: (id: string, token: string) => request<SeriesView>('GET', `/api/series/${enc(id)}`, undefined, token),
  addWorkshop: (id: string, token: string, workshopToken: string) =>
    request<{ workshopId: string }>('POST', `/api/series/${enc(id)}/workshops`, { token: workshopToken }, token),
  merge: (id: string, token: string, kept: RecommendationRef, merged: RecommendationRef) =>
    request('POST', `/api/series/${enc(id)}/merges`, { kept, merged }, token),
  unmerge: (id: string, token: string, r: RecommendationRef) =>
    request('DELETE', `/api/series/${enc(id)}/merges/${enc(r.workshopId)}/${enc(r.recommendationId)}`, undefined, token),
};

/** `base` is `/api/workshops/<id>` or `/api/series/<id>`. */
export const publicationApi = {
  get: (base: string, token: string) => request<Publication>('GET', `${base}/publication`, undefined, token),
  publish: (base: string, token: string) => request<Publication>('PUT', `${base}/publication`, undefined, token),
  unpublish: (base: string, token: string) => request<Publication>('DELETE', `${base}/publication`, undefined, token),
};
