import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { loadCredential } from '../api/credentials.ts';
import { Link } from '../ui/Link.tsx';
import { SiteHeader } from '../ui/SiteHeader.tsx';
import { WorkshopNav } from '../ui/WorkshopNav.tsx';
import { PublishControl } from '../publish/PublishControl.tsx';
import { fetchFile, saveBlob } from '../shared/download.ts';
import { SeriesRecommendations } from './SeriesRecommendations.tsx';
import { SeriesWorkshops } from './SeriesWorkshops.tsx';
import { FeedbackResultsView } from '../feedback/FeedbackResultsView.tsx';
import { seriesApi, type SeriesView } from '../api/series-api.ts';
import '../styles/series.css';
import '../followup/messages.ts';

const FORMATS = [
  { format: 'docx', key: 'exportPage.docx' },
  { format: 'md', key: 'exportPage.md' },
  { format: 'csv', key: 'exportPage.csv' },
  { format: 'json', key: 'series.json' },
] as const;

/** `/s/:id?w=<workshop>`: the series, managed with the token of one of its workshops. */
export function SeriesPage({ seriesId, workshopId }: { seriesId: string; workshopId: string | null }) {
  const { t } = useTranslation();
  const [credential] = useState(() => (workshopId ? loadCredential(workshopId) : null));
  const [view, setView] = useState<SeriesView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const token = credential?.token ?? '';

  const reload = useCallback(async () => {
    if (!token) return;
    try {
      setView(await seriesApi.get(seriesId, token));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('errors.generic'));
    }
  }, [seriesId, token, t]);
  useEffect(() => void reload(), [reload]);

  /** Runs a change, then shows the series as the server now has it. */
  const act = async (change: () => Promise<unknown>) => {
    setError(null);
    try {
      await change();
      await reload();
      setStatus(t('series.saved'));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('errors.generic'));
    }
  };
  const download = (format: string, label: string) =>
    act(async () => {
      const { blob, fileName } = await fetchFile(`/api/series/${encodeURIComponent(seriesId)}/export?format=${format}`, token);
      saveBlob(blob, fileName);
      setStatus(t('exportPage.downloaded', { file: fileName || label }));
    });

  return (
    <div className="page">
      <SiteHeader>
        {workshopId && (
          <Link className="button button--small" href={`/w/${encodeURIComponent(workshopId)}/export`}>
            {t('series.back')}
          </Link>
        )}
      </SiteHeader>
      {workshopId && <WorkshopNav workshopId={workshopId} current="series" omit={['export']} />}
      <main id="main" className="series-page">
        {!credential || credential.role === 'participant' ? (
          <>
            <h1>{t('series.title')}</h1>
            <p role="alert">{t('series.onlyStaff')}</p>
          </>
        ) : !view ? (
          <>
            <h1>{t('series.title')}</h1>
            {!error && <p role="status">{t('series.loading')}</p>}
          </>
        ) : (
          <>
            <p className="report-muted">{t('series.title')}</p>
            <h1>{view.title}</h1>
            {view.purpose && <p>{view.purpose}</p>}
            <SeriesWorkshops view={view} onAdd={(workshopToken) => act(() => seriesApi.addWorkshop(seriesId, token, workshopToken))} />
            <SeriesRecommendations
              view={view}
              onMerge={(kept, merged) => act(() => seriesApi.merge(seriesId, token, kept, merged))}
              onUnmerge={(r) => act(() => seriesApi.unmerge(seriesId, token, r))}
            />
            {view.report.feedback && (
              <section className="series-card" aria-labelledby="series-feedback">
                <h2 id="series-feedback">{t('feedback.heading')}</h2>
                <FeedbackResultsView results={view.report.feedback} />
              </section>
            )}
            <section className="series-card" aria-labelledby="series-exports">
              <h2 id="series-exports">{t('series.exports')}</h2>
              <ul className="series-exports">
                {FORMATS.map(({ format, key }) => (
                  <li key={format}>
                    <button type="button" className="button" onClick={() => void download(format, t(key))}>
                      {t(key)}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
            {workshopId && (
              <p>
                <Link href={`/s/${encodeURIComponent(seriesId)}/followup?w=${encodeURIComponent(workshopId)}`}>
                  {t('followup.seriesTitle')}
                </Link>
              </p>
            )}
            <div className="series-card">
              <PublishControl base={`/api/series/${encodeURIComponent(seriesId)}`} token={token} />
            </div>
          </>
        )}
        <p role="status" aria-live="polite" className="report-muted">
          {status}
        </p>
        {error && (
          <p role="alert" className="report-error">
            {error}
          </p>
        )}
      </main>
    </div>
  );
}
