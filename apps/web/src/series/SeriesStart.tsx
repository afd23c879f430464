import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { loadCredential } from '../api/credentials.ts';
import { Link } from '../ui/Link.tsx';
import { navigate } from '../shared/router.ts';
import { SiteHeader } from '../ui/SiteHeader.tsx';
import { WorkshopNav } from '../ui/WorkshopNav.tsx';
import { seriesApi } from '../api/series-api.ts';
import '../styles/series.css';

export const seriesHref = (seriesId: string, workshopId: string) =>
  `/s/${encodeURIComponent(seriesId)}?w=${encodeURIComponent(workshopId)}`;

/** `/w/:id/series`: the workshop's series, or a form to start one with this workshop first. */
export function SeriesStart({ workshopId }: { workshopId: string }) {
  const { t } = useTranslation();
  const [credential] = useState(() => loadCredential(workshopId));
  const staff = credential?.role === 'facilitator' || credential?.role === 'organiser';
  const [series, setSeries] = useState<{ id: string; title: string } | null | undefined>(undefined);
  const [title, setTitle] = useState('');
  const [purpose, setPurpose] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!credential || !staff) return;
    seriesApi.ofWorkshop(workshopId, credential.token).then(
      (r) => setSeries(r.series),
      (e: unknown) => setError(e instanceof ApiError ? e.message : t('errors.generic')),
    );
  }, [credential, staff, workshopId, t]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!credential || !title.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const created = await seriesApi.create(credential.token, { title: title.trim(), purpose: purpose.trim() });
      navigate(seriesHref(created.id, workshopId));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t('errors.generic'));
      setBusy(false);
    }
  };

  return (
    <div className="page">
      <SiteHeader>
        <Link className="button button--small" href={`/w/${encodeURIComponent(workshopId)}/export`}>
          {t('series.back')}
        </Link>
      </SiteHeader>
      <WorkshopNav workshopId={workshopId} current="series" omit={['export']} />
      <main id="main" className="series-page">
        <h1>{t('series.startTitle')}</h1>
        {!staff ? (
          <p role="alert">{t('series.onlyStaff')}</p>
        ) : series ? (
          <p>
            {t('series.inSeries', { title: series.title })}{' '}
            <Link className="button button--primary" href={seriesHref(series.id, workshopId)}>
              {t('series.open')}
            </Link>
          </p>
        ) : series === null ? (
          <form className="series-card" onSubmit={(e) => void submit(e)}>
            <p className="report-muted">{t('series.startIntro')}</p>
            <div className="field">
              <label htmlFor="series-title">{t('series.name')}</label>
              <input id="series-title" required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor="series-purpose">{t('series.purpose')}</label>
              <textarea id="series-purpose" rows={3} maxLength={2000} value={purpose} onChange={(e) => setPurpose(e.target.value)} />
            </div>
            <button type="submit" className="button button--primary" disabled={busy || !title.trim()}>
              {busy ? t('series.creating') : t('series.create')}
            </button>
          </form>
        ) : (
          !error && <p role="status">{t('series.loading')}</p>
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
