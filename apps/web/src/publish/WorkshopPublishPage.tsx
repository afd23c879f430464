import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadCredential } from '../api/credentials.ts';
import { Link } from '../ui/Link.tsx';
import { SiteHeader } from '../ui/SiteHeader.tsx';
import { WorkshopNav } from '../ui/WorkshopNav.tsx';
import { PublishControl } from './PublishControl.tsx';
import '../styles/series.css';

/** `/w/:id/publish`: the workshop's public page, for its facilitators and organisers. */
export function WorkshopPublishPage({ workshopId }: { workshopId: string }) {
  const { t } = useTranslation();
  const [credential] = useState(() => loadCredential(workshopId));
  const staff = credential?.role === 'facilitator' || credential?.role === 'organiser';
  return (
    <div className="page">
      <SiteHeader>
        <Link className="button button--small" href={`/w/${encodeURIComponent(workshopId)}/series`}>
          {t('series.title')}
        </Link>
      </SiteHeader>
      <WorkshopNav workshopId={workshopId} current="publish" omit={['series']} />
      <main id="main" className="series-page">
        <h1>{t('publish.workshopTitle')}</h1>
        {staff && credential ? (
          <PublishControl base={`/api/workshops/${encodeURIComponent(workshopId)}`} token={credential.token} />
        ) : (
          <p role="alert">{t('publish.onlyStaff')}</p>
        )}
      </main>
    </div>
  );
}
