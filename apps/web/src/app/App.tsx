import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, matchRoute } from '../shared/router.ts';
import { Join } from '../pages/Join.tsx';
import { AcceptInvitation } from '../pages/AcceptInvitation.tsx';
import { NotFound } from '../pages/NotFound.tsx';

// Code split by route: the entry holds the join page (what a participant on a slow line sees
// first) and the small pages; the landing page with its workshop wizard, the board, the
// facilitator's console and the report pages each load when their route is first shown.
// Tiptap loads with the first note editor (board/LazyNoteEditor.tsx). Measured by
// `pnpm bench:load` (docs/bench-load.md); e2e/initial-js-budget.e2e.test.ts holds the budget.
type WorkshopPageModule = typeof import('../pages/WorkshopPage.tsx');
let workshopPageModule: WorkshopPageModule | null = null;
const loadWorkshopPage = () =>
  import('../pages/WorkshopPage.tsx').then((m) => {
    workshopPageModule = m;
    return m;
  });
const WorkshopPage = lazy(() => loadWorkshopPage().then((m) => ({ default: m.WorkshopPage })));
// Opened by its link, the board is the page to show: its code loads while React starts up
// rather than after the first render asks for it.
if (typeof window !== 'undefined' && matchRoute('/w/:id', window.location.pathname)) void loadWorkshopPage().catch(() => {});
const Landing = lazy(() => import('../pages/Landing.tsx').then((m) => ({ default: m.Landing })));
const ConsolePage = lazy(() => import('../console/ConsolePage.tsx').then((m) => ({ default: m.ConsolePage })));
const ReportRoutes = lazy(() =>
  import('../report/routes.tsx').then((m) => ({ default: ({ pathname }: { pathname: string }) => m.reportRoute(pathname) })),
);

const REPORT_ROUTES = ['/w/:id/report/print', '/w/:id/report', '/w/:id/export'];
const SeriesRoutes = lazy(() =>
  import('../series/routes.tsx').then((m) => ({
    default: ({ pathname, search }: { pathname: string; search: URLSearchParams }) => m.seriesRoute(pathname, search),
  })),
);
const SERIES_ROUTES = ['/w/:id/series', '/w/:id/publish', '/s/:id'];
const FollowupRoutes = lazy(() =>
  import('../followup/routes.tsx').then((m) => ({
    default: ({ pathname, search }: { pathname: string; search: URLSearchParams }) => m.followupRoute(pathname, search),
  })),
);
const FOLLOWUP_ROUTES = ['/w/:id/followup', '/s/:id/followup', '/f/:link'];
const GroupRoutes = lazy(() =>
  import('../groups/routes.tsx').then((m) => ({ default: ({ params }: { params: Record<string, string> }) => m.groupRoute(params) })),
);
const PeopleRoutes = lazy(() =>
  import('../directory/routes.tsx').then((m) => ({ default: ({ pathname }: { pathname: string }) => m.peopleRoute(pathname) })),
);
const PEOPLE_ROUTES = ['/w/:id/people', '/w/:id/checkin', '/w/:id/registrations', '/r/:code', '/registered/:secret'];

/** What a route shows while its code downloads: announced, and kept on screen until it is ready. */
function RouteLoading({ landing = false }: { landing?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="page centered" role="status" aria-live="polite" aria-busy="true">
      {/* Before any workshop exists, "Opening the workshop…" would be wrong. */}
      {landing ? t('landing.loading') : t('workshop.loading')}
    </div>
  );
}

function Lazy({ children, landing = false }: { children: ReactNode; landing?: boolean }) {
  return <Suspense fallback={<RouteLoading landing={landing} />}>{children}</Suspense>;
}

/** The board is where the join page leads: fetch its code while the person fills in the form. */
function JoinRoute({ workshopId, code }: { workshopId: string; code: string | null }) {
  useEffect(() => {
    const id = setTimeout(() => void loadWorkshopPage(), 0);
    return () => clearTimeout(id);
  }, []);
  return <Join workshopId={workshopId} code={code} />;
}

/**
 * The board page, shown the moment its code is here. Left to Suspense, React would hold the
 * page back until 300 ms after the loading text appeared (its fallback throttle), and the
 * board's sockets open only once the page is shown.
 */
function BoardRoute({ workshopId }: { workshopId: string }) {
  const [loaded, setLoaded] = useState(workshopPageModule);
  useEffect(() => {
    if (loaded) return;
    let live = true;
    loadWorkshopPage().then(
      (m) => live && setLoaded(m),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [loaded]);
  if (loaded) return <loaded.WorkshopPage workshopId={workshopId} />;
  // Until then, and if the code fails to load, as every other lazy route.
  return (
    <Lazy>
      <WorkshopPage workshopId={workshopId} />
    </Lazy>
  );
}

export function App() {
  const { pathname, search } = useLocation();
  if (pathname === '/') {
    return (
      <Lazy landing>
        <Landing />
      </Lazy>
    );
  }
  let m = matchRoute('/w/:id/join', pathname);
  if (m) return <JoinRoute key={m.id} workshopId={m.id!} code={search.get('code')} />;
  m = matchRoute('/w/:id/accept', pathname);
  if (m) return <AcceptInvitation key={m.id} workshopId={m.id!} />;
  m = matchRoute('/w/:id/console', pathname);
  if (m) {
    return (
      <Lazy>
        <ConsolePage key={m.id} workshopId={m.id!} />
      </Lazy>
    );
  }
  // The report's pages, matched before `/w/:id` takes the rest.
  if (REPORT_ROUTES.some((pattern) => matchRoute(pattern, pathname))) {
    return (
      <Lazy>
        <ReportRoutes pathname={pathname} />
      </Lazy>
    );
  }
  if (FOLLOWUP_ROUTES.some((pattern) => matchRoute(pattern, pathname))) {
    return (
      <Lazy>
        <FollowupRoutes pathname={pathname} search={search} />
      </Lazy>
    );
  }
  if (SERIES_ROUTES.some((pattern) => matchRoute(pattern, pathname))) {
    return (
      <Lazy>
        <SeriesRoutes pathname={pathname} search={search} />
      </Lazy>
    );
  }
  if (PEOPLE_ROUTES.some((pattern) => matchRoute(pattern, pathname))) {
    return (
      <Lazy>
        <PeopleRoutes pathname={pathname} />
      </Lazy>
    );
  }
  m = matchRoute('/w/:id/group/:groupId', pathname);
  if (m) {
    return (
      <Lazy>
        <GroupRoutes params={m} />
      </Lazy>
    );
  }
  m = matchRoute('/w/:id', pathname);
  if (m) return <BoardRoute key={m.id} workshopId={m.id!} />;
  return <NotFound />;
}
