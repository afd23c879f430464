import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FacilitationApi, Version } from '../facilitation/facilitation-api.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { errorMessage, useRequest } from './use-request.ts';
import { dateLocale } from '../i18n/format.ts';

/** Saved versions of the board: take one now, or restore one (which saves the present first). */
export function VersionsPanel({ api }: { api: FacilitationApi }) {
  const { t, i18n } = useTranslation();
  const versions = useRequest(api.versions);
  const [confirming, setConfirming] = useState<Version | null>(null);
  const [message, setMessage] = useState('');
  const list = [...(versions.data?.versions ?? [])].sort((a, b) => +new Date(b.createdAt) - +new Date(a.createdAt));
  const when = (v: Version) => new Intl.DateTimeFormat(dateLocale(i18n.language), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(v.createdAt));

  const take = async () => {
    try {
      await api.takeVersion();
      setMessage(t('console.versions.taken'));
      await versions.reload();
    } catch (err) {
      setMessage(errorMessage(err));
    }
  };
  const restore = async (v: Version) => {
    setConfirming(null);
    try {
      await api.restoreVersion(v.versionId);
      setMessage(t('console.versions.restored', { when: when(v) }));
      await versions.reload();
    } catch (err) {
      setMessage(errorMessage(err));
    }
  };

  return (
    <section className="console-card" aria-labelledby="console-versions">
      <h2 id="console-versions">{t('console.versions.heading')}</h2>
      <button type="button" className="button" onClick={() => void take()}>
        {t('console.versions.take')}
      </button>
      {versions.error && <p role="alert">{versions.error}</p>}
      <ul className="console-list">
        {list.map((v) => (
          <li key={v.versionId} className="console-list__row">
            <span className="console-list__main">
              {when(v)} <span className="console-list__meta">{v.reason}</span>
            </span>
            <button type="button" className="button button--small" onClick={() => setConfirming(v)}>
              {t('console.versions.restore', { when: when(v) })}
            </button>
          </li>
        ))}
      </ul>
      <p role="status" className="console-message">
        {message}
      </p>
      {confirming && (
        <ConfirmDialog
          title={t('console.versions.confirmTitle', { when: when(confirming) })}
          confirmLabel={t('console.versions.confirm')}
          onCancel={() => setConfirming(null)}
          onConfirm={() => void restore(confirming)}
        >
          <p>{t('console.versions.confirmBody')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
