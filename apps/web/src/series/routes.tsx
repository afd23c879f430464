import type { ReactElement } from 'react';
import { matchRoute } from '../shared/router.ts';
import { WorkshopPublishPage } from '../publish/WorkshopPublishPage.tsx';
import { SeriesPage } from './SeriesPage.tsx';
import { SeriesStart } from './SeriesStart.tsx';

/** The series pages and a workshop's publish page (app/App.tsx matches them before `/w/:id`). */
export function seriesRoute(pathname: string, search: URLSearchParams): ReactElement | null {
  let m = matchRoute('/w/:id/series', pathname);
  if (m) return <SeriesStart key={m.id} workshopId={m.id!} />;
  m = matchRoute('/w/:id/publish', pathname);
  if (m) return <WorkshopPublishPage key={m.id} workshopId={m.id!} />;
  m = matchRoute('/s/:id', pathname);
  if (m) return <SeriesPage key={`${m.id}/${search.get('w')}`} seriesId={m.id!} workshopId={search.get('w')} />;
  return null;
}
