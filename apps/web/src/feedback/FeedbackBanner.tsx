import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  COME_AGAIN,
  MAX_FEEDBACK_COMMENT_LENGTH,
  MET_SOMEONE,
  USEFUL_SCORES,
  type ComeAgain,
  type MetSomeone,
  type UsefulScore,
} from '@crossboard/model';
import { ApiError } from '../api/client.ts';
import { loadCredential } from '../api/credentials.ts';
import { feedbackApi, type SurveyState } from './feedback-api.ts';
import './messages.ts';
import './feedback.css';

/**
 * How often a participant's board asks whether the survey opened. The survey is a record on
 * the server, not part of a room, so it is polled; once a session ends a few seconds' delay
 * is nothing, and one small request per person per interval costs little.
 */
export const FEEDBACK_POLL_MS = 10_000;

/** On a participant's board: a banner when the survey opens, and the survey in a dialog. */
export function FeedbackBanner({ workshopId }: { workshopId: string }) {
  const { t } = useTranslation();
  const [token] = useState(() => loadCredential(workshopId)?.token ?? null);
  const [survey, setSurvey] = useState<SurveyState | null>(null);
  const [answered, setAnswered] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const [formOpen, setFormOpen] = useState(false);
  const [thanks, setThanks] = useState(false);

  useEffect(() => {
    if (!token) return;
    let stopped = false;
    const check = () =>
      feedbackApi.state(workshopId, token).then(
        (s) => {
          if (stopped) return;
          setSurvey(s.survey);
          setAnswered(s.answered);
        },
        () => {},
      );
    void check();
    const timer = setInterval(() => void check(), FEEDBACK_POLL_MS);
    const onFocus = () => void check();
    window.addEventListener('focus', onFocus);
    return () => {
      stopped = true;
      clearInterval(timer);
      window.removeEventListener('focus', onFocus);
    };
  }, [workshopId, token]);

  const show = survey?.status === 'open' && !answered && !dismissed;
  return (
    <>
      {/* Always present, so that screen readers announce the banner's text when it appears. */}
      <div role="status" aria-live="polite" className="feedback-live">
        {show && (
          <div className="notice feedback-banner">
            <span>{t('feedback.bannerOpen')}</span>
            <button type="button" className="button button--primary button--small" onClick={() => setFormOpen(true)}>
              {t('feedback.answer')}
            </button>
            <button type="button" className="button button--small" onClick={() => setDismissed(true)}>
              {t('feedback.later')}
            </button>
          </div>
        )}
        {thanks && <p className="notice feedback-banner">{t('feedback.thanks')}</p>}
      </div>
      {formOpen && token && survey && (
        <SurveyDialog
          workshopId={workshopId}
          token={token}
          anonymous={survey.anonymous}
          onClose={() => setFormOpen(false)}
          onSent={() => {
            setFormOpen(false);
            setAnswered(true);
            setThanks(true);
          }}
        />
      )}
    </>
  );
}

function SurveyDialog(props: { workshopId: string; token: string; anonymous: boolean; onClose(): void; onSent(): void }) {
  const { t } = useTranslation();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [useful, setUseful] = useState<UsefulScore | null>(null);
  const [comeAgain, setComeAgain] = useState<ComeAgain | null>(null);
  const [metSomeone, setMetSomeone] = useState<MetSomeone | null>(null);
  const [change, setChange] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  useEffect(() => {
    // The native modal keeps focus inside, closes on Escape and returns focus when it closes.
    const d = dialog.current;
    if (d && !d.open) d.showModal?.();
    return () => d?.close?.();
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (useful === null && comeAgain === null && metSomeone === null && !change.trim()) {
      setError(t('feedback.needOne'));
      return;
    }
    setBusy(true);
    setError('');
    try {
      await feedbackApi.answer(props.workshopId, props.token, { useful, comeAgain, metSomeone, change });
      props.onSent();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'FEEDBACK_ALREADY_ANSWERED') props.onSent();
      else setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  const choice = <T extends string | number>(
    name: string,
    legend: string,
    values: readonly T[],
    value: T | null,
    set: (v: T) => void,
    label: (v: T) => string,
  ) => (
    <fieldset className="feedback-question">
      <legend>{legend}</legend>
      <div className="feedback-choices">
        {values.map((v) => (
          <label key={String(v)} className="feedback-choice">
            <input type="radio" name={`${id}-${name}`} checked={value === v} onChange={() => set(v)} />
            <span>{label(v)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );

  return (
    <dialog ref={dialog} className="feedback-dialog" aria-labelledby={`${id}-title`} onCancel={props.onClose}>
      <form onSubmit={(e) => void submit(e)}>
        <h2 id={`${id}-title`}>{t('feedback.dialogTitle')}</h2>
        <p className="report-muted">{props.anonymous ? t('feedback.anonymousNote') : t('feedback.namedNote')}</p>
        {choice('useful', t('feedback.useful'), USEFUL_SCORES, useful, setUseful, String)}
        {choice('again', t('feedback.comeAgain'), COME_AGAIN, comeAgain, setComeAgain, (v) => t(`feedback.${v}`))}
        {choice('met', t('feedback.metSomeone'), MET_SOMEONE, metSomeone, setMetSomeone, (v) => t(`feedback.${v}`))}
        <label className="field">
          <span>{t('feedback.change')}</span>
          <textarea
            rows={3}
            maxLength={MAX_FEEDBACK_COMMENT_LENGTH}
            value={change}
            onChange={(e) => setChange(e.target.value)}
            aria-describedby={`${id}-count`}
          />
          <small id={`${id}-count`}>{t('feedback.changeHint', { count: change.length, max: MAX_FEEDBACK_COMMENT_LENGTH })}</small>
        </label>
        {error && (
          <p className="notice notice--error" role="alert">
            {error}
          </p>
        )}
        <div className="feedback-dialog__actions">
          <button type="button" className="button" onClick={props.onClose}>
            {t('feedback.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('feedback.sending') : t('feedback.send')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
