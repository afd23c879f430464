import type { ReactElement } from 'react';
import { matchRoute } from '../shared/router.ts';
import { RegisteredPage } from '../registration/RegisteredPage.tsx';
import { RegisterPage } from '../registration/RegisterPage.tsx';
import { RegistrationsPage } from '../registration/RegistrationsPage.tsx';
import { CheckinPage } from './CheckinPage.tsx';
import { DirectoryPage } from './DirectoryPage.tsx';

/** The people pages, loaded as one chunk: the directory, registration and its staff page (App.tsx lists the patterns). */
export function peopleRoute(pathname: string): ReactElement | null {
  let m = matchRoute('/w/:id/people', pathname);
  if (m) return <DirectoryPage key={m.id} workshopId={m.id!} />;
  m = matchRoute('/w/:id/checkin', pathname);
  if (m) return <CheckinPage key={m.id} workshopId={m.id!} />;
  m = matchRoute('/w/:id/registrations', pathname);
  if (m) return <RegistrationsPage key={m.id} workshopId={m.id!} />;
  m = matchRoute('/r/:code', pathname);
  if (m) return <RegisterPage key={m.code} code={m.code!} />;
  m = matchRoute('/registered/:secret', pathname);
  if (m) return <RegisteredPage key={m.secret} secret={m.secret!} />;
  return null;
}
