import { useLocation, matchRoute } from './router.ts';
import { Landing } from '../pages/Landing.tsx';
import { Join } from '../pages/Join.tsx';
import { AcceptInvitation } from '../pages/AcceptInvitation.tsx';
import { WorkshopPage } from '../pages/WorkshopPage.tsx';
import { NotFound } from '../pages/NotFound.tsx';
import { ConsolePage } from '../console/ConsolePage.tsx';
import { reportRoute } from '../report/routes.tsx';

export function App() {
  const { pathname, search } = useLocation();
  if (pathname === '/') return <Landing />;
  let m = matchRoute('/w/:id/join', pathname);
  if (m) return <Join key={m.id} workshopId={m.id!} code={search.get('code')} />;
  m = matchRoute('/w/:id/accept', pathname);
  if (m) return <AcceptInvitation key={m.id} workshopId={m.id!} />;
  m = matchRoute('/w/:id/console', pathname);
  if (m) return <ConsolePage key={m.id} workshopId={m.id!} />;
  const report = reportRoute(pathname);
  if (report) return report;
  m = matchRoute('/w/:id', pathname);
  if (m) return <WorkshopPage key={m.id} workshopId={m.id!} />;
  return <NotFound />;
}
