import type { ReactElement } from 'react';
import { matchRoute } from '../shared/router.ts';
import { FollowupPage } from './FollowupPage.tsx';
import { OwnerPage } from './OwnerPage.tsx';
import { SeriesFollowupPage } from './SeriesFollowupPage.tsx';

/** The follow-up pages (app/App.tsx matches them before `/w/:id` and `/s/:id`). */
export function followupRoute(pathname: string, search: URLSearchParams): ReactElement | null {
  let m = matchRoute('/w/:id/followup', pathname);
  if (m) return <FollowupPage key={m.id} workshopId={m.id!} />;
  m = matchRoute('/s/:id/followup', pathname);
  if (m) return <SeriesFollowupPage key={m.id} seriesId={m.id!} workshopId={search.get('w')} />;
  m = matchRoute('/f/:link', pathname);
  if (m) return <OwnerPage key={m.link} link={m.link!} />;
  return null;
}
