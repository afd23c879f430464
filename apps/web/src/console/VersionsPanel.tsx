import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PHASES, type Phase } from '@crossboard/model';
import type { FacilitationApi, Version as VersionInfo } from '../facilitation/facilitation-api.ts';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { errorMessage, useRequest } from './use-request.ts';
import { dateLocale } from '../i18n/format.ts';

/** The server says what each version holds (notes per phase); older servers did not. */
type Version = VersionInfo & { notes?: Record<Phase, number> | null };

const KNOWN_REASONS = ['manual', 'phase-change', 'reveal', 'activity', 'before-restore', 'before-removal'];
const total = (v: Version) => (v.notes ? PHASES.reduce((n, p) => n + v.notes![p], 0) : null);

/**
 * Saved versions of the board: take one now, or restore one (which saves the present first).
 * Each says in words why it was taken, what it holds, and how it differs from the one before.
 */
export function VersionsPanel({ api }: { api: FacilitationApi }) {
  const { t, i18n } = useTranslation();
  const versions = useRequest(api.versions);
  const [confirming, setConfirming] = useState<Version | null>(null);
  const [message, setMessage] = useState('');
  const list: Version[] = [...(versions.data?.versions ?? [])].sort((a, b) => +new Date(b.createdAt) - +new Date(a.createdAt));
  // Seconds matter: several versions are often taken within the same minute.
  const when = (v: Version) =>
    new Intl.DateTimeFormat(dateLocale(i18n.language), { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(v.createdAt));
  const why = (v: Version) => t(`versionReasons.${KNOWN_REASONS.includes(v.reason) ? v.reason : 'other'}`);
  const holds = (v: Version) => (v.notes ? PHASES.map((p) => `${t(`phases.${p}`)} ${v.notes![p]}`).join(' · ') : '');
  const change = (v: Version, i: number) => {
    const before = list[i + 1];
    const now = total(v);
    const then = before ? total(before) : null;
    if (now === null || then === null) return '';
    const d = now - then;
    return d > 0 ? t('versionChanges.more', { count: d }) : d < 0 ? t('versionChanges.fewer', { count: -d }) : t('versionChanges.same');
  };

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
        {list.map((v, i) => (
          <li key={v.versionId} className="console-list__row">
            <span className="console-list__main">
              <span>
                {when(v)} · {why(v)}
              </span>
              {v.notes && (
                <span className="console-list__meta">
                  {holds(v)}
                  {change(v, i) && ` — ${change(v, i)}`}
                </span>
              )}
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
