import type { ReactElement } from 'react';
import { matchRoute } from '../shared/router.ts';
import { ExportPage } from './ExportPage.tsx';
import { PrintReport } from './PrintReport.tsx';
import { ReportPage } from './ReportPage.tsx';
import './report.css';

/** The report's pages, matched before `/w/:id` takes the rest. */
export function reportRoute(pathname: string): ReactElement | null {
  let m = matchRoute('/w/:id/report/print', pathname);
  if (m) return <PrintReport key={m.id} workshopId={m.id!} />;
  m = matchRoute('/w/:id/report', pathname);
  if (m) return <ReportPage key={m.id} workshopId={m.id!} />;
  m = matchRoute('/w/:id/export', pathname);
  if (m) return <ExportPage key={m.id} workshopId={m.id!} />;
  return null;
}
