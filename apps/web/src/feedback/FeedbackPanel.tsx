import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeedbackResults } from '@crossboard/model';
import { ApiError } from '../api/client.ts';
import { feedbackApi, type SurveyState } from './feedback-api.ts';
import { FeedbackResultsView } from './FeedbackResultsView.tsx';

/** On the report page, for staff: open or close the survey, and read its results. */
export function FeedbackPanel({ workshopId, token, canRun }: { workshopId: string; token: string; canRun: boolean }) {
  const { t } = useTranslation();
  const [survey, setSurvey] = useState<SurveyState | null>(null);
  const [results, setResults] = useState<FeedbackResults | null>(null);
  const [anonymous, setAnonymous] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const load = useCallback(
    () =>
      feedbackApi.results(workshopId, token).then(
        (r) => {
          setSurvey(r.survey);
          setResults(r.results);
        },
        (e: unknown) => setError(e instanceof ApiError ? e.message : String(e)),
      ),
    [workshopId, token],
  );
  useEffect(() => void load(), [load]);

  const act = async (what: 'open' | 'close') => {
    setBusy(true);
    setError('');
    try {
      await (what === 'open' ? feedbackApi.open(workshopId, token, anonymous) : feedbackApi.close(workshopId, token));
      await load();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="feedback-heading" className="feedback-panel">
      <h2 id="feedback-heading">{t('feedback.heading')}</h2>
      <p role="status">
        {survey === null ? t('feedback.notRun') : survey.status === 'open' ? t('feedback.isOpen') : t('feedback.isClosed')}
      </p>
      {canRun && (
        <div className="feedback-panel__actions">
          {survey === null && (
            <label className="checkbox">
              <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />
              <span>{t('feedback.anonymousChoice')}</span>
            </label>
          )}
          {survey?.status === 'open' ? (
            <button type="button" className="button" disabled={busy} onClick={() => void act('close')}>
              {t('feedback.close')}
            </button>
          ) : (
            <button type="button" className="button button--primary" disabled={busy} onClick={() => void act('open')}>
              {survey === null ? t('feedback.open') : t('feedback.reopen')}
            </button>
          )}
        </div>
      )}
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      {results && <FeedbackResultsView results={results} />}
    </section>
  );
}
