import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { byDueDate, MAX_PROGRESS_NOTE_LENGTH, STEP_STATUSES, type StepStatus } from '@crossboard/model';
import { ApiError } from '../api/client.ts';
import { SiteHeader } from '../ui/SiteHeader.tsx';
import { ProgressSummary, STATUS_KEYS, StepFacts } from './FollowupParts.tsx';
import { followupApi, type OwnFollowup, type StepWithHistory } from './followup-api.ts';
import '../styles/series.css';
import './followup.css';

function StepUpdate({
  link,
  step,
  today,
  onSaved,
}: {
  link: string;
  step: StepWithHistory;
  today: string;
  onSaved: (message: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<StepStatus>(step.status);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const headingId = useId();
  const label = step.text || step.recommendationTitle;
  const save = async () => {
    setError(null);
    const body = { ...(status !== step.status ? { status } : {}), ...(note.trim() ? { note: note.trim() } : {}) };
    if (Object.keys(body).length === 0) {
      setError(t('followup.needSomething'));
      return;
    }
    setBusy(true);
    try {
      await followupApi.update(link, step.id, body);
      setNote('');
      await onSaved(t('followup.saved', { step: label }));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('errors.generic'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <li className="followup-step" aria-labelledby={headingId}>
      <p className="followup-step__rec">{step.recommendationTitle}</p>
      <h3 id={headingId}>{step.text || '—'}</h3>
      <StepFacts step={step} today={today} showOwner={false} />
      <form
        className="followup-update"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label className="field">
          <span>{t('followup.statusOf', { step: label })}</span>
          <select value={status} onChange={(e) => setStatus(e.target.value as StepStatus)}>
            {STEP_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(STATUS_KEYS[s])}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('followup.noteOf', { step: label, max: MAX_PROGRESS_NOTE_LENGTH })}</span>
          <textarea value={note} maxLength={MAX_PROGRESS_NOTE_LENGTH} onChange={(e) => setNote(e.target.value)} />
        </label>
        <div>
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('followup.saving') : t('followup.save')}
          </button>
        </div>
        {error && (
          <p role="alert" className="report-error">
            {error}
          </p>
        )}
      </form>
    </li>
  );
}

/** `/f/:link`: an owner's own steps, opened from the link the organisers sent; no account. */
export function OwnerPage({ link }: { link: string }) {
  const { t } = useTranslation();
  const [view, setView] = useState<OwnFollowup | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const reload = useCallback(async () => {
    try {
      setView(await followupApi.own(link));
    } catch (e) {
      setView(null);
      setError(
        e instanceof ApiError && (e.status === 404 || e.status === 410)
          ? t('followup.linkGone')
          : e instanceof ApiError
            ? e.message
            : t('errors.generic'),
      );
    }
  }, [link, t]);
  useEffect(() => void reload(), [reload]);
  const listHeading = 'followup-own-steps';
  return (
    <div className="page">
      <SiteHeader />
      <main id="main" className="series-page">
        <h1>{t('followup.ownTitle')}</h1>
        {view ? (
          <>
            <p>{t('followup.ownIntro', { owner: view.owner.name, workshop: view.workshop.title })}</p>
            <p>
              <a className="button button--small" href={`/api/followup/${encodeURIComponent(link)}/calendar.ics`} download>
                {t('followup.ownCalendar')}
              </a>
            </p>
            <ProgressSummary summary={view.summary} />
            <section className="series-card" aria-labelledby={listHeading}>
              <h2 id={listHeading}>{t('followup.steps')}</h2>
              {view.steps.length === 0 ? (
                <p>{t('followup.noSteps')}</p>
              ) : (
                <ul className="followup-steps">
                  {byDueDate(view.steps).map((s) => (
                    <StepUpdate
                      key={`${s.id}/${s.status}/${s.history.length}`}
                      link={link}
                      step={s}
                      today={view.today}
                      onSaved={async (message) => {
                        await reload();
                        setStatus(message);
                      }}
                    />
                  ))}
                </ul>
              )}
            </section>
          </>
        ) : (
          !error && <p role="status">{t('followup.loading')}</p>
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
