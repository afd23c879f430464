import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { publicationApi } from '../api/series-api.ts';

/**
 * Publish and unpublish a workshop's or series' public page. `base` is the API path of what
 * is published (`/api/workshops/<id>` or `/api/series/<id>`).
 */
export function PublishControl({ base, token, headingLevel = 2 }: { base: string; token: string; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    publicationApi.get(base, token).then(
      (r) => live && setUrl(r.publication?.url ?? null),
      (e: unknown) => live && setError(e instanceof ApiError ? e.message : t('errors.generic')),
    );
    return () => {
      live = false;
    };
  }, [base, token, t]);

  const run = async (action: 'publish' | 'unpublish') => {
    setBusy(true);
    setError(null);
    try {
      const r = await publicationApi[action](base, token);
      setUrl(r.publication?.url ?? null);
      setStatus(r.publication ? t('publish.published') : t('publish.notPublished'));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('errors.generic'));
    } finally {
      setBusy(false);
    }
  };
  const absolute = url ? new URL(url, window.location.origin).href : '';
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  return (
    <section className="publish" aria-labelledby="publish-heading">
      <Heading id="publish-heading">{t('publish.title')}</Heading>
      <p className="report-muted">{t('publish.intro')}</p>
      {url ? (
        <>
          <p>{t('publish.published')}</p>
          <div className="field">
            <label htmlFor="publish-link">{t('publish.link')}</label>
            <input id="publish-link" readOnly value={absolute} onFocus={(e) => e.currentTarget.select()} />
          </div>
          <div className="publish__actions">
            <a className="button" href={url} target="_blank" rel="noreferrer">
              {t('publish.title')}
            </a>
            <button
              type="button"
              className="button"
              onClick={() => void navigator.clipboard?.writeText(absolute).then(() => setStatus(t('publish.copied')))}
            >
              {t('publish.copy')}
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => void run('unpublish')}>
              {t('publish.unpublish')}
            </button>
          </div>
        </>
      ) : url === null ? (
        <>
          <p>{t('publish.notPublished')}</p>
          <button type="button" className="button button--primary" disabled={busy} onClick={() => void run('publish')}>
            {t('publish.publish')}
          </button>
        </>
      ) : null}
      <p role="status" aria-live="polite" className="report-muted">
        {status}
      </p>
      {error && (
        <p role="alert" className="report-error">
          {error}
        </p>
      )}
    </section>
  );
}
