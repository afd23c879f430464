import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { saveCredential } from '../api/credentials.ts';
import { navigate } from '../shared/router.ts';
import { formatDateTime } from '../i18n/format.ts';
import { SiteHeader } from '../ui/SiteHeader.tsx';
import { registrationApi, type OwnRegistration } from './registration-api.ts';
import './messages.ts';
import './registration.css';

/**
 * The registrant's personal link (/registered/:secret): the confirmation, their sessions in
 * their own zone, the .ics, and once admitted a button that joins without retyping.
 */
export function RegisteredPage({ secret }: { secret: string }) {
  const { t, i18n } = useTranslation();
  const [mine, setMine] = useState<OwnRegistration | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    registrationApi.mine(secret).then(setMine, (e) => setError(e instanceof ApiError ? e.message : t('errors.generic')));
  }, [secret, t]);

  const join = async () => {
    if (!mine) return;
    setBusy(true);
    try {
      const joined = await registrationApi.join(secret);
      const d = mine.details;
      saveCredential(joined.workshopId, {
        token: joined.token,
        personId: joined.participantId,
        role: 'participant',
        name: d.name,
        organisation: d.organisation,
        timeZone: d.timeZone,
      });
      navigate(`/w/${encodeURIComponent(joined.workshopId)}`);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('errors.generic'));
      setBusy(false);
    }
  };

  const link = typeof window === 'undefined' ? '' : `${window.location.origin}/registered/${secret}`;
  return (
    <div className="page page--register">
      <SiteHeader />
      <main id="main" className="register">
        <section className="card register__card" aria-labelledby="registered-heading">
          <h1 id="registered-heading">{mine ? t('registration.done.heading') : ''}</h1>
          {error && (
            <p className="form__error" role="alert">
              {error}
            </p>
          )}
          {mine && (
            <>
              <p className="register__workshop">{mine.workshop.title}</p>
              <p role="status" className={`register__status register__status--${mine.status}`}>
                {t(`registration.done.${mine.status}`)}
              </p>
              {mine.sessions.length > 0 && (
                <>
                  <h2>{t('registration.done.yourSessions')}</h2>
                  <ul className="register__sessions">
                    {mine.sessions.map((s) => (
                      <li key={s.start}>
                        <strong>{s.label}</strong> —{' '}
                        {formatDateTime(s.start, i18n.language, { dateStyle: 'full', timeStyle: 'short' }, mine.details.timeZone)} (
                        {mine.details.timeZone.replace(/_/g, ' ')})
                      </li>
                    ))}
                  </ul>
                  <p>
                    <a className="button" href={registrationApi.calendarUrl(secret)} download>
                      {t('registration.done.calendar')}
                    </a>
                  </p>
                </>
              )}
              <div className="field">
                <label htmlFor="registered-link">{t('registration.done.personalLink')}</label>
                <div className="register__copy">
                  <input id="registered-link" readOnly value={link} onFocus={(e) => e.target.select()} />
                  <button
                    type="button"
                    className="button"
                    onClick={() => void navigator.clipboard?.writeText(link).then(() => setCopied(true))}
                  >
                    {copied ? t('registration.done.copied') : t('registration.done.copy')}
                  </button>
                </div>
              </div>
              {mine.status === 'admitted' && (
                <button type="button" className="button button--primary" onClick={() => void join()} disabled={busy}>
                  {busy ? t('registration.done.joining') : t('registration.done.join')}
                </button>
              )}
            </>
          )}
        </section>
      </main>
    </div>
  );
}
