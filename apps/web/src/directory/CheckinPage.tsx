import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { loadCredential } from '../api/credentials.ts';
import { Link } from '../ui/Link.tsx';
import { formatLocalTime } from '../shared/time-zones.ts';
import { SiteHeader } from '../ui/SiteHeader.tsx';
import { WorkshopNav } from '../ui/WorkshopNav.tsx';
import { checkinApi, type CheckinWall } from '../api/directory-api.ts';
import '../i18n/people-messages.ts';
import '../styles/people.css';

/** New cards show within this long without a socket: a check-in lasts minutes, not seconds. */
const WALL_REFRESH_MS = 4_000;
const MAX_ANSWER = 280;

/** The check-in wall (/w/:id/checkin): the prompt, a card per answer, and who is ready. */
export function CheckinPage({ workshopId }: { workshopId: string }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const credential = loadCredential(workshopId);
  const [wall, setWall] = useState<CheckinWall | null>(null);
  const [answer, setAnswer] = useState('');
  const [prompt, setPrompt] = useState(() => t('people.checkin.promptDefault'));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(Date.now());

  const load = useCallback(() => {
    if (!credential) return;
    checkinApi.wall(workshopId, credential.token).then(
      (w) => {
        setWall(w);
        setNow(Date.now());
      },
      (e) => setError(e instanceof ApiError ? e.message : t('errors.generic')),
    );
  }, [workshopId, credential?.token, t]);
  useEffect(() => {
    load();
    const timer = setInterval(load, WALL_REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);

  const ended = !!wall?.round && !wall.open;
  const mine = wall?.cards.find((c) => c.personId === credential?.personId);
  // "Update my card" starts from the card as posted (after a reload, too), not from an empty
  // box; once only, so the wall's refresh never overwrites what is being typed.
  const prefilled = useRef(false);
  useEffect(() => {
    if (!mine || prefilled.current) return;
    prefilled.current = true;
    setAnswer((typed) => typed || mine.answer);
  }, [mine]);
  const act = async (ev: { preventDefault(): void }, run: () => Promise<unknown>) => {
    ev.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await run();
      load();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('errors.generic'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page page--people">
      <SiteHeader />
      <WorkshopNav workshopId={workshopId} current="checkin" />
      <main id="main" className="people">
        <p>
          <Link href={`/w/${encodeURIComponent(workshopId)}`}>{t('people.directory.back')}</Link>
        </p>
        <h1>{t('people.checkin.heading')}</h1>
        {!credential && <p className="notice">{t('people.directory.signIn')}</p>}
        {error && (
          <p className="form__error" role="alert">
            {error}
          </p>
        )}
        {credential?.role === 'facilitator' && (
          <form
            className="card checkin__start"
            onSubmit={(e) => void act(e, () => checkinApi.start(workshopId, credential.token, prompt.trim()))}
          >
            <div className="field">
              <label htmlFor={`${id}-prompt`}>{t('people.checkin.prompt')}</label>
              <input id={`${id}-prompt`} maxLength={200} value={prompt} onChange={(e) => setPrompt(e.target.value)} />
            </div>
            <div className="checkin__actions">
              <button type="submit" className="button" disabled={busy || !prompt.trim()}>
                {busy ? t('people.checkin.starting') : t('people.checkin.start')}
              </button>
              {wall?.open && (
                <button
                  type="button"
                  className="button"
                  disabled={busy}
                  onClick={(e) => void act(e, () => checkinApi.end(workshopId, credential.token))}
                >
                  {busy ? t('people.checkin.ending') : t('people.checkin.end')}
                </button>
              )}
            </div>
          </form>
        )}
        {wall && !wall.round && <p>{t('people.checkin.notStarted')}</p>}
        {/* Always in the page, so that the round ending (by this facilitator or, on the next refresh, by another) is announced. */}
        <p role="status" className={ended ? 'notice checkin__ended' : 'checkin__ended'}>
          {ended ? t('people.checkin.ended') : ''}
        </p>
        {wall?.round && credential && (
          <>
            <p className="checkin__prompt">{wall.round.prompt}</p>
            <p role="status" className="checkin__ready">
              {t('people.checkin.ready', { ready: wall.ready, people: wall.people })}
            </p>
            {!ended && (
              <form
                className="card checkin__answer"
                onSubmit={(e) => void act(e, () => checkinApi.answer(workshopId, credential.token, answer.trim()))}
              >
                <div className="field">
                  <label htmlFor={`${id}-answer`}>{t('people.checkin.answer')}</label>
                  <textarea
                    id={`${id}-answer`}
                    rows={2}
                    maxLength={MAX_ANSWER}
                    value={answer}
                    onChange={(e) => setAnswer(e.target.value)}
                    aria-describedby={`${id}-note`}
                  />
                  <p id={`${id}-note`} className="field__hint">
                    {t('people.checkin.cardNote')}
                  </p>
                </div>
                <button type="submit" className="button button--primary" disabled={busy || !answer.trim()}>
                  {busy ? t('people.checkin.sending') : mine ? t('people.checkin.update') : t('people.checkin.send')}
                </button>
              </form>
            )}
            {wall.cards.length === 0 ? (
              !ended && <p>{t('people.checkin.empty')}</p>
            ) : (
              <ul className="people__cards checkin__wall" aria-label={t('people.checkin.heading')}>
                {wall.cards.map((c) => (
                  <li key={c.personId} className="person-card checkin__card" aria-labelledby={`${id}-${c.personId}`}>
                    <h2 id={`${id}-${c.personId}`}>
                      {c.name}
                      {c.personId === credential.personId && <span className="checkin__you"> ({t('people.checkin.you')})</span>}
                    </h2>
                    <p className="person-card__country">
                      {c.country && `${c.country} · `}
                      {/* "Local time 10:27 PM" reads as one thing: it wraps as a whole, never mid-time. */}
                      <span className="checkin__time">
                        {t('people.checkin.localTime', { time: formatLocalTime(now, c.timeZone, i18n.language) })}
                      </span>
                    </p>
                    <p className="checkin__text">{c.answer}</p>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </main>
    </div>
  );
}
