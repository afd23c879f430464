import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { loadCredential } from '../api/credentials.ts';
import { Link } from '../ui/Link.tsx';
import { SiteHeader } from '../ui/SiteHeader.tsx';
import { WorkshopNav } from '../ui/WorkshopNav.tsx';
import { fetchFile, saveBlob } from '../shared/download.ts';
import '../followup/messages.ts';

const FORMATS = [
  { format: 'docx', key: 'exportPage.docx' },
  { format: 'md', key: 'exportPage.md' },
  { format: 'csv', key: 'exportPage.csv' },
  { format: 'json', key: 'exportPage.json' },
] as const;

/** `/w/:id/export`: one download per format, the template, and the printable page. */
export function ExportPage({ workshopId }: { workshopId: string }) {
  const { t } = useTranslation();
  const [credential] = useState(() => loadCredential(workshopId));
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const base = `/w/${encodeURIComponent(workshopId)}`;
  const staff = credential?.role === 'facilitator' || credential?.role === 'organiser';

  const download = async (path: string, label: string) => {
    if (!credential) return;
    setError(null);
    setStatus(t('exportPage.downloading', { file: label }));
    try {
      const { blob, fileName } = await fetchFile(path, credential.token);
      saveBlob(blob, fileName);
      setStatus(t('exportPage.downloaded', { file: fileName }));
    } catch (e) {
      setStatus('');
      setError(e instanceof ApiError ? e.message : t('errors.generic'));
    }
  };

  return (
    <div className="page">
      <SiteHeader>
        <Link className="button button--small" href={`${base}/report`}>
          {t('report.title')}
        </Link>
      </SiteHeader>
      <WorkshopNav workshopId={workshopId} current="export" omit={['report']} />
      <main id="main" className="export-page">
        <h1>{t('exportPage.title')}</h1>
        {!staff ? (
          <p role="alert">{t('exportPage.onlyStaff')}</p>
        ) : (
          <>
            <p>{t('exportPage.intro')}</p>
            <ul className="export-list">
              {FORMATS.map(({ format, key }) => (
                <li key={format}>
                  <button
                    type="button"
                    className="button button--primary"
                    onClick={() => download(`/api/workshops/${encodeURIComponent(workshopId)}/export?format=${format}`, t(key))}
                  >
                    {t(key)}
                  </button>
                  {format === 'json' && <span className="report-muted"> {t('exportPage.jsonHint')}</span>}
                </li>
              ))}
              <li>
                <button
                  type="button"
                  className="button"
                  onClick={() => download(`/api/workshops/${encodeURIComponent(workshopId)}/template`, t('exportPage.template'))}
                >
                  {t('exportPage.template')}
                </button>
              </li>
            </ul>
            <p>
              <Link href={`${base}/report/print`}>{t('exportPage.print')}</Link> — {t('exportPage.printHint')}
            </p>
            <p>
              <Link href={`${base}/series`}>{t('series.startTitle')}</Link> ·{' '}
              <Link href={`${base}/publish`}>{t('publish.workshopTitle')}</Link> ·{' '}
              <Link href={`${base}/followup`}>{t('followup.title')}</Link>
            </p>
            <p role="status" aria-live="polite">
              {status}
            </p>
            {error && (
              <p role="alert" className="report-error">
                {error}
              </p>
            )}
          </>
        )}
      </main>
    </div>
  );
}
