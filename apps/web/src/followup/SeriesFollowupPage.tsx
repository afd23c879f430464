import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { loadCredential } from '../api/credentials.ts';
import { Link } from '../ui/Link.tsx';
import { SiteHeader } from '../ui/SiteHeader.tsx';
import { ProgressSummary } from './FollowupParts.tsx';
import { StepList } from './FollowupPage.tsx';
import { followupApi, type SeriesFollowup } from './followup-api.ts';
import '../styles/series.css';
import './followup.css';

/** `/s/:id/followup?w=<workshop>`: every workshop's steps in the series, with one workshop's staff token. */
export function SeriesFollowupPage({ seriesId, workshopId }: { seriesId: string; workshopId: string | null }) {
  const { t } = useTranslation();
  const [credential] = useState(() => (workshopId ? loadCredential(workshopId) : null));
  const [view, setView] = useState<SeriesFollowup | null>(null);
  const [error, setError] = useState<string | null>(null);
  const staff = credential?.role === 'facilitator' || credential?.role === 'organiser';
  useEffect(() => {
    if (!staff || !credential) return;
    followupApi.series(seriesId, credential.token).then(setView, (e) => setError(e instanceof ApiError ? e.message : t('errors.generic')));
  }, [seriesId, credential, staff, t]);
  return (
    <div className="page">
      <SiteHeader>
        {workshopId && (
          <Link className="button button--small" href={`/s/${encodeURIComponent(seriesId)}?w=${encodeURIComponent(workshopId)}`}>
            {t('series.title')}
          </Link>
        )}
      </SiteHeader>
      <main id="main" className="series-page">
        <p className="report-muted">{t('followup.seriesTitle')}</p>
        <h1>{view?.series.title ?? t('followup.seriesTitle')}</h1>
        {!staff ? (
          <p role="alert">{t('followup.onlyStaff')}</p>
        ) : !view ? (
          !error && <p role="status">{t('followup.loading')}</p>
        ) : (
          <>
            <ProgressSummary summary={view.summary} />
            <StepList steps={view.steps} today={view.today} showWorkshop />
          </>
        )}
        {error && (
          <p role="alert" className="report-error">
            {error}
          </p>
        )}
      </main>
    </div>
  );
}
